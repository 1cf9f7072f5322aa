/// Per-worker scratch that draws one uniformly random shortest s–t path (hops) by a
/// *balanced bidirectional* breadth-first search, as KADABRA does.
///
/// Both ends grow one whole level at a time; each step expands the side whose frontier
/// has the smaller total degree. When a level of side X reaches nodes already seen by
/// side Y, the two balls were disjoint before the step, so every such node w lies at
/// distance d_X (the new level) from X's end and d_Y (Y's frontier level) from Y's end,
/// d(s, t) = d_X + d_Y, and the s–t shortest paths through w number σ_X(w)·σ_Y(w).
/// Choosing w in proportion to that product and then walking back to each end, choosing
/// every predecessor in proportion to its σ, picks each shortest path with probability
/// 1/σ_st — the same distribution as a one-sided search, while touching far fewer edges
/// on small-world graphs (each side stops near half the distance).
///
/// Reference: M. Borassi, E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness
/// via Random Approximation", ESA 2016 / ACM JEA 24, 2019, §4 (balanced bidirectional
/// BFS). https://doi.org/10.1145/3284359
final class _BidirectionalSampler {
  /// One search side: levels, path counts and the visited nodes in BFS order.
  struct Side: ~Copyable {
    let level: _ScratchBuffer<Int32>
    let sigma: _ScratchBuffer<Double>
    let visited: _ScratchBuffer<Int32>
    var count = 0
    var frontierStart = 0
    var depth: Int32 = 0
    var frontierDegree = 0

    init(nodeCount n: Int) {
      level = _ScratchBuffer(repeating: -1, count: n)
      sigma = _ScratchBuffer(repeating: 0, count: n)
      visited = _ScratchBuffer(repeating: 0, count: n)
    }

    mutating func start(at v: Int, degree: Int) {
      level[v] = 0
      sigma[v] = 1
      visited[0] = Int32(truncatingIfNeeded: v)
      count = 1
      frontierStart = 0
      depth = 0
      frontierDegree = degree
    }

    /// Expands the whole frontier by one level; returns whether a new node was already
    /// seen by `other`.
    mutating func expand(_ g: _CSR, meeting other: borrowing Side) -> Bool {
      let off = g.offsets
      let nbr = g.neighbors
      let end = count
      let next = depth + 1
      var met = false
      var degree = 0
      for k in frontierStart..<end {
        let v = Int(visited[k])
        let sv = sigma[v]
        for i in off[v]..<off[v + 1] {
          let w = Int(nbr[i])
          let lw = level[w]
          if lw < 0 {
            level[w] = next
            sigma[w] = sv
            visited[count] = Int32(truncatingIfNeeded: w)
            count += 1
            degree += off[w + 1] - off[w]
            if other.level[w] >= 0 { met = true }
          } else if lw == next {
            sigma[w] += sv
          }
        }
      }
      frontierStart = end
      depth = next
      frontierDegree = degree
      return met
    }

    /// Walks from `w` back to this side's start, choosing each predecessor with
    /// probability σ(v)/σ(w), and counts the nodes passed (not `w`, not the start).
    func walkBack(
      _ g: _CSR, from w: Int, _ rng: inout SplitMix64, _ counts: inout [Double]
    ) {
      var w = w
      while level[w] > 1 {
        let target = rng.nextDouble() * sigma[w]
        let previous = level[w] - 1
        var cumulative = 0.0
        var chosen = -1
        for i in g.offsets[w]..<g.offsets[w + 1] {
          let v = Int(g.neighbors[i])
          guard level[v] == previous else { continue }
          chosen = v
          cumulative += sigma[v]
          if cumulative > target { break }
        }
        precondition(chosen >= 0, "a node below level 1 has a predecessor")
        counts[chosen] += 1
        w = chosen
      }
    }

    mutating func reset() {
      for k in 0..<count {
        let v = Int(visited[k])
        level[v] = -1
        sigma[v] = 0
      }
      count = 0
    }
  }

  var fromSource: Side
  var fromTarget: Side

  init(nodeCount n: Int) {
    fromSource = Side(nodeCount: n)
    fromTarget = Side(nodeCount: n)
  }

  /// Draws one shortest s–t path uniformly at random and adds 1 to `counts` for each of
  /// its interior nodes; adds nothing when t is unreachable from s (or s = t).
  func sample(
    _ g: _CSR, source s: Int, target t: Int, _ rng: inout SplitMix64, _ counts: inout [Double]
  ) {
    guard s != t else { return }
    fromSource.start(at: s, degree: g.offsets[s + 1] - g.offsets[s])
    fromTarget.start(at: t, degree: g.offsets[t + 1] - g.offsets[t])
    defer {
      fromSource.reset()
      fromTarget.reset()
    }
    var expandedSource: Bool
    while true {
      let sourceOpen = fromSource.frontierStart < fromSource.count
      let targetOpen = fromTarget.frontierStart < fromTarget.count
      guard sourceOpen, targetOpen else { return }  // a side ran out: disconnected
      expandedSource = fromSource.frontierDegree <= fromTarget.frontierDegree
      let met =
        expandedSource
        ? fromSource.expand(g, meeting: fromTarget) : fromTarget.expand(g, meeting: fromSource)
      if met { break }
    }
    if expandedSource {
      Self.finish(g, grown: fromSource, other: fromTarget, s, t, &rng, &counts)
    } else {
      Self.finish(g, grown: fromTarget, other: fromSource, s, t, &rng, &counts)
    }
  }

  /// Picks the meeting node of a sample (in proportion to σ_X(w)·σ_Y(w) over the new
  /// level of `grown` that `other` has seen) and walks back from it to both ends.
  private static func finish(
    _ g: _CSR, grown: borrowing Side, other: borrowing Side, _ s: Int, _ t: Int,
    _ rng: inout SplitMix64, _ counts: inout [Double]
  ) {
    // Meeting nodes: the new level of `grown` that `other` has seen.
    var total = 0.0
    for k in grown.frontierStart..<grown.count {
      let w = Int(grown.visited[k])
      if other.level[w] >= 0 { total += grown.sigma[w] * other.sigma[w] }
    }
    let pick = rng.nextDouble() * total
    var cumulative = 0.0
    var meeting = -1
    for k in grown.frontierStart..<grown.count {
      let w = Int(grown.visited[k])
      guard other.level[w] >= 0 else { continue }
      meeting = w
      cumulative += grown.sigma[w] * other.sigma[w]
      if cumulative > pick { break }
    }
    precondition(meeting >= 0, "the sides met at some node")
    if meeting != s && meeting != t { counts[meeting] += 1 }
    grown.walkBack(g, from: meeting, &rng, &counts)
    other.walkBack(g, from: meeting, &rng, &counts)
  }
}
