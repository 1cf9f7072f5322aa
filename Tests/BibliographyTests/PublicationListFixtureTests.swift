import Foundation
import Testing

@testable import Bibliography

/// Real lists outside the dev set (Fixtures/lists, sources in its README): counted by
/// hand, read once the readers were written.
@Suite("Publication lists, held-out fixtures")
struct PublicationListFixtureTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/lists")

  @Test(
    "held-out files: detected, counted within the measured gap, clean names",
    arguments: [
      // 2prime: two entries not read (a lower-case name "Youheng zhu"; names run into
      // the title with no mark), and one more reads a name into its title.
      ("2prime--publications.md", InputFormat.markdown, 22, 2),
      ("1a1a11a--publications.html", InputFormat.html, 25, 0),
    ])
  func fixture(file: String, format: InputFormat, entries: Int, tolerance: Int) throws {
    let document = try SourceReader.read(contentsOf: Self.directory.appendingPathComponent(file).path)
    print("FIXTURE \(file)\t\(document.format.rawValue)\tfound \(document.publications.count)/\(entries)")
    if ProcessInfo.processInfo.environment["LIST_DUMP"] != nil {
      for p in document.publications {
        print("  \(p.location.line)\t\(p.authors.joined(separator: " | "))\t\(p.title)\t\(p.year.map(String.init) ?? "-")")
      }
    }
    #expect(document.format == format)
    #expect(abs(document.publications.count - entries) <= tolerance)
    #expect(document.publications.flatMap(\.authors).filter(PublicationListDatasetTests.isJunk).isEmpty)
  }
}
