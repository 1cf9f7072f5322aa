import Testing

@testable import GraphKit

/// Eigenvector centrality: hand values, igraph's ARPACK values (max = 1 scale) on every
/// node of netscience and ca-GrQc and on 1,020 nodes of ca-AstroPh
/// (Fixtures/make_igraph_reference.py), networkx's early stop with `.networkx`.
@Suite("Eigenvector centrality")
struct EigenvectorTests {
  @Test("complete graph: every entry is 1/√n")
  func complete() throws {
    let expected = [Double](repeating: 1 / 5.0.squareRoot(), count: 5)
    expectClose(try Graph.complete(5).eigenvectorCentrality().scores, expected, relative: 1e-12)
    expectClose(try Graph.complete(5).eigenvectorCentrality(convergence: .networkx).scores, expected, relative: 1e-9)
  }

  @Test("disconnected: the leading component only, others exactly 0")
  func leadingComponent() throws {
    // Triangle 0–1–2 (λ = 2) and edge 3–4 (λ = 1) and isolated 5.
    let g = Graph.fromEdges(6, [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1)])
    let result = try g.eigenvectorCentrality()
    expectClose(result.scores, [1 / 3.0.squareRoot(), 1 / 3.0.squareRoot(), 1 / 3.0.squareRoot(), 0, 0, 0], relative: 1e-12)
    #expect(result.scores[3] == 0 && result.scores[5] == 0)
  }

  @Test("the leading component need not be the largest")
  func leadingNotLargest() throws {
    // Path of 6 nodes (λ ≈ 1.80) and K4 (λ = 3): K4 leads.
    var edges: [(Int, Int, Double)] = (0..<5).map { ($0, $0 + 1, 1) }
    for a in 6..<10 { for b in (a + 1)..<10 { edges.append((a, b, 1)) } }
    let scores = try Graph.fromEdges(10, edges).eigenvectorCentrality().scores
    #expect(scores[0..<6].allSatisfy { $0 == 0 })
    expectClose(Array(scores[6..<10]), [0.5, 0.5, 0.5, 0.5], relative: 1e-12)
  }

  @Test("no edges: uniform")
  func edgeless() throws {
    expectClose(try Graph.fromEdges(4, []).eigenvectorCentrality().scores, [0.5, 0.5, 0.5, 0.5], relative: 1e-15)
  }

  @Test("eigenvector centrality throws when it runs out of iterations")
  func convergenceError() {
    #expect(throws: ConvergenceError.self) {
      try Fixture.karate.eigenvectorCentrality(convergence: .networkx(tolerance: 1e-6, maxIterations: 2))
    }
  }

  @Test(arguments: Fixture.smallDatasets)
  func networkxRule(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    // Nodes outside the main component decay towards 0 (1e-30 in netscience): the
    // absolute floor keeps the test about the values that carry the ranking.
    expectClose(
      try g.eigenvectorCentrality(convergence: .networkx).scores, try ref.column("eigenvector", for: g),
      relative: 1e-6, absolute: 1e-12)
  }

  @Test func networkxRuleOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    expectClose(
      try g.eigenvectorCentrality(convergence: .networkx).scores, try ref.column("eigenvector", for: g),
      relative: 1e-6, absolute: 1e-12)
  }

  /// The default equals igraph `eigenvector_centrality(scale=True)` to 1e-9 on the
  /// max = 1 scale, every listed node (igraph's round-off zeros included).
  @Test(arguments: ["netscience", "ca-GrQc", "ca-AstroPh"])
  func matchesIgraph(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let expected = try Fixture.igraph(dataset).rows("eigenvector", for: g)
    let result = try g.eigenvectorCentrality()
    let top = result.scores.max() ?? 1
    expectClose(expected.nodes.map { result.scores[$0] / top }, expected.values, relative: 0, absolute: 1e-9)
    #expect(result.method.contains("leading component"))
  }
}
