import Formats
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

  /// The datasets with full networkx reference tables: karate (unweighted) and
  /// netscience (weighted). Fixtures: Fixtures/make_reference.py (command in each
  /// fixture's first line).
  static let smallDatasets = ["karate", "netscience"]

  /// The graphs the fixtures describe, read the way users read them.
  static func graph(_ name: String) throws -> Graph {
    switch name {
    case "netscience": return try GraphReader.read(contentsOf: dataset("netscience.gml"))
    case "ca-GrQc": return try GraphReader.read(contentsOf: dataset("ca-GrQc.txt"))
    case "ca-AstroPh": return try astroPh()
    case "karate": return karate
    default: throw Missing(path: name)
    }
  }

  /// The tie-heavy graph of Fixtures/make_ties_reference.py (`centrality/ties.edges`),
  /// node labels "0"…"71".
  static func ties() throws -> Graph { try edgeFixture("ties") }

  /// The folding graph of Fixtures/make_folding_reference.py (`centrality/folding.edges`):
  /// leaves, closed twins with equal and with unequal weights, integer weights 1–8.
  static func folding() throws -> Graph { try edgeFixture("folding") }

  /// `centrality/NAME.edges` (u, v, weight per line), node labels "0", "1", ….
  static func edgeFixture(_ name: String) throws -> Graph {
    let text = try String(contentsOfFile: fixturePath("centrality/\(name).edges"), encoding: .utf8)
    var edges: [(Int, Int, Double)] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let f = line.split(separator: "\t")
      guard f.count == 3, let u = Int(f[0]), let v = Int(f[1]), let w = Double(f[2]) else {
        throw Missing(path: "\(name).edges line '\(line)'")
      }
      edges.append((u, v, w))
    }
    let n = (edges.map { max($0.0, $0.1) }.max() ?? -1) + 1
    var b = GraphBuilder(nodeCount: n, labels: (0..<n).map(String.init))
    for (u, v, w) in edges { b.addEdge(u, v, weight: w) }
    return b.build()
  }

  /// ca-AstroPh (198,110 edges), read once per test process.
  static func astroPh() throws -> Graph {
    if let g = astroPhGraph { return g }
    throw Missing(path: (try? dataset("ca-AstroPh.txt")) ?? "ca-AstroPh.txt")
  }
  private static let astroPhGraph: Graph? = try? GraphReader.read(contentsOf: dataset("ca-AstroPh.txt"))

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

    /// The nodes the column lists (all of them or a sample), as graph ids with values.
    func rows(_ name: String, for graph: Graph) throws -> (nodes: [Int], values: [Double]) {
      guard let values = columns[name] else { throw Missing(path: "column \(name)") }
      var id: [String: Int] = [:]
      for u in 0..<graph.nodeCount { id[graph.label(of: u)] = u }
      let pairs = try values.map { label, value in
        guard let u = id[label] else { throw Missing(path: "node \(label) in the graph") }
        return (u, value)
      }.sorted { $0.0 < $1.0 }
      return (pairs.map(\.0), pairs.map(\.1))
    }
  }

  static func nodes(_ dataset: String) throws -> NodeTable {
    try table("centrality/\(dataset).nodes.tsv")
  }

  /// igraph's values from `centrality/NAME.igraph.tsv` (Fixtures/make_igraph_reference.py):
  /// every node, or a sample of them (ca-AstroPh).
  static func igraph(_ dataset: String) throws -> NodeTable {
    try table("centrality/\(dataset).igraph.tsv")
  }

  static func table(_ file: String) throws -> NodeTable {
    let text = try String(contentsOfFile: fixturePath(file), encoding: .utf8)
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

  /// Edge 0–1 of weight 2 and a kept self-loop of weight 3 at node 0.
  static var selfLoopExample: Graph {
    var b = GraphBuilder(nodeCount: 2, selfLoops: .keep)
    b.addEdge(0, 1, weight: 2)
    b.addEdge(0, 0, weight: 3)
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
