import GraphKit

/// Writes an edge list: `u v weight` per edge with the dense node ids and nothing else
/// (igraph's `Graph.Read_Ncol` rejects comment lines), so networkx
/// `read_weighted_edgelist`, igraph `Read_Ncol(names=True, weights=True)` and
/// ``EdgeListReader`` read it. The labels are not in it: they are the `Label` of the
/// same ids in the nodes table (`coauthor run`) or in any labelled format; isolated
/// nodes are not in an edge list.
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: networkx `networkx/readwrite/edgelist.py`.
public enum EdgeListWriter {
  /// The graph as edge-list text.
  public static func text(_ g: Graph) -> String {
    var out = ""
    for (u, v, w) in g.edges { out += "\(u) \(v) \(formatNumber(w))\n" }
    return out
  }

  /// Writes ``text(_:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(_ g: Graph, to path: String) throws { try _FileOutput.write(text(g), to: path) }
}
