// The machinery Louvain and Leiden share: a CSR graph with node weights, local
// moving, Leiden's refinement, and CSR-to-CSR aggregation. Inner loops see
// Int32/Double arrays only; scratch buffers are sized once for the input graph
// and reused at every level (aggregates only shrink).

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

/// Leiden's fast local moving: a FIFO queue starting with every node in random
/// order; a node that changes community queues its neighbors outside the new
/// community. Returns true when any node moved.
func _moveNodesFast(
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

/// Louvain's local moving: sweeps over the nodes in one random order until a
/// sweep moves nobody. Returns true when any node moved.
func _moveNodesBySweeps(
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
func _fastExp(_ x: Double) -> Double {
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

/// CPM quality Σ_c [w_c − γ·n_c(n_c − 1)/2] (node weights must be sizes).
func _levelCPM(_ graph: _CommunityGraph, _ community: [Int32], resolution: Double) -> Double {
  let (inside, size) = _communityTotals(graph, community)
  var q = 0.0
  for c in inside.indices where size[c] > 0 {
    q += inside[c] - resolution * size[c] * (size[c] - 1) / 2
  }
  return q
}

/// The membership of every original node, given the aggregate node it belongs to
/// and the community of each aggregate node.
func _originalMembership(_ nodeToAggregate: [Int32], _ community: [Int32]) -> [Int] {
  nodeToAggregate.map { Int(community[Int($0)]) }
}
