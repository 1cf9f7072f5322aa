import Bibliography
import Testing

@testable import CoauthorAnalysis

@Suite("Deduplication keeps the authors' identifiers of every copy")
struct CorpusAuthorIdentifierTests {
  static let lei = "0000-0002-1825-0097"
  static let lee = "0000-0001-5109-3700"

  /// The same paper in a .bib file without iDs and a Crossref-style CSL-JSON with them.
  static let bibtex = """
    @inproceedings{lei2020,
      author = {Lei, Q. and Lee, Jason D. and Roe, Jo},
      title = {Steepest Descent Neural Architecture Optimization},
      booktitle = {ICML}, year = 2020, doi = {10.5555/SDNAO}}
    @article{other,
      author = {Lei, Qi and Bee, Ann}, title = {A Different Paper Entirely}, year = 2019}
    """
  static let csl = """
    [{"type": "paper-conference", "title": "Steepest descent neural architecture optimization",
      "DOI": "10.5555/sdnao", "issued": {"date-parts": [[2020]]},
      "author": [{"family": "Lei", "given": "Qi", "ORCID": "https://orcid.org/\(lei)"},
                 {"family": "Lee", "given": "Jason D.", "ORCID": "https://orcid.org/\(lee)"},
                 {"family": "Roe", "given": "Jo"}]}]
    """

  func documents(csl: String = Self.csl) -> [SourceDocument] {
    [
      BibTeXReader().parse(Self.bibtex, file: "lei.bib"),
      CSLJSONReader().parse(csl, file: "crossref.json"),
    ]
  }

  @Test("the kept .bib record gains the ORCIDs of the CSL-JSON copy, by author position")
  func gainsORCIDs() throws {
    let corpus = Corpus.assemble(documents())
    try #require(corpus.paperMerges.count == 1)
    #expect(corpus.paperMerges[0].reason == "same DOI")
    let paper = try #require(corpus.papers.first { $0.publication.doi?.lowercased() == "10.5555/sdnao" })
    #expect(paper.publication.location.file == "lei.bib")
    #expect(paper.publication.authorIdentifiers.map(\.orcid) == [Self.lei, Self.lee, nil])
    #expect(!corpus.diagnostics.contains { $0.message.contains("copy of the same paper") })
    // The iD reaches name resolution: "Q. Lei" on the merged paper is the iD holder, and
    // "Qi Lei" on the other paper joins that person.
    let lei = try #require(corpus.person(named: "Qi Lei"))
    #expect(paper.authors.first == lei)
    #expect(corpus.papers.filter { $0.authors.contains(lei) }.count == 2)
  }

  @Test("a different ORCID in the other copy is reported, and the kept one stays")
  func conflict() throws {
    let other = "0000-0002-1694-233X"
    let kept = Publication(
      title: "Steepest Descent Neural Architecture Optimization",
      authors: ["Qi Lei", "Jason D. Lee", "Jo Roe"], year: 2020, doi: "10.5555/SDNAO",
      authorIdentifiers: [AuthorIdentifiers(), AuthorIdentifiers(orcid: Self.lee), AuthorIdentifiers()],
      location: InputLocation(file: "lei.bib", line: 3))
    let csl = Self.csl.replacingOccurrences(of: Self.lee, with: other)
    let corpus = Corpus.assemble([
      SourceDocument(file: "lei.bib", format: .bibtex, publications: [kept]),
      CSLJSONReader().parse(csl, file: "crossref.json"),
    ])
    let paper = try #require(corpus.papers.first)
    #expect(paper.publication.location.file == "lei.bib")
    // Lei's iD was missing and is added; Lee's differs and stays as the kept record has it.
    #expect(paper.publication.authorIdentifiers.map(\.orcid) == [Self.lei, Self.lee, nil])
    let warnings = corpus.diagnostics.filter { $0.message.contains("copy of the same paper") || $0.message.contains("differs") }
    #expect(warnings.count == 1)
    let warning = try #require(warnings.first)
    #expect(warning.location.file == "crossref.json")
    #expect(warning.message.contains(Self.lee) && warning.message.contains(other))
    #expect(warning.message.contains("lei.bib:3"))
  }
}
