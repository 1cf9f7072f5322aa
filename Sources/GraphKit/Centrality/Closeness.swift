extension Graph {
  /// Computes closeness centrality for every node, with networkx's Wasserman–Faust
  /// correction on disconnected graphs.
  ///
  /// For a node u that reaches r − 1 other nodes at total distance D,
  /// C(u) = ((r − 1) / D) · ((r − 1) / (n − 1)): the inverse mean distance to the nodes
  /// it reaches, scaled by the share of the graph it reaches. This is networkx
  /// `closeness_centrality(G, distance=…, wf_improved=True)` (its default); an isolated
  /// node scores 0. igraph's `closeness()` differs on disconnected graphs (it drops the
  /// second factor), so compare with networkx there. Weights enter only through
  /// `distance` (`.inverseWeight` = 1/w).
  ///
  /// - Parameter distance: How an edge weight becomes a path length.
  /// - Returns: One score per node, indexed by node id.
  /// - Precondition: with `.inverseWeight`, every weight is positive and finite.
  /// - Complexity: O(*nm*) for `.hops`; weighted O(*nm* + *n*D) with exact integer
  ///   lengths (Dial's queue, D the largest distance in units of 1/L; see
  ///   <doc:Weights>), O(*nm* log *n*) otherwise; O(*n*) extra memory per worker.
  ///   Parallel over sources; deterministic.
  ///
  /// Reference: S. Wasserman, K. Faust, *Social Network Analysis*, Cambridge 1994,
  /// §5.3; L. C. Freeman, Soc. Networks 1(3), 1979.
  /// https://doi.org/10.1016/0378-8733(78)90021-7
  public func closenessCentrality(distance: EdgeDistance = .hops) -> [Double] {
    let n = nodeCount
    // Equal weights w: inverse-weight distances are hops / w, closeness w × hop closeness.
    if distance == .inverseWeight, let w = _uniformWeight, w > 0, w.isFinite {
      return closenessCentrality(distance: .hops).map { $0 * w }
    }
    if distance == .hops {
      return _hopScores { reached, total, _ in
        guard total > 0, n > 1 else { return 0 }
        let r = Double(reached)
        return (r / Double(total)) * (r / Double(n - 1))
      }
    }
    return _perSource(distance: distance) { scratch, csr, s in
      var reached = 0
      var total = 0.0
      if csr.lengths == nil {
        var hops = 0
        for k in 1..<max(scratch.orderCount, 1) { hops += Int(scratch.hop[Int(scratch.order[k])]) }
        reached = scratch.orderCount - 1
        total = Double(hops)
      } else {
        for k in 1..<max(scratch.orderCount, 1) { total += scratch.dist[Int(scratch.order[k])] }
        // Exact integer lengths (see _PathLengths): one rounding, at the end.
        total /= csr.lengthScale
        reached = scratch.orderCount - 1
      }
      guard total > 0, n > 1 else { return 0 }
      let r = Double(reached)
      return (r / total) * (r / Double(n - 1))
    }
  }

  /// Computes harmonic centrality for every node: the sum of 1/d(u, v) over all
  /// other nodes v (unreachable nodes add 0).
  ///
  /// networkx `harmonic_centrality(G, distance=…)` (not normalized); igraph
  /// `harmonic_centrality(normalized=False)`. Weights enter only through `distance`.
  ///
  /// - Parameter distance: How an edge weight becomes a path length.
  /// - Returns: One score per node, indexed by node id.
  /// - Precondition: with `.inverseWeight`, every weight is positive and finite.
  /// - Complexity: O(*nm*) for `.hops`; weighted O(*nm* + *n*D) with exact integer
  ///   lengths (Dial's queue, D the largest distance in units of 1/L; see
  ///   <doc:Weights>), O(*nm* log *n*) otherwise; O(*n*) extra memory per worker.
  ///   Parallel over sources; deterministic.
  ///
  /// Reference: M. Marchiori, V. Latora, Physica A 285, 2000; P. Boldi, S. Vigna,
  /// "Axioms for centrality", Internet Math. 10, 2014.
  /// https://doi.org/10.1080/15427951.2013.865686
  public func harmonicCentrality(distance: EdgeDistance = .hops) -> [Double] {
    if distance == .inverseWeight, let w = _uniformWeight, w > 0, w.isFinite {
      return harmonicCentrality(distance: .hops).map { $0 * w }
    }
    if distance == .hops { return _hopScores { _, _, harmonic in harmonic } }
    return _perSource(distance: distance) { scratch, csr, s in
      var total = 0.0
      if csr.lengths == nil {
        for k in 1..<max(scratch.orderCount, 1) {
          total += 1.0 / Double(scratch.hop[Int(scratch.order[k])])
        }
      } else {
        let scale = csr.lengthScale
        for k in 1..<max(scratch.orderCount, 1) { total += scale / scratch.dist[Int(scratch.order[k])] }
      }
      return total
    }
  }

  /// Hop-distance scores from bit-parallel BFS, one search per closed-twin class.
  func _hopScores(
    workers: Int? = nil, _ score: (_ reached: Int, _ total: Int, _ harmonic: Double) -> Double
  ) -> [Double] {
    guard nodeCount > 0 else { return [] }
    return _inLocalityOrder { g in
      let plan = g._sourcePlan(includeLeaves: false)
      let stats = g._hopStatistics(sources: plan.sources, workers: workers)
      var out = [Double](repeating: 0, count: g.nodeCount)
      for (k, s) in plan.sources.enumerated() {
        out[s] = score(stats.reached[k], stats.totalDistance[k], stats.harmonic[k])
      }
      for v in 0..<g.nodeCount where plan.representative[v] != v { out[v] = out[plan.representative[v]] }
      return out
    }
  }

  /// Runs one search per source in parallel and stores `value(scratch, csr, source)`.
  func _perSource(
    distance: EdgeDistance, workers: Int? = nil,
    _ value: @Sendable (_SearchScratch, _CSR, Int) -> Double
  ) -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    return _inLocalityOrder { g in g._perSourceInPlace(distance: distance, workers: workers, value) }
  }

  func _perSourceInPlace(
    distance: EdgeDistance, workers: Int?,
    _ value: @Sendable (_SearchScratch, _CSR, Int) -> Double
  ) -> [Double] {
    let n = nodeCount
    let output = _SharedOutput<Double>(repeating: 0, count: n)
    // Hops: closed twins have equal scores; search from one per class.
    let plan: _SourcePlan? = distance == .hops ? _sourcePlan(includeLeaves: false) : nil
    let sources = plan?.sources ?? Array(0..<n)
    _withCSR(distance: distance) { csr in
      _Blocks.forEach(itemCount: sources.count, workers: workers, makeScratch: { _SearchScratch(nodeCount: n) }) {
        scratch, items in
        for item in items {
          let s = sources[item]
          if csr.lengths == nil {
            scratch.bfs(csr, from: s, countPaths: false)
          } else {
            scratch.dijkstra(csr, from: s, countPaths: false)
          }
          output[s] = value(scratch, csr, s)
          scratch.reset()
        }
      }
    }
    if let plan {
      for v in 0..<n where plan.representative[v] != v { output[v] = output[plan.representative[v]] }
    }
    return output.array
  }
}
