import Foundation
import Testing

@testable import GraphKit

/// Exact betweenness: hand values on small graphs, networkx on karate, netscience and
/// ca-GrQc (Fixtures/make_reference.py), the same bits on any worker count.
@Suite("Betweenness")
struct BetweennessTests {
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
  }

  @Test("complete graph: no betweenness")
  func complete() {
    #expect(Graph.complete(5).betweennessCentrality() == [0, 0, 0, 0, 0])
  }

  @Test("inverse-weight distances: a strong detour beats a weak direct edge")
  func weightedPaths() {
    // 0–2 weight 1 (length 1); 0–1 and 1–2 weight 4 (length 0.25 each): 0→1→2 is shorter.
    let g = Graph.fromEdges(3, [(0, 2, 1), (0, 1, 4), (1, 2, 4)])
    #expect(g.betweennessCentrality(distance: .inverseWeight) == [0, 1, 0])
    #expect(g.betweennessCentrality(distance: .hops) == [0, 0, 0])
  }

  @Test("tied weighted paths split the credit as networkx does")
  func weightedTies() {
    // Square 0–1–2–3–0, all weight 2: two equal paths between opposite corners.
    let g = Graph.fromEdges(4, [(0, 1, 2), (1, 2, 2), (2, 3, 2), (3, 0, 2)])
    #expect(g.betweennessCentrality(distance: .inverseWeight) == [0.5, 0.5, 0.5, 0.5])
  }

  @Test("exact ties of integer weights: 10 × 1/10 ties with 1, which doubles miss")
  func exactIntegerTies() {
    // 0–1 weight 1 (length 1) against 0–2–…–10–1, ten edges of weight 10 (1/10 each).
    // In doubles ten 0.1s sum to 0.9999999999999999 and the long path wins alone.
    var edges: [(Int, Int, Double)] = [(0, 1, 1), (0, 2, 10)]
    for v in 2..<10 { edges.append((v, v + 1, 10)) }
    edges.append((10, 1, 10))
    let scores = Graph.fromEdges(11, edges).betweennessCentrality(distance: .inverseWeight)
    // The pair {0, 1} has two shortest paths: each inner node gets 1/2 from it.
    #expect(scores[2] > 0.5 && scores[2] < 100)
    expectClose(scores[2] - scores[2].rounded(.down), 0.5, relative: 0, absolute: 1e-12)
  }

  /// The tie-heavy graph of Fixtures/make_ties_reference.py: networkx with exact
  /// fractions 1/w as lengths. (networkx with doubles differs on 47 of its 72 nodes.)
  @Test func matchesExactNetworkxOnTies() throws {
    let g = try Fixture.ties()
    let ref = try Fixture.nodes("ties")
    let exact = try ref.column("betweenness_inverse_weight", for: g)
    expectClose(g.betweennessCentrality(distance: .inverseWeight), exact, relative: 1e-12, absolute: 1e-12)
    let float = try ref.column("betweenness_float", for: g)
    #expect(zip(exact, float).contains { abs($0 - $1) > 1e-6 }, "the fixture has ties doubles miss")
  }

  /// Leaf and weighted-twin folding (Fixtures/make_folding_reference.py): networkx with
  /// exact fractions 1/w. Twins whose weights differ must not be folded.
  @Test func foldedWeightedSearchesMatchExactNetworkx() throws {
    let g = try Fixture.folding()
    let ref = try Fixture.nodes("folding")
    expectClose(
      g.betweennessCentrality(distance: .inverseWeight), try ref.column("betweenness_inverse_weight", for: g),
      relative: 1e-12, absolute: 1e-12)
    let weighted = g._sourcePlan(includeLeaves: true, weighted: true)
    let hops = g._sourcePlan(includeLeaves: true)
    #expect(weighted.leaves.reduce(0, +) >= 30, "the fixture has leaves to fold")
    #expect(weighted.sources.count < g.nodeCount - 30)
    #expect(weighted.sources.count > hops.sources.count, "twins with unequal weights stay apart")
  }

  /// Exact lengths: the scores do not depend on the order edges were added or on node ids.
  @Test func tiesDoNotDependOnEdgeOrder() throws {
    let g = try Fixture.ties()
    let n = g.nodeCount
    let permutation = (0..<n).map { ($0 * 37 + 11) % n }  // 37 and 72 are coprime
    var b = GraphBuilder(nodeCount: n)
    for e in g.edges.reversed() { b.addEdge(permutation[e.v], permutation[e.u], weight: e.weight) }
    let relabeled = b.build().betweennessCentrality(distance: .inverseWeight)
    let original = g.betweennessCentrality(distance: .inverseWeight)
    expectClose((0..<n).map { relabeled[permutation[$0]] }, original, relative: 1e-13, absolute: 1e-13)
  }

  /// Equal weights: the hop kernel, exactly the hop scores.
  @Test func equalWeightsAreHops() throws {
    let g = Fixture.karate
    let heavy = Graph(offsets: g.offsets, neighbors: g.neighbors, weights: g.weights.map { _ in 3 })
    #expect(heavy.betweennessCentrality(distance: .inverseWeight) == g.betweennessCentrality())
  }

  /// Integer weights run Dial's queue, real weights the binary heap; they agree where
  /// doubles are exact too: weights 1, 2, 4, 8 against the same halved (0.5…4, not
  /// integers, so real lengths 2…0.25, whose sums doubles hold exactly).
  @Test func dialMatchesHeapOnPowersOfTwo() throws {
    var b = GraphBuilder(nodeCount: 200, parallelEdges: .keepFirst)
    var rng = SplitMix64(seed: 3)
    for v in 1..<200 {
      for _ in 0..<3 { b.addEdge(rng.nextInt(below: v), v, weight: [1, 2, 4, 8][rng.nextInt(below: 4)]) }
    }
    let integer = b.build()
    #expect(integer._pathLengths(.inverseWeight)?.bucketCount == 9)
    let real = Graph(offsets: integer.offsets, neighbors: integer.neighbors, weights: integer.weights.map { $0 / 2 })
    #expect(real._pathLengths(.inverseWeight)?.isExact == false)
    expectClose(
      integer.betweennessCentrality(distance: .inverseWeight), real.betweennessCentrality(distance: .inverseWeight),
      relative: 1e-12, absolute: 1e-12)
    expectClose(
      integer.closenessCentrality(distance: .inverseWeight), real.closenessCentrality(distance: .inverseWeight).map { $0 * 2 },
      relative: 1e-12)
  }

  @Test("empty graph")
  func empty() {
    #expect(GraphBuilder().build().betweennessCentrality().isEmpty)
  }

  @Test(arguments: Fixture.smallDatasets, EdgeDistance.allCases)
  func matchesNetworkx(dataset: String, distance: EdgeDistance) throws {
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

  /// ca-GrQc has unit weights, so `.inverseWeight` must equal networkx's hop values.
  @Test(arguments: EdgeDistance.allCases)
  func matchesNetworkxOnGrQc(distance: EdgeDistance) throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    expectClose(g.betweennessCentrality(distance: distance), try ref.column("betweenness_hops", for: g), relative: 1e-9, absolute: 1e-9)
  }

  /// Parallel results must not depend on the number of workers (STYLE §6).
  @Test(arguments: EdgeDistance.allCases)
  func betweennessSameBitsOnOneOrFourWorkers(distance: EdgeDistance) throws {
    let g = try Fixture.graph("netscience")
    let one = g._exactBetweenness(distance: distance, normalization: .none, workers: 1)
    let four = g._exactBetweenness(distance: distance, normalization: .none, workers: 4)
    #expect(one.map(\.bitPattern) == four.map(\.bitPattern))
  }
}

/// ``WorkProgress``: every block of the loop is reported once, the last report says all
/// are done, and reporting changes no score.
@Suite("Work progress")
struct WorkProgressTests {
  final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [(Int, Int)] = []
    func add(_ finished: Int, _ total: Int) {
      lock.lock()
      values.append((finished, total))
      lock.unlock()
    }
  }

  @Test("betweenness and closeness report each of their blocks; the scores are the same bits")
  func reported() {
    // A 300-node cycle with chords: more sources than blocks, so all 64 are used.
    var edges: [(Int, Int, Double)] = (0..<300).map { ($0, ($0 + 1) % 300, 1) }
    edges += stride(from: 0, to: 300, by: 7).map { ($0, ($0 * 13 + 5) % 300, 2) }
    let g = Graph.fromEdges(300, edges)
    for distance in [EdgeDistance.hops, .inverseWeight] {
      let betweenReports = Reports()
      let between = WorkProgress.$report.withValue({ betweenReports.add($0, $1) }) {
        g.betweennessCentrality(distance: distance)
      }
      let closeReports = Reports()
      let close = WorkProgress.$report.withValue({ closeReports.add($0, $1) }) {
        g.closenessCentrality(distance: distance)
      }
      #expect(between == g.betweennessCentrality(distance: distance))
      #expect(close == g.closenessCentrality(distance: distance))
      // Each block of the loop reported once, the last report saying all are done (hop
      // closeness searches 64 sources per bit-parallel batch: 5 batches for 300 nodes).
      for (name, reports) in [("betweenness", betweenReports), ("closeness", closeReports)] {
        let total = reports.values.first?.1 ?? 0
        #expect(total >= 1 && total <= 64, "\(distance) \(name)")
        #expect(reports.values.allSatisfy { $0.1 == total }, "\(distance) \(name)")
        #expect(reports.values.map(\.0).sorted() == Array(1...max(total, 1)), "\(distance) \(name)")
      }
    }
    // Unbound: nothing is reported.
    #expect(WorkProgress.report == nil)
  }
}
