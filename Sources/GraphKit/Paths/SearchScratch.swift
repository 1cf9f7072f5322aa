/// Read-only CSR views for hot loops, valid inside ``Graph/_withCSR(distance:_:)``.
struct _CSR: @unchecked Sendable {
  let nodeCount: Int
  let offsets: UnsafeBufferPointer<Int>
  let neighbors: UnsafeBufferPointer<Int32>
  /// Edge lengths per CSR entry (`.inverseWeight`), or nil for hops.
  let lengths: UnsafeBufferPointer<Double>?
}

extension Graph {
  /// Edge lengths for `distance`, one per CSR entry; nil for `.hops`.
  ///
  /// - Precondition: for `.inverseWeight`, every weight is positive (and finite), so
  ///   every length 1/w is positive and finite.
  func _lengths(_ distance: EdgeDistance) -> [Double]? {
    switch distance {
    case .hops:
      return nil
    case .inverseWeight:
      precondition(
        weights.allSatisfy { $0 > 0 && $0.isFinite },
        "distance .inverseWeight needs positive, finite edge weights")
      // networkx users store 1/w as an edge attribute and pass it as `weight`;
      // computing it once here gives the same doubles, hence the same tie decisions.
      return weights.map { 1.0 / $0 }
    }
  }

  /// Runs `body` with raw views of the CSR arrays and the lengths for `distance`.
  func _withCSR<R>(distance: EdgeDistance, _ body: (_CSR) -> R) -> R {
    let lengths = _lengths(distance)
    return offsets.withUnsafeBufferPointer { off in
      neighbors.withUnsafeBufferPointer { nbr in
        if let lengths {
          return lengths.withUnsafeBufferPointer { len in
            body(_CSR(nodeCount: nodeCount, offsets: off, neighbors: nbr, lengths: len))
          }
        }
        return body(_CSR(nodeCount: nodeCount, offsets: off, neighbors: nbr, lengths: nil))
      }
    }
  }
}

/// Per-worker scratch for single-source shortest paths (BFS or Dijkstra), allocated
/// once and reset after each source by touching only the visited nodes.
///
/// One of GraphKit's three unsafe hot-loop types (STYLE §6; the others are
/// ``_BrandesScratch`` for exact hop betweenness and ``_BidirectionalSampler`` for hop
/// path sampling): raw buffers instead of arrays. Used by closeness, harmonic, summary
/// statistics and everything weighted.
final class _SearchScratch {
  let n: Int
  /// Hop distance, -1 when not reached (BFS).
  let hop: UnsafeMutableBufferPointer<Int32>
  /// Length distance, +∞ when not reached (Dijkstra).
  let dist: UnsafeMutableBufferPointer<Double>
  /// Number of shortest paths from the source.
  let sigma: UnsafeMutableBufferPointer<Double>
  /// Brandes dependency.
  let delta: UnsafeMutableBufferPointer<Double>
  /// Settled nodes in non-decreasing distance (BFS queue order / Dijkstra pop order).
  let order: UnsafeMutableBufferPointer<Int32>
  var orderCount = 0
  /// Nodes whose distance was set (Dijkstra may touch nodes it never settles).
  let touched: UnsafeMutableBufferPointer<Int32>
  var touchedCount = 0
  var heap = _DistanceHeap()

  init(nodeCount: Int) {
    n = nodeCount
    hop = .allocate(capacity: max(n, 1))
    hop.initialize(repeating: -1)
    dist = .allocate(capacity: max(n, 1))
    dist.initialize(repeating: .infinity)
    sigma = .allocate(capacity: max(n, 1))
    sigma.initialize(repeating: 0)
    delta = .allocate(capacity: max(n, 1))
    delta.initialize(repeating: 0)
    // One spare slot: branch-free BFS writes every neighbor at `order[tail]`.
    order = .allocate(capacity: n + 1)
    order.initialize(repeating: 0)
    touched = .allocate(capacity: max(n, 1))
    touched.initialize(repeating: 0)
  }

  deinit {
    hop.deallocate()
    dist.deallocate()
    sigma.deallocate()
    delta.deallocate()
    order.deallocate()
    touched.deallocate()
  }

  /// Breadth-first search from `source`. Fills `hop`, `order` and, when `countPaths`,
  /// `sigma`. With `target`, stops once every node closer than `target` is expanded
  /// (enough to know `sigma` on all shortest paths to `target`).
  func bfs(_ g: _CSR, from source: Int, countPaths: Bool, target: Int = -1) {
    let off = g.offsets
    let nbr = g.neighbors
    hop[source] = 0
    if countPaths { sigma[source] = 1 }
    order[0] = Int32(source)
    var head = 0
    var tail = 1
    let hop = self.hop
    let sigma = self.sigma
    let order = self.order
    // Branch-free discovery: the "already seen?" test is unpredictable, so every
    // neighbor is written to the queue slot and the tail advances only when it is new.
    // (Measured on ca-GrQc, release: no slower than the branchy form, so kept.)
    while head < tail {
      let v = Int(order[head])
      head += 1
      let dv = hop[v]
      if target >= 0, hop[target] >= 0, dv >= hop[target] { break }
      let next = dv + 1
      if countPaths {
        let sv = sigma[v]
        for i in off[v]..<off[v + 1] {
          let w = Int(nbr[i])
          let dw = hop[w]
          let fresh = dw < 0
          order[tail] = Int32(truncatingIfNeeded: w)
          tail &+= fresh ? 1 : 0
          let level = fresh ? next : dw
          hop[w] = level
          sigma[w] += level == next ? sv : 0
        }
      } else {
        for i in off[v]..<off[v + 1] {
          let w = Int(nbr[i])
          let dw = hop[w]
          let fresh = dw < 0
          order[tail] = Int32(truncatingIfNeeded: w)
          tail &+= fresh ? 1 : 0
          hop[w] = fresh ? next : dw
        }
      }
    }
    orderCount = tail
    touchedCount = 0
  }

  /// Dijkstra from `source` over `g.lengths`. Fills `dist`, `order` (settled nodes,
  /// non-decreasing distance) and, when `countPaths`, `sigma` (a path through v counts
  /// for w when `dist[v] + len == dist[w]` exactly, networkx's test). With `target`,
  /// stops once `target` is settled.
  func dijkstra(_ g: _CSR, from source: Int, countPaths: Bool, target: Int = -1) {
    guard let len = g.lengths else { preconditionFailure("dijkstra needs lengths") }
    let off = g.offsets
    let nbr = g.neighbors
    let dist = self.dist
    let delta = self.delta
    let order = self.order
    let touched = self.touched
    // Locals, not class properties, inside the loop (dynamic exclusivity checks).
    var heap = self.heap
    self.heap = _DistanceHeap()
    defer { self.heap = heap }
    var settled = 0
    var touchedTotal = 1
    let sigma = self.sigma
    if countPaths { sigma[source] = 1 }
    dist[source] = 0
    touched[0] = Int32(source)
    heap.removeAll()
    heap.push(0, Int32(source))
    // `delta` doubles as the "settled" mark during the search (reset below).
    while let (dv, v32) = heap.popMin() {
      let v = Int(v32)
      if delta[v] != 0 || dv > dist[v] { continue }
      delta[v] = 1
      order[settled] = v32
      settled += 1
      if v == target { break }
      for i in off[v]..<off[v + 1] {
        let w = Int(nbr[i])
        let nd = dv + len[i]
        let old = dist[w]
        if nd < old {
          if old == .infinity {
            touched[touchedTotal] = Int32(w)
            touchedTotal += 1
          }
          dist[w] = nd
          heap.push(nd, Int32(w))
          if countPaths { sigma[w] = sigma[v] }
        } else if countPaths, nd == old {
          // networkx's test for an equally short path: exact equality of sums.
          sigma[w] += sigma[v]
        }
      }
    }
    orderCount = settled
    touchedCount = touchedTotal
    for k in 0..<orderCount { delta[Int(order[k])] = 0 }
  }

  /// Brandes' dependency accumulation over the last Dijkstra search, in pull form (see
  /// ``_BrandesScratch``): in reverse settling order each w sums c(u) = (1 + δ(u))/σ(u)
  /// over its successors u (`dist[w] + len == dist[u]`, the forward pass's exact test),
  /// sets δ(w) = σ(w) · Σ c(u), adds `scale` × δ(w) into `partial[w]`, and keeps c(w) in
  /// `delta[w]`.
  func accumulate(
    _ g: _CSR, source: Int, scale: Double, into partial: UnsafeMutableBufferPointer<Double>
  ) {
    guard let len = g.lengths else { preconditionFailure("hop searches use _BrandesScratch") }
    let off = g.offsets
    let nbr = g.neighbors
    let dist = self.dist
    let sigma = self.sigma
    let delta = self.delta
    var k = orderCount - 1
    while k > 0 {
      let w = Int(order[k])
      k -= 1
      let dw = dist[w]
      var sum = 0.0
      for i in off[w]..<off[w + 1] {
        let u = Int(nbr[i])
        sum += dw + len[i] == dist[u] ? delta[u] : 0
      }
      let dependency = sigma[w] * sum
      partial[w] += scale * dependency
      delta[w] = (1 + dependency) / sigma[w]
    }
  }

  /// Clears everything the last search touched.
  func reset() {
    for k in 0..<orderCount {
      let v = Int(order[k])
      hop[v] = -1
      dist[v] = .infinity
      sigma[v] = 0
      delta[v] = 0
    }
    for k in 0..<touchedCount {
      let v = Int(touched[k])
      dist[v] = .infinity
      sigma[v] = 0
    }
    orderCount = 0
    touchedCount = 0
  }
}

/// A binary min-heap of (distance, node) with lazy deletion (stale entries are
/// skipped by the caller), stored in two parallel arrays.
struct _DistanceHeap {
  private var keys: [Double] = []
  private var nodes: [Int32] = []

  mutating func removeAll() {
    keys.removeAll(keepingCapacity: true)
    nodes.removeAll(keepingCapacity: true)
  }

  mutating func push(_ key: Double, _ node: Int32) {
    keys.append(key)
    nodes.append(node)
    var i = keys.count - 1
    while i > 0 {
      let parent = (i - 1) >> 1
      if keys[parent] <= key { break }
      keys[i] = keys[parent]
      nodes[i] = nodes[parent]
      i = parent
    }
    keys[i] = key
    nodes[i] = node
  }

  mutating func popMin() -> (Double, Int32)? {
    guard let topKey = keys.first, let topNode = nodes.first else { return nil }
    let lastKey = keys.removeLast()
    let lastNode = nodes.removeLast()
    let count = keys.count
    if count > 0 {
      var i = 0
      while true {
        let l = 2 * i + 1
        if l >= count { break }
        var c = l
        if l + 1 < count, keys[l + 1] < keys[l] { c = l + 1 }
        if keys[c] >= lastKey { break }
        keys[i] = keys[c]
        nodes[i] = nodes[c]
        i = c
      }
      keys[i] = lastKey
      nodes[i] = lastNode
    }
    return (topKey, topNode)
  }
}
