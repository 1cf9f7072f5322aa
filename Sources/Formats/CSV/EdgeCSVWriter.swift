import GraphKit

/// Writes the edges as a CSV table with Gephi's edge-table header `Source,Target,Weight`,
/// the node labels as Source and Target (Gephi's import
/// creates one node per distinct label), every text field through
/// ``Escaping/csvField(_:)`` (quoting, formula-prefix guard).
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: RFC 4180.
public enum EdgeCSVWriter {
  /// The edges as CSV text, header first.
  public static func text(_ g: Graph) -> String {
    var out = "Source,Target,Weight\n"
    for (u, v, w) in g.edges {
      out += Escaping.csvField(g.label(of: u)) + "," + Escaping.csvField(g.label(of: v)) + "," + formatNumber(w) + "\n"
    }
    return out
  }

  /// Writes ``text(_:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(_ g: Graph, to path: String) throws { try _FileOutput.write(text(g), to: path) }
}
