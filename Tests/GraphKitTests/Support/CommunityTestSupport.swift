import Formats
import Foundation
import Testing

@testable import GraphKit

/// Reference data written by Fixtures/community/make_fixtures.py (igraph, leidenalg).
struct CommunityFixture: Decodable {
  struct FixtureGraph: Decodable {
    var name: String
    var nodeCount: Int
    var edges: [[Double]]
    var resolutions: [Double]
    var cpmResolutions: [Double]
    var partitions: [FixturePartition]

    var graph: Graph {
      var builder = GraphBuilder(nodeCount: nodeCount, selfLoops: .keep)
      for e in edges { builder.addEdge(Int(e[0]), Int(e[1]), weight: e[2]) }
      return builder.build()
    }

    func partition(_ name: String) throws -> FixturePartition {
      try #require(partitions.first { $0.name == name }, "no partition \(name) in \(self.name)")
    }
  }

  struct FixturePartition: Decodable {
    var name: String
    var membership: [Int]
    /// igraph modularity at each of the graph's `resolutions`.
    var modularity: [Double]
    /// leidenalg CPMVertexPartition.quality() at each `cpmResolutions` (null with self-loops).
    var cpm: [Double]?
  }

  struct Comparison: Decodable {
    var graph: String
    var a: String
    var b: String
    var nmi: Double
    var ari: Double
  }

  var command: String
  var graphs: [FixtureGraph]
  var comparisons: [Comparison]

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/community")

  static func load() throws -> CommunityFixture {
    let data = try Data(contentsOf: directory.appendingPathComponent("community.json"))
    return try JSONDecoder().decode(CommunityFixture.self, from: data)
  }

  static func graph(_ name: String) throws -> FixtureGraph {
    try #require(try load().graphs.first { $0.name == name }, "no graph \(name) in fixture")
  }
}

enum CommunityTestSupport {
  /// Zachary's karate club (unweighted, 34 nodes, 78 edges), from the fixture.
  static func karate() throws -> Graph { try CommunityFixture.graph("karate").graph }

  /// netscience as the weighted edge list beside the fixture (GML ids; isolates dropped).
  static func netscience() throws -> Graph {
    try EdgeListReader.read(
      contentsOf: CommunityFixture.directory.appendingPathComponent("netscience.edges").path)
  }

  /// A seeded random graph: `groups` planted groups of `size` nodes, edges
  /// inside a group with probability `inside`, between groups with `between`;
  /// weights uniform in [0.5, 3) when `weighted`, and a few self-loops.
  static func plantedGraph(
    groups: Int, size: Int, inside: Double, between: Double, weighted: Bool, seed: UInt64
  ) -> Graph {
    var rng = SplitMix64(seed: seed)
    let n = groups * size
    var builder = GraphBuilder(nodeCount: n, selfLoops: .keep)
    for u in 0..<n {
      for v in (u + 1)..<max(u + 1, n) {
        let p = u / size == v / size ? inside : between
        if rng.nextDouble() < p {
          builder.addEdge(u, v, weight: weighted ? 0.5 + 2.5 * rng.nextDouble() : 1)
        }
      }
      if weighted, rng.nextInt(below: 10) == 0 { builder.addEdge(u, u, weight: 1) }
    }
    return builder.build()
  }

  /// Sparse random graph (Erdős–Rényi G(n, p)), seeded; many small components
  /// when `p·n` is near 1, which is where disconnected communities would show.
  static func sparseGraph(nodes n: Int, meanDegree: Double, weighted: Bool, seed: UInt64) -> Graph {
    var rng = SplitMix64(seed: seed)
    var builder = GraphBuilder(nodeCount: n)
    let p = meanDegree / Double(max(n - 1, 1))
    for u in 0..<n {
      for v in (u + 1)..<max(u + 1, n) where rng.nextDouble() < p {
        builder.addEdge(u, v, weight: weighted ? 0.1 + 4 * rng.nextDouble() : 1)
      }
    }
    return builder.build()
  }

  /// True when every community induces a connected subgraph (BFS inside it).
  static func communitiesAreConnected(_ graph: Graph, _ partition: Partition) -> Bool {
    let membership = partition.membership
    var seen = [Bool](repeating: false, count: graph.nodeCount)
    var reachedCommunity = [Bool](repeating: false, count: partition.communityCount)
    for start in 0..<graph.nodeCount where !seen[start] {
      let c = membership[start]
      if reachedCommunity[c] { return false }  // a second piece of community c
      reachedCommunity[c] = true
      seen[start] = true
      var stack = [start]
      while let u = stack.popLast() {
        for i in graph.row(u) {
          let v = Int(graph.neighbors[i])
          if !seen[v], membership[v] == c {
            seen[v] = true
            stack.append(v)
          }
        }
      }
    }
    return true
  }

  /// A partition is well formed: one community per node, ids dense, sizes
  /// non-increasing (largest first).
  static func expectWellFormed(
    _ partition: Partition, nodeCount: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(partition.membership.count == nodeCount, sourceLocation: sourceLocation)
    #expect(
      partition.membership.allSatisfy { (0..<partition.communityCount).contains($0) },
      sourceLocation: sourceLocation)
    let sizes = partition.sizes
    #expect(sizes.reduce(0, +) == nodeCount, sourceLocation: sourceLocation)
    #expect(sizes.allSatisfy { $0 > 0 }, sourceLocation: sourceLocation)
    #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 }, sourceLocation: sourceLocation)
  }

  /// Each level coarsens the one before (members of a finer community share one
  /// coarser community) and has fewer communities.
  static func isNestedHierarchy(_ levels: [Partition]) -> Bool {
    for (fine, coarse) in zip(levels, levels.dropFirst()) {
      guard fine.communityCount > coarse.communityCount else { return false }
      var coarseOf = [Int](repeating: -1, count: fine.communityCount)
      for (node, c) in fine.membership.enumerated() {
        if coarseOf[c] == -1 { coarseOf[c] = coarse.membership[node] }
        if coarseOf[c] != coarse.membership[node] { return false }
      }
    }
    return true
  }

  /// CPM quality Σ_c [w_c − γ·n_c(n_c − 1)/2] from first principles.
  static func cpm(_ graph: Graph, _ partition: Partition, resolution: Double) -> Double {
    let sizes = partition.sizes
    var quality = 0.0
    for (u, v, w) in graph.edges where partition.membership[u] == partition.membership[v] {
      quality += w
    }
    for s in sizes { quality -= resolution * Double(s * (s - 1)) / 2 }
    return quality
  }

  /// The reported modularity of `algorithm` equals `modularity(of:)` recomputed, and
  /// its quality equals its modularity, on karate and netscience for seeds 0–2.
  static func expectReportedEqualsRecomputed(
    _ algorithm: CommunityAlgorithm, resolution: Double,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    for graph in [try karate(), try netscience()] {
      for seed: UInt64 in 0..<3 {
        let result = graph.communities(using: algorithm, resolution: resolution, seed: seed)
        let recomputed = graph.modularity(of: result.partition, resolution: resolution)
        #expect(
          isClose(result.modularity, recomputed, tolerance: 1e-12), sourceLocation: sourceLocation)
        #expect(result.quality == result.modularity, sourceLocation: sourceLocation)
      }
    }
  }

  static func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
  }
}
