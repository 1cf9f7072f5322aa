import Testing

@testable import GraphKit

@Suite("Label propagation")
struct LabelPropagationTests {
  /// Two 5-cliques and an isolated node: labels settle on the cliques.
  static let twoCliques: Graph = {
    var b = GraphBuilder(nodeCount: 11)
    for base in [0, 5] {
      for u in base..<(base + 5) {
        for v in (u + 1)..<(base + 5) { b.addEdge(u, v) }
      }
    }
    return b.build()
  }()

  @Test("two disjoint cliques become two communities; an isolated node stays alone")
  func cliques() {
    for seed: UInt64 in 0..<5 {
      let p = Self.twoCliques.labelPropagationCommunities(seed: seed).partition
      #expect(p.communities == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10]])
    }
  }

  @Test("at the end every node holds a label of largest neighbor weight (weights count)")
  func stoppingRule() throws {
    let graphs = [
      try CommunityTestSupport.netscience(),
      CommunityTestSupport.plantedGraph(
        groups: 5, size: 20, inside: 0.2, between: 0.05, weighted: true, seed: 2),
    ]
    for graph in graphs {
      for seed: UInt64 in 0..<3 {
        let membership = graph.labelPropagationCommunities(seed: seed).partition.membership
        var violations = 0
        for u in 0..<graph.nodeCount {
          var weight = [Int: Double]()
          for i in graph.row(u) where Int(graph.neighbors[i]) != u {
            weight[membership[Int(graph.neighbors[i])], default: 0] += graph.weights[i]
          }
          guard let best = weight.values.max() else { continue }
          if weight[membership[u], default: 0] != best { violations += 1 }
        }
        #expect(violations == 0, "seed \(seed)")
      }
    }
  }

  @Test("reported modularity equals modularity(of:); same seed, same partition")
  func reportedAndDeterministic() throws {
    let graph = try CommunityTestSupport.netscience()
    for seed: UInt64 in 0..<3 {
      let r = graph.labelPropagationCommunities(seed: seed)
      #expect(
        CommunityTestSupport.isClose(
          r.modularity, graph.modularity(of: r.partition), tolerance: 1e-12))
      #expect(r == graph.labelPropagationCommunities(seed: seed))
      CommunityTestSupport.expectWellFormed(r.partition, nodeCount: graph.nodeCount)
      #expect(r.modularity > 0.85)  // netscience is many near-cliques
    }
  }

  @Test("the command-line names reach the same functions")
  func byName() throws {
    let graph = try CommunityTestSupport.karate()
    #expect(
      graph.communities(using: .labelPropagation, seed: 4)
        == graph.labelPropagationCommunities(seed: 4))
    #expect(
      graph.communities(using: .louvain, resolution: 0.8, seed: 4)
        == graph.louvainCommunities(resolution: 0.8, seed: 4))
    #expect(
      graph.communities(using: .leiden, resolution: 0.8, seed: 4)
        == graph.leidenCommunities(resolution: 0.8, seed: 4))
    #expect(CommunityAlgorithm(rawValue: "label-propagation") == .labelPropagation)
  }
}
