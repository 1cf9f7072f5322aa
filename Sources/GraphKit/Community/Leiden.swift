extension Graph {
  /// Finds communities with the Leiden algorithm; every community is connected.
  ///
  /// Each iteration runs fast local moving (a queue of nodes whose neighborhood
  /// changed), then refines every community from singletons so that only
  /// well-connected parts merge, and aggregates the *refined* clusters while
  /// keeping the unrefined communities as the starting partition of the next
  /// level. Refinement is what makes every community connected, which Louvain
  /// does not guarantee. Weights are strengths: the modularity objective charges a
  /// node its strength (self-loops twice, as networkx), CPM charges 1 per node.
  /// Resolution follows networkx and igraph: a larger γ gives more, smaller
  /// communities (Gephi's resolution runs the other way).
  ///
  /// The result depends only on the graph and the parameters, never on the
  /// machine or core count: every random choice comes from the seeded generator.
  ///
  /// - Parameters:
  ///   - resolution: γ ≥ 0. Modularity: Σ_c [L_c/m − γ(K_c/2m)²]. CPM: a density
  ///     threshold, Σ_c [L_c − γ·n_c(n_c − 1)/2].
  ///   - objective: ``LeidenObjective/modularity`` or ``LeidenObjective/cpm``.
  ///   - randomness: θ > 0 of the refinement: a node joins a cluster with
  ///     probability ∝ exp(gain/θ), gains in edge-weight units (the authors' code
  ///     and igraph's `beta`; 0.01 in both).
  ///   - iterations: Rounds of the whole algorithm, each starting from the last
  ///     partition; stops early after a round in which no node moved. igraph's
  ///     default is 2; pass `Int.max` to run until stable.
  ///   - seed: Seed of every random choice.
  /// - Returns: The communities (largest first), the modularity and the objective
  ///   value both computed from the algorithm's final aggregate, and the levels.
  /// - Complexity: O(*m*) per pass of local moving over a level in practice (each
  ///   node visit costs its degree) and O(*n* + *m*) per refinement and
  ///   aggregation; the number of levels is small (typically < 10).
  ///   O(*n* + *m*) extra memory.
  /// - Precondition: `resolution` ≥ 0 and finite, `randomness` > 0,
  ///   `iterations` ≥ 1, edge weights ≥ 0.
  ///
  /// Reference: V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden:
  /// guaranteeing well-connected communities", Sci. Rep. 9, 5233 (2019).
  /// https://doi.org/10.1038/s41598-019-41695-z
  public func leidenCommunities(
    resolution: Double = 1, objective: LeidenObjective = .modularity,
    randomness: Double = 0.01, iterations: Int = 2, seed: UInt64 = 0
  ) -> CommunityResult {
    precondition(resolution.isFinite && resolution >= 0, "resolution must be finite and ≥ 0")
    precondition(randomness.isFinite && randomness > 0, "randomness must be finite and > 0")
    precondition(iterations >= 1, "iterations must be ≥ 1")
    let n = nodeCount
    let base = _CommunityGraph(self, nodeWeighting: objective == .modularity ? .strength : .unit)
    let m = base.totalWeight
    if n == 0 || (objective == .modularity && m == 0) {
      let singletons = Partition.singletons(n)
      let q = objective == .cpm ? 0 : Double.nan
      return CommunityResult(
        partition: singletons, modularity: .nan, quality: q, levels: n == 0 ? [] : [singletons])
    }
    let scale = objective == .modularity ? resolution / (2 * m) : resolution
    var rng = SplitMix64(seed: seed)
    var scratch = _CommunityScratch(capacity: n)
    var map = [Int32](repeating: 0, count: n)
    var membership = (0..<n).map { Int32($0) }
    var levels: [Partition] = []
    var quality = 0.0
    for _ in 0..<iterations {
      levels.removeAll(keepingCapacity: true)
      var graph = base
      var community = membership
      var nodeToAggregate = (0..<n).map { Int32($0) }
      var changed = false
      while true {
        if _moveNodesFast(graph, &community, scale: scale, &rng, &scratch) { changed = true }
        // Done when every community is a single aggregate node (Algorithm A.1):
        // aggregate nodes are connected, so then every community is.
        let communityCount = _densify(&community, bound: graph.nodeCount, map: &map)
        if communityCount == graph.nodeCount { break }
        var refined = _refine(
          graph, community, scale: scale, randomness: randomness, &rng, &scratch)
        var k = _densify(&refined, bound: graph.nodeCount, map: &map)
        if k == graph.nodeCount {
          // Refinement merged nothing. igraph then aggregates by the communities
          // themselves; their connected parts do the same without ever joining
          // two pieces of a disconnected community.
          (refined, k) = _connectedParts(graph, community, &scratch)
          if k == graph.nodeCount {
            // No community holds an edge: its pieces are better apart (splitting
            // a community without inside edges raises the quality).
            community = refined
            changed = true
            continue
          }
        }
        var next = [Int32](repeating: 0, count: k)
        for v in 0..<graph.nodeCount { next[Int(refined[v])] = community[v] }
        graph = _aggregate(graph, cluster: refined, count: k, &scratch)
        for v in 0..<n { nodeToAggregate[v] = refined[Int(nodeToAggregate[v])] }
        levels.append(Partition(membership: nodeToAggregate.map { Int($0) }))
        community = next
      }
      quality =
        objective == .modularity
        ? _levelModularity(graph, community, totalWeight: m, resolution: resolution)
        : _levelCPM(graph, community, resolution: resolution)
      for v in 0..<n { membership[v] = community[Int(nodeToAggregate[v])] }
      if !changed { break }
    }
    let partition = Partition(membership: membership.map { Int($0) })
    if levels.last != partition { levels.append(partition) }
    let q = objective == .modularity ? quality : modularity(of: partition)
    return CommunityResult(partition: partition, modularity: q, quality: quality, levels: levels)
  }
}

/// Leiden's fast local moving: a FIFO queue starting with every node in random
/// order; a node that changes community queues its neighbors outside the new
/// community. Returns true when any node moved.
private func _moveNodesFast(
  _ graph: _CommunityGraph, _ community: inout [Int32], scale: Double,
  _ rng: inout SplitMix64, _ s: inout _CommunityScratch
) -> Bool {
  let n = graph.nodeCount
  s.loadCommunities(graph, community)
  s.shuffleOrder(n, &rng)
  for i in 0..<n {
    s.queue[i] = s.order[i]
    s.inQueue[i] = true
  }
  var head = 0
  var pending = n
  var moved = false
  while pending > 0 {
    let v = Int(s.queue[head])
    head = head + 1 == n ? 0 : head + 1
    pending -= 1
    s.inQueue[v] = false
    let c = Int(community[v])
    let d = s.moveToBestCommunity(v, graph, &community, scale: scale)
    if d != c {
      moved = true
      for i in graph.offsets[v]..<graph.offsets[v + 1] {
        let u = Int(graph.neighbors[i])
        if !s.inQueue[u], Int(community[u]) != d {
          s.inQueue[u] = true
          var tail = head + pending
          if tail >= n { tail -= n }
          s.queue[tail] = Int32(u)
          pending += 1
        }
      }
    }
  }
  return moved
}

/// Leiden's refinement (Traag et al. 2019, Algorithm A.2 `MergeNodesSubset`, as in
/// the authors' `LocalMergingAlgorithm`): inside each community of `community`,
/// start from singletons and visit the nodes in random order; a well-connected
/// node that is still alone joins a well-connected cluster of its community,
/// chosen with probability ∝ exp(gain / θ) among the non-negative gains. Gains
/// are in edge-weight units, as in the authors' code and igraph.
///
/// Every refined cluster is connected: a node only ever joins a cluster it has an
/// edge to (its own singleton aside).
///
/// - Returns: the refined cluster of every node (a node id; not dense).
func _refine(
  _ graph: _CommunityGraph, _ community: [Int32], scale: Double, randomness: Double,
  _ rng: inout SplitMix64, _ s: inout _CommunityScratch
) -> [Int32] {
  let n = graph.nodeCount
  var refined = [Int32](repeating: 0, count: n)
  for c in 0..<n { s.communityWeight[c] = 0 }
  for v in 0..<n {
    refined[v] = Int32(v)
    let c = Int(community[v])
    s.communityWeight[c] += graph.nodeWeights[v]
    s.clusterWeight[v] = graph.nodeWeights[v]
    s.isSingleton[v] = true
    var inside = 0.0
    for i in graph.offsets[v]..<graph.offsets[v + 1] where community[Int(graph.neighbors[i])] == c {
      inside += graph.weights[i]
    }
    s.externalWeight[v] = inside
  }
  s.shuffleOrder(n, &rng)
  for k in 0..<n {
    let v = Int(s.order[k])
    guard s.isSingleton[v] else { continue }
    let c = community[v]
    let total = s.communityWeight[Int(c)]
    let kv = graph.nodeWeights[v]
    let external = s.externalWeight[v]
    guard external >= scale * kv * (total - kv) else { continue }
    // v leaves its singleton, which stays a candidate with gain 0.
    s.clusterWeight[v] = 0
    s.externalWeight[v] = 0
    let mark = s.newMark()
    s.touched.removeAll(keepingCapacity: true)
    s.accumulate(v, 0, mark: mark)
    for i in graph.offsets[v]..<graph.offsets[v + 1] {
      let u = Int(graph.neighbors[i])
      if community[u] == c { s.accumulate(Int(refined[u]), graph.weights[i], mark: mark) }
    }
    s.candidateCluster.removeAll(keepingCapacity: true)
    s.candidateCumulative.removeAll(keepingCapacity: true)
    var maxGain = 0.0
    for t in s.touched {
      let r = Int(t)
      let wr = s.clusterWeight[r]
      guard s.externalWeight[r] >= scale * wr * (total - wr) else { continue }
      let gain = s.neighborWeight[r] - scale * kv * wr
      guard gain >= 0 else { continue }
      s.candidateCluster.append(t)
      s.candidateCumulative.append(gain)
      if gain > maxGain { maxGain = gain }
    }
    // exp((gain − max)/θ): the same distribution as exp(gain/θ) without overflow.
    var cumulative = 0.0
    for j in s.candidateCumulative.indices {
      cumulative += _fastExp((s.candidateCumulative[j] - maxGain) / randomness)
      s.candidateCumulative[j] = cumulative
    }
    let target = rng.nextDouble() * cumulative
    var chosen = s.candidateCluster.count - 1
    for j in s.candidateCumulative.indices where target < s.candidateCumulative[j] {
      chosen = j
      break
    }
    let r = Int(s.candidateCluster[chosen])
    s.clusterWeight[r] += kv
    s.externalWeight[r] += external - 2 * s.neighborWeight[r]
    if r != v {
      refined[v] = Int32(r)
      s.isSingleton[r] = false
      s.isSingleton[v] = false
    }
  }
  return refined
}

/// exp(x) for x ≤ 0; below −700 the weight is 0 (a candidate that much worse than
/// the best is never chosen in double precision anyway).
@inline(__always)
private func _fastExp(_ x: Double) -> Double {
  x < -700 ? 0 : _exp(x)
}

@inline(__always)
private func _exp(_ x: Double) -> Double {
  // Our own exp so that a seeded choice is the same on every platform (libm's
  // exp may differ in the last bit between C libraries): 2^(x·log2 e) split into
  // an integer power and a fraction, the fraction by a degree-11 Taylor series on
  // |r| ≤ ln 2 / 2 (relative error below 1e-14).
  let t = x * 1.4426950408889634
  let k = t.rounded()
  let r = (t - k) * 0.6931471805599453
  var p = 1.0 / 39_916_800
  p = p * r + 1.0 / 3_628_800
  p = p * r + 1.0 / 362_880
  p = p * r + 1.0 / 40_320
  p = p * r + 1.0 / 5_040
  p = p * r + 1.0 / 720
  p = p * r + 1.0 / 120
  p = p * r + 1.0 / 24
  p = p * r + 1.0 / 6
  p = p * r + 0.5
  p = p * r + 1
  p = p * r + 1
  return Double(sign: .plus, exponent: Int(k), significand: p)
}

/// Splits every community of `community` into its connected parts on `graph`
/// (breadth-first inside the community). Returns a dense part id per node, in
/// order of discovery, and the number of parts.
func _connectedParts(
  _ graph: _CommunityGraph, _ community: [Int32], _ s: inout _CommunityScratch
) -> (parts: [Int32], count: Int) {
  let n = graph.nodeCount
  var parts = [Int32](repeating: -1, count: n)
  var count: Int32 = 0
  for start in 0..<n where parts[start] < 0 {
    let c = community[start]
    parts[start] = count
    s.queue[0] = Int32(start)
    var head = 0
    var tail = 1
    while head < tail {
      let u = Int(s.queue[head])
      head += 1
      for i in graph.offsets[u]..<graph.offsets[u + 1] {
        let v = Int(graph.neighbors[i])
        if parts[v] < 0, community[v] == c {
          parts[v] = count
          s.queue[tail] = Int32(v)
          tail += 1
        }
      }
    }
    count += 1
  }
  return (parts, Int(count))
}

/// CPM quality Σ_c [w_c − γ·n_c(n_c − 1)/2] (node weights must be sizes).
private func _levelCPM(
  _ graph: _CommunityGraph, _ community: [Int32], resolution: Double
) -> Double {
  let (inside, size) = _communityTotals(graph, community)
  var q = 0.0
  for c in inside.indices where size[c] > 0 {
    q += inside[c] - resolution * size[c] * (size[c] - 1) / 2
  }
  return q
}
