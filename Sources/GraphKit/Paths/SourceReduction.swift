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
/// ca-AstroPh 76 %. Only used with `.hops`: with lengths, a shifted sum can round
/// differently and change a tie networkx would see.
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
  /// (betweenness), otherwise only twins are merged (closeness, harmonic).
  func _sourcePlan(includeLeaves: Bool) -> _SourcePlan {
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
          if closed(v) == key {
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
