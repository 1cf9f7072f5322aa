import Foundation
import Testing

@testable import Bibliography

@Suite("BibTeX on damaged input")
struct BibTeXRobustnessTests {
  /// SplitMix64, so the damaged inputs are the same on every run.
  struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test("cut or mutated files never crash, never gain entries, and streaming agrees")
  func damaged() throws {
    let original = Array(try ReaderDatasets.text("bibtex/bakhshir--ecearth.bib").text.utf8)
    let entries = 30
    var random = SplitMix64(state: 42)
    let alphabet = Array("{}\"@,=#%\\\n ax".utf8)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bibtex-damage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for round in 0..<60 {
      var bytes = original
      if round % 2 == 0 {
        bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
      } else {
        for _ in 0..<8 {
          let at = Int(random.next() % UInt64(bytes.count))
          bytes[at] = alphabet[Int(random.next() % UInt64(alphabet.count))]
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let document = BibTeXReader().parse(text, file: "damaged.bib")
      #expect(document.publications.count <= entries + 8)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
      #expect(
        document.publications.allSatisfy { $0.location.line >= 1 && $0.location.line <= lines })
      let url = dir.appendingPathComponent("\(round).bib")
      try Data(text.utf8).write(to: url)
      var streamed = 0
      _ = try BibTeXReader().read(contentsOf: url, chunkSize: 511) { _ in streamed += 1 }
      #expect(streamed == document.publications.count, "round \(round)")
    }
  }
}
