import Foundation
import Testing

@testable import Bibliography

@Suite("BibTeX streaming")
struct BibTeXStreamingTests {
  /// Reading in small pieces must give exactly what reading in memory gives: every
  /// entry boundary, value and line number falls somewhere across a piece boundary.
  @Test(
    "piecewise reading equals in-memory reading",
    arguments: BibTeXDatasetTests.files.map(\.file), [4093])
  func piecewiseEqualsWhole(file: String, chunkSize: Int) throws {
    let url = try ReaderDatasets.url("bibtex/\(file)")
    let whole = try BibTeXReader().read(contentsOf: url)
    var streamed: [Publication] = []
    let diagnostics = try BibTeXReader().read(contentsOf: url, chunkSize: chunkSize) {
      streamed.append($0)
    }
    // Crossref children may be delivered late: compare as sets keyed by line.
    let byLine = { (pubs: [Publication]) in
      Dictionary(pubs.map { ($0.location.line, $0) }, uniquingKeysWith: { a, _ in a })
    }
    #expect(streamed.count == whole.publications.count)
    #expect(byLine(streamed) == byLine(whole.publications))
    let duplicateKeys = whole.diagnostics.filter { $0.message.hasPrefix("duplicate key") }
    #expect(Set(diagnostics) == Set(whole.diagnostics).subtracting(duplicateKeys))
    // Diagnostics handed over as they come: the same ones, none kept.
    var handed: [Diagnostic] = []
    let kept = try BibTeXReader().read(
      contentsOf: url, chunkSize: chunkSize, diagnostic: { handed.append($0) }, body: { _ in })
    #expect(kept.isEmpty)
    #expect(Set(handed) == Set(diagnostics))
    #expect(handed.count == diagnostics.count)
  }

  @Test("a UTF-8 byte-order mark and a Latin-1 file are read")
  func encodings() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bibtex-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let bom = dir.appendingPathComponent("bom.bib")
    try Data([0xEF, 0xBB, 0xBF] + Array("@article{k, title={Été}}".utf8)).write(to: bom)
    let latin1 = dir.appendingPathComponent("latin1.bib")
    try Data(Array("@article{k, author={M".utf8) + [0xFC] + Array("ller, J.}, title={T}}".utf8))
      .write(to: latin1)
    var titles: [String] = []
    _ = try BibTeXReader().read(contentsOf: bom, chunkSize: 5) { titles.append($0.title) }
    #expect(titles == ["Été"])
    var authors: [String] = []
    let streamed = try BibTeXReader().read(contentsOf: latin1) { authors += $0.authors }
    #expect(authors == ["J. Müller"])
    #expect(streamed.contains { $0.message.contains("Windows-1252") && $0.location.line == 1 })
    let document = try BibTeXReader().read(contentsOf: latin1)
    #expect(document.publications.first?.authors == ["J. Müller"])
    #expect(document.diagnostics.contains { $0.message.contains("Windows-1252") })
  }
}
