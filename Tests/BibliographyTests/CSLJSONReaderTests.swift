import Foundation
import Testing

@testable import Bibliography

@Suite("CSL-JSON")
struct CSLJSONReaderTests {
  @Test("Zotero items: family/given/literal authors, date-parts, container-title")
  func zotero() throws {
    let text = """
      [
        {"id": "a", "type": "article-journal", "title": "Graphs",
         "author": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
                    {"literal": "The LIGO Collaboration"}],
         "issued": {"date-parts": [[2020, 5]]}, "container-title": "Nature",
         "DOI": "10.1038/xyz", "abstract": "<jats:p>Short.</jats:p>", "keyword": "a, b"},
        {"id": "b", "type": "paper-conference", "title": "Talk",
         "author": [{"family": "Doe", "given": "J."}], "issued": {"raw": "2018-07"}},
        {"id": "c", "type": "article", "title": "Pre",
         "URL": "https://arxiv.org/abs/1905.12345", "issued": {"date-parts": [["2019"]]}}
      ]
      """
    #expect(CSLJSONReader.confidence(for: text) >= 0.9)
    #expect(OpenAlexReader.confidence(for: text) == 0)
    let document = CSLJSONReader().parse(text, file: "z.json")
    try #require(document.publications.count == 3)
    let p = document.publications[0]
    #expect(p.authors == ["Ludwig van Beethoven", "The LIGO Collaboration"])
    #expect(p.year == 2020)
    #expect(p.venue == "Nature")
    #expect(p.doi == "10.1038/xyz")
    #expect(p.abstract == "Short.")
    #expect(p.keywords == ["a", "b"])
    #expect(p.kind == .journal)
    #expect(document.publications.map(\.location.line) == [2, 7, 9])
    #expect(document.publications[1].kind == .conference)
    #expect(document.publications[1].year == 2018)
    #expect(document.publications[2].arxivID == "1905.12345")
    #expect(document.publications[2].kind == .preprint)
    #expect(document.publications[2].year == 2019)
  }

  @Test("Crossref's message envelope and title arrays")
  func crossref() throws {
    let text = """
      {"status": "ok", "message": {"items": [
        {"DOI": "10.1/x", "type": "journal-article", "title": ["Crossref Title"],
         "container-title": ["J. Things"], "author": [{"given": "A", "family": "B"}],
         "published-print": {"date-parts": [[2011, 2, 3]]}}
      ]}}
      """
    let document = CSLJSONReader().parse(text, file: "c.json")
    try #require(document.publications.count == 1)
    #expect(document.publications[0].title == "Crossref Title")
    #expect(document.publications[0].venue == "J. Things")
    #expect(document.publications[0].year == 2011)
    #expect(document.publications[0].authors == ["A B"])
  }

  @Test("invalid JSON is one error, not a crash")
  func invalid() {
    let document = CSLJSONReader().parse("[{\"title\": ", file: "bad.json")
    #expect(document.publications.isEmpty)
    #expect(document.diagnostics.count == 1)
    #expect(document.diagnostics.first?.severity == .error)
  }
}
