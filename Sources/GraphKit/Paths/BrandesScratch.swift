/// Per-worker scratch for exact hop betweenness: one breadth-first search per source
/// and a dependency accumulation, over one packed record per node.
///
/// Measured on ca-HepPh, one thread, release (Benchmarks/RESULTS.md has the runs):
/// textbook Brandes over separate arrays 13.3 s → these choices 6.9 s, same sums.
/// - **Packed records.** Level and value of a node share one 16-byte record, so looking
///   at a neighbor touches one cache line instead of two or three (level, σ, δ).
/// - **c-form accumulation.** Each node w gets δ(w) = σ(w) · Σ c(u) over its successors
///   u (level + 1), c(u) = (1 + δ(u))/σ(u): Brandes (2001), eq. (6), regrouped — one
///   division per node instead of one per edge. (−20 %, then as a pull.)
/// - **Direction-optimizing search.** A level is found bottom-up when the unreached
///   nodes have fewer edges than the frontier (−22 %). Either way every edge between
///   consecutive levels is read once, so σ is the same.
/// - **The shortest-path DAG, kept contiguous (2026-12-03).** The search writes every
///   arc it finds between consecutive levels into a pool (one 4-byte slot per CSR
///   entry), where they come out grouped by node: a top-down step writes a frontier
///   node's successors while it scans that node's row, a bottom-up step an unreached
///   node's predecessors while it scans its row; `successorStart`/`predecessorStart`
///   (by BFS position) bound each node's run. The accumulation reads only those arcs:
///   for a level found top-down each node sums c(u) over its successor run (a pull),
///   for a level found bottom-up each node pushes c(u) along its predecessor run. It
///   replaced a level-by-level pull or push that read min(vol(L_d), vol(L_{d+1})) arcs
///   per level, same-level arcs included (Benchmarks/RESULTS.md, "Issue 16, points
///   2–3"). δ sums may associate differently (last bits, within the reference tests'
///   1e-9), always the same way for the same graph.
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
  let records: _ScratchBuffer<Record>
  /// Reached nodes in BFS order.
  let order: _ScratchBuffer<Int32>
  var orderCount = 0
  /// Nodes of the component not reached yet (bottom-up steps).
  let unreached: _ScratchBuffer<Int32>
  /// Level d of the last search is `order[levelBounds[d]..<levelBounds[d + 1]]`.
  let levelBounds: _ScratchBuffer<Int>
  /// Whether level d was found bottom-up.
  let levelBottomUp: _ScratchBuffer<Bool>
  var levelCount = 0
  /// Σ c(u) pushed into a node by its successors (zero between uses).
  let pushed: _ScratchBuffer<Double>
  /// The DAG arcs of the last search (the other end of each), grouped by node; at most
  /// one per CSR entry, plus a spare slot for branch-free writes.
  let pool: _ScratchBuffer<Int32>
  /// By BFS position k: the node's successor run is `pool[successorStart[k]..<successorStart[k + 1]]`
  /// when its level was scanned top-down.
  let successorStart: _ScratchBuffer<Int32>
  /// By BFS position k: the node's predecessor run is
  /// `pool[predecessorStart[k]..<predecessorStart[k + 1]]` when its level was found bottom-up.
  let predecessorStart: _ScratchBuffer<Int32>

  init(nodeCount: Int, arcCount: Int) {
    n = nodeCount
    records = _ScratchBuffer(repeating: Record(level: -1, value: 0), count: n)
    pool = _ScratchBuffer(repeating: -1, count: arcCount + 1)
    order = _ScratchBuffer(repeating: 0, count: n)
    unreached = _ScratchBuffer(repeating: 0, count: n)
    levelBounds = _ScratchBuffer(repeating: 0, count: n + 2)
    levelBottomUp = _ScratchBuffer(repeating: false, count: n + 1)
    pushed = _ScratchBuffer(repeating: 0, count: n)
    successorStart = _ScratchBuffer(repeating: 0, count: n + 1)
    predecessorStart = _ScratchBuffer(repeating: 0, count: n + 1)
  }

  /// Breadth-first search from `source` counting shortest paths (σ), one level at a
  /// time and *direction-optimizing*: while the frontier's edges outnumber those of the
  /// nodes not yet reached, a level is found bottom-up (each unreached node of the
  /// component sums σ over its neighbors on the frontier) instead of top-down (each
  /// frontier node pushes σ to its neighbors). Both count every edge between two
  /// consecutive levels once, so σ and the levels are the same; only the order of nodes
  /// within a level differs. Either way the arcs found go to `pool`, grouped by node.
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
    records.withUnsafeMutableBufferPointer { rec in
      order.withUnsafeMutableBufferPointer { order in
        unreached.withUnsafeMutableBufferPointer { unreached in
        pool.withUnsafeMutableBufferPointer { pool in
        successorStart.withUnsafeMutableBufferPointer { succStart in
        predecessorStart.withUnsafeMutableBufferPointer { predStart in
          var entries: Int32 = 0
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
          levelBottomUp[0] = false
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
                let first = entries
                var sum = 0.0
                var i = off[w]
                let end = off[w &+ 1]
                while i < end {
                  let u32 = nbr[i]
                  let u = rec[Int(u32)]
                  i &+= 1
                  let up = u.level == level
                  sum += up ? u.value : 0
                  // Branch-free: the slot is written always, kept when u is one level up.
                  pool[Int(entries)] = u32
                  entries &+= up ? 1 : 0
                }
                if sum > 0 {
                  rec[w] = Record(level: next, value: sum)
                  predStart[tail] = first
                  order[tail] = Int32(truncatingIfNeeded: w)
                  tail &+= 1
                  newVolume &+= end &- off[w]
                } else {
                  unreached[kept] = Int32(truncatingIfNeeded: w)
                  kept &+= 1
                }
              }
              unreachedCount = kept
              predStart[tail] = entries
            } else {
              for k in levelStart..<levelEnd {
                succStart[k] = entries
                let v = Int(order[k])
                let sv = rec[v].value
                var i = off[v]
                let end = off[v &+ 1]
                while i < end {
                  let w32 = nbr[i]
                  let w = Int(w32)
                  i &+= 1
                  let lw = rec[w].level
                  pool[Int(entries)] = w32
                  if lw < 0 {
                    rec[w] = Record(level: next, value: sv)
                    entries &+= 1
                    order[tail] = w32
                    tail &+= 1
                    newVolume &+= off[w &+ 1] &- off[w]
                  } else {
                    // Branch-free: whether w lies one level down is unpredictable (measured
                    // 3 % faster than a branch on ca-HepPh).
                    let down = lw == next
                    rec[w].value += down ? sv : 0
                    entries &+= down ? 1 : 0
                  }
                }
              }
              succStart[levelEnd] = entries
            }
            frontierVolume = newVolume
            reachedVolume &+= newVolume
            if tail > levelEnd {
              levelBottomUp[levelCount] = bottomUp
              levelCount &+= 1
              levelBounds[levelCount] = tail
            }
            levelStart = levelEnd
            levelEnd = tail
            level = next
          }
          orderCount = tail
        }
        }
        }
        }
      }
    }
  }

  /// Dependency accumulation over the last search, level by level from the deepest:
  /// adds `scale` × δ(w) into `partial[w]` for every reached w ≠ source, then clears
  /// the records it used. Level d's sums Σ c(u) over successors come from the DAG runs
  /// of the search: a pull over each node's successor run when level d + 1 was found
  /// top-down, a push along each successor's predecessor run when it was found
  /// bottom-up.
  // Not inlined into the caller, as before the raw views came from `_ScratchBuffer`:
  // inlined, ca-HepPh ran 2.5 % slower (6 interleaved pairs, CPU time, 2026-12-02).
  @inline(never)
  func accumulate(_ g: _CSR, scale: Double, into partial: UnsafeMutableBufferPointer<Double>) {
    records.withUnsafeMutableBufferPointer { rec in
      order.withUnsafeMutableBufferPointer { order in
        pushed.withUnsafeMutableBufferPointer { acc in
        pool.withUnsafeMutableBufferPointer { pool in
        successorStart.withUnsafeMutableBufferPointer { succStart in
        predecessorStart.withUnsafeMutableBufferPointer { predStart in
          guard levelCount > 1 else {
            for k in 0..<orderCount { rec[Int(order[k])].level = -1 }
            return
          }
          // Deepest level: no successors, δ = 0, c = 1/σ.
          for k in levelBounds[levelCount &- 1]..<levelBounds[levelCount] {
            let w = Int(order[k])
            rec[w].value = 1 / rec[w].value
          }
          var d = levelCount &- 2
          while d >= 1 {
            if levelBottomUp[d &+ 1] {
              for k in levelBounds[d &+ 1]..<levelBounds[d &+ 2] {
                let cu = rec[Int(order[k])].value
                for e in Int(predStart[k])..<Int(predStart[k &+ 1]) { acc[Int(pool[e])] += cu }
              }
              for k in levelBounds[d]..<levelBounds[d &+ 1] {
                let w = Int(order[k])
                let sigma = rec[w].value
                let delta = sigma * acc[w]
                acc[w] = 0
                partial[w] += scale * delta
                rec[w].value = (1 + delta) / sigma
              }
            } else {
              for k in levelBounds[d]..<levelBounds[d &+ 1] {
                let w = Int(order[k])
                // Two partial sums break the floating-point add chain; fixed pairing.
                var sumEven = 0.0
                var sumOdd = 0.0
                var e = Int(succStart[k])
                let end = Int(succStart[k &+ 1])
                while e &+ 1 < end {
                  sumEven += rec[Int(pool[e])].value
                  sumOdd += rec[Int(pool[e &+ 1])].value
                  e &+= 2
                }
                if e < end { sumEven += rec[Int(pool[e])].value }
                let sigma = rec[w].value
                let delta = sigma * (sumEven + sumOdd)
                partial[w] += scale * delta
                rec[w].value = (1 + delta) / sigma
              }
            }
            d &-= 1
          }
          if levelBottomUp[1] {
            // Pushes into the source: not needed, cleared.
            acc[Int(order[0])] = 0
          }
          for k in 0..<orderCount { rec[Int(order[k])].level = -1 }
        }
        }
        }
        }
      }
    }
  }
}
