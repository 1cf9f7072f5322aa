import GraphKit

/// Writes METIS: the header `n m [fmt]`, then one line per vertex listing its neighbors
/// 1-based, each edge from both ends. METIS weights are positive integers: they are
/// written (`fmt` 1) when every weight is one, and the graph cannot be written when a
/// weight is fractional or below 1; self-loops are left out (METIS has none).
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: G. Karypis, "METIS Manual 5.1.0", 2013, §4.1.1.
public enum METISWriter {
  /// The graph as METIS text, or nil when a weight is not a positive integer.
  public static func text(_ g: Graph) -> String? {
    guard g.weights.allSatisfy({ $0 >= 1 && $0 == $0.rounded() && $0 < 1e15 }) else { return nil }
    let weighted = !g.isUnweighted
    let edges = g.edgeCount - g.selfLoopCount
    var out = "\(g.nodeCount) \(edges)" + (weighted ? " 1" : "") + "\n"
    for u in 0..<g.nodeCount {
      var fields: [String] = []
      for k in g.row(u) where Int(g.neighbors[k]) != u {
        fields.append(String(g.neighbors[k] + 1))
        if weighted { fields.append(String(Int64(g.weights[k]))) }
      }
      out += fields.joined(separator: " ") + "\n"
    }
    return out
  }
}
