/// Which sources an all-sources hop search really needs.
///
/// Two exact reductions for unweighted shortest paths, both common in coauthorship
/// graphs (one paper's authors with no other coauthors are *closed twins*; a single
/// collaboration makes a *leaf*):
/// - Closed twins (N[a] = N[b]) have identical distances to every other node, equal
///   path counts, and never lie on each other's shortest paths, so one search from
///   the class representative stands for the whole class.
/// - A leaf s with non-leaf neighbor r sees the graph exactly as r does, one step
///   further: its Brandes dependencies equal r's on every v ∉ {s, r}, and r gets
///   reach(r) − 2.
///
/// Measured share of searches left (sources / nodes): ca-GrQc 62 %, ca-HepPh 70 %,
/// ca-AstroPh 76 %.
///
/// With lengths (`weighted`), both stay exact when the lengths are exact integers
/// (``_PathLengths``; with doubles a shifted sum can round differently and change a
/// tie networkx would see):
/// - Leaves, for any positive lengths: every path from a leaf s starts with its one
///   edge (s, r) of length ℓ, so d(s, t) = ℓ + d(r, t) and σ_st = σ_rt for every
///   t ≠ s (integer sums: the same ties), the shortest s–t paths are that edge followed
///   by the shortest r–t paths, and the r–s path has no interior node; hence
///   δ_s(v) = δ_r(v) for v ∉ {s, r} and δ_s(r) = reach(r) − 2, as with hops.
/// - Closed twins only when they also have equal weights to every third node (which
///   makes the weights inside a class equal too): then swapping two members is a
///   weight-preserving automorphism fixing every other node, and a member is never
///   on a shortest path from another (a detour through it is one edge longer).
///
/// Reference: A. E. Sariyüce, K. Kaya, E. Saule, Ü. V. Çatalyürek, "Graph
/// manipulations for fast centrality computation", ACM TKDD 11(3), 2017.
/// https://doi.org/10.1145/3022668
struct _SourcePlan: Sendable {
  /// Nodes to search from.
  var sources: [Int]
  /// Per node: how many sources a search from it stands for (class size + leaves);
  /// 0 for nodes that are not searched.
  var multiplicity: [Double]
  /// Per node: leaves hanging off it.
  var leaves: [Double]
  /// Per node: its closed-twin class representative (itself when alone).
  var representative: [Int]
}

extension Graph {
  /// Sources for hop searches; `includeLeaves` folds leaves into their neighbors
  /// (betweenness), otherwise only twins are merged (closeness, harmonic). `weighted`:
  /// twins must also have equal weights to every third node (exact integer lengths
  /// only; see above).
  func _sourcePlan(includeLeaves: Bool, weighted: Bool = false) -> _SourcePlan {
    let n = nodeCount
    var representative = Array(0..<n)
    var multiplicity = [Double](repeating: 1, count: n)
    var leaves = [Double](repeating: 0, count: n)
    // Closed neighborhoods, sorted, self-loops ignored.
    func closed(_ v: Int) -> [Int32] {
      var out: [Int32] = []
      out.reserveCapacity(neighborCount(of: v) + 1)
      var inserted = false
      for i in row(v) {
        let w = neighbors[i]
        if Int(w) == v { continue }
        if !inserted, Int(w) > v {
          out.append(Int32(v))
          inserted = true
        }
        out.append(w)
      }
      if !inserted { out.append(Int32(v)) }
      return out
    }
    // Equal weights to every third node (rows are sorted; self-loops skipped).
    func sameWeights(_ a: Int, _ b: Int) -> Bool {
      var i = offsets[a]
      var j = offsets[b]
      let ea = offsets[a + 1]
      let eb = offsets[b + 1]
      while true {
        while i < ea, Int(neighbors[i]) == a || Int(neighbors[i]) == b { i += 1 }
        while j < eb, Int(neighbors[j]) == a || Int(neighbors[j]) == b { j += 1 }
        if i == ea || j == eb { return i == ea && j == eb }
        if neighbors[i] != neighbors[j] || weights[i] != weights[j] { return false }
        i += 1
        j += 1
      }
    }
    var nonSelfDegree = [Int](repeating: 0, count: n)
    for v in 0..<n {
      for i in row(v) where Int(neighbors[i]) != v { nonSelfDegree[v] += 1 }
    }
    // Group by (degree, hash); confirm equality within a group.
    var groups: [UInt64: [Int]] = [:]
    for v in 0..<n where nonSelfDegree[v] > 0 {
      var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(nonSelfDegree[v])
      for w in closed(v) { h = (h ^ UInt64(UInt32(bitPattern: w))) &* 0x0000_0100_0000_01B3 }
      groups[h, default: []].append(v)
    }
    for (_, members) in groups where members.count > 1 {
      var remaining = members  // ascending: v was appended in order
      while let first = remaining.first {
        let key = closed(first)
        var rest: [Int] = []
        for v in remaining.dropFirst() {
          if closed(v) == key, !weighted || sameWeights(v, first) {
            representative[v] = first
            multiplicity[v] = 0
            multiplicity[first] += 1
          } else {
            rest.append(v)
          }
        }
        remaining = rest
      }
    }
    if includeLeaves {
      for s in 0..<n where nonSelfDegree[s] == 1 && multiplicity[s] == 1 {
        var r = -1
        for i in row(s) where Int(neighbors[i]) != s { r = Int(neighbors[i]) }
        guard r >= 0, nonSelfDegree[r] > 1 else { continue }
        multiplicity[s] = 0
        multiplicity[r] += 1
        leaves[r] += 1
      }
    }
    let sources = (0..<n).filter { multiplicity[$0] > 0 }
    return _SourcePlan(sources: sources, multiplicity: multiplicity, leaves: leaves, representative: representative)
  }
}
