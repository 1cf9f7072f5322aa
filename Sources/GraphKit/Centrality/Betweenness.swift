/// How betweenness scores are rescaled after accumulation.
public enum BetweennessNormalization: String, Sendable, Hashable, CaseIterable, Codable {
  /// Raw scores: each unordered pair {s, t} counts once, as networkx
  /// `betweenness_centrality(normalized=False)` and igraph `betweenness()` on
  /// undirected graphs.
  case none
  /// Divided by the number of pairs not involving the node, (n − 1)(n − 2)/2, as
  /// networkx `normalized=True` (no rescaling when n ≤ 2).
  case normalized

  /// Factor that turns a sum over ordered (s, t) pairs into this normalization.
  func scaleForOrderedPairs(nodeCount n: Int) -> Double {
    switch self {
    case .none: return 0.5
    case .normalized: return n > 2 ? 1.0 / (Double(n - 1) * Double(n - 2)) : 1
    }
  }
}

extension Graph {
  /// Computes exact shortest-path betweenness centrality for every node.
  ///
  /// Brandes' algorithm, one breadth-first search (`.hops`) or Dijkstra search
  /// (`.inverseWeight`) per source, dependencies accumulated in pull form (each node sums
  /// over its successors; see `_BrandesScratch`). Coauthor weights are strengths: they enter path
  /// lengths only through `distance` (`.inverseWeight` uses 1/w). Undirected pairs
  /// count once, as in networkx and igraph. Self-loops never lie on a shortest path.
  ///
  /// Weighted ties: when every weight is a positive integer (coauthor counts) and
  /// L = lcm of the weights fits (L · n < 2⁵³), lengths are the exact integers L/w, ties
  /// are counted exactly, results do not depend on edge order, and the searches use a
  /// bucket queue with buckets as wide as the shortest edge (``_WeightedBrandesScratch``)
  /// and fold leaves and equally weighted closed twins (``_SourcePlan``); with equal
  /// weights the hop kernel runs (same shortest paths).
  /// Otherwise (real weights) two paths tie only when their summed lengths 1/w are equal
  /// as doubles, as in networkx with `weight=1/w`. See <doc:Weights>.
  ///
  /// networkx: `betweenness_centrality(G, normalized=…, weight=None | "dist")` with
  /// `dist = 1/weight`; igraph: `Graph.betweenness(directed=False, weights=…)`.
  ///
  /// Sources are split into a fixed number of interleaved blocks run in parallel and
  /// summed in block order, so the result has the same bits on any number of cores.
  ///
  /// - Parameters:
  ///   - distance: How an edge weight becomes a path length.
  ///   - normalization: Rescaling applied after accumulation.
  /// - Returns: One score per node, indexed by node id.
  /// - Precondition: with `.inverseWeight`, every weight is positive and finite.
  /// - Complexity: O(*nm*) for `.hops` and equal weights; O(*nm* + *n*D/ℓmin) with exact
  ///   integer lengths (D the largest distance, ℓmin = L/max w the shortest length),
  ///   O(*nm* log *n*) with real weights; O(*n* + *m* + max w/min w) extra memory per
  ///   worker (the predecessor pool has one slot per arc) plus one score vector per
  ///   block in flight.
  ///
  /// Reference: U. Brandes, "A faster algorithm for betweenness centrality",
  /// J. Math. Sociol. 25(2), 2001. https://doi.org/10.1080/0022250X.2001.9990249
  public func betweennessCentrality(
    distance: EdgeDistance = .hops, normalization: BetweennessNormalization = .none
  ) -> [Double] {
    _exactBetweenness(distance: distance, normalization: normalization, workers: nil)
  }

  /// Exact betweenness with an explicit worker count (tests check determinism).
  func _exactBetweenness(
    distance: EdgeDistance, normalization: BetweennessNormalization, workers: Int?
  ) -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    // Equal weights: the inverse-weight shortest paths are the hop shortest paths, so the
    // hop kernel (twin and leaf folding, direction-optimizing BFS) gives the same scores.
    if distance == .inverseWeight, let w = _uniformWeight, w > 0, w.isFinite {
      return _exactBetweenness(distance: .hops, normalization: normalization, workers: workers)
    }
    return _inLocalityOrder { g in
      g._exactBetweennessInPlace(distance: distance, normalization: normalization, workers: workers)
    }
  }

  func _exactBetweennessInPlace(
    distance: EdgeDistance, normalization: BetweennessNormalization, workers: Int?
  ) -> [Double] {
    let n = nodeCount
    if distance == .inverseWeight, let raw = _exactIntegerBetweenness(workers: workers) {
      let scale = normalization.scaleForOrderedPairs(nodeCount: n)
      return raw.map { $0 * scale }
    }
    // Hops: search only from twin-class representatives and non-leaf nodes
    // (see _SourcePlan); real weights: every node.
    let plan: _SourcePlan? = distance == .hops ? _sourcePlan(includeLeaves: true) : nil
    let sources = plan?.sources ?? Array(0..<n)
    let raw = _withCSR(distance: distance) { csr in
      if let plan {
        // Each component's nodes and volume (for bottom-up BFS steps).
        let components = connectedComponents()
        let label = components.membership
        let members = components.communities.map { $0.map { Int32(truncatingIfNeeded: $0) } }
        let volume = components.communities.map { nodes in
          nodes.reduce(0) { $0 + csr.offsets[$1 + 1] - csr.offsets[$1] }
        }
        return _Blocks.sum(
          itemCount: sources.count, length: n, workers: workers,
          makeScratch: { _BrandesScratch(nodeCount: n, arcCount: csr.neighbors.count) }
        ) { scratch, items, partial in
          partial.withUnsafeMutableBufferPointer { out in
            for item in items {
              let s = sources[item]
              let c = label[s]
              members[c].withUnsafeBufferPointer { component in
                scratch.search(csr, from: s, component: component, componentVolume: volume[c])
              }
              out[s] += plan.leaves[s] * Double(scratch.orderCount - 2)
              scratch.accumulate(csr, scale: plan.multiplicity[s], into: out)
            }
          }
        }
      }
      return _Blocks.sum(
        itemCount: sources.count, length: n, workers: workers,
        makeScratch: { _SearchScratch(nodeCount: n) }
      ) { scratch, items, partial in
        partial.withUnsafeMutableBufferPointer { out in
          for item in items {
            let s = sources[item]
            scratch.dijkstra(csr, from: s, countPaths: true)
            scratch.accumulate(csr, source: s, scale: 1, into: out)
            scratch.reset()
          }
        }
      }
    }
    let scale = normalization.scaleForOrderedPairs(nodeCount: n)
    return raw.map { $0 * scale }
  }

  /// Raw (ordered-pair) betweenness over exact integer lengths L/w with the
  /// window-bucket search of ``_WeightedBrandesScratch`` and leaf and weighted-twin
  /// folding (``_SourcePlan``); nil when the lengths are not exact integers or the
  /// weight ratio needs more than 2²⁰ buckets.
  func _exactIntegerBetweenness(workers: Int?) -> [Double]? {
    guard let l = _integerLengthScale(), let minWeight = weights.min(), let maxWeight = weights.max()
    else { return nil }
    let minLength = l / Int(maxWeight)
    let maxLength = l / Int(minWeight)
    guard _WeightedBrandesScratch.bucketCount(minLength: minLength, maxLength: maxLength) <= 1 << 20,
      neighbors.count < Int(Int32.max)  // 32-bit predecessor pool indices
    else { return nil }
    let n = nodeCount
    let plan = _sourcePlan(includeLeaves: true, weighted: true)
    let sources = plan.sources
    func run<Length: FixedWidthInteger>(_ lengths: [Length]) -> [Double] {
      lengths.withUnsafeBufferPointer { raw in
        let lengths = _IntegerLengths(values: raw)
        return _withCSR(distance: .hops) { csr in
          _Blocks.sum(
            itemCount: sources.count, length: n, workers: workers,
            makeScratch: { _WeightedBrandesScratch(nodeCount: n, arcCount: neighbors.count, minLength: minLength, maxLength: maxLength) }
          ) { scratch, items, partial in
            partial.withUnsafeMutableBufferPointer { out in
              for item in items {
                let s = sources[item]
                scratch.search(csr, lengths: lengths.values, from: s)
                out[s] += plan.leaves[s] * Double(scratch.orderCount - 2)
                scratch.accumulate(scale: plan.multiplicity[s], into: out)
              }
            }
          }
        }
      }
    }
    // 32-bit lengths when they fit (half the memory traffic of the edge scan).
    if maxLength <= Int(Int32.max) { return run(weights.map { Int32(l / Int($0)) }) }
    return run(weights.map { l / Int($0) })
  }
}
