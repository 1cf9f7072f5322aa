import Testing

@testable import GraphKit

/// Hand-computed values on path, star and complete graphs.
@Suite("Small graphs, hand values")
struct SmallGraphTests {
  @Test("the middle of a path lies on every shortest path")
  func pathBetweenness() {
    #expect(Graph.path(3).betweennessCentrality() == [0, 1, 0])
    // P5: node 1 separates {0} from {2,3,4}: 3 pairs; node 2: 2·2 = 4 pairs.
    #expect(Graph.path(5).betweennessCentrality() == [0, 3, 4, 3, 0])
    // Normalized by (n−1)(n−2)/2 = 6.
    expectClose(Graph.path(5).betweennessCentrality(normalization: .normalized), [0, 0.5, 4.0 / 6, 0.5, 0], relative: 1e-15)
  }

  @Test("the center of a star lies on all leaf pairs")
  func starBetweenness() {
    let g = Graph.star(5)
    #expect(g.betweennessCentrality() == [10, 0, 0, 0, 0, 0])
    #expect(g.betweennessCentrality(normalization: .normalized) == [1, 0, 0, 0, 0, 0])
    #expect(g.degree() == [5, 1, 1, 1, 1, 1])
    #expect(g.coreNumber() == [1, 1, 1, 1, 1, 1])
  }

  @Test("complete graph: no betweenness, closeness 1, clustering 1")
  func complete() throws {
    let g = Graph.complete(5)
    #expect(g.betweennessCentrality() == [0, 0, 0, 0, 0])
    #expect(g.closenessCentrality() == [1, 1, 1, 1, 1])
    #expect(g.harmonicCentrality() == [4, 4, 4, 4, 4])
    #expect(g.clusteringCoefficient() == [1, 1, 1, 1, 1])
    #expect(g.transitivity() == 1)
    #expect(g.coreNumber() == [4, 4, 4, 4, 4])
    expectClose(try g.pageRank(), [0.2, 0.2, 0.2, 0.2, 0.2], relative: 1e-12)
    expectClose(try g.eigenvectorCentrality(), [Double](repeating: 1 / 5.0.squareRoot(), count: 5), relative: 1e-9)
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
    #expect(g.betweennessCentrality(distance: .inverseWeight) == [0, 1, 0])
    #expect(g.betweennessCentrality(distance: .hops) == [0, 0, 0])
    expectClose(g.harmonicCentrality(distance: .inverseWeight), [4 + 2, 8, 4 + 2], relative: 1e-15)
  }

  @Test("tied weighted paths split the credit as networkx does")
  func weightedTies() {
    // Square 0–1–2–3–0, all weight 2: two equal paths between opposite corners.
    let g = Graph.fromEdges(4, [(0, 1, 2), (1, 2, 2), (2, 3, 2), (3, 0, 2)])
    #expect(g.betweennessCentrality(distance: .inverseWeight) == [0.5, 0.5, 0.5, 0.5])
  }

  @Test("degree and strength count a self-loop twice, like networkx")
  func selfLoops() {
    var b = GraphBuilder(nodeCount: 2, selfLoops: .keep)
    b.addEdge(0, 1, weight: 2)
    b.addEdge(0, 0, weight: 3)
    let g = b.build()
    #expect(g.degree() == [3, 1])
    #expect(g.strength() == [8, 2])
    #expect(g.coreNumber() == [1, 1])
    #expect(g.clusteringCoefficient() == [0, 0])
  }

  @Test("PageRank: a dangling node spreads its rank evenly")
  func danglingPageRank() throws {
    // networkx: pagerank of path 0–1 plus isolated 2 = (0.3886…, 0.3886…, 0.2227…)
    // hand: x2 = (1−α)/3 + α·x2/3 → x2 = 0.05/(1 − 0.85/3); x0 = x1 = (1 − x2)/2.
    let x2 = (0.15 / 3) / (1 - 0.85 / 3)
    let g = Graph.fromEdges(3, [(0, 1, 1)])
    expectClose(try g.pageRank(tolerance: 1e-12, maxIterations: 1000), [(1 - x2) / 2, (1 - x2) / 2, x2], relative: 1e-9)
  }

  @Test("iterative methods throw when they run out of iterations")
  func convergenceError() {
    let g = Fixture.karate
    #expect(throws: ConvergenceError.self) { try g.pageRank(maxIterations: 2) }
    #expect(throws: ConvergenceError.self) { try g.eigenvectorCentrality(maxIterations: 2) }
  }

  @Test("components are numbered largest first")
  func components() {
    let g = Graph.fromEdges(6, [(0, 1, 1), (2, 3, 1), (3, 4, 1)])
    let p = g.connectedComponents()
    #expect(p.communityCount == 3)
    #expect(p.sizes == [3, 2, 1])
    #expect(p.membership == [1, 1, 0, 0, 0, 2])
    #expect(g.largestComponentNodes() == [2, 3, 4])
  }

  @Test("empty graph")
  func empty() throws {
    let g = GraphBuilder().build()
    #expect(g.betweennessCentrality().isEmpty)
    #expect(g.closenessCentrality().isEmpty)
    #expect(try g.pageRank().isEmpty)
    #expect(g.coreNumber().isEmpty)
    #expect(g.summary().nodeCount == 0)
  }
}
