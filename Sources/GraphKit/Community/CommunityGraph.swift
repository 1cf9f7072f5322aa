// What Louvain and Leiden share: the aggregate graph (CSR with node weights), the
// scratch of local moving, dense renumbering, CSR-to-CSR aggregation and the quality
// of a level. Each algorithm's own phases live beside it (Louvain.swift: sweeps;
// Leiden.swift: fast local moving, refinement). Inner loops see Int32/Double arrays
// only; scratch buffers are sized once for the input graph and reused at every level
// (aggregates only shrink).

/// A weighted graph as the community algorithms see it at one level.
///
/// Rows hold no self-loops: the weight of a node's self-loop (the internal weight
/// of the group of original nodes it stands for, each edge once) is kept in
/// `selfWeights`. `nodeWeights` is what the objective charges for a node:
/// its strength for modularity (self-loops count twice, as in networkx), 1 per
/// original node for CPM.
struct _CommunityGraph: Sendable {
  var offsets: [Int]
  var neighbors: [Int32]
  var weights: [Double]
  var nodeWeights: [Double]
  var selfWeights: [Double]

  var nodeCount: Int { offsets.count - 1 }

  enum NodeWeighting { case strength, unit }

  /// Level 0: a copy of `graph` with self-loops moved out of the rows.
  /// - Precondition: every edge weight is ≥ 0.
  init(_ graph: Graph, nodeWeighting: NodeWeighting) {
    let n = graph.nodeCount
    var offsets = [Int](repeating: 0, count: n + 1)
    var neighbors: [Int32] = []
    var weights: [Double] = []
    neighbors.reserveCapacity(graph.neighbors.count)
    weights.reserveCapacity(graph.weights.count)
    var nodeWeights = [Double](repeating: 0, count: n)
    var selfWeights = [Double](repeating: 0, count: n)
    for u in 0..<n {
      var strength = 0.0
      for i in graph.offsets[u]..<graph.offsets[u + 1] {
        let w = graph.weights[i]
        precondition(w >= 0, "community detection needs non-negative edge weights (node \(u))")
        if Int(graph.neighbors[i]) == u {
          selfWeights[u] += w
          strength += 2 * w
        } else {
          neighbors.append(graph.neighbors[i])
          weights.append(w)
          strength += w
        }
      }
      offsets[u + 1] = neighbors.count
      nodeWeights[u] = nodeWeighting == .strength ? strength : 1
    }
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.nodeWeights = nodeWeights
    self.selfWeights = selfWeights
  }

  init(
    offsets: [Int], neighbors: [Int32], weights: [Double], nodeWeights: [Double],
    selfWeights: [Double]
  ) {
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.nodeWeights = nodeWeights
    self.selfWeights = selfWeights
  }

  /// Total edge weight m, each edge once, self-loops once.
  var totalWeight: Double {
    var rows = 0.0
    for w in weights { rows += w }
    var loops = 0.0
    for w in selfWeights { loops += w }
    return loops + rows / 2
  }
}

/// Buffers sized for the level-0 graph, reused by every level and iteration.
///
/// Leiden's queue and refinement buffers are kept here too, so that one value serves
/// every phase of a run (Louvain and label propagation leave them untouched).
struct _CommunityScratch {
  /// Per community: total node weight, number of nodes.
  var communityWeight: [Double]
  var communitySize: [Int32]
  /// Per community: weight from the current node, valid where `stamp` holds the
  /// current mark. Marks only grow, so no stamp outlives its visit.
  var neighborWeight: [Double]
  var stamp: [Int]
  var lastMark = 0
  /// Communities adjacent to the current node, in order of first sight.
  var touched: [Int32]
  /// Node order and the FIFO queue of fast local moving.
  var order: [Int32]
  var queue: [Int32]
  var inQueue: [Bool]
  var emptyCommunities: [Int32]
  /// Refinement: per refined cluster weight, weight leaving it inside its
  /// community, whether it still holds one node; candidate gains.
  var clusterWeight: [Double]
  var externalWeight: [Double]
  var isSingleton: [Bool]
  var candidateCluster: [Int32]
  var candidateCumulative: [Double]

  init(capacity n: Int) {
    communityWeight = [Double](repeating: 0, count: n)
    communitySize = [Int32](repeating: 0, count: n)
    neighborWeight = [Double](repeating: 0, count: n)
    stamp = [Int](repeating: 0, count: n)
    touched = []
    touched.reserveCapacity(64)
    order = [Int32](repeating: 0, count: n)
    queue = [Int32](repeating: 0, count: n)
    inQueue = [Bool](repeating: false, count: n)
    emptyCommunities = []
    emptyCommunities.reserveCapacity(n)
    clusterWeight = [Double](repeating: 0, count: n)
    externalWeight = [Double](repeating: 0, count: n)
    isSingleton = [Bool](repeating: false, count: n)
    candidateCluster = []
    candidateCumulative = []
  }

  /// A mark no stamp holds yet.
  @inline(__always)
  mutating func newMark() -> Int {
    lastMark += 1
    return lastMark
  }

  /// Sets `order[0..<n]` to a seeded random permutation of `0..<n`.
  mutating func shuffleOrder(_ n: Int, _ rng: inout SplitMix64) {
    for i in 0..<n { order[i] = Int32(i) }
    var i = n
    while i > 1 {
      let j = rng.nextInt(below: i)
      i -= 1
      order.swapAt(i, j)
    }
  }

  /// Recomputes community weights and sizes for `community` on `graph`, marks
  /// every stamp unused and collects the empty community ids.
  mutating func loadCommunities(_ graph: _CommunityGraph, _ community: [Int32]) {
    let n = graph.nodeCount
    for c in 0..<n {
      communityWeight[c] = 0
      communitySize[c] = 0
    }
    for v in 0..<n {
      let c = Int(community[v])
      communityWeight[c] += graph.nodeWeights[v]
      communitySize[c] += 1
    }
    emptyCommunities.removeAll(keepingCapacity: true)
    var c = n - 1
    while c >= 0 {  // so that popping yields the smallest free id
      if communitySize[c] == 0 { emptyCommunities.append(Int32(c)) }
      c -= 1
    }
  }

  /// Adds `weight` to `key`'s entry for the visit marked `mark`, listing `key` in
  /// `touched` the first time the visit sees it.
  @inline(__always)
  mutating func accumulate(_ key: Int, _ weight: Double, mark: Int) {
    if stamp[key] == mark {
      neighborWeight[key] += weight
    } else {
      stamp[key] = mark
      neighborWeight[key] = weight
      touched.append(Int32(key))
    }
  }

  /// Sums the weight from `v` to each neighboring community into `neighborWeight`
  /// and lists those communities in `touched` (the community of `v` first).
  @inline(__always)
  mutating func gatherNeighborCommunities(
    of v: Int, _ graph: _CommunityGraph, _ community: [Int32]
  ) {
    touched.removeAll(keepingCapacity: true)
    let mark = newMark()
    accumulate(Int(community[v]), 0, mark: mark)
    for i in graph.offsets[v]..<graph.offsets[v + 1] {
      accumulate(Int(community[Int(graph.neighbors[i])]), graph.weights[i], mark: mark)
    }
  }

  /// Moves `v` to its best community (see ``bestCommunity(for:weight:leaving:scale:)``)
  /// and returns that community.
  @inline(__always)
  mutating func moveToBestCommunity(
    _ v: Int, _ graph: _CommunityGraph, _ community: inout [Int32], scale: Double
  ) -> Int {
    let c = Int(community[v])
    let kv = graph.nodeWeights[v]
    gatherNeighborCommunities(of: v, graph, community)
    let d = bestCommunity(for: v, weight: kv, leaving: c, scale: scale)
    insert(weight: kv, into: d, leaving: c)
    community[v] = Int32(d)
    return d
  }

  /// Takes `v` (weight `weight`) out of community `c` and returns the community
  /// with the largest gain w(v, C) − scale·weight·W(C): `c` itself on ties, an
  /// empty community when every gain is negative. `touched` must be gathered.
  @inline(__always)
  mutating func bestCommunity(
    for v: Int, weight kv: Double, leaving c: Int, scale: Double
  ) -> Int {
    communityWeight[c] -= kv
    communitySize[c] -= 1
    var best = c
    var bestGain = neighborWeight[c] - scale * kv * communityWeight[c]
    for t in touched.dropFirst() {
      let d = Int(t)
      let gain = neighborWeight[d] - scale * kv * communityWeight[d]
      if gain > bestGain {
        best = d
        bestGain = gain
      }
    }
    if bestGain < 0, communitySize[c] > 0, let empty = emptyCommunities.last {
      best = Int(empty)
    }
    return best
  }

  /// Puts `v` into `d` after ``bestCommunity(for:weight:leaving:scale:)`` took it
  /// out of `c`, keeping the list of empty communities exact.
  @inline(__always)
  mutating func insert(weight kv: Double, into d: Int, leaving c: Int) {
    if communitySize[d] == 0, d != c { emptyCommunities.removeLast() }
    communityWeight[d] += kv
    communitySize[d] += 1
    if communitySize[c] == 0, d != c { emptyCommunities.append(Int32(c)) }
  }
}

/// Renumbers `labels` (values in `0..<bound`) densely in order of first
/// appearance; returns the number of distinct labels. `map` needs `bound` entries.
func _densify(_ labels: inout [Int32], bound: Int, map: inout [Int32]) -> Int {
  for i in 0..<bound { map[i] = -1 }
  var next: Int32 = 0
  for i in labels.indices {
    let l = Int(labels[i])
    if map[l] < 0 {
      map[l] = next
      next += 1
    }
    labels[i] = map[l]
  }
  return Int(next)
}

/// The graph whose nodes are the groups of `cluster` (dense ids `0..<count`):
/// weights between groups summed, weights inside a group added to its self-loop,
/// node weights summed. O(n + m).
func _aggregate(
  _ graph: _CommunityGraph, cluster: [Int32], count k: Int, _ s: inout _CommunityScratch
) -> _CommunityGraph {
  let n = graph.nodeCount
  // Members of each group, by counting sort (node order kept inside a group).
  var start = [Int](repeating: 0, count: k + 1)
  for v in 0..<n { start[Int(cluster[v]) + 1] += 1 }
  for c in 0..<k { start[c + 1] += start[c] }
  var members = [Int32](repeating: 0, count: n)
  var fill = start
  for v in 0..<n {
    let c = Int(cluster[v])
    members[fill[c]] = Int32(v)
    fill[c] += 1
  }
  var offsets = [Int](repeating: 0, count: k + 1)
  var neighbors: [Int32] = []
  var weights: [Double] = []
  neighbors.reserveCapacity(min(graph.neighbors.count, k * (k - 1)))
  weights.reserveCapacity(min(graph.weights.count, k * (k - 1)))
  var nodeWeights = [Double](repeating: 0, count: k)
  var selfWeights = [Double](repeating: 0, count: k)
  for c in 0..<k {
    let mark = s.newMark()
    s.touched.removeAll(keepingCapacity: true)
    var inside = 0.0
    var loops = 0.0
    var weight = 0.0
    for j in start[c]..<start[c + 1] {
      let v = Int(members[j])
      loops += graph.selfWeights[v]
      weight += graph.nodeWeights[v]
      for i in graph.offsets[v]..<graph.offsets[v + 1] {
        let d = Int(cluster[Int(graph.neighbors[i])])
        let w = graph.weights[i]
        if d == c { inside += w } else { s.accumulate(d, w, mark: mark) }
      }
    }
    for d in s.touched {
      neighbors.append(d)
      weights.append(s.neighborWeight[Int(d)])
    }
    offsets[c + 1] = neighbors.count
    selfWeights[c] = loops + inside / 2  // each inside edge was seen from both ends
    nodeWeights[c] = weight
  }
  return _CommunityGraph(
    offsets: offsets, neighbors: neighbors, weights: weights, nodeWeights: nodeWeights,
    selfWeights: selfWeights)
}

/// Internal weight (each edge once, self-loops included) and total node weight of
/// every community of `community` on `graph`, indexed by community id.
func _communityTotals(
  _ graph: _CommunityGraph, _ community: [Int32]
) -> (inside: [Double], weight: [Double]) {
  let n = graph.nodeCount
  var insideWeight = [Double](repeating: 0, count: n)
  var weight = [Double](repeating: 0, count: n)
  for v in 0..<n {
    let c = community[v]
    var inside = 0.0
    for i in graph.offsets[v]..<graph.offsets[v + 1] where community[Int(graph.neighbors[i])] == c {
      inside += graph.weights[i]
    }
    insideWeight[Int(c)] += graph.selfWeights[v] + inside / 2
    weight[Int(c)] += graph.nodeWeights[v]
  }
  return (insideWeight, weight)
}

/// Modularity Σ_c [L_c/m − γ(K_c/2m)²] from a level's own bookkeeping
/// (node weights must be strengths).
func _levelModularity(
  _ graph: _CommunityGraph, _ community: [Int32], totalWeight m: Double, resolution: Double
) -> Double {
  guard m > 0 else { return .nan }
  let (inside, weight) = _communityTotals(graph, community)
  var q = 0.0
  for c in inside.indices where weight[c] > 0 || inside[c] > 0 {
    let share = weight[c] / (2 * m)
    q += inside[c] / m - resolution * share * share
  }
  return q
}
