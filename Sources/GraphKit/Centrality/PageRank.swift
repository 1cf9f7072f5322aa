extension Graph {
  /// Computes weighted PageRank by power iteration.
  ///
  /// Each undirected edge is followed both ways; a random surfer at u moves to a
  /// neighbor v with probability w(u, v) / Σ w(u, ·) (a self-loop is one row entry),
  /// teleports uniformly with probability 1 − `damping`, and a node without edges
  /// ("dangling", e.g. isolated) sends its whole rank uniformly to every node — igraph's
  /// and networkx's convention. On a disconnected graph this is still one system over
  /// all nodes: the teleport links the components, and every score is positive.
  ///
  /// Iteration starts from 1/n. With ``Convergence/fixedPoint`` (the default) it runs to
  /// the fixed point and equals igraph `Graph.pagerank(weights=…, damping=0.85)`
  /// (PRPACK, an exact solver) to 10⁻⁹ relative on every node (tested on ca-GrQc and
  /// ca-AstroPh); the error after stopping is at most residual × damping/(1 − damping).
  /// With ``Convergence/networkx`` it stops when the L1 change is below n × 10⁻⁶,
  /// exactly as networkx `pagerank(G, alpha=0.85, weight="weight", tol=1e-6, max_iter=100)`.
  ///
  /// - Parameters:
  ///   - damping: Probability of following an edge (networkx `alpha`).
  ///   - weighted: Use edge weights (true) or treat every edge as weight 1.
  ///   - convergence: When to stop.
  /// - Returns: Scores summing to 1, the iteration count, the last L1 change and a
  ///   description of the method.
  /// - Throws: ``ConvergenceError`` when `convergence.maxIterations` is reached first.
  /// - Precondition: 0 ≤ `damping` ≤ 1; weights non-negative when `weighted`.
  /// - Complexity: O(*m*) per iteration (about log(n·10⁻¹⁵)/log(damping) ≈ 140–200
  ///   iterations to the fixed point at 0.85), O(*n* + *m*) extra memory.
  ///
  /// Reference: L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation
  /// ranking", Stanford InfoLab 1999-66. http://ilpubs.stanford.edu:8090/422/
  public func pageRank(
    damping: Double = 0.85, weighted: Bool = true, convergence: Convergence = .fixedPoint
  ) throws(ConvergenceError) -> IterativeScores {
    precondition((0...1).contains(damping), "damping must lie in [0, 1]")
    precondition(!weighted || weights.allSatisfy { $0 >= 0 }, "weights must not be negative")
    let n = nodeCount
    let method = "PageRank (damping \(damping), \(weighted ? "weighted" : "unweighted")), power iteration "
      + (convergence.isFixedPoint
        ? "to the fixed point (as igraph PRPACK)" : convergence.description + " (networkx pagerank)")
    guard n > 0 else {
      return IterativeScores(scores: [], iterations: 0, residual: 0, convergence: convergence, method: method)
    }
    // Row-normalised transition weights.
    var transition = weighted ? weights : [Double](repeating: 1, count: neighbors.count)
    var dangling: [Int] = []
    for u in 0..<n {
      var s = 0.0
      for i in row(u) { s += transition[i] }
      if s != 0 { for i in row(u) { transition[i] /= s } } else { dangling.append(u) }
    }
    let uniform = 1.0 / Double(n)
    var x = [Double](repeating: uniform, count: n)
    var next = [Double](repeating: 0, count: n)
    var change = 0.0
    var monitor = Convergence._Monitor(convergence, nodeCount: n)
    for iteration in 1...convergence.maxIterations {
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
      if monitor.done(after: change) {
        return IterativeScores(
          scores: x, iterations: iteration, residual: change, convergence: convergence, method: method)
      }
    }
    throw ConvergenceError(
      method: "pageRank", iterations: convergence.maxIterations, tolerance: convergence.tolerance,
      lastChange: change)
  }
}
