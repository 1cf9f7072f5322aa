import Testing

@testable import GraphKit

/// Closeness and harmonic centrality (both in Closeness.swift).
@Suite("Closeness and harmonic centrality")
struct ClosenessTests {
  @Test("complete graph: closeness 1, harmonic n − 1")
  func complete() {
    let g = Graph.complete(5)
    #expect(g.closenessCentrality() == [1, 1, 1, 1, 1])
    #expect(g.harmonicCentrality() == [4, 4, 4, 4, 4])
  }

  @Test("path closeness and harmonic")
  func pathCloseness() {
    let g = Graph.path(3)
    // End: distances 1, 2 → 2/3; middle: 1, 1 → 1.
    expectClose(g.closenessCentrality(), [2.0 / 3, 1, 2.0 / 3], relative: 1e-15)
    expectClose(g.harmonicCentrality(), [1.5, 2, 1.5], relative: 1e-15)
  }

  @Test("closeness on a disconnected graph uses networkx's Wasserman–Faust factor")
  func disconnectedCloseness() {
    // Edge {0,1} and isolated node 2: C(0) = (1/1)·(1/2).
    let g = Graph.fromEdges(3, [(0, 1, 1)])
    #expect(g.closenessCentrality() == [0.5, 0.5, 0])
    #expect(g.harmonicCentrality() == [1, 1, 0])
  }

  @Test("inverse-weight distances: a strong detour beats a weak direct edge")
  func weightedPaths() {
    // 0–2 weight 1 (length 1); 0–1 and 1–2 weight 4 (length 0.25 each): 0→1→2 is shorter.
    let g = Graph.fromEdges(3, [(0, 2, 1), (0, 1, 4), (1, 2, 4)])
    expectClose(g.harmonicCentrality(distance: .inverseWeight), [4 + 2, 8, 4 + 2], relative: 1e-15)
  }

  @Test("empty graph")
  func empty() {
    #expect(GraphBuilder().build().closenessCentrality().isEmpty)
  }

  @Test(arguments: Fixture.smallDatasets, EdgeDistance.allCases)
  func closenessAndHarmonic(dataset: String, distance: EdgeDistance) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    let suffix = distance == .hops ? "hops" : "inverse_weight"
    expectClose(g.closenessCentrality(distance: distance), try ref.column("closeness_\(suffix)", for: g), relative: 1e-9)
    expectClose(g.harmonicCentrality(distance: distance), try ref.column("harmonic_\(suffix)", for: g), relative: 1e-9)
  }

  /// Exact integer lengths: the same distances as networkx with fractions 1/w on the
  /// tie-heavy graph (Fixtures/make_ties_reference.py).
  @Test func matchesExactNetworkxOnTies() throws {
    let g = try Fixture.ties()
    let ref = try Fixture.nodes("ties")
    expectClose(g.closenessCentrality(distance: .inverseWeight), try ref.column("closeness_inverse_weight", for: g), relative: 1e-14)
    expectClose(g.harmonicCentrality(distance: .inverseWeight), try ref.column("harmonic_inverse_weight", for: g), relative: 1e-14)
  }

  /// Equal weights w: distances are hops / w.
  @Test func equalWeights() {
    let g = Fixture.karate
    let heavy = Graph(offsets: g.offsets, neighbors: g.neighbors, weights: g.weights.map { _ in 2 })
    expectClose(heavy.closenessCentrality(distance: .inverseWeight), g.closenessCentrality().map { 2 * $0 }, relative: 1e-15)
    expectClose(heavy.harmonicCentrality(distance: .inverseWeight), g.harmonicCentrality().map { 2 * $0 }, relative: 1e-15)
  }

  @Test func matchesNetworkxOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    expectClose(g.closenessCentrality(), try ref.column("closeness_hops", for: g), relative: 1e-9)
    expectClose(g.harmonicCentrality(), try ref.column("harmonic_hops", for: g), relative: 1e-9)
  }
}
