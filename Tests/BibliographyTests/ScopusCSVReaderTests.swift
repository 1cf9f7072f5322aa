import Foundation
import Testing

@testable import Bibliography

@Suite("Scopus CSV")
struct ScopusCSVReaderTests {
  @Test("full names with ids are read in reading order; placeholders dropped")
  func row() throws {
    let text = """
      \u{FEFF}"Authors","Author full names","Author(s) ID","Title","Year","Source title","DOI","Abstract","Author Keywords","Document Type","EID"
      "Tang B.; Caffo B.","Tang, Bohao (57221339990); Caffo, Brian (35069047000)","1; 2","Direct, ""Bayesian"" regression","2024","Electronic Journal of Statistics","10.1214/24-EJS2275","[No abstract available]","a; b","Conference Paper","2-s2.0-1"
      """
    #expect(ScopusCSVReader.confidence(for: text) >= 0.9)
    let document = ScopusCSVReader().parse(text, file: "s.csv")
    try #require(document.publications.count == 1)
    let p = document.publications[0]
    #expect(p.authors == ["Bohao Tang", "Brian Caffo"])
    #expect(p.title == "Direct, \"Bayesian\" regression")
    #expect(p.year == 2024)
    #expect(p.abstract == nil)
    #expect(p.keywords == ["a", "b"])
    #expect(p.kind == .conference)
    #expect(p.location.line == 2)
  }

  @Test(
    "Scopus samples: every record read, with authors",
    arguments: [
      // README: 200 abstracts, of which 18 are Scopus's "[No abstract available]"
      // (counted with Python's csv module).
      ("corpora/biblium/scopus_dataset.csv.gz", 200, 182, 135),
      ("cv-text/bcaffo--cv.scopus.csv", 269, 0, 0),
    ])
  func samples(path: String, records: Int, abstracts: Int, keywordRecords: Int) throws {
    let decoded = try ReaderDatasets.text(path)
    #expect(ScopusCSVReader.confidence(for: decoded.text) >= 0.9)
    let document = ScopusCSVReader().parse(decoded.text, file: path)
    #expect(document.publications.count == records)
    #expect(document.publications.filter { $0.abstract != nil }.count == abstracts)
    #expect(document.publications.filter { !$0.keywords.isEmpty }.count == keywordRecords)
    let withoutAuthors = document.publications.filter(\.authors.isEmpty)
    // Each record without authors must be explained by a diagnostic at its line.
    for publication in withoutAuthors {
      #expect(document.diagnostics.contains { $0.location.line == publication.location.line })
    }
    if path.contains("bcaffo") {
      // Brian Caffo's own list: he is on every record (spelled seven ways).
      #expect(document.publications.allSatisfy { $0.authors.contains { $0.contains("Caffo") } })
    }
  }
}
