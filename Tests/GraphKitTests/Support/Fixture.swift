import Foundation
import Testing

@testable import GraphKit

/// Test inputs: the shared datasets and the networkx reference fixtures.
enum Fixture {
  struct Missing: Error, CustomStringConvertible {
    var path: String
    var description: String { "missing test input \(path) (expected ../shared/datasets beside the package)" }
  }

  /// The package root, derived from this file's location.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func dataset(_ name: String) throws -> String {
    let path = packageRoot.appendingPathComponent("../shared/datasets/graphs/\(name)").standardized.path
    guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
    return path
  }

  static func fixturePath(_ name: String) throws -> String {
    let path = packageRoot.appendingPathComponent("Tests/GraphKitTests/Fixtures/\(name)").path
    guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
    return path
  }

  /// The graphs the fixtures describe, read the way users read them.
  static func graph(_ name: String) throws -> Graph {
    switch name {
    case "netscience": return try GraphReader.read(contentsOf: dataset("netscience.gml"))
    case "ca-GrQc": return try GraphReader.read(contentsOf: dataset("ca-GrQc.txt"))
    case "karate": return karate
    default: throw Missing(path: name)
    }
  }

  /// Per-node reference columns keyed by label, from `centrality/NAME.nodes.tsv`.
  struct NodeTable {
    var columns: [String: [String: Double]]

    /// The column reordered by `graph`'s node ids.
    func column(_ name: String, for graph: Graph) throws -> [Double] {
      guard let values = columns[name] else { throw Missing(path: "column \(name)") }
      return try (0..<graph.nodeCount).map { u in
        guard let value = values[graph.label(of: u)] else { throw Missing(path: "node \(graph.label(of: u))") }
        return value
      }
    }
  }

  static func nodes(_ dataset: String) throws -> NodeTable {
    let text = try String(contentsOfFile: fixturePath("centrality/\(dataset).nodes.tsv"), encoding: .utf8)
    var lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    let header = lines.removeFirst().split(separator: "\t").map(String.init)
    var columns: [String: [String: Double]] = [:]
    for line in lines {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      let label = String(fields[0])
      for (k, name) in header.enumerated().dropFirst() {
        columns[name, default: [:]][label] = Double(fields[k])
      }
    }
    return NodeTable(columns: columns)
  }

  static func scalars(_ dataset: String) throws -> [String: Double] {
    let text = try String(contentsOfFile: fixturePath("centrality/\(dataset).scalars.tsv"), encoding: .utf8)
    var out: [String: Double] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: "\t")
      out[String(f[0])] = Double(f[1])
    }
    return out
  }

  /// Zachary's karate club (networkx `karate_club_graph()` edges, unweighted),
  /// node labels "0"…"33".
  static let karate: Graph = {
    let edges = [
      (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12),
      (0, 13), (0, 17), (0, 19), (0, 21), (0, 31), (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19),
      (1, 21), (1, 30), (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32), (3, 7),
      (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10), (5, 16), (6, 16), (8, 30), (8, 32), (8, 33),
      (9, 33), (13, 33), (14, 32), (14, 33), (15, 32), (15, 33), (18, 32), (18, 33), (19, 33),
      (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29), (23, 32), (23, 33),
      (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33),
      (29, 32), (29, 33), (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
    ]
    var b = GraphBuilder(nodeCount: 34, labels: (0..<34).map(String.init))
    for (u, v) in edges { b.addEdge(u, v) }
    return b.build()
  }()
}

/// Small graphs with hand-known values.
extension Graph {
  static func path(_ n: Int) -> Graph {
    var b = GraphBuilder(nodeCount: n)
    for i in 0..<max(n - 1, 0) { b.addEdge(i, i + 1) }
    return b.build()
  }

  /// Node 0 is the center.
  static func star(_ leaves: Int) -> Graph {
    var b = GraphBuilder(nodeCount: leaves + 1)
    for i in 1...max(leaves, 1) where i <= leaves { b.addEdge(0, i) }
    return b.build()
  }

  static func complete(_ n: Int) -> Graph {
    var b = GraphBuilder(nodeCount: n)
    for i in 0..<n { for j in (i + 1)..<max(n, i + 1) { b.addEdge(i, j) } }
    return b.build()
  }

  static func fromEdges(_ n: Int, _ edges: [(Int, Int, Double)]) -> Graph {
    var b = GraphBuilder(nodeCount: n)
    for (u, v, w) in edges { b.addEdge(u, v, weight: w) }
    return b.build()
  }
}

/// Expects `actual[i] ≈ expected[i]` within `relative` × |expected| + `absolute`.
func expectClose(
  _ actual: [Double], _ expected: [Double], relative: Double, absolute: Double = 0,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, sourceLocation: sourceLocation)
  var failures = 0
  for i in 0..<min(actual.count, expected.count) {
    let tolerance = relative * abs(expected[i]) + absolute
    if !(abs(actual[i] - expected[i]) <= tolerance) {
      failures += 1
      if failures <= 5 {
        Issue.record(
          "node \(i): \(actual[i]) vs expected \(expected[i]) (tolerance \(tolerance))",
          sourceLocation: sourceLocation)
      }
    }
  }
  #expect(failures == 0, "\(failures) values out of tolerance", sourceLocation: sourceLocation)
}

func expectClose(
  _ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose([actual], [expected], relative: relative, absolute: absolute, sourceLocation: sourceLocation)
}
