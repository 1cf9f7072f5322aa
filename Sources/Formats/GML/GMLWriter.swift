import GraphKit

/// Writes GML: `graph [ directed 0 node [ id label … ] edge [ source target weight ] ]`,
/// node attributes as further keys (booleans as 1/0) (``Escaping/gmlKey(_:)``), reals always with a
/// decimal point so they stay reals, strings through ``Escaping/gmlString(_:)``.
///
/// networkx (`read_gml(label="id")`), igraph and Gephi read it; ``GMLReader`` reads it
/// back.
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: M. Himsolt, "GML: A portable Graph File Format", 1997; networkx
/// `networkx/readwrite/gml.py`.
public enum GMLWriter {
  /// The graph as GML text.
  public static func text(_ g: Graph, attributes a: NodeAttributes = NodeAttributes()) -> String {
    var out = "graph [\n  directed 0\n"
    for u in 0..<g.nodeCount {
      out += "  node [\n    id \(u)\n    label \(Escaping.gmlString(g.label(of: u)))\n"
      for (name, values) in a.integers { out += "    \(Escaping.gmlKey(name)) \(values[u])\n" }
      for (name, values) in a.reals { out += "    \(Escaping.gmlKey(name)) \(real(values[u]))\n" }
      for (name, values) in a.booleans { out += "    \(Escaping.gmlKey(name)) \(values[u] ? 1 : 0)\n" }
      for (name, values) in a.strings { out += "    \(Escaping.gmlKey(name)) \(Escaping.gmlString(values[u]))\n" }
      out += "  ]\n"
    }
    for (u, v, w) in g.edges {
      out += "  edge [\n    source \(u)\n    target \(v)\n    weight \(real(w))\n  ]\n"
    }
    return out + "]\n"
  }

  /// Writes ``text(_:attributes:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(_ g: Graph, attributes: NodeAttributes = NodeAttributes(), to path: String) throws {
    try _FileOutput.write(text(g, attributes: attributes), to: path)
  }

  /// GML reals need a decimal point to stay reals.
  static func real(_ x: Double) -> String {
    let s = formatNumber(x)
    return s.contains(".") || !x.isFinite ? s : s + ".0"
  }
}
