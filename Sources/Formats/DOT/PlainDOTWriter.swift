import GraphKit
import Graphviz

/// Writes a plain, unstyled DOT graph (`graph { n0 [label=…] … n0 -- n1 [weight=…] }`)
/// through the Graphviz layer's `DOTDocument`, which escapes labels and generates ids.
/// Styled figures are CoauthorAnalysis's `NetworkFigure`.
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: Graphviz, "The DOT Language", graphviz.org/doc/info/lang.html.
public enum PlainDOTWriter {
  /// The graph as DOT text.
  public static func text(_ g: Graph) -> String {
    var doc = DOTDocument(directed: false)
    for u in 0..<g.nodeCount { doc.addNode([.label(g.label(of: u))]) }
    for (u, v, w) in g.edges { doc.addEdge(from: u, to: v, [.weight(w)]) }
    return doc.text
  }

  /// Writes ``text(_:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(_ g: Graph, to path: String) throws { try _FileOutput.write(text(g), to: path) }
}
