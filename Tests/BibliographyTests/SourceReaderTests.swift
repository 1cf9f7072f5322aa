import Foundation
import Testing

@testable import Bibliography

@Suite("Source reader")
struct SourceReaderTests {
  @Test("reads both seeds from disk, detecting their formats")
  func seeds() throws {
    let cv = try SourceReader.read(contentsOf: TestData.cvPath)
    #expect(cv.format == .cvText)
    #expect(cv.publications.count == 49)
    #expect(cv.owner == "Qi Lei")
    #expect(cv.file == TestData.cvPath)
    let homepage = try SourceReader.read(
      contentsOf: TestData.homepagePath, owner: "Zeyuan Allen-Zhu")
    #expect(homepage.format == .homepage)
    #expect(homepage.collaborators.count == 56)
    #expect(homepage.owner == "Zeyuan Allen-Zhu")
  }

  @Test("an explicit format wins over detection")
  func explicitFormat() throws {
    let document = try SourceReader.read(contentsOf: TestData.homepagePath, format: .cvText)
    #expect(document.format == .cvText)
    #expect(document.collaborators.isEmpty)
  }

  static let sample = "Publications\n\n- Sébastien Bubeck, Qi Lei, \"Ünïcode Title\", ICML, 2020\n"

  static func write(_ bytes: [UInt8], name: String) throws -> (URL, String) {
    let directory = try makeTemporaryDirectory()
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return (directory, url.path)
  }

  @Test(
    "UTF-8 with and without BOM, UTF-16 LE and BE with BOM: same records, no warnings",
    arguments: [
      ("utf8", [UInt8]()),
      ("utf8-bom", [0xEF, 0xBB, 0xBF]),
      ("utf16le", [0xFF, 0xFE]),
      ("utf16be", [0xFE, 0xFF]),
    ])
  func encodings(name: String, bom: [UInt8]) throws {
    var bytes = bom
    if name.hasPrefix("utf16") {
      for unit in Self.sample.utf16 {
        let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
        bytes += name == "utf16le" ? [low, high] : [high, low]
      }
    } else {
      bytes += Array(Self.sample.utf8)
    }
    let (directory, path) = try Self.write(bytes, name: "\(name).txt")
    defer { try? FileManager.default.removeItem(at: directory) }
    let document = try SourceReader.read(contentsOf: path)
    #expect(document.diagnostics.isEmpty)
    #expect(document.publications.count == 1)
    #expect(document.publications.first?.authors == ["Sébastien Bubeck", "Qi Lei"])
    #expect(document.publications.first?.title == "Ünïcode Title")
  }

  @Test("Latin-1 bytes are kept (é = 0xE9) and the fallback is reported")
  func latin1() throws {
    var bytes =
      Array("Publications\n\n- S".utf8) + [0xE9]
      + Array("bastien Bubeck, Qi Lei, \"A Title\", ICML, 2020\n".utf8)
    bytes += [0xFC]  // one more non-UTF-8 byte at the end: ü
    let (directory, path) = try Self.write(bytes, name: "latin1.txt")
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = try SourceReader.readText(contentsOf: path)
    #expect(text.unicodeScalars.count == bytes.count)  // nothing lost
    #expect(text.hasSuffix("ü"))
    let document = try SourceReader.read(contentsOf: path)
    #expect(document.publications.first?.authors.first == "Sébastien Bubeck")
    #expect(document.diagnostics.count == 1)
    #expect(document.diagnostics.first?.severity == .warning)
    #expect(document.diagnostics.first?.message.contains("Latin-1") == true)
  }

  @Test("an unreadable file throws an error naming the path")
  func missingFile() {
    let path = "/nonexistent/dir/cv-\(UUID().uuidString).txt"
    #expect {
      _ = try SourceReader.read(contentsOf: path)
    } throws: { error in
      (error as? Diagnostic)?.location.file == path && "\(error)".contains(path)
    }
  }

  @Test("a file whose format cannot be told throws, naming the path")
  func undetectable() throws {
    let (directory, path) = try Self.write(Array("just some words\n".utf8), name: "plain.txt")
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect {
      _ = try SourceReader.read(contentsOf: path)
    } throws: { error in
      "\(error)".contains(path) && "\(error)".contains("format")
    }
  }
}
