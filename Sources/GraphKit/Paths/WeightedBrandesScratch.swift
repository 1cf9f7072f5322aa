/// Per-worker scratch for exact weighted betweenness over exact integer lengths
/// (``_PathLengths``: every length is the integer L/w): one shortest-path search per
/// source and a pull dependency accumulation, over one packed record per node.
///
/// **The queue: buckets as wide as the shortest edge.** Dial's queue keeps one bucket
/// per distance unit, so with L = 840 (weights 1–8) it scans up to 840 mostly empty
/// buckets per unit of path length. Here a bucket holds every distance in
/// [k·W, (k + 1)·W) with W the largest power of two ≤ the shortest length ℓmin. All
/// nodes of one bucket are final together and may be expanded in any order: a node of
/// bucket k relaxes its neighbors to distances ≥ k·W + ℓmin ≥ (k + 1)·W, so nothing it
/// does reaches bucket k again, and every shortest-path predecessor of a node of
/// bucket k (distance at least ℓmin shorter) lies in an earlier bucket, so σ of the
/// whole bucket is complete when it is opened (Dinitz's rule; here with exact integer
/// sums, so ties are counted exactly as in Dial's queue). Queued distances span less
/// than ℓmax + W, so ℓmax/W + 2 buckets used circularly (a power of two: index by shift
/// and mask, no division) never mix two windows — 16 buckets for weights 1–8, against
/// 841 for Dial. A node sits in one bucket (doubly linked through the nodes) and moves
/// only when an improvement changes its window.
///
/// **Predecessor lists, push accumulation.** The search keeps each node's shortest-path
/// predecessors (a shorter path restarts the list, an equal one appends; one pool entry
/// per relaxation at most, so one slot per arc). In reverse expansion order each w —
/// whose successors lie in later buckets, hence are done — has δ(w) = σ(w) · Σ c(u)
/// over its successors, c(u) = (1 + δ(u))/σ(u) (Brandes eq. (6) regrouped, as in
/// ``_BrandesScratch``), and pushes c(w) to its predecessors: the backward pass reads
/// the shortest-path DAG (n entries plus ties) instead of every arc a second time.
///
/// **Packed records.** Distance and value share a 16-byte record; lengths are 32-bit
/// when they fit.
///
/// References: R. B. Dial, Commun. ACM 12(11), 1969 (https://doi.org/10.1145/363269.363610);
/// E. A. Dinitz, "Economical algorithms for finding shortest paths in a network",
/// Transportation Modeling Systems, 1978 (buckets of width ℓmin); U. Brandes, J. Math.
/// Sociol. 25(2), 2001.
/// Read-only exact integer lengths, one per CSR entry (a raw view shared by the
/// workers, valid inside the `withUnsafeBufferPointer` that made it, like ``_CSR``).
struct _IntegerLengths<Length: FixedWidthInteger>: @unchecked Sendable {
  let values: UnsafeBufferPointer<Length>
}

final class _WeightedBrandesScratch {
  struct Record {
    /// Distance from the source in units of 1/L; `Int.max` when not reached.
    var dist: Int
    /// σ during the search; c = (1 + δ)/σ after accumulation.
    var value: Double
  }

  struct Link {
    var next: Int32
    var prev: Int32
  }

  /// One entry of a node's list of shortest-path predecessors.
  struct Predecessor {
    var node: Int32
    /// The next entry of the same list; −1 ends it.
    var next: Int32
  }

  let n: Int
  let records: _ScratchBuffer<Record>
  /// Per node: its first predecessor entry in `pool` (valid once reached).
  let predecessorHead: _ScratchBuffer<Int32>
  /// Predecessor entries of the last search, appended as relaxations find them. At most
  /// one per arc (a node is expanded once), so one slot per CSR entry.
  let pool: _ScratchBuffer<Predecessor>
  /// Σ c(u) over the successors u seen so far, per node (zero between uses).
  let pushed: _ScratchBuffer<Double>
  /// Expanded nodes, bucket by bucket.
  let order: _ScratchBuffer<Int32>
  var orderCount = 0
  let links: _ScratchBuffer<Link>
  /// One list head per circular bucket (−1 when empty).
  let heads: _ScratchBuffer<Int32>
  /// log₂ W.
  let shift: Int
  /// Circular bucket count − 1.
  let mask: Int

  /// The number of circular buckets for lengths in `minLength...maxLength`.
  static func bucketCount(minLength: Int, maxLength: Int) -> Int {
    let shift = Int.bitWidth - 1 - minLength.leadingZeroBitCount
    let span = (maxLength >> shift) + 2
    var count = 1
    while count < span { count <<= 1 }
    return count
  }

  /// - Precondition: 1 ≤ `minLength` ≤ `maxLength`.
  init(nodeCount: Int, arcCount: Int, minLength: Int, maxLength: Int) {
    precondition(minLength >= 1 && minLength <= maxLength, "lengths must be positive")
    n = nodeCount
    shift = Int.bitWidth - 1 - minLength.leadingZeroBitCount
    let buckets = Self.bucketCount(minLength: minLength, maxLength: maxLength)
    mask = buckets - 1
    records = _ScratchBuffer(repeating: Record(dist: .max, value: 0), count: n)
    order = _ScratchBuffer(repeating: 0, count: n)
    links = _ScratchBuffer(repeating: Link(next: -1, prev: -1), count: n)
    predecessorHead = _ScratchBuffer(repeating: -1, count: n)
    pool = _ScratchBuffer(repeating: Predecessor(node: -1, next: -1), count: arcCount)
    pushed = _ScratchBuffer(repeating: 0, count: n)
    heads = _ScratchBuffer(repeating: -1, count: buckets)
  }

  /// Shortest paths from `source` with path counts σ over the integer `lengths` (one
  /// per CSR entry). Fills `records` and `order` (every reached node, by bucket).
  func search<Length: FixedWidthInteger>(
    _ g: _CSR, lengths len: UnsafeBufferPointer<Length>, from source: Int
  ) {
    let off = g.offsets
    let nbr = g.neighbors
    let shift = self.shift
    let mask = self.mask
    records.withUnsafeMutableBufferPointer { rec in
      order.withUnsafeMutableBufferPointer { order in
        links.withUnsafeMutableBufferPointer { link in
          heads.withUnsafeMutableBufferPointer { head in
          predecessorHead.withUnsafeMutableBufferPointer { predHead in
          pool.withUnsafeMutableBufferPointer { pool in
            var poolCount: Int32 = 0
            rec[source] = Record(dist: 0, value: 1)
            predHead[source] = -1
            link[source] = Link(next: -1, prev: -1)
            head[0] = Int32(truncatingIfNeeded: source)
            var queued = 1
            var tail = 0
            var bucket = 0
            while queued > 0 {
              var slot = bucket & mask
              while head[slot] < 0 {
                bucket &+= 1
                slot = bucket & mask
              }
              // Nothing enters or leaves this bucket while it is expanded (see above).
              var v32 = head[slot]
              head[slot] = -1
              while v32 >= 0 {
                let v = Int(v32)
                order[tail] = v32
                tail &+= 1
                queued &-= 1
                let dv = rec[v].dist
                let sv = rec[v].value
                var i = off[v]
                let end = off[v &+ 1]
                while i < end {
                  let w = Int(nbr[i])
                  let nd = dv &+ Int(len[i])
                  i &+= 1
                  let old = rec[w].dist
                  if nd < old {
                    let nb = nd &>> shift
                    let moved: Bool
                    if old == .max {
                      queued &+= 1
                      moved = true
                    } else if old &>> shift != nb {
                      // Unlink w from the bucket of its old distance.
                      let l = link[w]
                      if l.prev >= 0 { link[Int(l.prev)].next = l.next } else { head[(old &>> shift) & mask] = l.next }
                      if l.next >= 0 { link[Int(l.next)].prev = l.prev }
                      moved = true
                    } else {
                      moved = false
                    }
                    if moved {
                      let s = nb & mask
                      let first = head[s]
                      link[w] = Link(next: first, prev: -1)
                      if first >= 0 { link[Int(first)].prev = Int32(truncatingIfNeeded: w) }
                      head[s] = Int32(truncatingIfNeeded: w)
                    }
                    rec[w] = Record(dist: nd, value: sv)
                    // A shorter path: v is w's only predecessor so far.
                    pool[Int(poolCount)] = Predecessor(node: v32, next: -1)
                    predHead[w] = poolCount
                    poolCount &+= 1
                  } else if nd == old {
                    // Exact integer sums: an equally short path.
                    rec[w].value += sv
                    pool[Int(poolCount)] = Predecessor(node: v32, next: predHead[w])
                    predHead[w] = poolCount
                    poolCount &+= 1
                  }
                }
                v32 = link[v].next
              }
              bucket &+= 1
            }
            orderCount = tail
          }
          }
          }
        }
      }
    }
  }

  /// Dependency accumulation over the last search: adds `scale` × δ(w) into
  /// `partial[w]` for every reached w ≠ source, then clears the records.
  ///
  /// Push form over the predecessor lists the search kept: in reverse expansion order,
  /// w's successors are done, so δ(w) = σ(w) · `pushed[w]` is final; w then adds
  /// c(w) = (1 + δ(w))/σ(w) into `pushed` of each predecessor. This reads only the
  /// shortest-path DAG (about n entries plus ties) instead of every arc again.
  @inline(never)
  func accumulate(scale: Double, into partial: UnsafeMutableBufferPointer<Double>) {
    records.withUnsafeMutableBufferPointer { rec in
      order.withUnsafeMutableBufferPointer { order in
        predecessorHead.withUnsafeMutableBufferPointer { predHead in
          pool.withUnsafeMutableBufferPointer { pool in
            pushed.withUnsafeMutableBufferPointer { acc in
              var k = orderCount &- 1
              while k > 0 {
                let w = Int(order[k])
                k &-= 1
                let sigma = rec[w].value
                let delta = sigma * acc[w]
                acc[w] = 0
                partial[w] += scale * delta
                let cw = (1 + delta) / sigma
                var e = predHead[w]
                while e >= 0 {
                  let p = pool[Int(e)]
                  acc[Int(p.node)] += cw
                  e = p.next
                }
              }
              if orderCount > 0 { acc[Int(order[0])] = 0 }
              for k in 0..<orderCount { rec[Int(order[k])] = Record(dist: .max, value: 0) }
            }
          }
        }
      }
    }
  }
}
