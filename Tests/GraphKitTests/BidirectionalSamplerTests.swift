import Testing

@testable import GraphKit

/// The balanced bidirectional path sampler behind hop approximate betweenness.
@Suite("Bidirectional path sampling")
struct BidirectionalSamplerTests {
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
