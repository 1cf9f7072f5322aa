import GraphKit

/// VOSviewer JSON (`network.items`, `network.links`) as a Codable value.
///
/// Reference: VOSviewer Online documentation, "JSON file type"
/// (app.vosviewer.com/docs/file-types/json-file-type).
public struct VOSviewerDocument: Codable, Sendable, Hashable {
  public struct Item: Codable, Sendable, Hashable {
    /// 1-based item id.
    public var id: Int
    public var label: String
    /// Where the figure drew the item.
    public var x: Double?
    public var y: Double?
    /// 1-based cluster (the community).
    public var cluster: Int?
    /// `Links` (degree), `Total link strength` (strength), `Documents` (papers) and
    /// further weights.
    public var weights: [String: Double]
    /// `Avg. pub. year` and further scores (VOSviewer's overlay colours).
    public var scores: [String: Double]?
  }

  public struct Link: Codable, Sendable, Hashable {
    public var sourceID: Int
    public var targetID: Int
    public var strength: Double

    enum CodingKeys: String, CodingKey {
      case sourceID = "source_id"
      case targetID = "target_id"
      case strength
    }
  }

  public struct Network: Codable, Sendable, Hashable {
    public var items: [Item]
    public var links: [Link]
  }

  public var network: Network

  /// The document of a graph: items 1…n with the columns of
  /// ``VOSviewerWriter/columns(_:attributes:)``; one link per edge, self-loops left out
  /// (VOSviewer has none).
  public init(_ g: Graph, attributes a: NodeAttributes = NodeAttributes()) {
    let columns = VOSviewerWriter.columns(g, attributes: a)
    let items = (0..<g.nodeCount).map { u in
      var weights: [String: Double] = [:]
      var scores: [String: Double] = [:]
      for (name, values) in columns.weights { weights[name] = values[u] }
      for (name, values) in columns.scores { scores[name] = values[u] }
      return Item(
        id: u + 1, label: g.label(of: u), x: a.layout?.x[u].finite, y: a.layout?.y[u].finite,
        cluster: columns.cluster?[u], weights: weights, scores: scores.isEmpty ? nil : scores)
    }
    let links = g.edges.filter { $0.u != $0.v }.map {
      Link(sourceID: $0.u + 1, targetID: $0.v + 1, strength: $0.weight)
    }
    network = Network(items: items, links: links)
  }
}

/// Writes VOSviewer files: the map file and network file pair (tab-separated text) and
/// the JSON file (``VOSviewerDocument``, through `JSONEncoder` with sorted keys).
///
/// - Complexity: O(*n* + *m*) time and output.
///
/// Reference: N. J. van Eck and L. Waltman, "VOSviewer Manual" 1.6.18 (2022), §4.4
/// (map and network files); VOSviewer Online, "JSON file type".
public enum VOSviewerWriter {
  /// What the map file and the JSON items carry, from the attributes: the integer
  /// column `community` becomes `cluster`, `papers` becomes `weight<Documents>`, the real
  /// column `meanYear` `score<Avg. pub. year>`; further integer columns are weights,
  /// further real and boolean (1/0) columns scores; `Links` and `Total link strength`
  /// always come first.
  public static func columns(_ g: Graph, attributes a: NodeAttributes)
    -> (cluster: [Int]?, weights: [(String, [Double])], scores: [(String, [Double])])
  {
    var weights: [(String, [Double])] = [
      ("Links", g.degree().map(Double.init)), ("Total link strength", g.strength()),
    ]
    var scores: [(String, [Double])] = []
    var cluster: [Int]?
    for (name, values) in a.integers {
      switch name {
      case "community": cluster = values
      case "papers": weights.append(("Documents", values.map(Double.init)))
      default: weights.append((name, values.map(Double.init)))
      }
    }
    for (name, values) in a.reals {
      scores.append((name == "meanYear" ? "Avg. pub. year" : name, values))
    }
    for (name, values) in a.booleans { scores.append((name, values.map { $0 ? 1 : 0 })) }
    return (cluster, weights, scores)
  }

  /// A label for the map file, always in double quotes (a label with a comma or
  /// semicolon must be quoted, VOSviewer's map file documentation), a quote doubled;
  /// ``Escaping/spreadsheetField(_:)`` first (people open map files in spreadsheets:
  /// formula prefixes get an apostrophe, NUL and controls are dropped).
  static func quoted(_ label: String) -> String {
    "\"" + Escaping.spreadsheetField(label).replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The map file: `id, label, x, y, cluster, weight<Links>, weight<Total link strength>,
  /// weight<Documents>, …, score<Avg. pub. year>, …` (``columns(_:attributes:)``; `x`,
  /// `y` only with a layout, `cluster` only with communities); ids are 1-based, labels
  /// quoted.
  public static func mapFile(_ g: Graph, attributes a: NodeAttributes = NodeAttributes()) -> String {
    let cols = columns(g, attributes: a)
    var header = ["id", "label"]
    if a.layout != nil { header += ["x", "y"] }
    if cols.cluster != nil { header.append("cluster") }
    header += cols.weights.map { "weight<\(Escaping.spreadsheetField($0.0))>" }
    header += cols.scores.map { "score<\(Escaping.spreadsheetField($0.0))>" }
    var out = header.joined(separator: "\t") + "\n"
    for u in 0..<g.nodeCount {
      var fields = [String(u + 1), quoted(g.label(of: u))]
      if let layout = a.layout {  // a node the figure did not draw has empty coordinates
        fields += [layout.x[u], layout.y[u]].map { $0.isFinite ? formatNumber($0) : "" }
      }
      if let cluster = cols.cluster { fields.append(String(cluster[u])) }
      fields += cols.weights.map { formatNumber($0.1[u]) }
      fields += cols.scores.map { formatNumber($0.1[u]) }
      out += fields.joined(separator: "\t") + "\n"
    }
    return out
  }

  /// The network file: `id id strength`, 1-based, one line per edge (self-loops left out).
  public static func networkFile(_ g: Graph) -> String {
    var out = ""
    for (u, v, w) in g.edges where u != v { out += "\(u + 1)\t\(v + 1)\t\(formatNumber(w))\n" }
    return out
  }

  /// The JSON file.
  public static func json(_ g: Graph, attributes: NodeAttributes = NodeAttributes()) -> String {
    _JSONOutput.text(VOSviewerDocument(g, attributes: attributes))
  }

  /// Writes the map file to `mapPath` and the network file to `networkPath`.
  /// - Throws: Foundation's error when a file cannot be written.
  public static func writeText(
    _ g: Graph, attributes: NodeAttributes = NodeAttributes(), map mapPath: String, network networkPath: String
  ) throws {
    try _FileOutput.write(mapFile(g, attributes: attributes), to: mapPath)
    try _FileOutput.write(networkFile(g), to: networkPath)
  }

  /// Writes ``json(_:attributes:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func writeJSON(_ g: Graph, attributes: NodeAttributes = NodeAttributes(), to path: String) throws {
    try _FileOutput.write(json(g, attributes: attributes), to: path)
  }
}

extension Double {
  /// The value, or nil when it is not finite.
  var finite: Double? { isFinite ? self : nil }
}
