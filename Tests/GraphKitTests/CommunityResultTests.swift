import Testing

@testable import GraphKit

/// The contract of ``CommunityResult`` and `communities(using:)`, for every algorithm.
@Suite("Community results")
struct CommunityResultTests {
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
}
