import Foundation
import TestSupport
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

  /// Snapshot part files are JSON Lines: one work per line, read one at a time.
  static func work(_ n: Int, authors: [String]) -> String {
    let authorships = authors.map {
      #"{"author": {"id": "https://openalex.org/A\#(n)\#($0.count)", "display_name": "\#($0)"}}"#
    }
    return
      #"{"id": "https://openalex.org/W\#(n)", "title": "Work \#(n)", "publication_year": 2020, "authorships": [\#(authorships.joined(separator: ", "))]}"#
  }

  @Test("JSON Lines: a broken line is an error naming it, and every other line is read")
  func jsonLinesWithABrokenLine() throws {
    let text = [
      Self.work(1, authors: ["Ada Lovelace", "Charles Babbage"]),
      "",
      #"{"id": "https://openalex.org/W2", "title": "cut off", "authorships": [{"#,
      "  " + Self.work(3, authors: ["Mary Somerville"]),
      "not json at all",
      Self.work(4, authors: ["Ada Lovelace"]) + "\r",
    ].joined(separator: "\n")
    let document = OpenAlexReader().parse(text, file: "part_000")
    #expect(document.publications.map(\.title) == ["Work 1", "Work 3", "Work 4"])
    #expect(document.publications.map(\.location.line) == [1, 4, 6])
    #expect(document.publications[0].authors == ["Ada Lovelace", "Charles Babbage"])
    let errors = document.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.location.line) == [3, 5])
    #expect(errors.first?.message.hasPrefix("not valid JSON") == true)
    #expect(errors.last?.message.hasPrefix("not a JSON object") == true)
  }

  @Test(
    "JSON Lines: 25 broken lines list the first 20 and count the rest; none readable is one error")
  func jsonLinesManyBrokenLines() throws {
    let broken = Array(repeating: #"{"id": "#, count: 25)
    let text = (broken + [Self.work(9, authors: ["Emmy Noether"])]).joined(separator: "\n")
    let document = OpenAlexReader().parse(text, file: "part_001")
    #expect(document.publications.count == 1)
    let errors = document.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 21)
    #expect(errors.prefix(20).map(\.location.line) == Array(1...20))
    #expect(errors.last?.message.contains("5 more lines") == true)

    let none = OpenAlexReader().parse(broken.joined(separator: "\n"), file: "part_002")
    #expect(none.publications.isEmpty)
    #expect(none.diagnostics.filter { $0.severity == .error }.count == 1)
  }

  @Test("the JSON-lines sample in the snapshot schema gives the works of the CSV export")
  func jsonLinesSample() throws {
    // spark/tests/fixtures/openalex-sample.jsonl.gz: the biblium export's rows in the
    // snapshot's nested schema (how it was made: spark/tests/fixtures/README.md).
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "spark/tests/fixtures/openalex-sample.jsonl.gz")
    let text = TextDecoding.decode(
      try TestProcess.gzip(Data(contentsOf: url), ["-dc"]), file: "sample.jsonl"
    ).text
    let lines = text.split(separator: "\n").count
    let document = OpenAlexReader().parse(text, file: "sample.jsonl")
    #expect(document.publications.count == lines)
    #expect(document.diagnostics.filter { $0.severity == .error }.isEmpty)
    #expect(document.publications.map(\.location.line) == Array(1...lines))
    let csv = OpenAlexReader().parse(
      try ReaderDatasets.text("corpora/biblium/openalex_dataset.csv.gz").text,
      file: "openalex_dataset.csv")
    let titles = Set(document.publications.map { $0.title })
    #expect(titles == Set(csv.publications.map { $0.title }))
    let authorships: Int = document.publications.reduce(0) { $0 + $1.authors.count }
    let csvAuthorships: Int = csv.publications.reduce(0) { $0 + $1.authors.count }
    #expect(authorships == csvAuthorships)
  }
}
