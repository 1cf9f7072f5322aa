import Foundation
import Testing

@testable import CoauthorAnalysis

@Suite("Atomic output files")
struct OutputFilesTests {
  @Test("writing over an existing file replaces it and leaves no temporary file")
  func overwrite() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("coauthor-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("sub/a.txt").path
    try OutputFiles.write(text: "first", to: path)
    try OutputFiles.write(text: "second", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sub").path)
    #expect(left == ["a.txt"])
  }

  @Test("an unwritable destination is an error naming the path, not a half-written file")
  func unwritable() {
    #expect(throws: OutputError.self) {
      try OutputFiles.write(text: "x", to: "/proc/coauthor-cannot-write/a.txt")
    }
  }

  @Test("a PDF's creation date is fixed without changing its length")
  func pdfDate() {
    let pdf = Array("%PDF-1.5\n<< /CreationDate (D:20261123190900Z) >>\n".utf8)
    let fixed = OutputFiles.withFixedCreationDate(pdf)
    #expect(fixed.count == pdf.count)
    #expect(String(decoding: fixed, as: UTF8.self).contains("(D:20000101000000Z)"))
    let odd = Array("%PDF /CreationDate (D:2026)".utf8)
    #expect(OutputFiles.withFixedCreationDate(odd) == odd)
  }
}
