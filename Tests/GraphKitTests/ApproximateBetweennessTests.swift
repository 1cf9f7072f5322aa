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

  /// Frequency with which `sample` passes through each node, over `draws` draws.
  private func passFrequencies(_ g: Graph, _ s: Int, _ t: Int, draws: Int) -> [Double] {
    let sampler = _BidirectionalSampler(nodeCount: g.nodeCount)
    var counts = [Double](repeating: 0, count: g.nodeCount)
    g._withCSR(distance: .hops) { csr in
      for k in 0..<draws {
        var rng = SplitMix64(seed: 7, stream: UInt64(k))
        sampler.sample(csr, source: s, target: t, &rng, &counts)
      }
    }
    return counts.map { $0 / Double(draws) }
  }

  @Test("bidirectional sampling picks every shortest path with probability 1/σ_st")
  func bidirectionalUniform() {
    // 4 × 4 grid, corner to corner: σ = C(6, 3) = 20 monotone paths; the paths through
    // cell (i, j) number C(i + j, i) · C(6 − i − j, 3 − i). Both ends grow several levels.
    func binomial(_ n: Int, _ k: Int) -> Double {
      guard k >= 0, k <= n else { return 0 }
      var r = 1.0
      for i in 0..<k { r = r * Double(n - i) / Double(i + 1) }
      return r
    }
    var edges: [(Int, Int, Double)] = []
    for i in 0..<4 {
      for j in 0..<4 {
        if i < 3 { edges.append((4 * i + j, 4 * (i + 1) + j, 1)) }
        if j < 3 { edges.append((4 * i + j, 4 * i + j + 1, 1)) }
      }
    }
    let grid = Graph.fromEdges(16, edges)
    let draws = 40_000
    let frequency = passFrequencies(grid, 0, 15, draws: draws)
    for i in 0..<4 {
      for j in 0..<4 {
        let v = 4 * i + j
        let expected = v == 0 || v == 15 ? 0 : binomial(i + j, i) * binomial(6 - i - j, 3 - i) / 20
        // Binomial standard error ≤ 0.0025 at 40,000 draws; 0.015 is six of them.
        #expect(abs(frequency[v] - expected) < 0.015, "cell (\(i), \(j)): \(frequency[v]) vs \(expected)")
      }
    }
  }

  @Test("bidirectional sampling: unequal branches, unreachable targets and neighbors")
  func bidirectionalEdgeCases() {
    // 0–1–3–5, 0–2–3–5, 0–2–4–5: σ = 3; node 2 lies on two of the three paths.
    let g = Graph.fromEdges(
      7, [(0, 1, 1), (0, 2, 1), (1, 3, 1), (2, 3, 1), (2, 4, 1), (3, 5, 1), (4, 5, 1)])
    let f = passFrequencies(g, 0, 5, draws: 30_000)
    let expected: [Double] = [0, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1.0 / 3, 0, 0]
    for v in 0..<7 { #expect(abs(f[v] - expected[v]) < 0.015, "node \(v): \(f[v])") }
    // Node 6 is isolated: nothing is counted. Adjacent ends: no interior node.
    #expect(passFrequencies(g, 0, 6, draws: 10).allSatisfy { $0 == 0 })
    #expect(passFrequencies(g, 0, 1, draws: 10).allSatisfy { $0 == 0 })
    // The reverse direction sees the same paths.
    let back = passFrequencies(g, 5, 0, draws: 30_000)
    for v in 0..<7 { #expect(abs(back[v] - expected[v]) < 0.015, "node \(v) (reverse): \(back[v])") }
  }
}
