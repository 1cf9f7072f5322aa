/// A Graphviz graph built only from whitelisted attributes, ready to be written as DOT.
///
/// Nodes are addressed by their index in ``nodes``; the writer names them `n0`, `n1`, … so no
/// input text ever becomes a DOT identifier. Names belong in ``DOTAttribute/label(_:)``
/// (escaped by the writer). Subgraphs refer to nodes by index as well and are named `s0`,
/// `cluster_1`, … by the writer.
///
/// ```swift
/// var doc = DOTDocument(directed: false)
/// doc.graphAttributes = [.overlap(.remove), .splines(.curved)]
/// let a = doc.addNode([.label("Ada \"the\" Lovelace")])
/// let b = doc.addNode([.label("Charles Babbage")])
/// doc.edges.append(DOTEdge(from: a, to: b, [.penWidth(2)]))
/// print(doc.text)
/// ```
public struct DOTDocument: Sendable, Hashable {
  public var isDirected: Bool
  public var graphAttributes: [DOTAttribute]
  public var nodeDefaults: [DOTAttribute]
  public var edgeDefaults: [DOTAttribute]
  public var nodes: [DOTNode]
  public var edges: [DOTEdge]
  public var subgraphs: [DOTSubgraph]

  /// A document with the font pinned to ``DOTFont/default`` for the graph, nodes and edges,
  /// so text is measured with a font the server has.
  public init(
    directed: Bool = false,
    graphAttributes: [DOTAttribute] = [],
    nodeDefaults: [DOTAttribute] = [],
    edgeDefaults: [DOTAttribute] = [],
    nodes: [DOTNode] = [],
    edges: [DOTEdge] = [],
    subgraphs: [DOTSubgraph] = []
  ) {
    self.isDirected = directed
    self.graphAttributes = graphAttributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.nodes = nodes
    self.edges = edges
    self.subgraphs = subgraphs
  }

  /// Appends a node and returns its index (the id used by edges and subgraphs).
  @discardableResult
  public mutating func addNode(_ attributes: [DOTAttribute] = []) -> Int {
    nodes.append(DOTNode(attributes))
    return nodes.count - 1
  }

  /// Appends an edge between two node indices.
  public mutating func addEdge(from: Int, to: Int, _ attributes: [DOTAttribute] = []) {
    edges.append(DOTEdge(from: from, to: to, attributes))
  }

  /// The DOT text; equal documents give byte-identical text.
  ///
  /// - Precondition: every edge and subgraph refers to an existing node index.
  public var text: String { DOTWriter.write(self) }

  /// The DOT identifier of node `index` (`n<index>`).
  public static func nodeID(_ index: Int) -> String { "n" + String(index) }
}

public struct DOTNode: Sendable, Hashable {
  public var attributes: [DOTAttribute]
  public init(_ attributes: [DOTAttribute] = []) { self.attributes = attributes }
}

public struct DOTEdge: Sendable, Hashable {
  /// Index of the tail node in ``DOTDocument/nodes``.
  public var from: Int
  /// Index of the head node in ``DOTDocument/nodes``.
  public var to: Int
  public var attributes: [DOTAttribute]

  public init(from: Int, to: Int, _ attributes: [DOTAttribute] = []) {
    self.from = from
    self.to = to
    self.attributes = attributes
  }
}

/// A subgraph: a cluster (drawn as a box by dot and fdp, e.g. a legend or a community) or a
/// plain group (e.g. `rank=same`).
public struct DOTSubgraph: Sendable, Hashable {
  /// Clusters are named `cluster_<k>` so that dot draws them; others `s<k>`.
  public var isCluster: Bool
  public var graphAttributes: [DOTAttribute]
  public var nodeDefaults: [DOTAttribute]
  public var edgeDefaults: [DOTAttribute]
  /// Indices of document nodes that belong to this subgraph.
  public var nodes: [Int]
  /// Indices of document edges drawn inside this subgraph (they take its edge defaults).
  public var edges: [Int]
  public var subgraphs: [DOTSubgraph]

  public init(
    cluster: Bool = false,
    graphAttributes: [DOTAttribute] = [],
    nodeDefaults: [DOTAttribute] = [],
    edgeDefaults: [DOTAttribute] = [],
    nodes: [Int] = [],
    edges: [Int] = [],
    subgraphs: [DOTSubgraph] = []
  ) {
    self.isCluster = cluster
    self.graphAttributes = graphAttributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.nodes = nodes
    self.edges = edges
    self.subgraphs = subgraphs
  }
}
