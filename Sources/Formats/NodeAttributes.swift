/// Per-node attributes written beside a graph, one value per node in each column; every
/// writer keeps their types (GraphML `long`/`double`/`boolean`/`string`, GEXF the same,
/// GML integers (booleans as 0/1), JSON numbers, booleans and strings). Readers that carry
/// typed node data (GraphML, GEXF, VOSviewer map files) fill it in
/// ``GraphDocument/attributes``.
///
/// Beyond the typed columns a graph can carry its drawing (``layout``: where each node
/// was drawn, its colour and size, written as GEXF `viz:*` and VOSviewer `x`/`y`) and
/// the years each node was active (``spells``: GEXF spells for Gephi's timeline).
public struct NodeAttributes: Sendable {
  public var integers: [(name: String, values: [Int])] = []
  public var reals: [(name: String, values: [Double])] = []
  public var booleans: [(name: String, values: [Bool])] = []
  public var strings: [(name: String, values: [String])] = []
  /// The figure's drawing of the nodes, if there is one.
  public var layout: NodeLayout?
  /// Per node, the years (closed ranges) in which it is present; nil: no time
  /// information. A node with no range is written without spells.
  public var spells: [[ClosedRange<Int>]]?
  public init() {}

  /// True when there is no column at all.
  public var isEmpty: Bool {
    integers.isEmpty && reals.isEmpty && booleans.isEmpty && strings.isEmpty && layout == nil
      && spells == nil
  }

  /// The integer column called `name`.
  public func integer(_ name: String) -> [Int]? { integers.first { $0.name == name }?.values }
  /// The real column called `name`.
  public func real(_ name: String) -> [Double]? { reals.first { $0.name == name }?.values }
}

/// Where a figure drew each node (points, y up, as Graphviz reports them), in which
/// colour (0xRRGGBB) and how large (the node's diameter in points).
public struct NodeLayout: Sendable, Hashable {
  public var x: [Double]
  public var y: [Double]
  public var colors: [UInt32]
  public var sizes: [Double]

  public init(x: [Double], y: [Double], colors: [UInt32], sizes: [Double]) {
    self.x = x
    self.y = y
    self.colors = colors
    self.sizes = sizes
  }
}
