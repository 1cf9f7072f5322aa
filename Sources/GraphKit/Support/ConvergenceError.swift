/// An iterative method (PageRank, eigenvector centrality) stopped at its iteration
/// limit before meeting its tolerance.
///
/// networkx raises `PowerIterationFailedConvergence(num_iterations)` in the same case.
public struct ConvergenceError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The method that did not converge, e.g. "pageRank".
  public var method: String
  /// Iterations performed (the limit).
  public var iterations: Int
  /// The tolerance that was asked for (per node, as in networkx).
  public var tolerance: Double
  /// The change in the last iteration (L1 norm), for comparison with
  /// `nodeCount × tolerance`.
  public var lastChange: Double

  public var description: String {
    "\(method) did not converge in \(iterations) iterations "
      + "(last L1 change \(lastChange), tolerance \(tolerance) per node)"
  }
}
