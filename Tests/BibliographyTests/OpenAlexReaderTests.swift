import Foundation
import Testing

@testable import Bibliography

@Suite("OpenAlex works")
struct OpenAlexReaderTests {
  @Test("API JSON with an inverted-index abstract")
  func json() throws {
    let text = """
      {"meta": {"count": 1}, "results": [
        {"id": "https://openalex.org/W1", "doi": "https://doi.org/10.1000/ABC",
         "title": "Graphs", "publication_year": 2021, "type": "article",
         "authorships": [{"author": {"display_name": "Naveen Donthu", "orcid": null}},
                         {"author": {"display_name": "Weng Marc Lim"}}],
         "primary_location": {"source": {"display_name": "Journal of Business Research"}},
         "abstract_inverted_index": {"graphs": [1], "We": [0], "study": [2]}},
        {"id": "https://openalex.org/W2", "display_name": "Second", "authorships": []}
      ]}
      """
    #expect(OpenAlexReader.confidence(for: text) >= 0.9)
    #expect(CSLJSONReader.confidence(for: text) < 0.5)
    let document = OpenAlexReader().parse(text, file: "o.json")
    try #require(document.publications.count == 2)
    let p = document.publications[0]
    #expect(p.authors == ["Naveen Donthu", "Weng Marc Lim"])
    #expect(p.doi == "10.1000/ABC")
    #expect(p.year == 2021)
    #expect(p.venue == "Journal of Business Research")
    #expect(p.abstract == "We graphs study")
    #expect(p.location.line == 2)
    #expect(document.publications[1].title == "Second")
    #expect(document.publications[1].location.line == 8)
  }

  @Test("the biblium OpenAlex CSV: 613 works")
  func bibliumCSV() throws {
    let decoded = try ReaderDatasets.text("corpora/biblium/openalex_dataset.csv.gz")
    #expect(OpenAlexReader.confidence(for: decoded.text) >= 0.9)
    let document = OpenAlexReader().parse(decoded.text, file: "openalex_dataset.csv")
    #expect(document.publications.count == 613)
    // README: title present in 601, authors in 611, abstract in 187.
    #expect(document.publications.filter { !$0.title.isEmpty }.count == 601)
    #expect(document.publications.filter { !$0.authors.isEmpty }.count == 611)
    #expect(document.publications.filter { $0.abstract != nil }.count == 187)
    #expect(document.diagnostics.filter { $0.message == "work has no title" }.count == 12)
    let first = try #require(document.publications.first)
    #expect(first.authors.first == "Naveen Donthu")
    #expect(first.authors.count == 5)
  }
}
