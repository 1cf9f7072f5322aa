import Foundation
import GraphKit

/// How long the path-based metrics (betweenness, closeness, harmonic) may take, and the
/// choice between exact and approximate computation it leads to.
///
/// The cost of exact Brandes betweenness is estimated from n·m and a rate calibrated on
/// the development machine (2 shared cores; Benchmarks/RESULTS.md): exact hop betweenness
/// of ca-HepPh (n = 12,008, m = 118,521, n·m = 1.42 × 10⁹) takes 3.7 s wall, 7.4 s of CPU,
/// so one core does about 2 × 10⁸ units of n·m per second. Weighted (Dijkstra) searches are
/// 2.7× slower. Closeness and harmonic together cost 0.15× betweenness by hops (one
/// bit-parallel BFS pass gives both: 1.0 s against 15 s on ca-HepPh) and as much again as
/// betweenness weighted (one Dijkstra pass each). The estimate is for one core, so it is
/// pessimistic where more cores are free.
public struct MetricsBudget: Sendable, Hashable {
  /// Seconds the path-based metrics may take (`--budget`).
  public var seconds: Double
  /// Units of n·m per second of exact hop betweenness on one core.
  public var rate: Double

  public static let calibratedRate = 2.0e8
  /// Dijkstra searches (`.inverseWeight`) against BFS, measured on ca-GrQc.
  public static let weightedSlowdown = 2.7
  /// Ranks the approximation's guarantee is stated against.
  public static let rankedTop = 20
  /// Failure probability of the sampling guarantees.
  public static let delta = 0.1

  public init(seconds: Double = 60, rate: Double = MetricsBudget.calibratedRate) {
    self.seconds = seconds
    self.rate = rate
  }

  /// Estimated seconds of exact betweenness and of exact closeness plus harmonic.
  public func exactSeconds(nodes: Int, edges: Int, distance: EdgeDistance) -> (
    betweenness: Double, closeness: Double
  ) {
    let work = Double(nodes) * Double(max(edges, 1))
    let slowdown = distance == .hops ? 1 : MetricsBudget.weightedSlowdown
    let betweenness = work * slowdown / rate
    return (betweenness, distance == .hops ? 0.15 * betweenness : betweenness)
  }

  /// What to compute: exact where the estimate fits, otherwise sampling sized to the
  /// budget share left.
  public struct Plan: Sendable, Hashable, Encodable {
    /// Exact betweenness, or Riondato–Kornaropoulos with this ε (normalized units).
    public var betweennessEpsilon: Double?
    /// Exact closeness and harmonic, or this many sampled sources per component.
    public var closenessSources: Int?
    public var estimatedExactBetweennessSeconds: Double
    public var estimatedExactClosenessSeconds: Double
    public var budgetSeconds: Double
  }

  /// The plan for a graph of `nodes` nodes and `edges` edges whose largest component
  /// has `largestComponent` nodes.
  ///
  /// Both exact when the two estimates together fit; closeness exact and betweenness
  /// sampled when closeness alone takes at most half the budget; otherwise both sampled,
  /// each with half the budget. A sampled betweenness gets as many samples as its share
  /// allows, counting each sample as one full search (m edges) — pessimistic, as the
  /// bidirectional searches stop early — and ε follows from that sample count.
  public func plan(nodes: Int, edges: Int, largestComponent: Int, distance: EdgeDistance) -> Plan {
    let (b, c) = exactSeconds(nodes: nodes, edges: edges, distance: distance)
    var plan = Plan(
      betweennessEpsilon: nil, closenessSources: nil, estimatedExactBetweennessSeconds: b,
      estimatedExactClosenessSeconds: c, budgetSeconds: seconds)
    if b + c <= seconds { return plan }
    let slowdown = distance == .hops ? 1 : MetricsBudget.weightedSlowdown
    let searchesPerSecond = rate / (Double(max(edges, 1)) * slowdown)
    let betweennessShare: Double
    if c <= seconds / 2 {
      betweennessShare = seconds - c
    } else {
      betweennessShare = seconds / 2
      let sources = Int((seconds / 2 * searchesPerSecond).rounded(.down))
      plan.closenessSources = max(32, min(sources, nodes))
    }
    let samples = max(1000.0, (betweennessShare * searchesPerSecond).rounded(.down))
    plan.betweennessEpsilon = MetricsBudget.epsilon(
      samples: samples, vertexDiameter: max(largestComponent, 3))
    return plan
  }

  /// ε of Riondato–Kornaropoulos for `samples` samples: r = (c/ε²)(⌊log₂(VD − 2)⌋ + 1 +
  /// ln(1/δ)), c = 0.5, solved for ε (capped below 1).
  public static func epsilon(samples: Double, vertexDiameter: Int) -> Double {
    let vd = Double(max(vertexDiameter, 3))
    let term = (log2(vd - 2)).rounded(.down) + 1 + log(1 / delta)
    return min(0.5 * term / max(samples, 1), 0.99 * 0.99).squareRoot()
  }
}

/// Which way one path-based metric was computed, written beside it in every output.
public struct MetricMethod: Sendable, Hashable, Encodable {
  public var exact: Bool
  /// Additive error bound (in the score's units) with probability 1 − `delta`.
  public var errorBound: Double?
  public var delta: Double?
  /// Samples (betweenness: shortest paths; closeness: source nodes).
  public var samples: Int?
  /// The `MetricsBudget.rankedTop`-th highest score and the error bound as a share of it.
  public var rankedScore: Double?
  public var errorShareOfRankedScore: Double?
  /// How many nodes score above twice the bound (their order against low scorers is sure).
  public var nodesAboveTwiceBound: Int?
  /// One line for people.
  public var text: String
  /// A short form for the CSV column.
  public var short: String
}

extension MetricMethod {
  static func exactly(_ text: String) -> MetricMethod {
    MetricMethod(
      exact: true, errorBound: nil, delta: nil, samples: nil, rankedScore: nil,
      errorShareOfRankedScore: nil, nodesAboveTwiceBound: nil, text: text, short: "exact")
  }

  /// An approximation's statement against the ranking people read.
  static func approximately(
    _ what: String, scores: [Double], bound: Double, samples: Int, why: String
  ) -> MetricMethod {
    let k = MetricsBudget.rankedTop
    let sorted = scores.filter(\.isFinite).sorted(by: >)
    let ranked = sorted.isEmpty ? 0 : sorted[min(k, sorted.count) - 1]
    let share = ranked > 0 ? bound / ranked : .infinity
    let above = sorted.prefix { $0 > 2 * bound }.count
    let rankText =
      ranked > 0
      ? "the bound is \(formatNumber(100 * share, decimals: 1)) % of the \(k)th highest score (\(formatNumber(ranked, decimals: 6))); \(above) nodes score above twice the bound"
      : "the \(k)th highest score is 0"
    let text =
      "APPROXIMATE (\(what), \(samples) samples; \(why)): every score within \(formatNumber(bound, decimals: 6)) of the exact value with probability \(formatNumber(1 - MetricsBudget.delta)); \(rankText)"
    return MetricMethod(
      exact: false, errorBound: bound, delta: MetricsBudget.delta, samples: samples,
      rankedScore: ranked, errorShareOfRankedScore: share.isFinite ? share : nil,
      nodesAboveTwiceBound: above, text: text,
      short: "approximate ±\(formatNumber(bound, decimals: 6)) (p \(formatNumber(1 - MetricsBudget.delta)))")
  }
}

/// Closeness and harmonic centrality from sampled sources (Eppstein–Wang).
///
/// In each connected component with more nodes than `sources`, `sources` nodes are drawn
/// uniformly (seeded) and each node's total distance (and sum of inverse distances) to the
/// component is estimated as (r − 1)/k times the sum over the sampled sources; smaller
/// components are searched from every node. With k = ln n / ε² sources the mean distance
/// of every node is within ε·Δ (Δ the diameter) with high probability.
///
/// Reference: D. Eppstein, J. Wang, "Fast approximation of centrality", J. Graph
/// Algorithms Appl. 8(1), 2004. https://doi.org/10.7155/jgaa.00081
enum SampledCloseness {
  static func compute(_ graph: Graph, distance: EdgeDistance, sources k: Int, seed: UInt64 = 0)
    -> (closeness: [Double], harmonic: [Double], epsilon: Double)
  {
    let n = graph.nodeCount
    var closeness = [Double](repeating: 0, count: n)
    var harmonic = [Double](repeating: 0, count: n)
    guard n > 1 else { return (closeness, harmonic, 0) }
    let components = graph.connectedComponents().communities
    var rng = SplitMix(state: seed)
    var sumDistance = [Double](repeating: 0, count: n)
    var sumInverse = [Double](repeating: 0, count: n)
    var search = ShortestPaths(graph: graph, distance: distance)
    for component in components where component.count > 1 {
      var chosen = component
      if component.count > k {
        // Partial Fisher–Yates: k distinct sources.
        for i in 0..<k {
          let j = i + Int(rng.next() % UInt64(component.count - i))
          chosen.swapAt(i, j)
        }
        chosen.removeLast(component.count - k)
      }
      for s in chosen {
        search.run(from: s) { v, d in
          sumDistance[v] += d
          sumInverse[v] += 1 / d
        }
      }
      let r = Double(component.count)
      // Sampled components scale the sums up; exact ones already sum over every node.
      let scale = component.count > k ? (r - 1) / Double(chosen.count) : 1
      for v in component {
        let total = sumDistance[v] * scale
        let inverse = sumInverse[v] * scale
        closeness[v] = total > 0 ? ((r - 1) / total) * ((r - 1) / Double(n - 1)) : 0
        harmonic[v] = inverse
      }
    }
    return (closeness, harmonic, (log(Double(n)) / Double(max(k, 1))).squareRoot())
  }
}

/// BFS or Dijkstra from one source over a graph's CSR arrays, reporting each other node
/// reached with its distance.
struct ShortestPaths {
  let graph: Graph
  let distance: EdgeDistance
  var dist: [Double]
  var queue: [Int32] = []
  var heap: [(Double, Int32)] = []
  var touched: [Int32] = []

  init(graph: Graph, distance: EdgeDistance) {
    self.graph = graph
    self.distance = distance
    dist = [Double](repeating: .infinity, count: graph.nodeCount)
  }

  mutating func run(from s: Int, visit: (Int, Double) -> Void) {
    for t in touched { dist[Int(t)] = .infinity }
    touched.removeAll(keepingCapacity: true)
    dist[s] = 0
    touched.append(Int32(s))
    if distance == .hops {
      queue.removeAll(keepingCapacity: true)
      queue.append(Int32(s))
      var head = 0
      while head < queue.count {
        let u = Int(queue[head])
        head += 1
        let du = dist[u]
        for e in graph.row(u) {
          let v = Int(graph.neighbors[e])
          if dist[v] == .infinity {
            dist[v] = du + 1
            touched.append(Int32(v))
            queue.append(Int32(v))
            visit(v, du + 1)
          }
        }
      }
      return
    }
    heap.removeAll(keepingCapacity: true)
    push((0, Int32(s)))
    while let item = pop() {
      let (d, u) = (item.0, Int(item.1))
      if d > dist[u] { continue }
      if u != s { visit(u, d) }
      for e in graph.row(u) {
        let v = Int(graph.neighbors[e])
        guard v != u else { continue }
        let nd = d + 1 / graph.weights[e]
        if nd < dist[v] {
          if dist[v] == .infinity { touched.append(Int32(v)) }
          dist[v] = nd
          push((nd, Int32(v)))
        }
      }
    }
  }

  private mutating func push(_ item: (Double, Int32)) {
    heap.append(item)
    var i = heap.count - 1
    while i > 0 {
      let p = (i - 1) / 2
      if heap[p].0 <= heap[i].0 { break }
      heap.swapAt(p, i)
      i = p
    }
  }

  private mutating func pop() -> (Double, Int32)? {
    guard let top = heap.first else { return nil }
    let last = heap.removeLast()
    if !heap.isEmpty {
      heap[0] = last
      var i = 0
      while true {
        let l = 2 * i + 1
        let r = l + 1
        var m = i
        if l < heap.count, heap[l].0 < heap[m].0 { m = l }
        if r < heap.count, heap[r].0 < heap[m].0 { m = r }
        if m == i { break }
        heap.swapAt(i, m)
        i = m
      }
    }
    return top
  }
}

/// A small seeded generator (SplitMix64) for the sampled sources.
struct SplitMix {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
