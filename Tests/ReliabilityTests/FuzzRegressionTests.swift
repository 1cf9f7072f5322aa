import Foundation
import FuzzTargets
import Testing

/// Every input the fuzzers ever crashed on (FuzzRegressions/<target>/), plus the seeds
/// that are small and committed, replayed through the same entry functions `make fuzz`
/// runs. An entry returns the invariants an input broke; a crash fails the whole run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  static func inputs(_ subfolders: [String]) -> [URL] {
    subfolders.flatMap { sub -> [URL] in
      let url = folder.appendingPathComponent(sub)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.sorted().map { url.appendingPathComponent($0) }
    }
  }

  static func replay(_ urls: [URL], _ entry: ([UInt8]) -> [String]) throws {
    for url in urls {
      let failures = entry(try [UInt8](Data(contentsOf: url)))
      #expect(failures.isEmpty, "\(url.lastPathComponent): \(failures.prefix(3))")
    }
  }

  @Test("readers: crash inputs and the bad-input corpus")
  func readers() throws {
    let urls = Self.inputs(["FuzzRegressions/readers", "BadInput"])
    #expect(urls.count >= 12)
    try Self.replay(urls, FuzzTargets.readers)
  }

  @Test("DOT writer round trip and sanitizer: crash inputs and seeds")
  func dot() throws {
    let urls = Self.inputs(["FuzzRegressions/dot", "FuzzSeeds/dot"])
    #expect(urls.count >= 4)
    try Self.replay(urls, FuzzTargets.dot)
  }

  @Test("graph readers: crash inputs")
  func graphs() throws {
    try Self.replay(Self.inputs(["FuzzRegressions/graphs"]), FuzzTargets.graphs)
  }

  @Test(
    "hostile strings survive the DOT round trip",
    arguments: [
      #""]; node [image="/etc/passwd"]"#, "<script>alert(1)</script>", "=HYPERLINK(\"x\")",
      "a & b &amp; c", "line\nbreak\r\n", "]]>", "nul\u{0}byte", #"trailing backslash \"#,
      #"\N \G \E \L \n"#, "}; digraph X { a -> b", "-- ->", "<<TABLE>>",
    ])
  func hostileLabels(text: String) {
    #expect(FuzzTargets.dot(Array(text.utf8)) == [])
    #expect(FuzzTargets.readers(Array(text.utf8)) == [])
  }
}
