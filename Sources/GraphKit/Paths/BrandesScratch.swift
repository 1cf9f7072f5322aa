/// Per-worker scratch for exact hop betweenness: one breadth-first search per source
/// and a dependency accumulation, over one packed record per node.
///
/// Measured on ca-HepPh, one thread, release (Benchmarks/RESULTS.md has the runs):
/// textbook Brandes over separate arrays 13.3 s → these choices 6.9 s, same sums.
/// - **Packed records.** Level and value of a node share one 16-byte record, so looking
///   at a neighbor touches one cache line instead of two or three (level, σ, δ).
/// - **Pull accumulation.** Instead of pushing σ(v)/σ(w)·(1 + δ(w)) into every
///   predecessor v (a read-modify-write per edge), each node w sums
///   c(u) = (1 + δ(u))/σ(u) over its successors u (level + 1) and sets
///   δ(w) = σ(w) · Σ c(u); the record's value then turns from σ(w) into c(w). Brandes
///   (2001), eq. (6), regrouped. (−20 %.)
/// - **Direction-optimizing levels, both ways.** The search finds a level bottom-up
///   when the unreached nodes have fewer edges than the frontier (−22 %); the
///   accumulation pushes from level d + 1 instead of pulling at level d when that
///   level has fewer edges (−15 %). Either way every edge between consecutive levels is
///   read once, so σ is the same; δ sums may associate differently (last bits, within
///   the reference tests' 1e-9), always the same way for the same graph.
///
/// The record value is σ(w) during the search and c(w) once w is accumulated, which is
/// safe because a node's successors are always accumulated before the node itself.
final class _BrandesScratch {
  struct Record {
    /// BFS level from the source; −1 when not reached.
    var level: Int32
    /// σ (shortest-path count) during the search; c = (1 + δ)/σ after accumulation.
    var value: Double
  }

  let n: Int
  let records: UnsafeMutableBufferPointer<Record>
  /// Reached nodes in BFS order.
  let order: UnsafeMutableBufferPointer<Int32>
  var orderCount = 0
  /// Nodes of the component not reached yet (bottom-up steps).
  let unreached: UnsafeMutableBufferPointer<Int32>
  /// Level d of the last search is `order[levelBounds[d]..<levelBounds[d + 1]]`.
  let levelBounds: UnsafeMutableBufferPointer<Int>
  /// Sum of the degrees on each level.
  let levelVolume: UnsafeMutableBufferPointer<Int>
  var levelCount = 0
  /// Sums pushed into a level's nodes (zero between uses).
  let pushed: UnsafeMutableBufferPointer<Double>

  init(nodeCount: Int) {
    n = nodeCount
    records = .allocate(capacity: max(n, 1))
    records.initialize(repeating: Record(level: -1, value: 0))
    order = .allocate(capacity: max(n, 1))
    order.initialize(repeating: 0)
    unreached = .allocate(capacity: max(n, 1))
    unreached.initialize(repeating: 0)
    levelBounds = .allocate(capacity: n + 2)
    levelBounds.initialize(repeating: 0)
    levelVolume = .allocate(capacity: n + 1)
    levelVolume.initialize(repeating: 0)
    pushed = .allocate(capacity: max(n, 1))
    pushed.initialize(repeating: 0)
  }

  deinit {
    records.deallocate()
    order.deallocate()
    unreached.deallocate()
    levelBounds.deallocate()
    levelVolume.deallocate()
    pushed.deallocate()
  }

  /// Breadth-first search from `source` counting shortest paths (σ), one level at a
  /// time and *direction-optimizing*: while the frontier's edges outnumber those of the
  /// nodes not yet reached, a level is found bottom-up (each unreached node of the
  /// component sums σ over its neighbors on the frontier) instead of top-down (each
  /// frontier node pushes σ to its neighbors). Both count every edge between two
  /// consecutive levels once, so σ and the levels are the same; only the order of nodes
  /// within a level differs, which the pull accumulation does not see.
  ///
  /// - Parameters:
  ///   - component: The nodes of the source's connected component.
  ///   - componentVolume: The sum of their degrees.
  ///
  /// Reference: S. Beamer, K. Asanović, D. Patterson, "Direction-optimizing
  /// breadth-first search", SC 2012. https://doi.org/10.1109/SC.2012.50
  func search(
    _ g: _CSR, from source: Int, component: UnsafeBufferPointer<Int32>, componentVolume: Int
  ) {
    let off = g.offsets
    let nbr = g.neighbors
    let rec = records
    let order = self.order
    let unreached = self.unreached
    rec[source] = Record(level: 0, value: 1)
    order[0] = Int32(truncatingIfNeeded: source)
    var levelStart = 0
    var levelEnd = 1
    var tail = 1
    var level: Int32 = 0
    var frontierVolume = off[source &+ 1] &- off[source]
    var reachedVolume = frontierVolume
    var bottomUp = false
    var unreachedCount = 0
    levelBounds[0] = 0
    levelBounds[1] = 1
    levelVolume[0] = frontierVolume
    levelCount = 1
    while levelStart < levelEnd {
      let next = level &+ 1
      // Beamer's rule with α = 1: the cheaper direction by edges to scan.
      let wantBottomUp = frontierVolume > componentVolume &- reachedVolume
      if wantBottomUp, !bottomUp {
        unreachedCount = 0
        for v in component where rec[Int(v)].level < 0 {
          unreached[unreachedCount] = v
          unreachedCount &+= 1
        }
      }
      bottomUp = wantBottomUp
      var newVolume = 0
      if bottomUp {
        var kept = 0
        for j in 0..<unreachedCount {
          let w = Int(unreached[j])
          var sum = 0.0
          var i = off[w]
          let end = off[w &+ 1]
          while i < end {
            let u = rec[Int(nbr[i])]
            i &+= 1
            sum += u.level == level ? u.value : 0
          }
          if sum > 0 {
            rec[w] = Record(level: next, value: sum)
            order[tail] = Int32(truncatingIfNeeded: w)
            tail &+= 1
            newVolume &+= end &- off[w]
          } else {
            unreached[kept] = Int32(truncatingIfNeeded: w)
            kept &+= 1
          }
        }
        unreachedCount = kept
      } else {
        for k in levelStart..<levelEnd {
          let v = Int(order[k])
          let sv = rec[v].value
          var i = off[v]
          let end = off[v &+ 1]
          while i < end {
            let w = Int(nbr[i])
            i &+= 1
            let lw = rec[w].level
            if lw < 0 {
              rec[w] = Record(level: next, value: sv)
              order[tail] = Int32(truncatingIfNeeded: w)
              tail &+= 1
              newVolume &+= off[w &+ 1] &- off[w]
            } else {
              // Branch-free: whether w lies one level down is unpredictable (measured
              // 3 % faster than a branch on ca-HepPh).
              rec[w].value += lw == next ? sv : 0
            }
          }
        }
      }
      frontierVolume = newVolume
      reachedVolume &+= newVolume
      if tail > levelEnd {
        levelVolume[levelCount] = newVolume
        levelCount &+= 1
        levelBounds[levelCount] = tail
      }
      levelStart = levelEnd
      levelEnd = tail
      level = next
    }
    orderCount = tail
  }

  /// Dependency accumulation over the last search, level by level from the deepest:
  /// adds `scale` × δ(w) into `partial[w]` for every reached w ≠ source, then clears
  /// the records it used.
  ///
  /// Level d's sums Σ c(u) over successors can be had two ways, both reading each
  /// edge between levels d and d + 1 once: *pull* (each w on level d scans its own
  /// neighbors, cost vol(L_d)) or *push* (each u on level d + 1 adds c(u) into its
  /// neighbors on level d, cost vol(L_{d+1})). The cheaper one is taken per level —
  /// the backward counterpart of the direction-optimizing search, which skips the
  /// scan of the widest level's many same-level and upward edges.
  func accumulate(_ g: _CSR, scale: Double, into partial: UnsafeMutableBufferPointer<Double>) {
    let off = g.offsets
    let nbr = g.neighbors
    let rec = records
    let order = self.order
    let bounds = levelBounds
    let volume = levelVolume
    let acc = pushed
    guard levelCount > 1 else {
      for k in 0..<orderCount { rec[Int(order[k])].level = -1 }
      return
    }
    // Deepest level: no successors, δ = 0, c = 1/σ.
    for k in bounds[levelCount &- 1]..<bounds[levelCount] {
      let w = Int(order[k])
      rec[w].value = 1 / rec[w].value
    }
    var d = levelCount &- 2
    while d >= 1 {
      let level = Int32(truncatingIfNeeded: d)
      let next = level &+ 1
      if volume[d &+ 1] < volume[d] {
        for k in bounds[d &+ 1]..<bounds[d &+ 2] {
          let u = Int(order[k])
          let cu = rec[u].value
          for i in off[u]..<off[u &+ 1] {
            let v = Int(nbr[i])
            acc[v] += rec[v].level == level ? cu : 0
          }
        }
        for k in bounds[d]..<bounds[d &+ 1] {
          let w = Int(order[k])
          let sigma = rec[w].value
          let delta = sigma * acc[w]
          acc[w] = 0
          partial[w] += scale * delta
          rec[w].value = (1 + delta) / sigma
        }
      } else {
        for k in bounds[d]..<bounds[d &+ 1] {
          let w = Int(order[k])
          // Two partial sums break the floating-point add chain (latency, not loads,
          // bounds a one-accumulator loop); the fixed pairing keeps results fixed.
          var sumEven = 0.0
          var sumOdd = 0.0
          var i = off[w]
          let end = off[w &+ 1]
          while i &+ 1 < end {
            let a = rec[Int(nbr[i])]
            let b = rec[Int(nbr[i &+ 1])]
            i &+= 2
            sumEven += a.level == next ? a.value : 0
            sumOdd += b.level == next ? b.value : 0
          }
          if i < end {
            let a = rec[Int(nbr[i])]
            sumEven += a.level == next ? a.value : 0
          }
          let sigma = rec[w].value
          let delta = sigma * (sumEven + sumOdd)
          partial[w] += scale * delta
          rec[w].value = (1 + delta) / sigma
        }
      }
      d &-= 1
    }
    for k in 0..<orderCount { rec[Int(order[k])].level = -1 }
  }
}
