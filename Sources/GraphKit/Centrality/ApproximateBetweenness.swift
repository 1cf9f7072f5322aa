import Foundation

/// How betweenness is computed: exactly, by sampling, or chosen by graph size.
public enum BetweennessMethod: Sendable, Hashable {
  /// Brandes' exact algorithm.
  case exact
  /// Riondato–Kornaropoulos sampling: every score is within `epsilon` (in RK's
  /// normalization, pairs-weighted share in [0, 1]) of the exact one, for all nodes at
  /// once, with probability ≥ 1 − `delta`.
  case approximate(epsilon: Double, delta: Double, seed: UInt64)
  /// ``Graph/recommendedBetweennessMethod(distance:epsilon:delta:seed:)``: exact up to
  /// ``Graph/exactBetweennessWorkLimit``, approximate above.
  case automatic(epsilon: Double, delta: Double, seed: UInt64)

  /// `.automatic` with NetworKit's defaults (ε = 0.01, δ = 0.1) and seed 0.
  public static let automaticDefault = BetweennessMethod.automatic(epsilon: 0.01, delta: 0.1, seed: 0)
}

/// Betweenness scores with how they were obtained.
public struct BetweennessResult: Sendable, Hashable {
  /// One score per node, indexed by node id, in the units of `normalization`.
  public var scores: [Double]
  public var distance: EdgeDistance
  public var normalization: BetweennessNormalization
  /// `.exact` or `.approximate(…)`: what was actually run (never `.automatic`).
  public var method: BetweennessMethod
  /// Sampled (s, t) pairs; 0 when exact.
  public var sampleCount: Int
  /// The vertex-diameter bound that fixed `sampleCount`; 0 when exact.
  public var vertexDiameterBound: Int
  /// Bound on |score − exact score| for every node at once, in the units of `scores`,
  /// holding with probability ≥ 1 − δ; 0 when exact.
  public var errorBound: Double

  public var isApproximate: Bool {
    if case .approximate = method { return true }
    return false
  }
}

extension Graph {
  /// n × m above which ``BetweennessMethod/automatic(epsilon:delta:seed:)`` samples
  /// (for `.inverseWeight` a third of it: Dijkstra measured 2.7× slower than BFS on
  /// ca-GrQc). At the limit, exact hop betweenness takes about a minute of CPU on the
  /// dev machine (ca-AstroPh, n × m = 3.7 × 10⁹, is still exact).
  public static let exactBetweennessWorkLimit = 4_000_000_000

  /// The documented policy behind `.automatic`: exact when n × m ≤
  /// ``exactBetweennessWorkLimit`` (a third of it for `.inverseWeight` unless all weights
  /// are equal), else
  /// Riondato–Kornaropoulos sampling with the given ε, δ and seed.
  public func recommendedBetweennessMethod(
    distance: EdgeDistance = .hops, epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 0
  ) -> BetweennessMethod {
    let work = Double(nodeCount) * Double(edgeCount)
    // Equal weights run the hop kernel (see betweennessCentrality(distance:normalization:)).
    let hopCost = distance == .hops || _uniformWeight != nil
    let limit = Double(Graph.exactBetweennessWorkLimit) / (hopCost ? 1 : 3)
    return work <= limit ? .exact : .approximate(epsilon: epsilon, delta: delta, seed: seed)
  }

  /// Computes betweenness exactly or approximately, as `method` says, and reports
  /// which was used.
  ///
  /// - Parameters:
  ///   - distance: How an edge weight becomes a path length.
  ///   - normalization: Rescaling applied to the scores (and to the error bound).
  ///   - method: `.exact`, `.approximate(…)` or `.automatic(…)`.
  /// - Returns: Scores with the method, sample count and error bound.
  /// - Complexity: see ``betweennessCentrality(distance:normalization:)`` and
  ///   ``approximateBetweennessCentrality(epsilon:delta:distance:normalization:seed:)``.
  public func betweennessCentrality(
    distance: EdgeDistance = .hops, normalization: BetweennessNormalization = .none,
    method: BetweennessMethod
  ) -> BetweennessResult {
    var chosen = method
    if case .automatic(let e, let d, let s) = method {
      chosen = recommendedBetweennessMethod(distance: distance, epsilon: e, delta: d, seed: s)
    }
    switch chosen {
    case .approximate(let e, let d, let s):
      return approximateBetweennessCentrality(
        epsilon: e, delta: d, distance: distance, normalization: normalization, seed: s)
    default:
      return BetweennessResult(
        scores: betweennessCentrality(distance: distance, normalization: normalization),
        distance: distance, normalization: normalization, method: .exact, sampleCount: 0,
        vertexDiameterBound: 0, errorBound: 0)
    }
  }

  /// Estimates betweenness centrality by sampling shortest paths, with a guarantee.
  ///
  /// Riondato–Kornaropoulos: draw r pairs (s, t) uniformly (s ≠ t), pick one shortest
  /// s–t path uniformly among all of them, and credit 1/r to its interior nodes. With
  /// r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5 and VD an upper bound on the
  /// vertex diameter (nodes on a longest shortest path), every estimate is within ε of
  /// the exact value b(v) = Σ_{s≠t} σ_st(v)/σ_st / (n(n − 1)) for all v at once with
  /// probability ≥ 1 − δ. Scores are returned in `normalization`'s units (×n(n−1)/2 for
  /// `.none`, ×n/(n − 2) for `.normalized`) and so is ``BetweennessResult/errorBound``.
  /// NetworKit `ApproxBetweenness(G, epsilon, delta)`; igraph has no equivalent.
  ///
  /// VD bound: per component, one search from its smallest node u gives eccentricity
  /// e(u): with hops VD ≤ 2e(u) + 1; with lengths VD ≤ ⌊2e(u)/ℓ_min⌋ + 1; never more
  /// than the component size. Each sample uses its own generator (seed, sample index),
  /// so results do not depend on the number of cores.
  ///
  /// - Parameters:
  ///   - epsilon: Additive error in RK's [0, 1] normalization (0 < ε < 1).
  ///   - delta: Failure probability (0 < δ < 1).
  ///   - distance: How an edge weight becomes a path length.
  ///   - normalization: Units of the returned scores.
  ///   - seed: Fixes the samples.
  /// - Returns: Scores, sample count, vertex-diameter bound and error bound.
  /// - Precondition: 0 < ε < 1, 0 < δ < 1; with `.inverseWeight` positive weights.
  /// - Complexity: O(*r* · *m*) time for hop samples (O(*r* · *m* log *n*) weighted),
  ///   usually far less: hop samples run a balanced bidirectional BFS (KADABRA's; see
  ///   `_BidirectionalSampler`) that stops where the two balls meet, weighted ones a
  ///   Dijkstra search that stops at t; O(*n*) memory per worker.
  ///
  /// Reference: M. Riondato, E. M. Kornaropoulos, "Fast approximation of betweenness
  /// centrality through sampling", Data Min. Knowl. Disc. 30, 2016.
  /// https://doi.org/10.1007/s10618-015-0423-0
  public func approximateBetweennessCentrality(
    epsilon: Double = 0.01, delta: Double = 0.1, distance: EdgeDistance = .hops,
    normalization: BetweennessNormalization = .none, seed: UInt64 = 0
  ) -> BetweennessResult {
    _approximateBetweenness(
      epsilon: epsilon, delta: delta, distance: distance, normalization: normalization, seed: seed,
      workers: nil)
  }

  func _approximateBetweenness(
    epsilon: Double, delta: Double, distance: EdgeDistance,
    normalization: BetweennessNormalization, seed: UInt64, workers: Int?
  ) -> BetweennessResult {
    precondition(epsilon > 0 && epsilon < 1, "epsilon must lie in (0, 1)")
    precondition(delta > 0 && delta < 1, "delta must lie in (0, 1)")
    let n = nodeCount
    let method = BetweennessMethod.approximate(epsilon: epsilon, delta: delta, seed: seed)
    guard n > 2 else {
      return BetweennessResult(
        scores: [Double](repeating: 0, count: n), distance: distance, normalization: normalization,
        method: method, sampleCount: 0, vertexDiameterBound: n, errorBound: 0)
    }
    let vd = _vertexDiameterBound(distance: distance)
    let logTerm = vd > 2 ? Double(Int.bitWidth - 1 - (vd - 2).leadingZeroBitCount) : 0
    let samples = Int((0.5 / (epsilon * epsilon) * (logTerm + 1 + log(1 / delta))).rounded(.up))
    let counts = _withCSR(distance: distance) { csr in
      // A pair (s ≠ t) per sample, from the sample's own generator.
      @Sendable func pair(_ rng: inout SplitMix64) -> (Int, Int) {
        let s = rng.nextInt(below: n)
        var t = rng.nextInt(below: n - 1)
        if t >= s { t += 1 }
        return (s, t)
      }
      if csr.lengths == nil {
        return _Blocks.sum(
          itemCount: samples, length: n, workers: workers,
          makeScratch: { _BidirectionalSampler(nodeCount: n) }
        ) { sampler, items, partial in
          for item in items {
            var rng = SplitMix64(seed: seed, stream: UInt64(item))
            let (s, t) = pair(&rng)
            sampler.sample(csr, source: s, target: t, &rng, &partial)
          }
        }
      }
      return _Blocks.sum(
        itemCount: samples, length: n, workers: workers, makeScratch: { _SearchScratch(nodeCount: n) }
      ) { scratch, items, partial in
        for item in items {
          var rng = SplitMix64(seed: seed, stream: UInt64(item))
          let (s, t) = pair(&rng)
          scratch.dijkstra(csr, from: s, countPaths: true, target: t)
          if scratch.dist[t] < .infinity { Graph._samplePath(scratch, csr, s, t, &rng, &partial) }
          scratch.reset()
        }
      }
    }
    // counts/r estimates RK's b(v); convert to the requested units.
    let unit: Double
    switch normalization {
    case .none: unit = Double(n) * Double(n - 1) / 2
    case .normalized: unit = Double(n) / Double(n - 2)
    }
    let scale = unit / Double(samples)
    return BetweennessResult(
      scores: counts.map { $0 * scale }, distance: distance, normalization: normalization,
      method: method, sampleCount: samples, vertexDiameterBound: vd, errorBound: epsilon * unit)
  }

  /// Walks back from t over a Dijkstra search choosing each predecessor v of w with
  /// probability σ(v)/σ(w) and counts the interior nodes. (Hop samples use
  /// ``_BidirectionalSampler``.)
  static func _samplePath(
    _ scratch: _SearchScratch, _ csr: _CSR, _ s: Int, _ t: Int, _ rng: inout SplitMix64,
    _ counts: inout [Double]
  ) {
    var w = t
    while true {
      let target = rng.nextDouble() * scratch.sigma[w]
      var cumulative = 0.0
      var chosen = -1
      for i in csr.offsets[w]..<csr.offsets[w + 1] {
        let v = Int(csr.neighbors[i])
        guard let len = csr.lengths, scratch.dist[v] + len[i] == scratch.dist[w] else { continue }
        chosen = v
        cumulative += scratch.sigma[v]
        if cumulative > target { break }
      }
      precondition(chosen >= 0, "a reached node other than the source has a predecessor")
      if chosen == s { return }
      counts[chosen] += 1
      w = chosen
    }
  }

  /// Upper bound on the vertex diameter (see ``approximateBetweennessCentrality(epsilon:delta:distance:normalization:seed:)``).
  func _vertexDiameterBound(distance: EdgeDistance) -> Int {
    let (labels, sizes) = _componentLabels()
    var first = [Int](repeating: -1, count: sizes.count)
    for u in 0..<nodeCount where first[labels[u]] < 0 { first[labels[u]] = u }
    let minLength = _lengths(distance)?.min() ?? 1
    let scratch = _SearchScratch(nodeCount: nodeCount)
    var bound = 1
    _withCSR(distance: distance) { csr in
      for (c, u) in first.enumerated() where sizes[c] > 1 {
        var componentBound: Int
        if csr.lengths == nil {
          scratch.bfs(csr, from: u, countPaths: false)
          let ecc = Int(scratch.hop[Int(scratch.order[scratch.orderCount - 1])])
          componentBound = 2 * ecc + 1
        } else {
          scratch.dijkstra(csr, from: u, countPaths: false)
          let ecc = scratch.dist[Int(scratch.order[scratch.orderCount - 1])]
          let hops = (2 * ecc / minLength).rounded(.down)
          componentBound = hops < Double(Int.max / 2) ? Int(hops) + 1 : sizes[c]
        }
        scratch.reset()
        bound = max(bound, min(componentBound, sizes[c]))
      }
    }
    return bound
  }
}
