extension Graph {
  /// Computes eigenvector centrality by power iteration on A + I.
  ///
  /// The score of a node is proportional to the weighted sum of its neighbors'
  /// scores (the principal eigenvector of the weighted adjacency matrix). As networkx
  /// `eigenvector_centrality(G, weight="weight", max_iter=100, tol=1e-6)`: start from
  /// 1/n everywhere, iterate x ← (A + I)x, scale to unit Euclidean norm, stop when the
  /// L1 change is below n × `tolerance`. igraph `Graph.eigenvector_centrality()` scales
  /// the maximum to 1 instead; divide by the norm to compare.
  ///
  /// - Parameters:
  ///   - weighted: Use edge weights (true) or treat every edge as weight 1.
  ///   - tolerance: Per-node convergence tolerance (networkx `tol`).
  ///   - maxIterations: Iteration limit (networkx `max_iter`).
  /// - Returns: One score per node (unit Euclidean norm), indexed by node id.
  /// - Throws: ``ConvergenceError`` when `maxIterations` is reached first.
  /// - Complexity: O(*m*) per iteration, O(*n*) extra memory.
  ///
  /// Reference: P. Bonacich, "Factoring and weighting approaches to status scores and
  /// clique identification", J. Math. Sociol. 2(1), 1972.
  /// https://doi.org/10.1080/0022250X.1972.9989806
  public func eigenvectorCentrality(
    weighted: Bool = true, tolerance: Double = 1e-6, maxIterations: Int = 100
  ) throws(ConvergenceError) -> [Double] {
    let n = nodeCount
    guard n > 0 else { return [] }
    var x = [Double](repeating: 1.0 / Double(n), count: n)
    var next = x
    var change = 0.0
    for _ in 0..<maxIterations {
      for v in 0..<n {
        var s = x[v]
        if weighted {
          for i in row(v) { s += x[Int(neighbors[i])] * weights[i] }
        } else {
          for i in row(v) { s += x[Int(neighbors[i])] }
        }
        next[v] = s
      }
      var squares = 0.0
      for v in 0..<n { squares += next[v] * next[v] }
      var norm = squares.squareRoot()
      if norm == 0 { norm = 1 }
      change = 0
      for v in 0..<n {
        next[v] /= norm
        change += abs(next[v] - x[v])
      }
      swap(&x, &next)
      if change < Double(n) * tolerance { return x }
    }
    throw ConvergenceError(
      method: "eigenvectorCentrality", iterations: maxIterations, tolerance: tolerance,
      lastChange: change)
  }
}
