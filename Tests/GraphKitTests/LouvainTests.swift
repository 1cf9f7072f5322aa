import Testing

@testable import GraphKit

@Suite("Louvain")
struct LouvainTests {
  @Test("karate club at γ = 1 comes within 0.01 of the optimum 0.4198")
  func karate() throws {
    let graph = try CommunityTestSupport.karate()
    for seed: UInt64 in 0..<10 {
      let q = graph.louvainCommunities(seed: seed).modularity
      #expect(q > 0.4098 && q <= 0.41979 + 1e-9, "seed \(seed): Q = \(q)")
    }
  }

  @Test("levels are nested, finest first, and end with the partition")
  func levels() throws {
    let graph = try CommunityTestSupport.netscience()
    let result = graph.louvainCommunities(seed: 7)
    #expect(result.levels.last == result.partition)
    #expect(result.levels.count >= 2)
    #expect(CommunityTestSupport.isNestedHierarchy(result.levels))
    #expect(
      !CommunityTestSupport.isNestedHierarchy([result.partition, .singletons(graph.nodeCount)]))
  }

  @Test("a larger resolution gives more communities")
  func resolution() throws {
    let graph = try CommunityTestSupport.karate()
    let counts = [0.3, 1.0, 3.0].map {
      graph.louvainCommunities(resolution: $0).partition.communityCount
    }
    #expect(counts[0] < counts[1] && counts[1] < counts[2], "\(counts)")
    #expect(graph.louvainCommunities(resolution: 0).partition.communityCount == 1)
  }

  @Test("same seed, same partition; the partition covers every node once")
  func deterministic() throws {
    let graph = try CommunityTestSupport.netscience()
    let a = graph.louvainCommunities(seed: 42)
    let b = graph.louvainCommunities(seed: 42)
    #expect(a == b)
    CommunityTestSupport.expectWellFormed(a.partition, nodeCount: graph.nodeCount)
  }

  @Test("edgeless and empty graphs give singletons")
  func degenerate() {
    let edgeless = Graph(offsets: [0, 0, 0, 0], neighbors: [], weights: [])
    let r = edgeless.louvainCommunities()
    #expect(r.partition == .singletons(3))
    #expect(r.modularity.isNaN)
    #expect(
      Graph(offsets: [0], neighbors: [], weights: []).louvainCommunities().partition.nodeCount == 0)
  }

  @Test("negative edge weights are caller misuse")
  func negativeWeight() async {
    await #expect(processExitsWith: .failure) {
      var b = GraphBuilder()
      b.addEdge(0, 1, weight: -1)
      _ = b.build().louvainCommunities()
    }
  }

  @Test(
    "Louvain's reported modularity equals modularity(of:) recomputed",
    arguments: [0.5, 1.0, 2.0])
  func reportedEqualsRecomputed(resolution: Double) throws {
    try CommunityTestSupport.expectReportedEqualsRecomputed(.louvain, resolution: resolution)
  }

  @Test("Louvain recovers clearly planted groups", arguments: [false, true])
  func plantedRecovered(weighted: Bool) {
    let graph = CommunityTestSupport.plantedGraph(
      groups: 4, size: 30, inside: 0.5, between: 0.01, weighted: weighted, seed: 9)
    let planted = Partition(membership: (0..<120).map { $0 / 30 })
    #expect(adjustedRandIndex(graph.louvainCommunities(seed: 1).partition, planted) == 1)
  }
}
