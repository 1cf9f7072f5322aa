import Testing

@testable import GraphKit

@Suite("Community properties")
struct CommunityPropertyTests {
  @Test(
    "Leiden communities are connected on random graphs", arguments: [false, true],
    [UInt64(1), 2, 3, 4, 5])
  func leidenConnected(weighted: Bool, seed: UInt64) {
    // Sparse graphs near the percolation threshold and planted groups with noise.
    let graphs = [
      CommunityTestSupport.sparseGraph(nodes: 300, meanDegree: 2.5, weighted: weighted, seed: seed),
      CommunityTestSupport.plantedGraph(
        groups: 6, size: 25, inside: 0.25, between: 0.02, weighted: weighted, seed: seed),
    ]
    for graph in graphs {
      for gamma in [0.5, 1.0, 2.0] {
        let r = graph.leidenCommunities(resolution: gamma, iterations: 1, seed: seed)
        #expect(CommunityTestSupport.communitiesAreConnected(graph, r.partition), "γ = \(gamma)")
        for level in r.levels {
          #expect(CommunityTestSupport.communitiesAreConnected(graph, level), "γ = \(gamma) level")
        }
        #expect(CommunityTestSupport.isNestedHierarchy(r.levels))
        CommunityTestSupport.expectWellFormed(r.partition, nodeCount: graph.nodeCount)
        #expect(
          CommunityTestSupport.isClose(
            r.modularity, graph.modularity(of: r.partition, resolution: gamma), tolerance: 1e-12))
      }
    }
  }

  @Test(
    "every algorithm covers each node once and reports what modularity(of:) recomputes",
    arguments: CommunityAlgorithm.allCases, [false, true])
  func wellFormed(algorithm: CommunityAlgorithm, weighted: Bool) {
    for seed: UInt64 in 1...3 {
      let graph = CommunityTestSupport.plantedGraph(
        groups: 5, size: 20, inside: 0.3, between: 0.03, weighted: weighted, seed: seed)
      let r = graph.communities(using: algorithm, seed: seed)
      CommunityTestSupport.expectWellFormed(r.partition, nodeCount: graph.nodeCount)
      #expect(
        CommunityTestSupport.isClose(
          r.modularity, graph.modularity(of: r.partition), tolerance: 1e-12))
      #expect(r == graph.communities(using: algorithm, seed: seed))
    }
  }

  @Test(
    "Leiden's and Louvain's reported modularity equals modularity(of:) recomputed",
    arguments: [CommunityAlgorithm.leiden, .louvain], [0.5, 1.0, 2.0])
  func reportedEqualsRecomputed(algorithm: CommunityAlgorithm, resolution: Double) throws {
    for graph in [try CommunityTestSupport.karate(), try CommunityTestSupport.netscience()] {
      for seed: UInt64 in 0..<3 {
        let result = graph.communities(using: algorithm, resolution: resolution, seed: seed)
        let recomputed = graph.modularity(of: result.partition, resolution: resolution)
        #expect(CommunityTestSupport.isClose(result.modularity, recomputed, tolerance: 1e-12))
        #expect(result.quality == result.modularity)
      }
    }
  }

  @Test("Leiden and Louvain recover clearly planted groups", arguments: [false, true])
  func plantedRecovered(weighted: Bool) {
    let graph = CommunityTestSupport.plantedGraph(
      groups: 4, size: 30, inside: 0.5, between: 0.01, weighted: weighted, seed: 9)
    let planted = Partition(membership: (0..<120).map { $0 / 30 })
    #expect(normalizedMutualInformation(graph.leidenCommunities(seed: 1).partition, planted) == 1)
    #expect(adjustedRandIndex(graph.louvainCommunities(seed: 1).partition, planted) == 1)
  }

  @Test("best of K runs keeps the highest quality and matches the single runs on any core count")
  func bestOf() throws {
    let graph = try CommunityTestSupport.netscience()
    let runs = graph.bestOf(runs: 6, using: .leiden, resolution: 1.5, seed: 100)
    #expect(runs.seeds == Array(100..<106))
    for (seed, result) in zip(runs.seeds, runs.results) {
      #expect(result == graph.leidenCommunities(resolution: 1.5, seed: seed))
    }
    #expect(runs.best.quality == runs.results.map(\.quality).max())
    #expect(runs.results[Int(runs.bestSeed - 100)] == runs.best)
    #expect(runs.meanNormalizedMutualInformation > 0.9 && runs.meanNormalizedMutualInformation <= 1)
    #expect(runs.meanAdjustedRandIndex > 0.5 && runs.meanAdjustedRandIndex <= 1)
    let single = graph.bestOf(runs: 1) { g, seed in g.labelPropagationCommunities(seed: seed) }
    #expect(single.meanNormalizedMutualInformation == 1 && single.meanAdjustedRandIndex == 1)
  }

  @Test("NMI and adjusted Rand index equal igraph's compare_communities")
  func comparisonsMatchIgraph() throws {
    let fixture = try CommunityFixture.load()
    #expect(fixture.comparisons.count == 27)
    for c in fixture.comparisons {
      let entry = try #require(fixture.graphs.first { $0.name == c.graph })
      let a = Partition(membership: try entry.partition(c.a).membership)
      let b = Partition(membership: try entry.partition(c.b).membership)
      let label = "\(c.graph): \(c.a) vs \(c.b)"
      #expect(
        CommunityTestSupport.isClose(normalizedMutualInformation(a, b), c.nmi, tolerance: 1e-12),
        "\(label)")
      #expect(
        CommunityTestSupport.isClose(adjustedRandIndex(a, b), c.ari, tolerance: 1e-12), "\(label)")
      #expect(
        CommunityTestSupport.isClose(
          normalizedMutualInformation(a, b), normalizedMutualInformation(b, a), tolerance: 1e-14))
    }
  }

  @Test("NMI and ARI ignore community numbers and give 1 for the same grouping")
  func comparisonInvariance() {
    let a = Partition(membership: [0, 0, 1, 1, 2, 2, 2])
    let relabelled = Partition(membership: [5, 5, 9, 9, 1, 1, 1])
    #expect(normalizedMutualInformation(a, relabelled) == 1)
    #expect(adjustedRandIndex(a, relabelled) == 1)
    #expect(normalizedMutualInformation(.singletons(1), .singletons(1)) == 1)
    // By hand: a = {01}{23}{456}, b = {0123}{456}: pairs together in both = 1+1+3 = 5,
    // Σ C(a_i,2) = 5, Σ C(b_j,2) = 9, C(7,2) = 21 → ARI = (5 − 45/21) / (7 − 45/21).
    let b = Partition(membership: [0, 0, 0, 0, 1, 1, 1])
    let expected: Double = (5 - 45.0 / 21) / (7 - 45.0 / 21)
    #expect(CommunityTestSupport.isClose(adjustedRandIndex(a, b), expected))
  }
}
