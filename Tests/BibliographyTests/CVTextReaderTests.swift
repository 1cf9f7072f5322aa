import Foundation
import Testing

@testable import Bibliography

@Suite("CV text reader")
struct CVTextReaderTests {
  // Expected values below were counted by hand in Data/qi-lei-cv.txt (lines 96–157).

  static func seed() throws -> SourceDocument {
    CVTextReader().parse(try TestData.text("Data/qi-lei-cv.txt"), file: "qi-lei-cv.txt")
  }

  /// Publications and workshop articles, without the two patents.
  static func articles(_ document: SourceDocument) -> [Publication] {
    document.publications.filter { $0.kind != .patent }
  }

  @Test("47 entries under Publications and Workshop Articles, plus 2 patents, no diagnostics")
  func seedCounts() throws {
    let document = try Self.seed()
    #expect(Self.articles(document).count == 47)
    #expect(document.publications.filter { $0.kind == .patent }.count == 2)
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    #expect(document.format == .cvText)
  }

  @Test("entry 38 reads exactly")
  func entry38() throws {
    let entry = Self.articles(try Self.seed())[37]
    #expect(entry.title == "Gradient Coding: Avoiding Stragglers in Distributed Learning")
    #expect(
      entry.authors == [
        "Rashish Tandon", "Qi Lei", "Alexandros G. Dimakis", "Nikos Karampatziakis",
      ])
    #expect(entry.venue?.contains("ICML") == true)
    #expect(entry.year == 2017)
    #expect(entry.kind == .conference)
    #expect(!entry.alphabetical)
    #expect(entry.location == InputLocation(file: "qi-lei-cv.txt", line: 138))
  }

  @Test(
    "entries that lost their number are read in place",
    arguments: [
      (6, 103, "Cluster-aware Semi-supervised Learning"),
      (11, 108, "Sample Efficiency of Data Augmentation Consistency Regularization"),
      (16, 114, "Optimal Gradient-based Algorithms for Nonconcave Bandit Optimization"),
      (25, 123, "Communication-Efficient Asynchronous Stochastic Frank-Wolfe"),
      (45, 148, "Beyond Gradient and Priors in Privacy Attacks"),
    ])
  func unnumbered(position: Int, line: Int, titlePrefix: String) throws {
    let entry = Self.articles(try Self.seed())[position - 1]
    #expect(entry.title.hasPrefix(titlePrefix))
    #expect(entry.location.line == line)
  }

  @Test("the entry split over two lines keeps its authors and its title")
  func splitEntry() throws {
    let entry = Self.articles(try Self.seed())[24]
    #expect(
      entry.authors == [
        "Jiacheng Zhuo", "Qi Lei", "Alexandros G. Dimakis", "Constantine Caramanis",
      ])
    #expect(
      entry.title
        == "Communication-Efficient Asynchronous Stochastic Frank-Wolfe over Nuclearnorm Ball")
    #expect(entry.year == 2020)
    #expect(entry.venue?.contains("AISTATS") == true)
  }

  @Test("7 entries carry the alphabetical-order mark")
  func alphabetical() throws {
    let marked = Self.articles(try Self.seed()).enumerated().filter { $0.element.alphabetical }
    // Publications 15, 16, 18, 20, 22, 23 and workshop article 4 (position 47).
    #expect(marked.map { $0.offset + 1 } == [15, 16, 18, 20, 22, 23, 47])
    // The marks never reach the names.
    #expect(marked.allSatisfy { $0.element.authors.allSatisfy { !$0.contains("*") } })
  }

  @Test("kinds: 40 conference, 3 journal, 4 workshop, 2 patents")
  func kinds() throws {
    let publications = try Self.seed().publications
    let count = { (kind: PublicationKind) in publications.filter { $0.kind == kind }.count }
    #expect(count(.conference) == 40)
    #expect(count(.journal) == 3)
    #expect(count(.workshop) == 4)
    #expect(count(.patent) == 2)
    // Journals are entries 40–42 ("Transactions", "Journal", a "Science" journal).
    #expect(publications[39...41].allSatisfy { $0.kind == .journal })
  }

  @Test("markdown bold is removed from names and titles")
  func markup() throws {
    let publications = try Self.seed().publications
    #expect(publications.allSatisfy { $0.authors.allSatisfy { !$0.contains("*") } })
    #expect(publications.allSatisfy { !$0.title.contains("*") && !$0.title.contains("\"") })
    #expect(publications[0].authors == ["Yijun Dong", "Hoang Phan", "Xiang Pan", "Qi Lei"])
  }

  @Test("years and venues: 'to appear at', volumes and pages")
  func venues() throws {
    let publications = try Self.seed().publications
    #expect(publications[0].venue == "NeurIPS")
    #expect(publications[0].year == 2024)
    #expect(publications[0].kind == .conference)
    #expect(publications[39].venue == "IEEE Transactions on Signal Processing")
    #expect(publications[39].year == 2016)  // not "64.21", not the pages
    #expect(publications[40].year == 2015)
    #expect(publications[46].venue == "ICML 2021 Workshop on Reinforcement Learning Theory")
    #expect(publications.filter { $0.kind != .patent }.allSatisfy { $0.year != nil })
  }

  @Test("the two patents are read with their inventors")
  func patents() throws {
    let patents = try Self.seed().publications.filter { $0.kind == .patent }
    #expect(patents.count == 2)
    #expect(
      patents[0].title
        == "Method and System for General and Efficient Time Series Representation Learning via Dynamic Time Warping"
    )
    #expect(patents[0].authors == ["Q. Lei", "J. Yi", "R. Vaculin", "W. Sun"])
    #expect(
      patents[1].title == "Real-Time Cold Start Recommendation and Rationale within a Dialog System"
    )
    #expect(patents[1].authors == ["Q. Lei", "J. Yi", "R. Vaculin", "M. Pietro"])
    #expect(patents.map(\.location.line) == [154, 156])
  }

  @Test("teaching, service, awards and other sections produce no records")
  func otherSections() throws {
    let lines = try Self.seed().publications.map(\.location.line)
    // Publications start at line 98; Teaching starts at 159.
    #expect(lines.allSatisfy { (98...157).contains($0) })
    #expect(
      !(try Self.seed()).publications.contains {
        $0.title.contains("Provably effective algorithms")
      })
  }

  @Test("the owner is detected as the name on most entries, unless given")
  func owner() throws {
    #expect(try Self.seed().owner == "Qi Lei")
    let given = CVTextReader(owner: "Someone Else").parse(
      try TestData.text("Data/qi-lei-cv.txt"), file: "cv")
    #expect(given.owner == "Someone Else")
  }

  // MARK: General shapes

  @Test("numbered list, 'Authors. \"Title\". Venue, Year' shape, hard-wrapped entries")
  func numberedList() {
    let text = """
      Selected Publications

      1. Ada Lovelace and Charles Babbage. "Notes on the Analytical Engine". Scientific Memoirs, 1843.
      2. Alan M. Turing, "On Computable Numbers",
         Proceedings of the London Mathematical Society, 1937: 230-265
      [3] Grace Hopper, Jean E. Sammet, "COBOL Design", arXiv preprint arXiv:1234.56789, 2019

      Talks

      1. Ada Lovelace, "Not a paper", Somewhere, 2020
      """
    let document = CVTextReader().parse(text, file: "t.md")
    #expect(document.publications.count == 3)
    #expect(document.diagnostics.isEmpty)
    let first = document.publications[0]
    #expect(first.authors == ["Ada Lovelace", "Charles Babbage"])
    #expect(first.title == "Notes on the Analytical Engine")
    #expect(first.venue == "Scientific Memoirs")
    #expect(first.year == 1843)
    let second = document.publications[1]
    #expect(second.authors == ["Alan M. Turing"])
    #expect(second.venue == "Proceedings of the London Mathematical Society")
    #expect(second.kind == .conference)
    #expect(second.location.line == 4)
    let third = document.publications[2]
    #expect(third.kind == .preprint)
    #expect(third.arxivID == "1234.56789")
    #expect(third.year == 2019)
  }

  @Test("unquoted shapes: 'Authors. Title. Venue, Year' and 'Authors (Year) Title. Venue'")
  func unquotedShapes() {
    let text = """
      Journal Articles

      - Jane Q. Public, John Smith. A study of things. Journal of Studies, 12(3), 2015.
      - Corriveau A, Rosenberg MD, deBettencourt MT (2024) Attention dynamics in memory. Psychonomic Bulletin & Review.
      """
    let document = CVTextReader().parse(text, file: "t.md")
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    #expect(document.publications.count == 2)
    #expect(document.publications[0].authors == ["Jane Q. Public", "John Smith"])
    #expect(document.publications[0].title == "A study of things")
    #expect(document.publications[0].year == 2015)
    #expect(document.publications[0].kind == .journal)
    #expect(
      document.publications[1].authors == ["Corriveau A", "Rosenberg MD", "deBettencourt MT"])
    #expect(document.publications[1].title == "Attention dynamics in memory")
    #expect(document.publications[1].year == 2024)
  }

  @Test("all authors starred means alphabetical even without a legend; some starred does not")
  func starsWithoutLegend() {
    let text = """
      Publications

      - A. One*, B. Two*, "Alphabetical", ICML, 2020
      - C. Three*, D. Four, "Equal contribution", ICML, 2020
      """
    let publications = CVTextReader().parse(text, file: "t").publications
    #expect(publications.map(\.alphabetical) == [true, false])
  }

  @Test("LaTeX-flavoured lists: \\section headings, \\item entries, \\textbf names")
  func latexList() {
    let text = #"""
      \section{Teaching}
      \item Linear Algebra, "Not a paper", NYU, 2024
      \section*{Journal Articles}
      \item \textbf{Qi Lei}, Jason D. Lee, "A Latex Entry", Journal of Examples, 2022
      """#
    let document = CVTextReader().parse(text, file: "cv.tex")
    #expect(document.publications.count == 1)
    #expect(document.publications.first?.authors == ["Qi Lei", "Jason D. Lee"])
    #expect(document.publications.first?.kind == .journal)
    #expect(document.publications.first?.location.line == 4)
  }

  @Test("IEEE and APA shapes")
  func citationStyles() {
    let text = """
      Publications

      [1] A. Author and B. Writer, "A title with a comma," in Proc. Int. Conf. Examples, 2020, pp. 1–10.
      [2] C. Scholar, D. Reader, "Another title," IEEE Trans. Signal Process., vol. 64, no. 2, 2016.
      [3] Smith, J., & Doe, A. B. (2019). Learning from lists. Journal of Lists, 12(3), 45-67.
      """
    let publications = CVTextReader().parse(text, file: "t").publications
    #expect(publications.count == 3)
    #expect(publications[0].authors == ["A. Author", "B. Writer"])
    #expect(publications[0].title == "A title with a comma")
    #expect(publications[0].kind == .conference)
    #expect(publications[0].year == 2020)
    #expect(publications[1].kind == .journal)
    #expect(publications[1].year == 2016)
    #expect(publications[2].authors == ["J. Smith", "A. B. Doe"])
    #expect(publications[2].title == "Learning from lists")
    #expect(publications[2].year == 2019)
    #expect(publications[2].kind == .journal)
  }

  @Test("HTML lists: link titles, '(With …)' coauthors get the owner, entities decoded")
  func htmlList() {
    let text = """
      ## Publications
      <ol>
      <li><a href="/a.pdf">Taken by Storm</a>, <em>Journal of Storms &amp; Weather</em>, Vol. 12, April 2020. (With Parag Mahajan.)</li>
      <li><a href="/b.pdf">Under the Weather</a>, <em>Economic Review</em>, 2009. (With Sharon Maccini. Click here for the appendix.)</li>
      <li>Yang, Dean, "A Solo Chapter", Handbook of Things, 2006.</li>
      <li>Smith and Jones, "Two Surnames", Journal of Names, 2001.</li>
      </ol>
      """
    let document = CVTextReader(owner: "Dean Yang").parse(text, file: "p.md")
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    let publications = document.publications
    #expect(
      publications.map(\.title) == [
        "Taken by Storm", "Under the Weather", "A Solo Chapter", "Two Surnames",
      ])
    #expect(publications[0].authors == ["Dean Yang", "Parag Mahajan"])
    #expect(publications[0].venue == "Journal of Storms & Weather")
    #expect(publications[0].year == 2020)
    #expect(publications[1].authors == ["Dean Yang", "Sharon Maccini"])
    #expect(publications[2].authors == ["Dean Yang"])
    #expect(publications[3].authors == ["Smith", "Jones"])
    // Without an owner the coauthor-only entries are reported.
    let unknown = CVTextReader().parse(text, file: "p.md")
    #expect(unknown.diagnostics.map(\.location.line) == [3, 4])
  }

  @Test(
    "a wrapped line that looks like a heading continues its entry; a heading after a blank line does not"
  )
  func wrappedHeadingLikeLine() {
    let text = """
      Publications
      1. Ann Smith, Bo Li, "Wrapped Venue Names", Physical
      Research Letters, 2020
      2. Ann Smith, "Second", Journal of Tests, 2021

      Teaching
      1. Ann Smith, "Not a paper", Course, 2022
      """
    let document = CVTextReader().parse(text, file: "t")
    #expect(document.publications.map(\.title) == ["Wrapped Venue Names", "Second"])
    #expect(document.publications.first?.venue == "Physical Research Letters")
  }
}
