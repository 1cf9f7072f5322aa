import Foundation
import Testing

@testable import Bibliography

@Suite("CSV and TSV with a header")
struct CSVReaderTests {
  @Test("columns by name, quoted fields with commas and line breaks, author separators")
  func csv() throws {
    let text = """
      Title,Authors,Year,Journal,DOI,Abstract
      "Graphs, again",Smith J.; Doe K.,2020,Nature,10.1000/a1,"Two
      lines"
      Second,Jane Roe and John Poe,2019,,,
      Third,"Lee, Jason D. | Ma, Tengyu",n.d.,Venue,,
      Fourth,"Smith, J., Doe, K. L.",2018,,,
      """
    #expect(CSVReader.confidence(for: text) >= 0.7)
    let document = CSVReader().parse(text, file: "p.csv")
    try #require(document.publications.count == 4)
    #expect(document.publications[0].title == "Graphs, again")
    #expect(document.publications[0].authors == ["Smith J.", "Doe K."])
    #expect(document.publications[0].abstract == "Two\nlines")
    #expect(document.publications[0].doi == "10.1000/a1")
    #expect(document.publications[1].authors == ["Jane Roe", "John Poe"])
    #expect(document.publications[1].location.line == 4)
    #expect(document.publications[2].authors == ["Jason D. Lee", "Tengyu Ma"])
    #expect(document.publications[2].year == nil)
    #expect(document.publications[3].authors == ["J. Smith", "K. L. Doe"])
  }

  @Test("tab-separated, with a short row reported")
  func tsv() throws {
    let text = "paper title\tauthor\tpublication year\nA\tX Y, Z W\t2001\nB\tQ R\n"
    let document = CSVReader().parse(text, file: "p.tsv")
    #expect(document.publications.map(\.title) == ["A", "B"])
    #expect(document.publications[0].authors == ["X Y", "Z W"])
    #expect(document.publications[0].year == 2001)
    #expect(document.diagnostics.map(\.location.line) == [3])
  }

  @Test("an unclosed quote is reported")
  func unclosedQuote() {
    let document = CSVReader().parse("title,authors\n\"Open,A B\n", file: "q.csv")
    #expect(document.diagnostics.contains { $0.severity == .error && $0.location.line == 2 })
  }
}
