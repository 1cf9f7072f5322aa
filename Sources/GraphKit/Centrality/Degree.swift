extension Graph {
  /// The degree of every node: the number of incident edges, a self-loop counting twice.
  ///
  /// networkx `G.degree()`; igraph `Graph.degree(loops=True)`.
  ///
  /// - Returns: One degree per node, indexed by node id.
  /// - Complexity: O(*n* + *m*) time, O(*n*) memory.
  public func degree() -> [Int] {
    (0..<nodeCount).map { u in
      var d = 0
      for i in row(u) { d += Int(neighbors[i]) == u ? 2 : 1 }
      return d
    }
  }

  /// The strength (weighted degree) of every node: the sum of incident edge weights,
  /// a self-loop counting twice.
  ///
  /// networkx `G.degree(weight="weight")`; igraph `Graph.strength(weights="weight")`.
  ///
  /// - Returns: One strength per node, indexed by node id.
  /// - Complexity: O(*n* + *m*) time, O(*n*) memory.
  public func strength() -> [Double] {
    (0..<nodeCount).map { u in
      var s = 0.0
      for i in row(u) { s += Int(neighbors[i]) == u ? 2 * weights[i] : weights[i] }
      return s
    }
  }

  /// Degree centrality: degree / (n − 1).
  ///
  /// networkx `degree_centrality(G)` (all ones when n ≤ 1).
  ///
  /// - Returns: One score per node, indexed by node id.
  /// - Complexity: O(*n* + *m*) time, O(*n*) memory.
  public func degreeCentrality() -> [Double] {
    let n = nodeCount
    guard n > 1 else { return [Double](repeating: 1, count: n) }
    let scale = 1.0 / Double(n - 1)
    return degree().map { Double($0) * scale }
  }
}
