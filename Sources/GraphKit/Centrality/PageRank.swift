extension Graph {
  /// Computes weighted PageRank by power iteration.
  ///
  /// Each undirected edge is followed both ways; a random surfer at u moves to a
  /// neighbor v with probability w(u, v) / Σ w(u, ·) (a self-loop is one row entry),
  /// teleports uniformly with probability 1 − `damping`, and a node without edges
  /// ("dangling") sends its whole rank uniformly. Iteration starts from 1/n and stops
  /// when the L1 change is below n × `tolerance`, exactly as networkx
  /// `pagerank(G, alpha=0.85, weight="weight", tol=1e-6, max_iter=100)`; igraph
  /// `Graph.pagerank(weights=…)` solves the same system exactly (PRPACK).
  ///
  /// - Parameters:
  ///   - damping: Probability of following an edge (networkx `alpha`).
  ///   - weighted: Use edge weights (true) or treat every edge as weight 1.
  ///   - tolerance: Per-node convergence tolerance (networkx `tol`).
  ///   - maxIterations: Iteration limit (networkx `max_iter`).
  /// - Returns: One score per node, indexed by node id; the scores sum to 1.
  /// - Throws: ``ConvergenceError`` when `maxIterations` is reached first.
  /// - Precondition: 0 ≤ `damping` ≤ 1; weights non-negative when `weighted`.
  /// - Complexity: O(*m*) per iteration, O(*n*) extra memory.
  ///
  /// Reference: L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation
  /// ranking", Stanford InfoLab 1999-66. http://ilpubs.stanford.edu:8090/422/
  public func pageRank(
    damping: Double = 0.85, weighted: Bool = true, tolerance: Double = 1e-6,
    maxIterations: Int = 100
  ) throws(ConvergenceError) -> [Double] {
    precondition((0...1).contains(damping), "damping must lie in [0, 1]")
    precondition(!weighted || weights.allSatisfy { $0 >= 0 }, "weights must not be negative")
    let n = nodeCount
    guard n > 0 else { return [] }
    // Row-normalised transition weights.
    var outStrength = [Double](repeating: 0, count: n)
    var transition = weighted ? weights : [Double](repeating: 1, count: neighbors.count)
    for u in 0..<n {
      var s = 0.0
      for i in row(u) { s += transition[i] }
      outStrength[u] = s
      if s != 0 { for i in row(u) { transition[i] /= s } }
    }
    let dangling = (0..<n).filter { outStrength[$0] == 0 }
    let uniform = 1.0 / Double(n)
    var x = [Double](repeating: uniform, count: n)
    var next = [Double](repeating: 0, count: n)
    var change = 0.0
    for _ in 0..<maxIterations {
      var danglingSum = 0.0
      for u in dangling { danglingSum += x[u] }
      // x·A, pushed row by row (A is symmetric in structure; transition is per row).
      for i in 0..<n { next[i] = 0 }
      for u in 0..<n {
        let xu = x[u]
        for i in row(u) { next[Int(neighbors[i])] += xu * transition[i] }
      }
      let base = damping * danglingSum * uniform + (1 - damping) * uniform
      change = 0
      for i in 0..<n {
        let value = damping * next[i] + base
        change += abs(value - x[i])
        next[i] = value
      }
      swap(&x, &next)
      if change < Double(n) * tolerance { return x }
    }
    throw ConvergenceError(
      method: "pageRank", iterations: maxIterations, tolerance: tolerance, lastChange: change)
  }
}
