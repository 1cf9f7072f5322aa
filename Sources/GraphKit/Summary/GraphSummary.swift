/// Summary statistics of a graph: size, density, components, and path lengths in the
/// largest connected component.
///
/// Path statistics are exact when the largest component is small enough
/// (``GraphSummary/exactPathLimit``), otherwise estimated from `sampledSources` random
/// sources (seeded): ``averagePathLength`` then carries a 95 % confidence half-width
/// (normal approximation over per-source means) in ``averagePathLengthError``, and the
/// diameter is bracketed by ``diameter`` (the largest eccentricity seen: a lower bound)
/// and ``diameterUpperBound`` (min over sampled sources of 2 × eccentricity).
public struct GraphSummary: Sendable, Hashable, Codable {
  public var nodeCount: Int
  /// Undirected edges, self-loops included.
  public var edgeCount: Int
  public var selfLoopCount: Int
  public var totalWeight: Double
  /// 2m / (n(n − 1)), networkx `density(G)`.
  public var density: Double
  public var componentCount: Int
  public var largestComponentNodeCount: Int
  /// Share of nodes in the largest component.
  public var largestComponentShare: Double
  /// How path lengths were measured.
  public var distance: EdgeDistance
  /// Diameter of the largest component (exact, or a lower bound when sampled).
  /// networkx `diameter(G.subgraph(lcc))`.
  public var diameter: Double
  /// Upper bound on the diameter; equals ``diameter`` when exact.
  public var diameterUpperBound: Double
  /// Mean shortest-path length over ordered pairs of the largest component.
  /// networkx `average_shortest_path_length(G.subgraph(lcc))`.
  public var averagePathLength: Double
  /// 0 when exact; otherwise the 95 % confidence half-width of the estimate.
  public var averagePathLengthError: Double
  /// True when the path statistics are exact.
  public var isExact: Bool
  /// Number of BFS/Dijkstra sources used (all nodes of the component when exact).
  public var sampledSources: Int

  /// Largest-component size × edge count up to which path statistics are exact
  /// (about 4 s on ca-AstroPh-sized components on the 2-core dev machine, release).
  public static let exactPathLimit = 5_000_000_000
}

extension Graph {
  /// Computes ``GraphSummary`` statistics.
  ///
  /// - Parameters:
  ///   - distance: How edge weights become lengths for diameter and mean path length.
  ///   - exactness: `.automatic` (exact when the largest component's n × m ≤
  ///     ``GraphSummary/exactPathLimit``), `.exact`, or `.sampled(sources:seed:)`.
  /// - Returns: The summary.
  /// - Complexity: O(*n* + *m*) plus O(*k* *m*) for *k* path sources (*k* = component
  ///   size when exact); parallel and deterministic.
  public func summary(
    distance: EdgeDistance = .hops, exactness: PathStatisticsExactness = .automatic
  ) -> GraphSummary {
    let n = nodeCount
    let (labels, sizes) = _componentLabels()
    let best = sizes.indices.max { sizes[$0] < sizes[$1] || (sizes[$0] == sizes[$1] && $0 > $1) }
    let lccNodes = best.map { b in labels.indices.filter { labels[$0] == b } } ?? []
    let lcc = subgraph(lccNodes)
    let k = lcc.nodeCount
    var sources: [Int]
    var exact: Bool
    switch exactness {
    case .exact:
      exact = true
    case .sampled:
      exact = false
    case .automatic:
      exact = k * lcc.edgeCount <= GraphSummary.exactPathLimit
    }
    if exact {
      sources = Array(0..<k)
    } else {
      var sampleCount = 256
      var seed: UInt64 = 1
      if case .sampled(let s, let sd) = exactness {
        sampleCount = s
        seed = sd
      }
      var rng = SplitMix64(seed: seed)
      // Without replacement (partial Fisher–Yates); when asked for ≥ k, use all.
      if sampleCount >= k {
        sources = Array(0..<k)
        exact = true
      } else {
        var pool = Array(0..<k)
        for i in 0..<sampleCount {
          let j = i + rng.nextInt(below: k - i)
          pool.swapAt(i, j)
        }
        sources = Array(pool[0..<sampleCount])
      }
    }
    let count = sources.count
    let meanDistance = _SharedOutput<Double>(repeating: 0, count: count)
    let eccentricity = _SharedOutput<Double>(repeating: 0, count: count)
    let chosen = sources
    if k > 1, distance == .hops {
      let stats = lcc._hopStatistics(sources: chosen)
      for item in 0..<count {
        meanDistance[item] = Double(stats.totalDistance[item]) / Double(k - 1)
        eccentricity[item] = Double(stats.eccentricity[item])
      }
    } else if k > 1 {
      lcc._withCSR(distance: distance) { csr in
        _Blocks.forEach(itemCount: count, makeScratch: { _SearchScratch(nodeCount: k) }) {
          scratch, items in
          for item in items {
            let s = chosen[item]
            var total = 0.0
            var far = 0.0
            if csr.lengths == nil {
              scratch.bfs(csr, from: s, countPaths: false)
              var hops = 0
              for j in 1..<scratch.orderCount { hops += Int(scratch.hop[Int(scratch.order[j])]) }
              total = Double(hops)
              far = Double(scratch.hop[Int(scratch.order[scratch.orderCount - 1])])
            } else {
              scratch.dijkstra(csr, from: s, countPaths: false)
              for j in 1..<scratch.orderCount { total += scratch.dist[Int(scratch.order[j])] }
              far = scratch.dist[Int(scratch.order[scratch.orderCount - 1])]
              // Exact integer lengths are in units of 1/L (see _PathLengths).
              total /= csr.lengthScale
              far /= csr.lengthScale
            }
            meanDistance[item] = total / Double(k - 1)
            eccentricity[item] = far
            scratch.reset()
          }
        }
      }
    }
    let means = meanDistance.array
    let eccs = eccentricity.array
    var average = 0.0
    var error = 0.0
    if k > 1, count > 0 {
      average = means.reduce(0, +) / Double(count)
      if !exact, count > 1 {
        var ss = 0.0
        for m in means { ss += (m - average) * (m - average) }
        let sd = (ss / Double(count - 1)).squareRoot()
        // Finite-population correction: sources are drawn without replacement.
        let fpc = (Double(k - count) / Double(k - 1)).squareRoot()
        error = 1.959_963_984_540_054 * sd / Double(count).squareRoot() * fpc
      }
    }
    let diameter = eccs.max() ?? 0
    let upper = exact ? diameter : (eccs.map { 2 * $0 }.min() ?? 0)
    let m = edgeCount
    return GraphSummary(
      nodeCount: n, edgeCount: m, selfLoopCount: selfLoopCount, totalWeight: totalWeight,
      density: n > 1 ? 2 * Double(m) / (Double(n) * Double(n - 1)) : 0,
      componentCount: sizes.count, largestComponentNodeCount: k,
      largestComponentShare: n > 0 ? Double(k) / Double(n) : 0, distance: distance,
      diameter: diameter, diameterUpperBound: max(upper, diameter), averagePathLength: average,
      averagePathLengthError: error, isExact: exact, sampledSources: count)
  }
}

/// Whether summary path statistics are computed exactly or from sampled sources.
public enum PathStatisticsExactness: Sendable, Hashable {
  /// Exact up to ``GraphSummary/exactPathLimit``, sampled (256 sources, seed 1) above.
  case automatic
  /// One search from every node of the largest component.
  case exact
  /// Searches from `sources` random nodes of the largest component.
  case sampled(sources: Int, seed: UInt64)
}
