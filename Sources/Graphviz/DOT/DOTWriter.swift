/// Writes a ``DOTDocument`` as DOT text.
///
/// Output is deterministic: statements appear in document order, attributes in the order
/// given (Graphviz keeps the last of repeated names). Layout:
///
/// ```
/// graph G {
///   graph [fontname="DejaVu Sans" …];
///   node [fontname="DejaVu Sans" …];
///   edge [fontname="DejaVu Sans" …];
///   n0 [label="…"];             // every node, in index order
///   subgraph cluster_0 { … n3; n4; n3 -- n4 [...]; }
///   n0 -- n1 [penwidth=2];      // edges not placed in a subgraph
/// }
/// ```
///
/// Nodes are declared before any subgraph mentions them, so membership never creates a node.
/// A node without a label (in itself or in the node defaults) gets `label=""`, because the
/// Graphviz default `\N` would draw the synthetic id.
public enum DOTWriter {
  /// - Precondition: every edge and subgraph refers to an existing node or edge index.
  /// - Complexity: O(*n* + *m*) plus the length of the attribute text.
  public static func write(_ document: DOTDocument) -> String {
    let nodeCount = document.nodes.count
    let edgeCount = document.edges.count
    for edge in document.edges {
      precondition(
        edge.from >= 0 && edge.from < nodeCount && edge.to >= 0 && edge.to < nodeCount,
        "DOTEdge \(edge.from) → \(edge.to) refers to a node outside 0..<\(nodeCount)")
    }

    var out = ""
    let indent = "  "
    let connector = document.isDirected ? " -> " : " -- "
    // A named graph: an anonymous one gets "%<counter>" from a process-wide counter, which
    // ends up in the SVG <title> and breaks byte-identical output.
    out += document.isDirected ? "digraph G {\n" : "graph G {\n"

    let font = DOTAttribute.fontName(.default)
    out += indent + "graph " + list([font] + document.graphAttributes) + ";\n"
    out += indent + "node " + list([font] + document.nodeDefaults) + ";\n"
    out += indent + "edge " + list([font] + document.edgeDefaults) + ";\n"

    let defaultsHaveLabel = document.nodeDefaults.contains { $0.name == "label" }
    for (index, node) in document.nodes.enumerated() {
      var attributes = node.attributes
      if !defaultsHaveLabel, !attributes.contains(where: { $0.name == "label" }) {
        attributes.insert(.label(""), at: 0)
      }
      out += indent + DOTDocument.nodeID(index)
      if !attributes.isEmpty { out += " " + list(attributes) }
      out += ";\n"
    }

    var placed = [Bool](repeating: false, count: edgeCount)
    var counter = 0
    func writeSubgraph(_ subgraph: DOTSubgraph, depth: Int) {
      let pad = String(repeating: indent, count: depth)
      let name = (subgraph.isCluster ? "cluster_" : "s") + String(counter)
      counter += 1
      out += pad + "subgraph " + name + " {\n"
      let inner = pad + indent
      if !subgraph.graphAttributes.isEmpty {
        out += inner + "graph " + list(subgraph.graphAttributes) + ";\n"
      }
      if !subgraph.nodeDefaults.isEmpty {
        out += inner + "node " + list(subgraph.nodeDefaults) + ";\n"
      }
      if !subgraph.edgeDefaults.isEmpty {
        out += inner + "edge " + list(subgraph.edgeDefaults) + ";\n"
      }
      for node in subgraph.nodes {
        precondition(
          node >= 0 && node < nodeCount,
          "DOTSubgraph refers to node \(node) outside 0..<\(nodeCount)")
        out += inner + DOTDocument.nodeID(node) + ";\n"
      }
      for child in subgraph.subgraphs { writeSubgraph(child, depth: depth + 1) }
      for edgeIndex in subgraph.edges {
        precondition(
          edgeIndex >= 0 && edgeIndex < edgeCount,
          "DOTSubgraph refers to edge \(edgeIndex) outside 0..<\(edgeCount)")
        if placed[edgeIndex] { continue }
        placed[edgeIndex] = true
        out += inner + edgeStatement(document.edges[edgeIndex], connector) + ";\n"
      }
      out += pad + "}\n"
    }
    for subgraph in document.subgraphs { writeSubgraph(subgraph, depth: 1) }

    for (index, edge) in document.edges.enumerated() where !placed[index] {
      out += indent + edgeStatement(edge, connector) + ";\n"
    }
    out += "}\n"
    return out
  }

  private static func edgeStatement(_ edge: DOTEdge, _ connector: String) -> String {
    var text = DOTDocument.nodeID(edge.from) + connector + DOTDocument.nodeID(edge.to)
    if !edge.attributes.isEmpty { text += " " + list(edge.attributes) }
    return text
  }

  private static func list(_ attributes: [DOTAttribute]) -> String {
    "[" + attributes.map(\.text).joined(separator: ", ") + "]"
  }
}
