import GraphKit

/// Writes GEXF 1.3: node attribute declarations (`long`, `double`, `boolean`, `string`),
/// nodes with `label` and `<attvalues>`, the figure's drawing as `viz:position`,
/// `viz:color` and `viz:size` (namespace `http://gexf.net/1.3/viz`, as Gephi writes
/// it), the years a node was active as `<spells>` (then the graph is `mode="dynamic"`
/// with `timeformat="integer"`, for Gephi's timeline), and undirected edges with
/// `weight`. Node ids are the dense node ids; the meta description says what the weight
/// means.
///
/// Gephi, networkx (`read_gexf`) and our ``GEXFReader`` read it back with every label,
/// attribute and weight. `Tests/Interop/check_exports.py` validates it against the
/// official 1.3 schema.
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: GEXF 1.3 Primer and schema, gexf.net; networkx `networkx/readwrite/gexf.py`.
public enum GEXFWriter {
  /// The graph as a GEXF document; `creator` goes into `<meta><creator>`.
  public static func text(
    _ g: Graph, attributes a: NodeAttributes = NodeAttributes(), weightMeaning: String = "weight",
    creator: String = "coauthor"
  ) -> String {
    var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    out += #"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">"# + "\n"
    out += "  <meta><creator>\(Escaping.xml(creator))</creator><description>\(Escaping.xml("edge weight: " + weightMeaning))</description></meta>\n"
    let spells = a.spells
    let years = spells.map { $0.flatMap { $0 } } ?? []
    if let first = years.map(\.lowerBound).min(), let last = years.map(\.upperBound).max() {
      out += #"  <graph mode="dynamic" defaultedgetype="undirected" timeformat="integer" start="\#(first)" end="\#(last)">"# + "\n"
    } else {
      out += #"  <graph mode="static" defaultedgetype="undirected">"# + "\n"
    }
    out += #"    <attributes class="node">"# + "\n"
    let declared = a.integers.map { ($0.name, "long") } + a.reals.map { ($0.name, "double") }
      + a.booleans.map { ($0.name, "boolean") } + a.strings.map { ($0.name, "string") }
    for (index, (name, type)) in declared.enumerated() {
      out += #"      <attribute id="\#(index)" title="\#(Escaping.xml(name))" type="\#(type)"/>"# + "\n"
    }
    out += "    </attributes>\n    <nodes>\n"
    for u in 0..<g.nodeCount {
      out += #"      <node id="\#(u)" label="\#(Escaping.xml(g.label(of: u)))">"#
      let values = a.integers.map { String($0.values[u]) } + a.reals.map { number($0.values[u]) }
        + a.booleans.map { $0.values[u] ? "true" : "false" } + a.strings.map { Escaping.xml($0.values[u]) }
      if !values.isEmpty {
        out += "<attvalues>"
        for (k, value) in values.enumerated() { out += #"<attvalue for="\#(k)" value="\#(value)"/>"# }
        out += "</attvalues>"
      }
      if let ranges = spells?[u], !ranges.isEmpty {
        out += "<spells>"
        for r in ranges { out += #"<spell start="\#(r.lowerBound)" end="\#(r.upperBound)"/>"# }
        out += "</spells>"
      }
      if let layout = a.layout, layout.x[u].isFinite, layout.y[u].isFinite {
        let c = layout.colors[u]
        out += #"<viz:color r="\#((c >> 16) & 0xFF)" g="\#((c >> 8) & 0xFF)" b="\#(c & 0xFF)"/>"#
        out += #"<viz:position x="\#(number(layout.x[u]))" y="\#(number(layout.y[u]))" z="0"/>"#
        out += #"<viz:size value="\#(number(layout.sizes[u]))"/>"#
      }
      out += "</node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for (k, (u, v, w)) in g.edges.enumerated() {
      out += #"      <edge id="\#(k)" source="\#(u)" target="\#(v)" weight="\#(formatNumber(w))"/>"# + "\n"
    }
    out += "    </edges>\n  </graph>\n</gexf>\n"
    return out
  }

  /// A number for an XML attribute; not-a-number is `NaN`, which `xs:double` accepts.
  static func number(_ x: Double) -> String { x.isNaN ? "NaN" : formatNumber(x) }

  /// Writes ``text(_:attributes:weightMeaning:creator:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(
    _ g: Graph, attributes: NodeAttributes = NodeAttributes(), weightMeaning: String = "weight",
    creator: String = "coauthor", to path: String
  ) throws {
    try _FileOutput.write(text(g, attributes: attributes, weightMeaning: weightMeaning, creator: creator), to: path)
  }
}
