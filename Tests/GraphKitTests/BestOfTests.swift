import Testing

@testable import GraphKit

@Suite("Best of K runs")
struct BestOfTests {
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
}
