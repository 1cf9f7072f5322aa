import Testing

@testable import GraphKit

@Suite("Modularity")
struct ModularityTests {
  /// Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3: m = 7, each side
  /// has 3 inside edges and strength 7, so Q = 2·(3/7 − γ·(7/14)²).
  static let twoTriangles: Graph = {
    var b = GraphBuilder()
    for (u, v) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] { b.addEdge(u, v) }
    return b.build()
  }()

  @Test("two triangles split at their bridge, by hand", arguments: [0.5, 1.0, 2.0])
  func twoTrianglesByHand(resolution: Double) {
    let q = Self.twoTriangles.modularity(
      of: Partition(membership: [0, 0, 0, 1, 1, 1]), resolution: resolution)
    let expected: Double = 2 * (3.0 / 7 - resolution * 0.25)
    #expect(CommunityTestSupport.isClose(q, expected))
  }

  @Test("one community has modularity 1 − γ; singletons −γ·Σ(k/2m)²")
  func trivialPartitions() {
    let g = Self.twoTriangles
    #expect(
      CommunityTestSupport.isClose(g.modularity(of: Partition(membership: [0, 0, 0, 0, 0, 0])), 0))
    #expect(
      CommunityTestSupport.isClose(
        g.modularity(of: Partition(membership: [0, 0, 0, 0, 0, 0]), resolution: 0.5), 0.5))
    // Strengths 2, 2, 3, 3, 2, 2 over 2m = 14.
    let strengths: [Double] = [2, 2, 3, 3, 2, 2]
    let expected: Double = -strengths.reduce(0) { $0 + ($1 / 14) * ($1 / 14) }
    #expect(CommunityTestSupport.isClose(g.modularity(of: .singletons(6)), expected))
  }

  @Test("a self-loop counts once in m and L_c, twice in the strength (networkx)")
  func selfLoop() {
    // Edge 0–1 (w 1) and self-loop 1–1 (w 2): m = 3, strengths 1 and 5.
    var b = GraphBuilder(selfLoops: .keep)
    b.addEdge(0, 1)
    b.addEdge(1, 1, weight: 2)
    let g = b.build()
    let split = g.modularity(of: Partition(membership: [0, 1]))
    let expected: Double = 2.0 / 3 - (1.0 / 36 + 25.0 / 36)
    #expect(CommunityTestSupport.isClose(split, expected))
  }

  @Test("a graph without edge weight has undefined modularity")
  func edgeless() {
    #expect(
      Graph(offsets: [0, 0, 0], neighbors: [], weights: []).modularity(of: .singletons(2)).isNaN)
  }

  @Test("equals igraph's modularity on karate, a weighted graph with self-loops and netscience")
  func matchesIgraph() throws {
    let fixture = try CommunityFixture.load()
    #expect(fixture.command.hasPrefix("python3 "))
    var checked = 0
    for entry in fixture.graphs {
      let graph = entry.graph
      #expect(graph.nodeCount == entry.nodeCount)
      for p in entry.partitions {
        for (gamma, expected) in zip(entry.resolutions, p.modularity) {
          let q = graph.modularity(of: Partition(membership: p.membership), resolution: gamma)
          #expect(
            CommunityTestSupport.isClose(q, expected, tolerance: 1e-12),
            "\(entry.name)/\(p.name) γ=\(gamma): \(q) vs igraph \(expected)")
          checked += 1
        }
      }
    }
    #expect(checked == 39)
  }

  @Test("the CPM formula of the tests is half of leidenalg's CPM quality")
  func cpmConvention() throws {
    let fixture = try CommunityFixture.load()
    for entry in fixture.graphs {
      let graph = entry.graph
      for p in entry.partitions {
        guard let cpm = p.cpm else { continue }
        for (gamma, expected) in zip(entry.cpmResolutions, cpm) {
          let q = CommunityTestSupport.cpm(
            graph, Partition(membership: p.membership), resolution: gamma)
          #expect(
            CommunityTestSupport.isClose(2 * q, expected, tolerance: 1e-12),
            "\(entry.name)/\(p.name)")
        }
      }
    }
  }

  @Test("internal weights are the weights inside each community")
  func internalWeights() {
    let w = Self.twoTriangles.internalWeights(of: Partition(membership: [0, 0, 0, 1, 1, 1]))
    #expect(w == [3, 3])
    #expect(
      Self.twoTriangles.internalWeights(of: Partition(membership: [0, 0, 0, 0, 0, 0])) == [7])
  }

  @Test("a partition of the wrong size is caller misuse")
  func wrongSize() async {
    await #expect(processExitsWith: .failure) {
      _ = ModularityTests.twoTriangles.modularity(of: .singletons(5))
    }
  }
}
