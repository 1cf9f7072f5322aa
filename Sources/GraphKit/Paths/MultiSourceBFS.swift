/// Hop-distance statistics per source, computed 64 sources at a time.
struct _HopStatistics: Sendable {
  /// Nodes reached, the source excluded.
  var reached: [Int]
  /// Sum of hop distances to the reached nodes.
  var totalDistance: [Int]
  /// Σ 1/d over the reached nodes (added in discovery order).
  var harmonic: [Double]
  /// Largest hop distance to a reached node.
  var eccentricity: [Int]
}

extension Graph {
  /// Breadth-first searches from every node of `sources`, run as bit-parallel
  /// multi-source BFS: one 64-bit word per node marks which of 64 sources have seen it,
  /// so one scan of a frontier node's edges serves all 64 searches. Results are exact
  /// integers (and, for `harmonic`, sums in a fixed order): deterministic on any core
  /// count.
  ///
  /// - Complexity: O(*k*/64 · *L* · *m*) word operations for *k* sources and BFS depth
  ///   *L*, plus O(*k* *n*) bit events; O(*n*) extra memory per worker.
  ///
  /// Reference: M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper,
  /// T. Neumann, H. T. Vo, "The more the merrier: efficient multi-source graph
  /// traversal", PVLDB 8(4), 2014. https://doi.org/10.14778/2735496.2735507
  func _hopStatistics(sources: [Int], workers: Int? = nil) -> _HopStatistics {
    let n = nodeCount
    let k = sources.count
    let reached = _SharedOutput<Int>(repeating: 0, count: k)
    let total = _SharedOutput<Int>(repeating: 0, count: k)
    let harmonic = _SharedOutput<Double>(repeating: 0, count: k)
    let eccentricity = _SharedOutput<Int>(repeating: 0, count: k)
    let batches = (k + 63) / 64
    _withCSR(distance: .hops) { csr in
      _Blocks.forEach(
        itemCount: batches, workers: workers, makeScratch: { _MultiSourceScratch(nodeCount: n) }
      ) { scratch, items in
        for batch in items {
          let first = batch * 64
          let last = min(first + 64, k)
          scratch.run(csr, sources: sources[first..<last])
          for b in 0..<(last - first) {
            let statistics = scratch.statistics[b]
            reached[first + b] = statistics.reached
            total[first + b] = statistics.totalDistance
            harmonic[first + b] = statistics.harmonic
            eccentricity[first + b] = statistics.eccentricity
          }
        }
      }
    }
    return _HopStatistics(
      reached: reached.array, totalDistance: total.array, harmonic: harmonic.array,
      eccentricity: eccentricity.array)
  }
}

/// Per-worker buffers for ``Graph/_hopStatistics(sources:workers:)``.
final class _MultiSourceScratch {
  /// What one batch learns about one of its (at most 64) sources.
  struct SourceStatistics {
    var reached = 0
    var totalDistance = 0
    var harmonic = 0.0
    var eccentricity = 0
  }

  let n: Int
  let seen: _ScratchBuffer<UInt64>
  let visit: _ScratchBuffer<UInt64>
  let next: _ScratchBuffer<UInt64>
  // Stored as `let` buffers / swapped-out arrays: class `var` properties pay a dynamic
  // exclusivity check per access, which perf showed at 70 % of the run time.
  private var frontierStorage: [Int32] = []
  private var candidateStorage: [Int32] = []
  /// Indexed by the source's bit in the batch.
  let statistics = _ScratchBuffer(repeating: SourceStatistics(), count: 64)

  init(nodeCount: Int) {
    n = nodeCount
    seen = _ScratchBuffer(repeating: 0, count: n)
    visit = _ScratchBuffer(repeating: 0, count: n)
    next = _ScratchBuffer(repeating: 0, count: n)
  }

  func run(_ g: _CSR, sources: ArraySlice<Int>) {
    let off = g.offsets
    let nbr = g.neighbors
    var frontier = frontierStorage
    var candidates = candidateStorage
    frontierStorage = []
    candidateStorage = []
    defer {
      frontierStorage = frontier
      candidateStorage = candidates
    }
    statistics.reset(to: SourceStatistics())
    seen.reset(to: 0)
    seen.withUnsafeMutableBufferPointer { seen in
      visit.withUnsafeMutableBufferPointer { visit in
        next.withUnsafeMutableBufferPointer { next in
          statistics.withUnsafeMutableBufferPointer { statistics in
            frontier.removeAll(keepingCapacity: true)
            for (b, s) in sources.enumerated() {
              let bit = UInt64(1) << UInt64(b)
              if seen[s] == 0 { frontier.append(Int32(s)) }
              seen[s] |= bit
              visit[s] |= bit
            }
            var level = 0
            while !frontier.isEmpty {
              level += 1
              candidates.removeAll(keepingCapacity: true)
              for v32 in frontier {
                let v = Int(v32)
                let bits = visit[v]
                visit[v] = 0
                for i in off[v]..<off[v + 1] {
                  let w = Int(nbr[i])
                  let before = next[w]
                  if before == 0 { candidates.append(Int32(w)) }
                  next[w] = before | bits
                }
              }
              frontier.removeAll(keepingCapacity: true)
              let inverse = 1.0 / Double(level)
              for w32 in candidates {
                let w = Int(w32)
                let fresh = next[w] & ~seen[w]
                next[w] = 0
                guard fresh != 0 else { continue }
                seen[w] |= fresh
                visit[w] = fresh
                frontier.append(w32)
                var rest = fresh
                while rest != 0 {
                  let b = rest.trailingZeroBitCount
                  rest &= rest - 1
                  statistics[b].reached += 1
                  statistics[b].totalDistance += level
                  statistics[b].harmonic += inverse
                  statistics[b].eccentricity = level
                }
              }
            }
          }
        }
      }
    }
  }
}
