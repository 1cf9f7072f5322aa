import Testing

@testable import GraphKit

/// Every metric against networkx, on karate (unweighted) and netscience (weighted).
/// Fixtures: Fixtures/make_reference.py (command in each fixture's first line).
@Suite("Reference values from networkx")
struct ReferenceTests {
  static let small = ["karate", "netscience"]

  @Test(arguments: small)
  func degreeAndStrength(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    expectClose(g.degree().map(Double.init), try ref.column("degree", for: g), relative: 0)
    expectClose(g.strength(), try ref.column("strength", for: g), relative: 1e-12)
    expectClose(g.degreeCentrality(), try ref.column("degree_centrality", for: g), relative: 1e-12)
  }

  @Test(arguments: small)
  func pageRank(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    expectClose(try g.pageRank(), try ref.column("pagerank", for: g), relative: 1e-6)
    expectClose(try g.pageRank(weighted: false), try ref.column("pagerank_unweighted", for: g), relative: 1e-6)
  }

  @Test(arguments: small)
  func eigenvector(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    // Nodes outside the main component decay towards 0 (1e-30 in netscience): the
    // absolute floor keeps the test about the values that carry the ranking.
    expectClose(try g.eigenvectorCentrality(), try ref.column("eigenvector", for: g), relative: 1e-6, absolute: 1e-12)
  }

  @Test(arguments: small, EdgeDistance.allCases)
  func betweenness(dataset: String, distance: EdgeDistance) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    let column = distance == .hops ? "betweenness_hops" : "betweenness_inverse_weight"
    expectClose(g.betweennessCentrality(distance: distance), try ref.column(column, for: g), relative: 1e-9, absolute: 1e-9)
    if distance == .hops {
      expectClose(
        g.betweennessCentrality(normalization: .normalized), try ref.column("betweenness_hops_normalized", for: g),
        relative: 1e-9, absolute: 1e-12)
    }
  }

  @Test(arguments: small, EdgeDistance.allCases)
  func closenessAndHarmonic(dataset: String, distance: EdgeDistance) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    let suffix = distance == .hops ? "hops" : "inverse_weight"
    expectClose(g.closenessCentrality(distance: distance), try ref.column("closeness_\(suffix)", for: g), relative: 1e-9)
    expectClose(g.harmonicCentrality(distance: distance), try ref.column("harmonic_\(suffix)", for: g), relative: 1e-9)
  }

  @Test(arguments: small)
  func structure(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    let scalars = try Fixture.scalars(dataset)
    expectClose(g.coreNumber().map(Double.init), try ref.column("core_number", for: g), relative: 0)
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

  @Test(arguments: small, EdgeDistance.allCases)
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
}

/// ca-GrQc (5,242 nodes, read from the SNAP file): betweenness once per distance
/// (unit weights, so `.inverseWeight` must equal networkx's hop values), everything
/// else once.
@Suite("Reference values on ca-GrQc")
struct GrQcReferenceTests {
  @Test(arguments: EdgeDistance.allCases)
  func betweenness(distance: EdgeDistance) throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    expectClose(g.betweennessCentrality(distance: distance), try ref.column("betweenness_hops", for: g), relative: 1e-9, absolute: 1e-9)
  }

  @Test func otherMetrics() throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    let scalars = try Fixture.scalars("ca-GrQc")
    expectClose(g.degree().map(Double.init), try ref.column("degree", for: g), relative: 0)
    expectClose(try g.pageRank(), try ref.column("pagerank", for: g), relative: 1e-6)
    expectClose(try g.eigenvectorCentrality(), try ref.column("eigenvector", for: g), relative: 1e-6, absolute: 1e-12)
    expectClose(g.closenessCentrality(), try ref.column("closeness_hops", for: g), relative: 1e-9)
    expectClose(g.harmonicCentrality(), try ref.column("harmonic_hops", for: g), relative: 1e-9)
    expectClose(g.coreNumber().map(Double.init), try ref.column("core_number", for: g), relative: 0)
    expectClose(g.clusteringCoefficient(), try ref.column("clustering", for: g), relative: 1e-12)
    expectClose(g.transitivity(), try #require(scalars["transitivity"]), relative: 1e-12)
    let s = g.summary()
    #expect(Double(s.componentCount) == scalars["components"])
    expectClose(s.diameter, try #require(scalars["diameter_hops"]), relative: 0)
    expectClose(s.averagePathLength, try #require(scalars["average_path_length_hops"]), relative: 1e-9)
  }
}
