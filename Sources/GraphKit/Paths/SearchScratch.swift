/// Read-only CSR views for hot loops, valid inside ``Graph/_withCSR(distance:_:)``.
struct _CSR: @unchecked Sendable {
  let nodeCount: Int
  let offsets: UnsafeBufferPointer<Int>
  let neighbors: UnsafeBufferPointer<Int32>
  /// Edge lengths per CSR entry (`.inverseWeight`), or nil for hops. In scaled units:
  /// the real length is `lengths[i] / lengthScale`.
  let lengths: UnsafeBufferPointer<Double>?
  /// L when the lengths are the exact integers L/w (``_PathLengths``), else 1.
  var lengthScale: Double = 1
  /// Buckets of Dial's queue (largest length + 1) when the lengths are small integers;
  /// 0: the binary heap.
  var bucketCount: Int = 0
}

/// Edge lengths 1/w for `.inverseWeight`, exact where the weights allow it.
///
/// When every weight is a positive integer (coauthor counts) and L = lcm of the distinct
/// weights satisfies L · n < 2⁵³, lengths are stored as the integers L/w: every path
/// length below L · n is then an integer a double holds exactly, so sums are exact, ties
/// are counted exactly and results do not depend on edge order or summation order
/// (igraph compares real lengths with a relative tolerance, igraph/igraph#950;
/// NetworKit compares them exactly, networkit/networkit#104; networkx with doubles
/// misses ties such as 10 × 1/10 against 1). The searches then use Dial's bucket queue
/// (L/min w + 1 buckets, up to ``exactBucketLimit``; above it a binary heap on the same
/// exact keys). Otherwise (real weights, or L too large) lengths are the doubles 1/w and
/// two paths tie only when their sums are equal as doubles, as in networkx.
struct _PathLengths {
  /// One length per CSR entry, in units of 1/`scale`.
  var lengths: [Double]
  /// L (exact integer lengths) or 1 (the doubles 1/w).
  var scale: Double
  /// Dial buckets, 0 for the binary heap.
  var bucketCount: Int
  var isExact: Bool { scale != 1 || bucketCount > 0 }

  /// Largest bucket array Dial's queue may use per worker (4 MB of Int32 heads).
  static let exactBucketLimit = 1 << 20
}

extension Graph {
  /// Edge lengths for `distance`, one per CSR entry, in the units of ``_pathLengths(_:)``;
  /// nil for `.hops`.
  func _lengths(_ distance: EdgeDistance) -> [Double]? { _pathLengths(distance)?.lengths }

  /// The lengths for `distance` with their scale (see ``_PathLengths``); nil for `.hops`.
  ///
  /// - Precondition: for `.inverseWeight`, every weight is positive (and finite), so
  ///   every length 1/w is positive and finite.
  func _pathLengths(_ distance: EdgeDistance) -> _PathLengths? {
    switch distance {
    case .hops:
      return nil
    case .inverseWeight:
      precondition(
        weights.allSatisfy { $0 > 0 && $0.isFinite },
        "distance .inverseWeight needs positive, finite edge weights")
      if let l = _integerLengthScale() {
        let minWeight = weights.min() ?? 1
        let longest = l / Int(minWeight)
        let buckets = longest + 1 <= _PathLengths.exactBucketLimit ? longest + 1 : 0
        return _PathLengths(
          lengths: weights.map { Double(l / Int($0)) }, scale: Double(l), bucketCount: buckets)
      }
      // networkx users store 1/w as an edge attribute and pass it as `weight`;
      // computing it once here gives the same doubles, hence the same tie decisions.
      return _PathLengths(lengths: weights.map { 1.0 / $0 }, scale: 1, bucketCount: 0)
    }
  }

  /// L = lcm of the distinct weights when all are positive integers and L · n < 2⁵³
  /// (so that every path length L·Σ1/w is an exactly representable integer); else nil.
  func _integerLengthScale() -> Int? {
    guard !weights.isEmpty else { return nil }
    let limit = (1 << 53) / Swift.max(nodeCount, 1)
    var distinct = Set<Int>()
    for w in weights {
      guard w >= 1, w <= Double(limit), w == w.rounded(.towardZero) else { return nil }
      distinct.insert(Int(w))
    }
    var l = 1
    for w in distinct.sorted() {
      var a = l
      var b = w
      while b != 0 { (a, b) = (b, a % b) }
      let (product, overflow) = (l / a).multipliedReportingOverflow(by: w)
      guard !overflow, product < limit else { return nil }
      l = product
    }
    return l
  }

  /// The one weight of every edge when all are equal (then inverse-weight shortest
  /// paths are the hop shortest paths, lengths scaled by 1/w); else nil.
  var _uniformWeight: Double? {
    guard let first = weights.first, weights.allSatisfy({ $0 == first }) else { return nil }
    return first
  }

  /// Runs `body` with raw views of the CSR arrays and the lengths for `distance`.
  func _withCSR<R>(distance: EdgeDistance, _ body: (_CSR) -> R) -> R {
    let paths = _pathLengths(distance)
    return offsets.withUnsafeBufferPointer { off in
      neighbors.withUnsafeBufferPointer { nbr in
        if let paths {
          return paths.lengths.withUnsafeBufferPointer { len in
            body(
              _CSR(
                nodeCount: nodeCount, offsets: off, neighbors: nbr, lengths: len,
                lengthScale: paths.scale, bucketCount: paths.bucketCount))
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
/// One of GraphKit's four hot-loop scratch types (STYLE §6; the others are
/// ``_BrandesScratch`` for exact hop betweenness, ``_WeightedBrandesScratch`` for exact
/// weighted betweenness and ``_BidirectionalSampler`` for hop path sampling): ``_ScratchBuffer``s read through raw views instead of arrays. Used by
/// closeness, harmonic, summary statistics and everything weighted.
final class _SearchScratch {
  let n: Int
  /// Hop distance, -1 when not reached (BFS).
  let hop: _ScratchBuffer<Int32>
  /// Length distance, +∞ when not reached (Dijkstra).
  let dist: _ScratchBuffer<Double>
  /// Number of shortest paths from the source.
  let sigma: _ScratchBuffer<Double>
  /// Brandes dependency.
  let delta: _ScratchBuffer<Double>
  /// Settled nodes in non-decreasing distance (BFS queue order / Dijkstra pop order).
  let order: _ScratchBuffer<Int32>
  var orderCount = 0
  /// Nodes whose distance was set (Dijkstra may touch nodes it never settles).
  let touched: _ScratchBuffer<Int32>
  var touchedCount = 0
  var heap = _DistanceHeap()
  /// Dial's queue: one list head per bucket (−1 when empty), sized on first use.
  var bucketHead = _ScratchBuffer<Int32>(repeating: -1, count: 0)
  /// Doubly linked bucket lists through the nodes (−1 ends a list).
  let bucketNext: _ScratchBuffer<Int32>
  let bucketPrev: _ScratchBuffer<Int32>

  init(nodeCount: Int) {
    n = nodeCount
    hop = _ScratchBuffer(repeating: -1, count: n)
    dist = _ScratchBuffer(repeating: .infinity, count: n)
    sigma = _ScratchBuffer(repeating: 0, count: n)
    delta = _ScratchBuffer(repeating: 0, count: n)
    // One spare slot: branch-free BFS writes every neighbor at `order[tail]`.
    order = _ScratchBuffer(repeating: 0, count: n + 1)
    touched = _ScratchBuffer(repeating: 0, count: n)
    bucketNext = _ScratchBuffer(repeating: -1, count: n)
    bucketPrev = _ScratchBuffer(repeating: -1, count: n)
  }

  /// Breadth-first search from `source`. Fills `hop`, `order` and, when `countPaths`,
  /// `sigma`. With `target`, stops once every node closer than `target` is expanded
  /// (enough to know `sigma` on all shortest paths to `target`).
  func bfs(_ g: _CSR, from source: Int, countPaths: Bool, target: Int = -1) {
    let off = g.offsets
    let nbr = g.neighbors
    hop.withUnsafeMutableBufferPointer { hop in
      sigma.withUnsafeMutableBufferPointer { sigma in
        order.withUnsafeMutableBufferPointer { order in
          hop[source] = 0
          if countPaths { sigma[source] = 1 }
          order[0] = Int32(source)
          var head = 0
          var tail = 1
          // Branch-free discovery: the "already seen?" test is unpredictable, so every
          // neighbor is written to the queue slot and the tail advances only when it is
          // new. (Measured on ca-GrQc, release: no slower than the branchy form, so kept.)
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
      }
    }
  }

  /// Dijkstra from `source` over `g.lengths`. Fills `dist`, `order` (settled nodes,
  /// non-decreasing distance) and, when `countPaths`, `sigma` (a path through v counts
  /// for w when `dist[v] + len == dist[w]` exactly, networkx's test). With `target`,
  /// stops once `target` is settled.
  func dijkstra(_ g: _CSR, from source: Int, countPaths: Bool, target: Int = -1) {
    guard let len = g.lengths else { preconditionFailure("dijkstra needs lengths") }
    if g.bucketCount > 0 {
      dial(g, from: source, countPaths: countPaths, target: target)
      return
    }
    let off = g.offsets
    let nbr = g.neighbors
    dist.withUnsafeMutableBufferPointer { dist in
      delta.withUnsafeMutableBufferPointer { delta in
        order.withUnsafeMutableBufferPointer { order in
          touched.withUnsafeMutableBufferPointer { touched in
            sigma.withUnsafeMutableBufferPointer { sigma in
              // Locals, not class properties, inside the loop (dynamic exclusivity checks).
              var heap = self.heap
              self.heap = _DistanceHeap()
              defer { self.heap = heap }
              var settled = 0
              var touchedTotal = 1
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
          }
        }
      }
    }
  }

  /// Dijkstra with Dial's bucket queue over exact integer lengths (``_PathLengths``):
  /// the same outputs as ``dijkstra(_:from:countPaths:target:)``.
  ///
  /// Every length is an integer in 1...C with C = `g.bucketCount` − 1, so the queued
  /// nodes have distances in [d, d + C] while distance d is being settled, and C + 1
  /// buckets used circularly never mix two distances. A node sits in at most one
  /// bucket (a doubly linked list through the nodes; an improved distance moves it), so
  /// each edge costs O(1) and a source O(m + D), D the largest distance (for equal
  /// weights every length is 1 and the buckets are the BFS levels). Ties are exact.
  ///
  /// Reference: R. B. Dial, "Algorithm 360: shortest-path forest with topological
  /// ordering", Commun. ACM 12(11), 1969. https://doi.org/10.1145/363269.363610
  func dial(_ g: _CSR, from source: Int, countPaths: Bool, target: Int = -1) {
    guard let len = g.lengths else { preconditionFailure("dial needs lengths") }
    let bucketCount = g.bucketCount
    if bucketHead.count < bucketCount { bucketHead = _ScratchBuffer(repeating: -1, count: bucketCount) }
    let off = g.offsets
    let nbr = g.neighbors
    dist.withUnsafeMutableBufferPointer { dist in
      delta.withUnsafeMutableBufferPointer { settledMark in
        order.withUnsafeMutableBufferPointer { order in
          touched.withUnsafeMutableBufferPointer { touched in
            sigma.withUnsafeMutableBufferPointer { sigma in
              bucketHead.withUnsafeMutableBufferPointer { head in
                bucketNext.withUnsafeMutableBufferPointer { next in
                  bucketPrev.withUnsafeMutableBufferPointer { prev in
                    var settled = 0
                    var touchedTotal = 1
                    var queued = 1
                    if countPaths { sigma[source] = 1 }
                    dist[source] = 0
                    touched[0] = Int32(truncatingIfNeeded: source)
                    head[0] = Int32(truncatingIfNeeded: source)
                    next[source] = -1
                    prev[source] = -1
                    var current = 0
                    var b = 0
                    while queued > 0 {
                      while head[b] < 0 {
                        current &+= 1
                        b &+= 1
                        if b == bucketCount { b = 0 }
                      }
                      let v32 = head[b]
                      let v = Int(v32)
                      let after = next[v]
                      head[b] = after
                      if after >= 0 { prev[Int(after)] = -1 }
                      queued &-= 1
                      // `delta` doubles as the "settled" mark during the search (reset below).
                      settledMark[v] = 1
                      order[settled] = v32
                      settled &+= 1
                      if v == target { break }
                      let dv = Double(current)
                      let sv = sigma[v]
                      for i in off[v]..<off[v &+ 1] {
                        let w = Int(nbr[i])
                        let nd = dv + len[i]
                        let old = dist[w]
                        if nd < old {
                          if old == .infinity {
                            touched[touchedTotal] = Int32(truncatingIfNeeded: w)
                            touchedTotal &+= 1
                            queued &+= 1
                          } else {
                            // Unlink w from the bucket of its old distance.
                            let p = prev[w]
                            let q = next[w]
                            if p >= 0 { next[Int(p)] = q } else { head[Int(old) % bucketCount] = q }
                            if q >= 0 { prev[Int(q)] = p }
                          }
                          dist[w] = nd
                          let nb = Int(nd) % bucketCount
                          let first = head[nb]
                          next[w] = first
                          prev[w] = -1
                          if first >= 0 { prev[Int(first)] = Int32(truncatingIfNeeded: w) }
                          head[nb] = Int32(truncatingIfNeeded: w)
                          if countPaths { sigma[w] = sv }
                        } else if countPaths, nd == old {
                          // Exact integer sums: an equally short path.
                          sigma[w] += sv
                        }
                      }
                    }
                    if queued > 0 {
                      // Stopped at the target: empty the buckets still holding nodes.
                      for k in 0..<touchedTotal {
                        let w = Int(touched[k])
                        if settledMark[w] == 0 { head[Int(dist[w]) % bucketCount] = -1 }
                      }
                    }
                    orderCount = settled
                    touchedCount = touchedTotal
                    for k in 0..<orderCount { settledMark[Int(order[k])] = 0 }
                  }
                }
              }
            }
          }
        }
      }
    }
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
    dist.withUnsafeMutableBufferPointer { dist in
      sigma.withUnsafeMutableBufferPointer { sigma in
        delta.withUnsafeMutableBufferPointer { delta in
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
      }
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
