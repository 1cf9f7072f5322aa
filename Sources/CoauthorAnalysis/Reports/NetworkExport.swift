import Foundation
import GraphKit
import Graphviz

/// File formats a network can be exported to.
public enum NetworkFormat: String, Sendable, Hashable, CaseIterable, Codable {
  case dot, graphml, gexf, gml, json, csv, edgelist, pajek
  /// VOSviewer JSON (`network.items` / `network.links`), opened by VOSviewer and
  /// VOSviewer Online.
  case vosviewer
  /// VOSviewer's map file (items, tab-separated); its network file comes from
  /// ``NetworkExport/vosviewerNetworkFile(_:)``.
  case vosviewerMap = "vosviewer-map"
}

/// Per-node attributes written beside the graph (every format keeps their types).
public struct NodeAttributes: Sendable {
  public var integers: [(name: String, values: [Int])] = []
  public var reals: [(name: String, values: [Double])] = []
  public var strings: [(name: String, values: [String])] = []
  public init() {}
}

/// Writers for interchange formats (Gephi, networkx, igraph, Pajek, VOSviewer…).
///
/// Every string from input is escaped for the format; node ids are the dense node
/// ids, names go only into label attributes.
public enum NetworkExport {
  /// The network as text in `format`. `.dot` here is a plain (unstyled) DOT graph;
  /// styled figures come from ``NetworkFigure``.
  public static func text(
    _ graph: Graph, format: NetworkFormat, attributes: NodeAttributes = NodeAttributes(),
    weightMeaning: String = "weight"
  ) -> String {
    switch format {
    case .graphml: graphML(graph, attributes, weightMeaning)
    case .gexf: gexf(graph, attributes, weightMeaning)
    case .gml: gml(graph, attributes)
    case .json: nodeLinkJSON(graph, attributes)
    case .csv: edgeCSV(graph)
    case .edgelist: edgeList(graph)
    case .pajek: pajek(graph)
    case .dot: plainDOT(graph)
    case .vosviewer: vosviewerJSON(graph, attributes)
    case .vosviewerMap: vosviewerMapFile(graph, attributes)
    }
  }

  // MARK: XML

  /// Escapes text for XML element content and attribute values; drops characters XML 1.0
  /// cannot hold (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF, lone surrogates).
  public static func xmlEscape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out += "&#\(u.value);"
      default:
        if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  static func graphML(_ g: Graph, _ a: NodeAttributes, _ meaning: String) -> String {
    var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    out += #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"# + "\n"
    out += #"  <key id="label" for="node" attr.name="label" attr.type="string"/>"# + "\n"
    var keys: [String] = []
    for (i, (name, _)) in a.integers.enumerated() {
      out += #"  <key id="i\#(i)" for="node" attr.name="\#(xmlEscape(name))" attr.type="long"/>"# + "\n"
      keys.append("i\(i)")
    }
    for (i, (name, _)) in a.reals.enumerated() {
      out += #"  <key id="r\#(i)" for="node" attr.name="\#(xmlEscape(name))" attr.type="double"/>"# + "\n"
    }
    for (i, (name, _)) in a.strings.enumerated() {
      out += #"  <key id="s\#(i)" for="node" attr.name="\#(xmlEscape(name))" attr.type="string"/>"# + "\n"
    }
    out += #"  <key id="weight" for="edge" attr.name="weight" attr.type="double"><desc>\#(xmlEscape(meaning))</desc></key>"# + "\n"
    out += #"  <graph id="G" edgedefault="undirected">"# + "\n"
    for u in 0..<g.nodeCount {
      out += #"    <node id="n\#(u)"><data key="label">\#(xmlEscape(g.label(of: u)))</data>"#
      for (i, (_, values)) in a.integers.enumerated() { out += #"<data key="i\#(i)">\#(values[u])</data>"# }
      for (i, (_, values)) in a.reals.enumerated() { out += #"<data key="r\#(i)">\#(formatNumber(values[u]))</data>"# }
      for (i, (_, values)) in a.strings.enumerated() { out += #"<data key="s\#(i)">\#(xmlEscape(values[u]))</data>"# }
      out += "</node>\n"
    }
    for (k, (u, v, w)) in g.edges.enumerated() {
      out += #"    <edge id="e\#(k)" source="n\#(u)" target="n\#(v)"><data key="weight">\#(formatNumber(w))</data></edge>"# + "\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  static func gexf(_ g: Graph, _ a: NodeAttributes, _ meaning: String) -> String {
    var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    out += #"<gexf xmlns="http://gexf.net/1.3" version="1.3">"# + "\n"
    out += "  <meta><creator>coauthor \(CoauthorVersion.string)</creator><description>\(xmlEscape("edge weight: " + meaning))</description></meta>\n"
    out += #"  <graph mode="static" defaultedgetype="undirected">"# + "\n"
    out += #"    <attributes class="node">"# + "\n"
    var index = 0
    for (name, _) in a.integers {
      out += #"      <attribute id="\#(index)" title="\#(xmlEscape(name))" type="long"/>"# + "\n"
      index += 1
    }
    for (name, _) in a.reals {
      out += #"      <attribute id="\#(index)" title="\#(xmlEscape(name))" type="double"/>"# + "\n"
      index += 1
    }
    for (name, _) in a.strings {
      out += #"      <attribute id="\#(index)" title="\#(xmlEscape(name))" type="string"/>"# + "\n"
      index += 1
    }
    out += "    </attributes>\n    <nodes>\n"
    for u in 0..<g.nodeCount {
      out += #"      <node id="\#(u)" label="\#(xmlEscape(g.label(of: u)))"><attvalues>"#
      var k = 0
      for (_, values) in a.integers { out += #"<attvalue for="\#(k)" value="\#(values[u])"/>"#; k += 1 }
      for (_, values) in a.reals { out += #"<attvalue for="\#(k)" value="\#(formatNumber(values[u]))"/>"#; k += 1 }
      for (_, values) in a.strings { out += #"<attvalue for="\#(k)" value="\#(xmlEscape(values[u]))"/>"#; k += 1 }
      out += "</attvalues></node>\n"
    }
    out += "    </nodes>\n    <edges>\n"
    for (k, (u, v, w)) in g.edges.enumerated() {
      out += #"      <edge id="\#(k)" source="\#(u)" target="\#(v)" weight="\#(formatNumber(w))"/>"# + "\n"
    }
    out += "    </edges>\n  </graph>\n</gexf>\n"
    return out
  }

  // MARK: Text formats

  /// GML string: quotes cannot be escaped in GML, so they become HTML entities as
  /// networkx's GML writer does (`&quot;`, `&amp;`); non-ASCII as `&#NNN;`.
  static func gmlString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "&quot;"
      case "&": out += "&amp;"
      default:
        if u.value < 0x20 || u.value == 0x7F { out += " " }
        else if u.isASCII { out.unicodeScalars.append(u) }
        else { out += "&#\(u.value);" }
      }
    }
    return out + "\""
  }

  static func gml(_ g: Graph, _ a: NodeAttributes) -> String {
    var out = "graph [\n  directed 0\n"
    for u in 0..<g.nodeCount {
      out += "  node [\n    id \(u)\n    label \(gmlString(g.label(of: u)))\n"
      for (name, values) in a.integers { out += "    \(gmlKey(name)) \(values[u])\n" }
      for (name, values) in a.reals { out += "    \(gmlKey(name)) \(gmlReal(values[u]))\n" }
      for (name, values) in a.strings { out += "    \(gmlKey(name)) \(gmlString(values[u]))\n" }
      out += "  ]\n"
    }
    for (u, v, w) in g.edges {
      out += "  edge [\n    source \(u)\n    target \(v)\n    weight \(gmlReal(w))\n  ]\n"
    }
    return out + "]\n"
  }

  /// GML keys are letters and digits starting with a letter.
  static func gmlKey(_ name: String) -> String {
    let kept = name.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }
    let key = String(String.UnicodeScalarView(kept))
    return key.first?.isLetter == true ? key : "a" + key
  }

  /// GML reals need a decimal point to stay reals.
  static func gmlReal(_ x: Double) -> String {
    let s = formatNumber(x)
    return s.contains(".") || !x.isFinite ? s : s + ".0"
  }

  static func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<": out += "\\u003c"  // safe to inline in HTML <script>
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
      }
    }
    return out + "\""
  }

  /// networkx node-link JSON (`nx.node_link_graph(data, edges="links")`).
  static func nodeLinkJSON(_ g: Graph, _ a: NodeAttributes) -> String {
    var out = "{\n  \"directed\": false,\n  \"multigraph\": false,\n  \"graph\": {},\n  \"nodes\": [\n"
    for u in 0..<g.nodeCount {
      var fields = ["\"id\": \(u)", "\"label\": \(jsonString(g.label(of: u)))"]
      for (name, values) in a.integers { fields.append("\(jsonString(name)): \(values[u])") }
      for (name, values) in a.reals {
        fields.append("\(jsonString(name)): \(values[u].isFinite ? formatNumber(values[u]) : "null")")
      }
      for (name, values) in a.strings { fields.append("\(jsonString(name)): \(jsonString(values[u]))") }
      out += "    {" + fields.joined(separator: ", ") + "}" + (u + 1 < g.nodeCount ? ",\n" : "\n")
    }
    out += "  ],\n  \"links\": [\n"
    let edges = g.edges
    for (k, (u, v, w)) in edges.enumerated() {
      out += "    {\"source\": \(u), \"target\": \(v), \"weight\": \(formatNumber(w))}"
      out += k + 1 < edges.count ? ",\n" : "\n"
    }
    return out + "  ]\n}\n"
  }

  static func edgeCSV(_ g: Graph) -> String {
    var table = CSVTable(header: ["source", "target", "weight"])
    for (u, v, w) in g.edges { table.append([.text(g.label(of: u)), .text(g.label(of: v)), .number(w)]) }
    return table.text
  }

  /// `u v weight` with node ids; labels are in a comment block at the top.
  static func edgeList(_ g: Graph) -> String {
    var out = "# coauthor edge list: node ids, then weight; labels below as '# id<TAB>label'\n"
    for u in 0..<g.nodeCount {
      out += "# \(u)\t" + tsvField(g.label(of: u)) + "\n"
    }
    for (u, v, w) in g.edges { out += "\(u) \(v) \(formatNumber(w))\n" }
    return out
  }

  /// Pajek .net: `*Vertices n` with quoted labels (quotes dropped), then `*Edges`.
  static func pajek(_ g: Graph) -> String {
    var out = "*Vertices \(g.nodeCount)\n"
    for u in 0..<g.nodeCount {
      let label = tsvField(g.label(of: u)).replacingOccurrences(of: "\"", with: "'")
      out += "\(u + 1) \"\(label)\"\n"
    }
    out += "*Edges\n"
    for (u, v, w) in g.edges { out += "\(u + 1) \(v + 1) \(formatNumber(w))\n" }
    return out
  }

  // MARK: VOSviewer

  /// Tab-separated text cannot hold tabs or newlines: they become spaces.
  static func tsvField(_ s: String) -> String {
    String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
  }

  /// VOSviewer map file: `id, label, weight<Links>, weight<Total link strength>` and the
  /// integer attributes as further weights; ids are 1-based.
  static func vosviewerMapFile(_ g: Graph, _ a: NodeAttributes) -> String {
    let degree = g.degree()
    let strength = g.strength()
    var header = ["id", "label", "weight<Links>", "weight<Total link strength>"]
    header += a.integers.map { "weight<\(tsvField($0.name))>" }
    var out = header.joined(separator: "\t") + "\n"
    for u in 0..<g.nodeCount {
      var fields = [String(u + 1), tsvField(g.label(of: u)), String(degree[u]), formatNumber(strength[u])]
      fields += a.integers.map { String($0.values[u]) }
      out += fields.joined(separator: "\t") + "\n"
    }
    return out
  }

  /// VOSviewer network file: `id id strength`, 1-based, one line per edge.
  public static func vosviewerNetworkFile(_ g: Graph) -> String {
    var out = ""
    for (u, v, w) in g.edges where u != v { out += "\(u + 1)\t\(v + 1)\t\(formatNumber(w))\n" }
    return out
  }

  static func vosviewerJSON(_ g: Graph, _ a: NodeAttributes) -> String {
    let degree = g.degree()
    let strength = g.strength()
    var out = "{\n  \"network\": {\n    \"items\": [\n"
    for u in 0..<g.nodeCount {
      var weights = ["\"Links\": \(degree[u])", "\"Total link strength\": \(formatNumber(strength[u]))"]
      weights += a.integers.map { "\(jsonString($0.name)): \($0.values[u])" }
      out += "      {\"id\": \(u + 1), \"label\": \(jsonString(g.label(of: u))), \"weights\": {\(weights.joined(separator: ", "))}}"
      out += u + 1 < g.nodeCount ? ",\n" : "\n"
    }
    out += "    ],\n    \"links\": [\n"
    let edges = g.edges.filter { $0.u != $0.v }
    for (k, (u, v, w)) in edges.enumerated() {
      out += "      {\"source_id\": \(u + 1), \"target_id\": \(v + 1), \"strength\": \(formatNumber(w))}"
      out += k + 1 < edges.count ? ",\n" : "\n"
    }
    return out + "    ]\n  }\n}\n"
  }

  /// An unstyled DOT graph through the Graphviz layer's writer (escaping, generated ids).
  static func plainDOT(_ g: Graph) -> String {
    var doc = DOTDocument(directed: false)
    for u in 0..<g.nodeCount { doc.addNode([.label(g.label(of: u))]) }
    for (u, v, w) in g.edges { doc.addEdge(from: u, to: v, [.weight(w)]) }
    return doc.text
  }
}
