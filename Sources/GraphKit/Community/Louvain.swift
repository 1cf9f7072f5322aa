extension Graph {
  /// Finds communities with the Louvain method.
  ///
  /// Repeats two phases: sweep over the nodes in a seeded random order, moving
  /// each to the neighboring community (or an empty one) with the largest
  /// modularity gain until a sweep moves nobody; then collapse every community
  /// into one node. Stops when a level moves nobody. Weights are strengths (a
  /// node's weight is its strength, self-loops twice, as networkx). Resolution
  /// follows networkx and igraph: a larger γ gives more, smaller communities.
  ///
  /// Louvain can leave a community internally disconnected (Traag et al. 2019
  /// found up to 16 % of them); ``leidenCommunities(resolution:objective:randomness:iterations:seed:)``
  /// cannot.
  ///
  /// - Parameters:
  ///   - resolution: γ ≥ 0 in Σ_c [L_c/m − γ(K_c/2m)²].
  ///   - seed: Seed of the node orders.
  /// - Returns: The communities (largest first), the modularity computed from the
  ///   last aggregate, and one nested partition per level, finest first.
  /// - Complexity: O(*m*) per sweep; sweeps and levels are few in practice.
  ///   O(*n* + *m*) extra memory.
  /// - Precondition: `resolution` ≥ 0 and finite, edge weights ≥ 0.
  ///
  /// Reference: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
  /// J. Stat. Mech. (2008) P10008. https://doi.org/10.1088/1742-5468/2008/10/P10008
  public func louvainCommunities(resolution: Double = 1, seed: UInt64 = 0) -> CommunityResult {
    precondition(resolution.isFinite && resolution >= 0, "resolution must be finite and ≥ 0")
    let n = nodeCount
    let base = _CommunityGraph(self, nodeWeighting: .strength)
    let m = base.totalWeight
    if n == 0 || m == 0 {
      let singletons = Partition.singletons(n)
      return CommunityResult(
        partition: singletons, modularity: .nan, quality: .nan, levels: n == 0 ? [] : [singletons])
    }
    let scale = resolution / (2 * m)
    var rng = SplitMix64(seed: seed)
    var scratch = _CommunityScratch(capacity: n)
    var map = [Int32](repeating: 0, count: n)
    var graph = base
    var community = (0..<n).map { Int32($0) }
    var nodeToAggregate = community
    var levels: [Partition] = []
    while _moveNodesBySweeps(graph, &community, scale: scale, &rng, &scratch) {
      let k = _densify(&community, bound: graph.nodeCount, map: &map)
      levels.append(Partition(membership: _originalMembership(nodeToAggregate, community)))
      if k == graph.nodeCount { break }
      graph = _aggregate(graph, cluster: community, count: k, &scratch)
      for v in 0..<n { nodeToAggregate[v] = community[Int(nodeToAggregate[v])] }
      community = (0..<k).map { Int32($0) }
    }
    let quality = _levelModularity(graph, community, totalWeight: m, resolution: resolution)
    let partition = Partition(membership: _originalMembership(nodeToAggregate, community))
    if levels.last != partition { levels.append(partition) }
    return CommunityResult(
      partition: partition, modularity: quality, quality: quality, levels: levels)
  }
}

/// Louvain's local moving: sweeps over the nodes in one random order until a
/// sweep moves nobody. Returns true when any node moved.
private func _moveNodesBySweeps(
  _ graph: _CommunityGraph, _ community: inout [Int32], scale: Double,
  _ rng: inout SplitMix64, _ s: inout _CommunityScratch
) -> Bool {
  let n = graph.nodeCount
  s.loadCommunities(graph, community)
  s.shuffleOrder(n, &rng)
  var movedAny = false
  var movedInSweep = true
  while movedInSweep {
    movedInSweep = false
    for k in 0..<n {
      let v = Int(s.order[k])
      let c = Int(community[v])
      if s.moveToBestCommunity(v, graph, &community, scale: scale) != c { movedInSweep = true }
    }
    movedAny = movedAny || movedInSweep
  }
  return movedAny
}

/// The membership of every original node, given the aggregate node it belongs to
/// and the community of each aggregate node.
private func _originalMembership(_ nodeToAggregate: [Int32], _ community: [Int32]) -> [Int] {
  nodeToAggregate.map { Int(community[Int($0)]) }
}
