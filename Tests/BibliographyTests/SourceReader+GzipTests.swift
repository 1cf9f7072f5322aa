import Foundation
import TestSupport
import Testing

@testable import Bibliography

/// gzip-compressed sources, compressed here by the system's `gzip` (an independent
/// implementation) and read back through ``SourceReader``.
@Suite("Source reader: gzip-compressed sources")
struct SourceReaderGzipTests {
  static let bibtex = (1...40).map { index in
    "@article{k\(index), author = {Qi Lei and Ann Bee}, title = {Paper \(index)}, year = 2020}\n"
  }.joined()

  static let ris = """
    TY  - JOUR
    AU  - Lei, Qi
    TI  - One
    PY  - 2020
    ER  - 

    """

  /// `gzip -c` of `bytes`.
  static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    [UInt8](try TestProcess.gzip(Data(bytes)))
  }

  func read(_ bytes: [UInt8], name: String) throws -> (SourceDocument, String) {
    let directory = try makeTemporaryDirectory()
    let path = directory.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(at: directory) }
    return (try SourceReader.read(contentsOf: path), path)
  }

  @Test(
    "compressed sources read like the plain ones, whatever their name",
    arguments: [
      ("refs.bib.gz", true), ("refs.ris.gz", false), ("export.txt", true), ("noname", false),
    ])
  func sameRecords(name: String, bibtex: Bool) throws {
    let text = bibtex ? Self.bibtex : Self.ris
    let (plain, _) = try read(Array(text.utf8), name: bibtex ? "refs.bib" : "refs.ris")
    let (compressed, path) = try read(try Self.gzip(Array(text.utf8)), name: name)
    #expect(compressed.format == (bibtex ? .bibtex : .ris))
    #expect(compressed.publications.count == plain.publications.count)
    #expect(compressed.publications.map(\.title) == plain.publications.map(\.title))
    #expect(compressed.publications.first?.location.file == path)
    #expect(compressed.diagnostics.isEmpty, "\(compressed.diagnostics)")
  }

  @Test("two concatenated gzip members are one file")
  func members() throws {
    let half = Self.bibtex.count / 2
    let first = Array(Self.bibtex.prefix(half).utf8)
    let second = Array(Self.bibtex.dropFirst(half).utf8)
    let (document, _) = try read(try Self.gzip(first) + Self.gzip(second), name: "x.bib.gz")
    #expect(document.publications.count == 40)
  }

  @Test("the biblium samples are read straight from their .gz files")
  func corpora() throws {
    let wos = try SourceReader.read(
      contentsOf: try ReaderDatasets.url("corpora/biblium/wos_dataset.txt.gz").path)
    #expect(wos.format == .wosTagged)
    #expect(wos.publications.count == 500)
    let scopus = try SourceReader.read(
      contentsOf: try ReaderDatasets.url("corpora/biblium/scopus_dataset.csv.gz").path)
    #expect(scopus.format == .scopusCSV)
    #expect(scopus.publications.count == 200)
  }

  @Test("a truncated file: the records before the cut are read, an error names file:line")
  func truncated() throws {
    let compressed = try Self.gzip(Array(Self.bibtex.utf8))
    let (document, path) = try read(
      Array(compressed.prefix(compressed.count * 2 / 3)), name: "cut.bib.gz")
    let error = try #require(document.diagnostics.first { $0.severity == .error })
    #expect(error.location.file == path)
    #expect(error.message.contains("truncated"))
    #expect(error.location.line > 1)
    #expect(document.publications.count > 0 && document.publications.count < 40)
    // Text without diagnostics must not be silently short: readText throws.
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let cut = directory.appendingPathComponent("cut.tsv.gz")
    try Data(compressed.prefix(compressed.count * 2 / 3)).write(to: cut)
    #expect(throws: Diagnostic.self) { try SourceReader.readText(contentsOf: cut.path) }
  }

  @Test("corrupt data is reported, not a crash", arguments: [10, 40, 200])
  func corrupt(offset: Int) throws {
    var compressed = try Self.gzip(Array(Self.bibtex.utf8))
    try #require(offset < compressed.count - 8)
    for index in offset..<(offset + 8) { compressed[index] ^= 0xA5 }
    do {
      let (document, path) = try read(compressed, name: "bad.bib.gz")
      let error = try #require(document.diagnostics.first { $0.severity == .error })
      #expect(error.location.file == path)
    } catch let error as Diagnostic {
      // Nothing decompressed at all: the whole read fails, naming the file.
      #expect(error.location.file.hasSuffix("bad.bib.gz"))
      #expect(error.message.contains("gzip"))
    }
  }

  @Test("a bare gzip header is an error naming the file")
  func headerOnly() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("empty.bib.gz").path
    try Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: path))
    let error = #expect(throws: Diagnostic.self) { try SourceReader.read(contentsOf: path) }
    #expect(error?.location.file == path)
    #expect(error?.description.contains("gzip") == true)
  }
}
