import Foundation
import TestSupport
import Testing

/// `coauthor render` on DOT the user did not write: bounded in time, and no attribute that
/// reads a file or adds script survives.
@Suite("Bounded Graphviz")
struct GraphvizBoundsTests {
  /// 5,000 isolated nodes: sfdp packs components pairwise and ran for over 14 minutes.
  @Test("a layout over the deadline is killed: one line, non-zero exit, no output file")
  func deadline() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("isolated.dot")
    let nodes = (0..<5_000).map { "  n\($0);" }.joined(separator: "\n")
    try Data("graph G {\n\(nodes)\n}\n".utf8).write(to: dot)
    let svg = folder.appendingPathComponent("isolated.svg")
    let outcome = try CLI.run([
      "render", dot.path, "--engine", "sfdp", "--timeout", "2", "-o", svg.path,
    ])
    expectCleanFailure(outcome, naming: "killed")
    #expect(!FileManager.default.fileExists(atPath: svg.path))
  }

  @Test("hostile DOT renders with the file-reading and script attributes removed")
  func hostileAttributes() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = FuzzRegressionTests.folder.appendingPathComponent(
      "FuzzSeeds/dot/hostile-attributes.dot")
    let svg = folder.appendingPathComponent("hostile.svg")
    let outcome = try CLI.run(["render", dot.path, "--engine", "dot", "-o", svg.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    for attribute in ["image", "shapefile", "stylesheet", "imagepath", "fontpath", "URL", "href"] {
      #expect(
        outcome.stderr.contains("removed") && outcome.stderr.contains(attribute), "\(attribute)")
    }
    let text = try String(contentsOf: svg, encoding: .utf8)
    for forbidden in [
      "/etc/passwd", "/etc/shadow", "/etc/hosts", "javascript:", "<image", "evil.example",
    ] {
      #expect(!text.contains(forbidden), "\(forbidden) reached the SVG")
    }
    let xml = XMLCollector.parse(Data(text.utf8))
    #expect(xml.error == nil)
  }
}
