import Foundation
import FuzzTargets
import Testing

/// Every input the fuzzers ever crashed on and the small edge cases committed beside them
/// (FuzzRegressions/<target>/, never empty), plus the seeds that are small and committed,
/// replayed through the same entry functions `make fuzz` runs. An entry returns the
/// invariants an input broke; a crash fails the whole run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  /// The files of `subfolders`, sorted; hidden files (a `.gitkeep`) are not inputs.
  static func inputs(_ subfolders: [String]) -> [URL] {
    subfolders.flatMap { sub -> [URL] in
      let url = folder.appendingPathComponent(sub)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }
  }

  /// The regression inputs of one fuzz target, recording an issue when the folder holds
  /// none with content: a test that replays nothing cannot fail.
  static func regressions(_ target: String) -> [URL] {
    let urls = inputs(["FuzzRegressions/" + target])
    let real = urls.filter { url in
      ((try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) > 0
    }
    #expect(!real.isEmpty, "FuzzRegressions/\(target) holds no regression input")
    return urls
  }

  static func replay(_ urls: [URL], _ entry: ([UInt8]) -> [String]) throws {
    for url in urls {
      let failures = entry(try [UInt8](Data(contentsOf: url)))
      #expect(failures.isEmpty, "\(url.lastPathComponent): \(failures.prefix(3))")
    }
  }

  @Test("readers: crash inputs and the bad-input corpus")
  func readers() throws {
    let urls = Self.regressions("readers") + Self.inputs(["BadInput"])
    #expect(urls.count >= 12)
    try Self.replay(urls, FuzzTargets.readers)
  }

  @Test("DOT writer round trip and sanitizer: crash inputs and seeds")
  func dot() throws {
    let urls = Self.regressions("dot") + Self.inputs(["FuzzSeeds/dot"])
    #expect(urls.count >= 4)
    try Self.replay(urls, FuzzTargets.dot)
  }

  @Test("graph readers: crash inputs")
  func graphs() throws {
    let urls = Self.regressions("graphs")
    #expect(urls.count >= 4)
    try Self.replay(urls, FuzzTargets.graphs)
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
