import Testing

@testable import GraphKit

/// Parallel results must not depend on the number of workers (STYLE §6).
@Suite("Deterministic parallelism")
struct DeterminismTests {
  @Test(arguments: EdgeDistance.allCases)
  func betweennessSameBitsOnOneOrFourWorkers(distance: EdgeDistance) throws {
    let g = try Fixture.graph("netscience")
    let one = g._exactBetweenness(distance: distance, normalization: .none, workers: 1)
    let four = g._exactBetweenness(distance: distance, normalization: .none, workers: 4)
    #expect(one.map(\.bitPattern) == four.map(\.bitPattern))
  }

  @Test func approximateSameBitsOnOneOrThreeWorkers() throws {
    let g = try Fixture.graph("netscience")
    let one = g._approximateBetweenness(
      epsilon: 0.05, delta: 0.1, distance: .hops, normalization: .none, seed: 7, workers: 1)
    let three = g._approximateBetweenness(
      epsilon: 0.05, delta: 0.1, distance: .hops, normalization: .none, seed: 7, workers: 3)
    #expect(one.scores.map(\.bitPattern) == three.scores.map(\.bitPattern))
    #expect(one.scores.contains { $0 > 0 })
  }
}
