/// A DOT graph as libgvc parsed it, before layout: what the tests and the sanitizer check.
public struct DOTInspection: Sendable, Hashable {
  public struct Node: Sendable, Hashable {
    /// The node's DOT identifier (`n0` for documents written by ``DOTWriter``).
    public var name: String
    /// Every declared node attribute whose value for this node is not empty.
    public var attributes: [String: String]
  }

  public struct Edge: Sendable, Hashable {
    public var tail: String
    public var head: String
    /// Every declared edge attribute whose value for this edge is not empty.
    public var attributes: [String: String]
  }

  public var isDirected: Bool
  /// Every declared graph attribute whose value for the root graph is not empty.
  public var graphAttributes: [String: String]
  /// Nodes in Graphviz's order (creation order).
  public var nodes: [Node]
  /// Edges grouped by tail node, in Graphviz's order.
  public var edges: [Edge]
  /// Names of all subgraphs, depth first.
  public var subgraphNames: [String]
  /// Attribute names declared anywhere in the graph, per object kind, sorted.
  public var declaredGraphAttributes: [String]
  public var declaredNodeAttributes: [String]
  public var declaredEdgeAttributes: [String]
  /// Warnings printed while parsing.
  public var warnings: [String]
}
