import GraphKit

/// Writes GraphML: a `label` key, one typed key per node attribute (`long`, `double`,
/// `boolean`, `string`), and a `weight` key on edges whose `<desc>` says what the weight means.
/// Nodes are `n0`, `n1`, … (the dense node ids); names go only into labels.
///
/// networkx (`read_graphml`), igraph, Gephi and yEd read it with labels, attribute types
/// and weights intact.
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: GraphML Primer, graphml.graphdrawing.org/primer; networkx
/// `networkx/readwrite/graphml.py`.
public enum GraphMLWriter {
  /// The graph as a GraphML document.
  public static func text(
    _ g: Graph, attributes a: NodeAttributes = NodeAttributes(), weightMeaning: String = "weight"
  ) -> String {
    var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    out += #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"# + "\n"
    out += #"  <key id="label" for="node" attr.name="label" attr.type="string"/>"# + "\n"
    for (i, (name, _)) in a.integers.enumerated() {
      out += #"  <key id="i\#(i)" for="node" attr.name="\#(Escaping.xml(name))" attr.type="long"/>"# + "\n"
    }
    for (i, (name, _)) in a.reals.enumerated() {
      out += #"  <key id="r\#(i)" for="node" attr.name="\#(Escaping.xml(name))" attr.type="double"/>"# + "\n"
    }
    for (i, (name, _)) in a.booleans.enumerated() {
      out += #"  <key id="b\#(i)" for="node" attr.name="\#(Escaping.xml(name))" attr.type="boolean"/>"# + "\n"
    }
    for (i, (name, _)) in a.strings.enumerated() {
      out += #"  <key id="s\#(i)" for="node" attr.name="\#(Escaping.xml(name))" attr.type="string"/>"# + "\n"
    }
    out += #"  <key id="weight" for="edge" attr.name="weight" attr.type="double"><desc>\#(Escaping.xml(weightMeaning))</desc></key>"# + "\n"
    out += #"  <graph id="G" edgedefault="undirected">"# + "\n"
    for u in 0..<g.nodeCount {
      out += #"    <node id="n\#(u)"><data key="label">\#(Escaping.xml(g.label(of: u)))</data>"#
      for (i, (_, values)) in a.integers.enumerated() { out += #"<data key="i\#(i)">\#(values[u])</data>"# }
      for (i, (_, values)) in a.reals.enumerated() { out += #"<data key="r\#(i)">\#(GEXFWriter.number(values[u]))</data>"# }
      for (i, (_, values)) in a.booleans.enumerated() { out += #"<data key="b\#(i)">\#(values[u])</data>"# }
      for (i, (_, values)) in a.strings.enumerated() { out += #"<data key="s\#(i)">\#(Escaping.xml(values[u]))</data>"# }
      out += "</node>\n"
    }
    for (k, (u, v, w)) in g.edges.enumerated() {
      out += #"    <edge id="e\#(k)" source="n\#(u)" target="n\#(v)"><data key="weight">\#(formatNumber(w))</data></edge>"# + "\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  /// Writes ``text(_:attributes:weightMeaning:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(
    _ g: Graph, attributes: NodeAttributes = NodeAttributes(), weightMeaning: String = "weight", to path: String
  ) throws {
    try _FileOutput.write(text(g, attributes: attributes, weightMeaning: weightMeaning), to: path)
  }
}
