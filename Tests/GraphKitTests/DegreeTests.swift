import Testing

@testable import GraphKit

@Suite("Degree")
struct DegreeTests {
  @Test("a star's center has degree 5, its leaves 1")
  func starDegree() {
    #expect(Graph.star(5).degree() == [5, 1, 1, 1, 1, 1])
  }

  @Test("degree and strength count a self-loop twice, like networkx")
  func selfLoops() {
    let g = Graph.selfLoopExample
    #expect(g.degree() == [3, 1])
    #expect(g.strength() == [8, 2])
  }

  @Test(arguments: Fixture.smallDatasets)
  func degreeAndStrength(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    expectClose(g.degree().map(Double.init), try ref.column("degree", for: g), relative: 0)
    expectClose(g.strength(), try ref.column("strength", for: g), relative: 1e-12)
    expectClose(g.degreeCentrality(), try ref.column("degree_centrality", for: g), relative: 1e-12)
  }

  @Test func matchesNetworkxOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    expectClose(g.degree().map(Double.init), try ref.column("degree", for: g), relative: 0)
  }
}
