import Testing

@testable import GraphKit

@Suite("Graph summary")
struct GraphSummaryTests {
  @Test("empty graph")
  func empty() {
    #expect(GraphBuilder().build().summary().nodeCount == 0)
  }

  @Test(arguments: Fixture.smallDatasets, EdgeDistance.allCases)
  func summary(dataset: String, distance: EdgeDistance) throws {
    let g = try Fixture.graph(dataset)
    let scalars = try Fixture.scalars(dataset)
    let s = g.summary(distance: distance)
    let suffix = distance == .hops ? "hops" : "inverse_weight"
    #expect(s.isExact)
    #expect(Double(s.nodeCount) == scalars["nodes"])
    #expect(Double(s.edgeCount) == scalars["edges"])
    #expect(Double(s.componentCount) == scalars["components"])
    #expect(Double(s.largestComponentNodeCount) == scalars["largest_component_nodes"])
    expectClose(s.density, try #require(scalars["density"]), relative: 1e-12)
    expectClose(s.diameter, try #require(scalars["diameter_\(suffix)"]), relative: 1e-12)
    expectClose(s.averagePathLength, try #require(scalars["average_path_length_\(suffix)"]), relative: 1e-9)
  }

  @Test func matchesNetworkxOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let scalars = try Fixture.scalars("ca-GrQc")
    let s = g.summary()
    #expect(Double(s.componentCount) == scalars["components"])
    expectClose(s.diameter, try #require(scalars["diameter_hops"]), relative: 0)
    expectClose(s.averagePathLength, try #require(scalars["average_path_length_hops"]), relative: 1e-9)
  }
}
