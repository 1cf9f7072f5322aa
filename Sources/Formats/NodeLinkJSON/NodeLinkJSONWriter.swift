import Foundation
import GraphKit

/// networkx's node-link data (`nx.node_link_data(G)`, networkx 3.6's default `edges`
/// key) as a Codable value: `{"directed", "multigraph", "graph", "nodes": [{"id",
/// "label", …attributes}], "edges": [{"source", "target", "weight"}]}`. Documents with
/// the older `links` key are read too.
///
/// Reference: networkx `networkx/readwrite/json_graph/node_link.py`.
public struct NodeLinkDocument: Codable, Sendable, Hashable {
  /// A node attribute value: JSON integer, number (null when not finite) or string.
  public enum Value: Codable, Sendable, Hashable {
    case integer(Int)
    case real(Double?)
    case boolean(Bool)
    case string(String)

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .real(nil)
      } else if let value = try? container.decode(Bool.self) {
        self = .boolean(value)
      } else if let value = try? container.decode(Int.self) {
        self = .integer(value)
      } else if let value = try? container.decode(Double.self) {
        self = .real(value)
      } else {
        self = .string(try container.decode(String.self))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .integer(let value): try container.encode(value)
      case .real(let value?) where value.isFinite: try container.encode(value)
      case .real: try container.encodeNil()
      case .boolean(let value): try container.encode(value)
      case .string(let value): try container.encode(value)
      }
    }
  }

  /// A node: its id, label and attributes, all as keys of one JSON object.
  public struct Node: Codable, Sendable, Hashable {
    public var id: Int
    public var label: String
    public var attributes: [String: Value]

    public init(id: Int, label: String, attributes: [String: Value] = [:]) {
      self.id = id
      self.label = label
      self.attributes = attributes
    }

    struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(_ name: String) { stringValue = name }
      init?(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      id = try container.decode(Int.self, forKey: Key("id"))
      label = try container.decodeIfPresent(String.self, forKey: Key("label")) ?? String(id)
      attributes = [:]
      for key in container.allKeys where key.stringValue != "id" && key.stringValue != "label" {
        attributes[key.stringValue] = try container.decode(Value.self, forKey: key)
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      // An attribute called "id" or "label" would shadow the node's own: it is left out.
      for (name, value) in attributes where name != "id" && name != "label" {
        try container.encode(value, forKey: Key(name))
      }
      try container.encode(id, forKey: Key("id"))
      try container.encode(label, forKey: Key("label"))
    }
  }

  public struct Link: Codable, Sendable, Hashable {
    public var source: Int
    public var target: Int
    public var weight: Double
  }

  public var directed = false
  public var multigraph = false
  public var graph: [String: String] = [:]
  public var nodes: [Node]
  /// The edges, written under `edges` (networkx 3.6's default).
  public var links: [Link]

  enum CodingKeys: String, CodingKey {
    case directed, multigraph, graph, nodes, edges, links
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    directed = try c.decodeIfPresent(Bool.self, forKey: .directed) ?? false
    multigraph = try c.decodeIfPresent(Bool.self, forKey: .multigraph) ?? false
    graph = try c.decodeIfPresent([String: String].self, forKey: .graph) ?? [:]
    nodes = try c.decode([Node].self, forKey: .nodes)
    links = try c.decodeIfPresent([Link].self, forKey: .edges) ?? c.decode([Link].self, forKey: .links)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(directed, forKey: .directed)
    try c.encode(multigraph, forKey: .multigraph)
    try c.encode(graph, forKey: .graph)
    try c.encode(nodes, forKey: .nodes)
    try c.encode(links, forKey: .edges)
  }

  /// The document of a graph: node ids are the dense ids, edges each once.
  public init(_ g: Graph, attributes a: NodeAttributes = NodeAttributes()) {
    nodes = (0..<g.nodeCount).map { u in
      var values: [String: Value] = [:]
      for (name, column) in a.integers { values[name] = .integer(column[u]) }
      for (name, column) in a.reals { values[name] = .real(column[u]) }
      for (name, column) in a.booleans { values[name] = .boolean(column[u]) }
      for (name, column) in a.strings { values[name] = .string(column[u]) }
      return Node(id: u, label: g.label(of: u), attributes: values)
    }
    links = g.edges.map { Link(source: $0.u, target: $0.v, weight: $0.weight) }
  }
}

/// Writes node-link JSON (``NodeLinkDocument``) through `JSONEncoder`: sorted keys,
/// two-space indentation, numbers in their shortest round-trip form, `<`, `>`, `&` as
/// `\u003c`… so the text can be inlined in HTML.
///
/// networkx 3.6 reads it with `nx.node_link_graph(json.load(f))` (older versions:
/// `edges="edges"`).
///
/// - Complexity: O(*n* + *m*) time and output.
public enum NodeLinkJSONWriter {
  /// The graph as node-link JSON text.
  public static func text(_ g: Graph, attributes: NodeAttributes = NodeAttributes()) -> String {
    _JSONOutput.text(NodeLinkDocument(g, attributes: attributes))
  }

  /// Writes ``text(_:attributes:)`` to `path`.
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(_ g: Graph, attributes: NodeAttributes = NodeAttributes(), to path: String) throws {
    try _FileOutput.write(text(g, attributes: attributes), to: path)
  }
}
