import Foundation
import Testing

@testable import Bibliography

@Suite("BibTeX syntax")
struct BibTeXReaderTests {
  func read(_ text: String) -> SourceDocument { BibTeXReader().parse(text, file: "t.bib") }

  @Test("@string macros, # concatenation, month macros, quoted and bare values")
  func macros() throws {
    let doc = read(
      """
      @String{ jgr = "J. Geo" # "phys. Res." }
      @STRING(pre = {Proc. })
      @Article{a1,
        TITLE = "Waves in {B}ig {S}eas",
        Journal = jgr,
        year = 1999,
        month = oct # "\\slash " # nov,
        author = "Smith, John"
      }
      @inproceedings{a2, title={T}, booktitle = pre # {Conf}, year = {2001}}
      """)
    try #require(doc.publications.count == 2)
    let a = doc.publications[0]
    #expect(a.title == "Waves in Big Seas")
    #expect(a.venue == "J. Geophys. Res.")
    #expect(a.year == 1999)
    #expect(a.authors == ["John Smith"])
    #expect(a.kind == .journal)
    #expect(doc.publications[1].venue == "Proc. Conf")
    #expect(doc.publications[1].kind == .conference)
    #expect(doc.diagnostics.isEmpty)
  }

  @Test("@comment, @preamble, % comments and text between entries are skipped")
  func commentary() {
    let doc = read(
      """
      % @article{commented, title={no}}
      Some notes, e-mail me at someone@example.org.
      @comment{ @article{inside, title={no}} }
      @preamble{ "\\newcommand{\\noopsort}[1]{}" }
      @misc{m, title = {Kept}, % trailing comment
        %note = {},
        year = 2020}
      """)
    #expect(doc.publications.map(\.title) == ["Kept"])
    #expect(doc.publications.first?.year == 2020)
  }

  @Test("nested braces and case-insensitive types and fields")
  func nesting() {
    let doc = read("@ARTICLE{k, TiTlE = {A {{deeply {nested}}} title}, AUTHOR={Doe, J.}}")
    #expect(doc.publications.first?.title == "A deeply nested title")
    #expect(doc.publications.first?.authors == ["J. Doe"])
  }

  @Test(
    "LaTeX accents and commands become Unicode",
    arguments: [
      (#"M{\"u}ller"#, "Müller"), (#"\'{e}t\'e"#, "été"), (#"Stra{\ss}e"#, "Straße"),
      (#"\v{C}ech"#, "Čech"), (#"{\o}ystein"#, "øystein"), (#"\l{}\'od\'z"#, "łódź"),
      (#"pages 10--20"#, "pages 10–20"), (#"A~B"#, "A B"), (#"R\&D"#, "R&D"),
      (#"\c{c}a"#, "ça"), (#"Ar{\'\i}n"#, "Arín"), (#"\emph{Deep} \textbf{nets}"#, "Deep nets"),
      (#"$\alpha$-helix"#, "α-helix"), (#"H$_2$O"#, "H₂O"),
      (#"$\sim$10$^{5}$ K, 30$^\circ$"#, "∼10⁵ K, 30°"),
      (#"$x^{\rm th}$"#, "xth"), (#"``quoted''"#, "“quoted”"),
      (#"\H{o}\k{a}\r{u}"#, "őąů"), (#"50\% off"#, "50% off"), (#"---"#, "—"),
    ])
  func latex(input: String, expected: String) {
    #expect(LaTeXText.toUnicode(input) == expected)
  }

  @Test(
    "BibTeX name grammar",
    arguments: [
      ("Donald E. Knuth", "Donald E.", "", "Knuth", ""),
      ("Ludwig van Beethoven", "Ludwig", "van", "Beethoven", ""),
      ("van Beethoven, Ludwig", "Ludwig", "van", "Beethoven", ""),
      ("de la Fontaine, Jr., Jean", "Jean", "de la", "Fontaine", "Jr."),
      ("Van Steen, Maarten", "Maarten", "", "Van Steen", ""),
      ("{Barnes and Noble, Inc.}", "", "", "Barnes and Noble, Inc.", ""),
      (
        "Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin", "Charles Louis Xavier Joseph",
        "de la", "Vallée Poussin", ""
      ),
      ("Leal-Taix{\\'e}, Laura", "Laura", "", "Leal-Taixé", ""),
      ("{\\\"U}nal, Ali", "Ali", "", "Ünal", ""),
      ("S.~W. Hawking", "S. W.", "", "Hawking", ""),
    ])
  func names(raw: String, first: String, von: String, last: String, jr: String) throws {
    let list = BibTeXNames.parse(raw)
    try #require(list.names.count == 1)
    #expect(list.names[0] == BibTeXName(first: first, von: von, last: last, jr: jr))
  }

  @Test("'and' splits names only at brace depth 0; 'and others' truncates")
  func nameLists() {
    let list = BibTeXNames.parse("{Barnes and Noble} and Doe, Jane AND John Roe and others")
    #expect(list.names.map(\.displayName) == ["Barnes and Noble", "Jane Doe", "John Roe"])
    #expect(list.truncated)
    let doc = read("@article{k, author = {A. One and others}, title = {T}}")
    #expect(doc.publications.first?.authorsTruncated == true)
    #expect(doc.publications.first?.authors == ["A. One"])
  }

  @Test("HTML marks in author fields are removed")
  func htmlMarks() {
    let doc = read(
      "@article{k, title={Colon&#58; yes}, author={Xie<b>#</b>, Junwei and <b>Ming*</b>, <b>Di</b>}}"
    )
    #expect(doc.publications.first?.authors == ["Junwei Xie", "Di Ming"])
    #expect(doc.publications.first?.title == "Colon: yes")
  }

  @Test("East Asian names keep family-name-first order")
  func eastAsian() {
    let list = BibTeXNames.parse("张, 金峰 and 欧陽辰")
    #expect(list.names.map(\.displayName) == ["张金峰", "欧陽辰"])
  }

  @Test("crossref children inherit the parent's fields and its title as booktitle")
  func crossref() {
    let doc = read(
      """
      @inproceedings{child, author = {A. B}, title = {Paper}, crossref = {PARENT}}
      @proceedings{parent, title = {Proceedings of X}, year = 2004, publisher = {P}}
      """)
    #expect(doc.publications.count == 2)
    #expect(doc.publications[0].venue == "Proceedings of X")
    #expect(doc.publications[0].year == 2004)
  }

  @Test("entry kinds, DOI and arXiv ids")
  func kindsAndIdentifiers() {
    let doc = read(
      """
      @misc{p, title={P}, eprint={2101.00001v2}, archivePrefix={arXiv}, primaryClass={cs.LG}}
      @article{q, title={Q}, journal={arXiv preprint arXiv:1905.12345}, year={2019}}
      @phdthesis{r, title={R}, school={MIT}, year={2010}}
      @article{s, title={S}, journal={J}, doi={https://doi.org/10.1000/XYZ.1}}
      @misc{t, title={T}, url={https://arxiv.org/abs/hep-th/9901001}}
      @inproceedings{u, title={U}, booktitle={Workshop on Things}}
      @incollection{v, title={V}, booktitle={Book}}
      @techreport{w, title={W}, institution={Lab}, date={2003-04-01}}
      """)
    let kinds = doc.publications.map(\.kind)
    #expect(
      kinds == [.preprint, .preprint, .thesis, .journal, .preprint, .workshop, .chapter, .report])
    #expect(doc.publications[0].arxivID == "2101.00001")
    #expect(doc.publications[1].arxivID == "1905.12345")
    #expect(doc.publications[2].venue == "MIT")
    #expect(doc.publications[3].doi == "10.1000/XYZ.1")
    #expect(doc.publications[4].arxivID == "hep-th/9901001")
    #expect(doc.publications[7].year == 2003)
  }

  @Test("abstracts and keywords")
  func abstractAndKeywords() {
    let doc = read(
      "@article{k, title={T}, abstract={We show {\\em that}\n  it works.}, keywords={graphs; networks}}"
    )
    #expect(doc.publications.first?.abstract == "We show that it works.")
    #expect(doc.publications.first?.keywords == ["graphs", "networks"])
  }

  @Test("a broken entry is kept and reported at its line; reading goes on")
  func recovery() throws {
    let doc = read(
      """
      @article{ok1, title={One}, author={A. B}}

      @article{broken, title={Two, author={C. D}

      @article{ok2, title={Three}, author={E. F}}
      @misc{nocomma, title = {Four}
        author = {G. H}}
      @misc{noequals, title {Five}, author={I. J}}
      """)
    #expect(doc.publications.map(\.title) == ["One", "Two, author=C. D", "Three", "Four", ""])
    #expect(doc.publications[3].authors == ["G. H"])
    #expect(doc.publications[4].authors == ["I. J"])
    let lines = Set(doc.diagnostics.filter { $0.severity == .error }.map(\.location.line))
    #expect(lines.contains(3))  // unterminated value of 'broken'
    #expect(lines.contains(7))  // missing comma before author
    #expect(lines.contains(8))  // title without '='
  }

  @Test("an unterminated last entry is reported and kept")
  func unterminated() {
    let doc = read("@article{k, title = {T}, author = {A. B}")
    #expect(doc.publications.count == 1)
    #expect(doc.diagnostics.contains { $0.severity == .error && $0.location.line == 1 })
  }

  @Test("undefined macros are kept as text with a warning")
  func undefinedMacro() {
    let doc = read("@article{k, title = {T}, journal = mnras}")
    #expect(doc.publications.first?.venue == "mnras")
    #expect(doc.diagnostics.contains { $0.message.contains("undefined macro 'mnras'") })
  }
}
