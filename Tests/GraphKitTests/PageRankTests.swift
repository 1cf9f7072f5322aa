import Testing

@testable import GraphKit

/// PageRank: hand values, igraph's exact PRPACK values on every node of netscience and
/// ca-GrQc and on 1,020 nodes of ca-AstroPh (Fixtures/make_igraph_reference.py), and
/// networkx's early stop with `.networkx` (Fixtures/make_reference.py).
@Suite("PageRank")
struct PageRankTests {
  @Test("complete graph: every node ranks 1/n")
  func complete() throws {
    expectClose(try Graph.complete(5).pageRank().scores, [0.2, 0.2, 0.2, 0.2, 0.2], relative: 1e-12)
  }

  @Test("a dangling node spreads its rank evenly (exact fixed point)")
  func danglingPageRank() throws {
    // hand: x2 = (1−α)/3 + α·x2/3 → x2 = 0.05/(1 − 0.85/3); x0 = x1 = (1 − x2)/2.
    let x2 = (0.15 / 3) / (1 - 0.85 / 3)
    let g = Graph.fromEdges(3, [(0, 1, 1)])
    let result = try g.pageRank()
    expectClose(result.scores, [(1 - x2) / 2, (1 - x2) / 2, x2], relative: 1e-14)
    #expect(result.residual < 3e-15)
    #expect(result.iterations > 1)
  }

  @Test("the result names its method, iterations and residual")
  func reportsMethod() throws {
    let exact = try Fixture.karate.pageRank()
    #expect(exact.method.contains("fixed point"))
    #expect(exact.convergence == .fixedPoint)
    let early = try Fixture.karate.pageRank(convergence: .networkx)
    #expect(early.method.contains("networkx"))
    #expect(early.iterations < exact.iterations)
    #expect(early.residual < 34 * 1e-6)
    #expect(exact.residual < 34 * 1e-15 || exact.residual <= early.residual)
  }

  @Test("PageRank throws when it runs out of iterations")
  func convergenceError() {
    #expect(throws: ConvergenceError.self) {
      try Fixture.karate.pageRank(convergence: .networkx(tolerance: 1e-6, maxIterations: 2))
    }
    #expect(throws: ConvergenceError.self) {
      try Fixture.karate.pageRank(convergence: Convergence(rule: .fixedPoint(tolerance: 1e-15), maxIterations: 3))
    }
  }

  @Test("empty graph")
  func empty() throws {
    #expect(try GraphBuilder().build().pageRank().scores.isEmpty)
  }

  /// networkx's stopping rule reproduces networkx's (early-stopped) numbers.
  @Test(arguments: Fixture.smallDatasets)
  func networkxRule(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    expectClose(try g.pageRank(convergence: .networkx).scores, try ref.column("pagerank", for: g), relative: 1e-6)
    expectClose(
      try g.pageRank(weighted: false, convergence: .networkx).scores, try ref.column("pagerank_unweighted", for: g),
      relative: 1e-6)
  }

  @Test func networkxRuleOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    expectClose(try g.pageRank(convergence: .networkx).scores, try ref.column("pagerank", for: g), relative: 1e-6)
  }

  /// The default equals igraph's PRPACK on every listed node to 1e-9 relative
  /// (netscience weighted and disconnected; ca-GrQc every node; ca-AstroPh a sample).
  @Test(arguments: ["netscience", "ca-GrQc", "ca-AstroPh"])
  func matchesIgraph(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.igraph(dataset)
    for (column, weighted) in [("pagerank", true), ("pagerank_unweighted", false)] {
      let expected = try ref.rows(column, for: g)
      let scores = try g.pageRank(weighted: weighted).scores
      expectClose(expected.nodes.map { scores[$0] }, expected.values, relative: 1e-9)
    }
  }

  /// networkx's early stop is far from the fixed point on ca-GrQc (the reason for the
  /// default): more than 1 % on some node.
  @Test func networkxRuleIsFarFromFixedPointOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let exact = try g.pageRank().scores
    let early = try g.pageRank(convergence: .networkx).scores
    let worst = zip(exact, early).map { abs($1 - $0) / $0 }.max() ?? 0
    #expect(worst > 0.01)
  }
}
