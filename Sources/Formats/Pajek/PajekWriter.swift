import Foundation
import GraphKit

/// Writes Pajek `.net`: `*Vertices n` with 1-based ids and quoted labels (quotes become
/// apostrophes, line breaks spaces, backslashes doubled: ``Escaping/pajekLabel(_:)``), then `*Edges` with weights.
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: V. Batagelj and A. Mrvar, "Pajek: Reference Manual" (5.x), §"Input
/// file formats"; networkx `networkx/readwrite/pajek.py`.
public enum PajekWriter {
  /// The graph as Pajek text.
  public static func text(_ g: Graph) -> String {
    var out = "*Vertices \(g.nodeCount)\n"
    for u in 0..<g.nodeCount {
      let label = Escaping.pajekLabel(g.label(of: u))
      out += "\(u + 1) \"\(label)\"\n"
    }
    out += "*Edges\n"
    for (u, v, w) in g.edges { out += "\(u + 1) \(v + 1) \(formatNumber(w))\n" }
    return out
  }

  /// Writes ``text(_:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(_ g: Graph, to path: String) throws { try _FileOutput.write(text(g), to: path) }
}
