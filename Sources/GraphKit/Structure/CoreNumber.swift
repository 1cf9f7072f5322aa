extension Graph {
  /// The core number (coreness) of every node: the largest k such that the node
  /// belongs to a subgraph where every node has degree ≥ k.
  ///
  /// Self-loops are ignored (networkx `core_number` refuses graphs with self-loops;
  /// igraph `Graph.coreness()` ignores them too). Weights are ignored.
  /// networkx `core_number(G)`; igraph `Graph.coreness(mode="all")`.
  ///
  /// - Returns: One core number per node, indexed by node id.
  /// - Complexity: O(*n* + *m*) time and extra memory (bucket sort).
  ///
  /// Reference: V. Batagelj, M. Zaveršnik, "An O(m) algorithm for cores decomposition
  /// of networks", 2003. https://arxiv.org/abs/cs/0310049
  public func coreNumber() -> [Int] {
    let n = nodeCount
    guard n > 0 else { return [] }
    var deg = [Int](repeating: 0, count: n)
    var maxDeg = 0
    for u in 0..<n {
      var d = 0
      for i in row(u) where Int(neighbors[i]) != u { d += 1 }
      deg[u] = d
      maxDeg = max(maxDeg, d)
    }
    var binStart = [Int](repeating: 0, count: maxDeg + 1)
    for d in deg { binStart[d] += 1 }
    var start = 0
    for d in 0...maxDeg {
      let count = binStart[d]
      binStart[d] = start
      start += count
    }
    var position = [Int](repeating: 0, count: n)
    var vertices = [Int](repeating: 0, count: n)
    for u in 0..<n {
      position[u] = binStart[deg[u]]
      vertices[position[u]] = u
      binStart[deg[u]] += 1
    }
    for d in stride(from: maxDeg, to: 0, by: -1) { binStart[d] = binStart[d - 1] }
    binStart[0] = 0
    for i in 0..<n {
      let v = vertices[i]
      for k in row(v) {
        let u = Int(neighbors[k])
        if u == v || deg[u] <= deg[v] { continue }
        let du = deg[u]
        let pu = position[u]
        let pw = binStart[du]
        let w = vertices[pw]
        if u != w {
          position[u] = pw
          vertices[pu] = w
          position[w] = pu
          vertices[pw] = u
        }
        binStart[du] += 1
        deg[u] -= 1
      }
    }
    return deg
  }
}
