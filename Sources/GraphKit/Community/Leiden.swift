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
