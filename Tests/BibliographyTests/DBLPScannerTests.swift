import Foundation
import Testing

@testable import Bibliography

/// The streaming byte scanner (``DBLPReader/read(contentsOf:body:)``) against the
/// `XMLParser` path (``DBLPReader/parse(_:file:)``) on the same files: the same records,
/// diagnostics and owner, whatever the piece size cuts.
@Suite("DBLP scanner")
struct DBLPScannerTests {
  /// A real person page (dblp.org/pid/23/7512.xml, copied from
  /// ../shared/datasets/lists/), the generator's output
  /// (`python3 Benchmarks/generate_dblp.py --papers 400 --seed 7 --out
  /// Tests/BibliographyTests/Fixtures/dblp/generated-400.xml`), and a hand-written
  /// dblp.xml with the awkward parts.
  static let fixtures = ["song-person-page.xml", "generated-400.xml", "awkward.xml"]

  static func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: TestData.path("Tests/BibliographyTests/Fixtures/dblp/\(name)"))
  }

  /// The file's text as `SourceReader` decodes a file in memory: ISO-8859-1 when the
  /// declaration says so, UTF-8 otherwise.
  static func text(of url: URL) throws -> String {
    let bytes = [UInt8](try Data(contentsOf: url))
    let head = String(decoding: bytes.prefix(100), as: UTF8.self)
    if head.contains("ISO-8859-1") {
      return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test("the same records, diagnostics and owner as XMLParser", arguments: fixtures, [7, 64, 4096, 256 * 1024])
  func sameAsXMLParser(name: String, pieceSize: Int) throws {
    let url = Self.fixture(name)
    let expected = DBLPReader().parse(try Self.text(of: url), file: url.path)
    var records: [Publication] = []
    let result = try DBLPReader().read(contentsOf: url, pieceSize: pieceSize) { records.append($0) }
    #expect(records.count == expected.publications.count)
    for (actual, wanted) in zip(records, expected.publications) where actual != wanted {
      Issue.record("\(wanted.location): \(actual) ≠ \(wanted)")
      break
    }
    #expect(result.owner == expected.owner)
    #expect(result.diagnostics == expected.diagnostics)
    #expect(records.count > 2)
  }

  @Test("the awkward parts read as the text says")
  func awkward() throws {
    var records: [Publication] = []
    _ = try DBLPReader().read(contentsOf: Self.fixture("awkward.xml")) { records.append($0) }
    let titles = records.map(\.title)
    #expect(titles.contains("Caf\u{E9} & <more> over \u{201C}2\u{201D} lines"))
    #expect(titles.contains("H2O in a CDATA <b>section</b>"))
    #expect(records.contains { $0.authors == ["J\u{FC}rgen M\u{FC}ller", "Zo\u{EB} Sm\u{F8}rgrav"] })
    #expect(records.contains { $0.kind == .preprint })
  }

  @Test("broken XML: the records before the break, and an error at its line")
  func broken() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("broken.xml")
    let text = """
      <?xml version="1.0" encoding="ISO-8859-1"?>
      <dblp>
      <article key="journals/x/1"><author>A B</author><title>One.</title><year>2001</year></article>
      <article key="journals/x/2"><author>C D</author><title>Two.</title>
      </dblp>

      """
    try Data(text.utf8).write(to: url)
    var records: [Publication] = []
    let result = try DBLPReader().read(contentsOf: url) { records.append($0) }
    #expect(records.map(\.title) == ["One"])
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 5)
  }
}
