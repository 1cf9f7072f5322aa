import Testing

@testable import GraphKit

@Suite("Approximate betweenness (Riondato–Kornaropoulos)")
struct ApproximateBetweennessTests {
  @Test("estimates stay within the stated bound of the exact values", arguments: EdgeDistance.allCases)
  func withinBound(distance: EdgeDistance) throws {
    let g = try Fixture.graph("netscience")
    let exact = g.betweennessCentrality(distance: distance, normalization: .normalized)
    let estimate = g.approximateBetweennessCentrality(
      epsilon: 0.02, delta: 0.05, distance: distance, normalization: .normalized, seed: 42)
    #expect(estimate.isApproximate)
    #expect(estimate.sampleCount > 0)
    let worst = zip(estimate.scores, exact).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= estimate.errorBound, "worst error \(worst) > bound \(estimate.errorBound)")
    // Not trivially inside the bound: the top node must be found.
    let top = exact.indices.max { exact[$0] < exact[$1] }
    #expect(estimate.scores[top ?? 0] > 0)
  }

  @Test("sample size follows the RK formula")
  func sampleSize() {
    // Path of 10 nodes: BFS from node 0 gives eccentricity 9 → VD ≤ min(19, 10) = 10.
    let r = Graph.path(10).approximateBetweennessCentrality(epsilon: 0.1, delta: 0.1, seed: 1)
    #expect(r.vertexDiameterBound == 10)
    // ⌈0.5/0.01 · (⌊log₂ 8⌋ + 1 + ln 10)⌉ = ⌈50 · (4 + 2.302585…)⌉ = 316
    #expect(r.sampleCount == 316)
  }

  @Test("the automatic policy is exact on small graphs and reports it")
  func automaticPolicy() {
    let g = Graph.path(5)
    let r = g.betweennessCentrality(method: .automaticDefault)
    #expect(!r.isApproximate)
    #expect(r.scores == [0, 3, 4, 3, 0])
    #expect(g.recommendedBetweennessMethod() == .exact)
    // 100,000 nodes × 100,000 edges is over the limit.
    var b = GraphBuilder(nodeCount: 100_001)
    for i in 0..<100_000 { b.addEdge(i, i + 1) }
    let big = b.build()
    #expect(big.recommendedBetweennessMethod(seed: 3) == .approximate(epsilon: 0.01, delta: 0.1, seed: 3))
  }

  @Test("same seed, same scores; another seed, other samples")
  func seeds() {
    let g = Fixture.karate
    let a = g.approximateBetweennessCentrality(epsilon: 0.1, seed: 1)
    let b = g.approximateBetweennessCentrality(epsilon: 0.1, seed: 1)
    let c = g.approximateBetweennessCentrality(epsilon: 0.1, seed: 2)
    #expect(a == b)
    #expect(a.scores != c.scores)
  }

  /// Parallel results must not depend on the number of workers (STYLE §6).
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
