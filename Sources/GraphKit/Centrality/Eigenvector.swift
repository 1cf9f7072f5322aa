extension Graph {
  /// Computes eigenvector centrality by power iteration on A + I.
  ///
  /// The score of a node is proportional to the weighted sum of its neighbors'
  /// scores: the principal eigenvector of the weighted adjacency matrix A, scaled to
  /// unit Euclidean norm (networkx's scale; igraph `scale=True` divides by the maximum
  /// instead — divide by `scores.max()` to compare).
  ///
  /// - ``Convergence/fixedPoint`` (the default): the leading eigenvector, as igraph
  ///   `Graph.eigenvector_centrality(weights=…, scale=True)` (ARPACK) to 10⁻⁹ on the
  ///   max = 1 scale (tested on ca-GrQc and ca-AstroPh). On a disconnected graph A's
  ///   leading eigenvector lives on the *leading component*, the one with the largest
  ///   eigenvalue (usually, not always, the largest component): it is computed there and
  ///   every other node scores exactly 0. igraph returns the same vector with
  ///   round-off (about 10⁻¹⁷) in place of the zeros and a warning. Only components whose
  ///   eigenvalue can reach the leading one (Gershgorin bound, max strength, against the
  ///   Rayleigh bounds mean strength and √Σw² of the best node) are iterated; if two
  ///   components tie, the one holding the highest score after convergence is kept.
  ///   A graph without edges scores 1/√n everywhere.
  /// - ``Convergence/networkx``: networkx `eigenvector_centrality(G, weight="weight",
  ///   max_iter=100, tol=1e-6)` exactly: start from 1/n on every node, stop when the L1
  ///   change is below n × 10⁻⁶. Nodes outside the leading component keep the small
  ///   values they have decayed to when it stops.
  ///
  /// - Parameters:
  ///   - weighted: Use edge weights (true) or treat every edge as weight 1.
  ///   - convergence: When to stop.
  /// - Returns: Scores of unit Euclidean norm, the iteration count, the last L1 change
  ///   and a description of the method.
  /// - Throws: ``ConvergenceError`` when `convergence.maxIterations` is reached first.
  /// - Complexity: O(*m*) per iteration (130–160 iterations to the fixed point on the
  ///   SNAP coauthor graphs), O(*n*) extra memory.
  ///
  /// Reference: P. Bonacich, "Factoring and weighting approaches to status scores and
  /// clique identification", J. Math. Sociol. 2(1), 1972.
  /// https://doi.org/10.1080/0022250X.1972.9989806
  public func eigenvectorCentrality(
    weighted: Bool = true, convergence: Convergence = .fixedPoint
  ) throws(ConvergenceError) -> IterativeScores {
    let n = nodeCount
    let exact = convergence.isFixedPoint
    let method = "eigenvector centrality (\(weighted ? "weighted" : "unweighted"), unit Euclidean norm), "
      + (exact
        ? "power iteration on A + I to the fixed point on the leading component, other components 0 (as igraph ARPACK)"
        : "power iteration on A + I, " + convergence.description + " (networkx eigenvector_centrality)")
    guard n > 0 else {
      return IterativeScores(scores: [], iterations: 0, residual: 0, convergence: convergence, method: method)
    }
    let weightOf: (Int) -> Double = weighted ? { self.weights[$0] } : { _ in 1 }
    var x = [Double](repeating: 1.0 / Double(n), count: n)
    var labels: [Int] = []
    if exact {
      var strength = [Double](repeating: 0, count: n)
      var starBound = [Double](repeating: 0, count: n)
      for u in 0..<n {
        var s = 0.0
        var q = 0.0
        for i in row(u) {
          let w = weightOf(i)
          s += w
          q += w * w
        }
        strength[u] = s
        starBound[u] = q.squareRoot()
      }
      guard strength.contains(where: { $0 > 0 }) else {
        let value = 1 / Double(n).squareRoot()
        return IterativeScores(
          scores: [Double](repeating: value, count: n), iterations: 0, residual: 0,
          convergence: convergence, method: method)
      }
      let components = _componentLabels()
      labels = components.labels
      let c = components.sizes.count
      var upper = [Double](repeating: 0, count: c)
      var total = [Double](repeating: 0, count: c)
      var lower = [Double](repeating: 0, count: c)
      for u in 0..<n {
        let k = labels[u]
        upper[k] = max(upper[k], strength[u])
        total[k] += strength[u]
        lower[k] = max(lower[k], starBound[u])
      }
      var best = 0.0
      for k in 0..<c { best = max(best, lower[k], total[k] / Double(components.sizes[k])) }
      // Components whose eigenvalue may be the largest start at 1/n, the others at 0
      // (and stay there: (A + I) maps them to 0).
      for u in 0..<n where upper[labels[u]] < best { x[u] = 0 }
    }
    var next = x
    var change = 0.0
    var monitor = Convergence._Monitor(convergence, nodeCount: n)
    for iteration in 1...convergence.maxIterations {
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
      if monitor.done(after: change) {
        if exact, let top = x.indices.max(by: { x[$0] < x[$1] }) {
          // Keep the leading component only (a tie between components' eigenvalues is
          // the one case where another one still holds weight).
          let keep = labels[top]
          var squares = 0.0
          for v in 0..<n {
            if labels[v] != keep { x[v] = 0 }
            squares += x[v] * x[v]
          }
          let norm = squares.squareRoot()
          if norm > 0, norm != 1 { for v in 0..<n { x[v] /= norm } }
        }
        return IterativeScores(
          scores: x, iterations: iteration, residual: change, convergence: convergence, method: method)
      }
    }
    throw ConvergenceError(
      method: "eigenvectorCentrality", iterations: convergence.maxIterations,
      tolerance: convergence.tolerance, lastChange: change)
  }
}
