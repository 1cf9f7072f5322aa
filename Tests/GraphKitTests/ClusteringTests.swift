import Testing

@testable import GraphKit

/// Triangles, local and average clustering, transitivity.
@Suite("Clustering")
struct ClusteringTests {
  @Test("complete graph: clustering 1")
  func complete() {
    let g = Graph.complete(5)
    #expect(g.clusteringCoefficient() == [1, 1, 1, 1, 1])
    #expect(g.transitivity() == 1)
  }

  @Test("a self-loop closes no triangle")
  func selfLoops() {
    #expect(Graph.selfLoopExample.clusteringCoefficient() == [0, 0])
  }

  @Test(arguments: Fixture.smallDatasets)
  func matchesNetworkx(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    let scalars = try Fixture.scalars(dataset)
    expectClose(g.triangleCount().map(Double.init), try ref.column("triangles", for: g), relative: 0)
    expectClose(g.clusteringCoefficient(), try ref.column("clustering", for: g), relative: 1e-12)
    expectClose(
      g.clusteringCoefficient(.geometricMean), try ref.column("clustering_geometric_mean", for: g), relative: 1e-9)
    expectClose(g.averageClustering(), try #require(scalars["average_clustering"]), relative: 1e-12)
    expectClose(
      g.averageClustering(.geometricMean), try #require(scalars["average_clustering_geometric_mean"]),
      relative: 1e-9)
    expectClose(g.transitivity(), try #require(scalars["transitivity"]), relative: 1e-12)
  }

  @Test func matchesNetworkxOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    let scalars = try Fixture.scalars("ca-GrQc")
    expectClose(g.clusteringCoefficient(), try ref.column("clustering", for: g), relative: 1e-12)
    expectClose(g.transitivity(), try #require(scalars["transitivity"]), relative: 1e-12)
  }
}
