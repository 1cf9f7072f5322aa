/// A Graphviz layout engine.
///
/// `fdp` is not reproducible within one process (it drifts with every render even with a
/// fixed `start` and reseeding), and `circo` took 8 s on 100 nodes: prefer the others for
/// anything but tiny graphs (../shared/notes/graphviz.md §5, §6).
public enum LayoutEngine: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case dot, neato, fdp, sfdp, circo, twopi

  public var description: String { rawValue }

  /// The engine named `name` (`dot`, `neato`, …).
  ///
  /// - Throws: `GraphvizError` (stage `.input`) listing the known engines.
  public static func named(_ name: String) throws(GraphvizError) -> LayoutEngine {
    guard let engine = LayoutEngine(rawValue: name) else {
      let known = allCases.map(\.rawValue).joined(separator: ", ")
      throw GraphvizError(
        stage: .input, message: "unknown layout engine \"\(name)\"; use one of: \(known)")
    }
    return engine
  }
}

extension LayoutEngine {
  /// Above this many nodes (or edges / 3.5) nothing is laid out: draw a filtered graph.
  ///
  /// sfdp with `overlap=true` took 13.5 s on 20,000 nodes / 70,563 edges
  /// (../shared/notes/graphviz.md §6).
  public static let maximumDrawableSize = 20_000

  /// The engine to use for a graph of this size when the caller has no preference.
  ///
  /// The size is `max(nodeCount, edgeCount / 3.5)` (coauthor graphs have about 3.5 edges
  /// per node). Measured in-process on 2 cores (notes §6, parse + layout + SVG):
  ///
  /// | size | engine | why |
  /// |---|---|---|
  /// | ≤ 150 | `dot` | 100 nodes 0.2 s, 200 nodes 0.6 s; grows steeply (1,000: 72 s) |
  /// | ≤ 1,000 | `neato` | 1,000 nodes 5.7–6.7 s (2,000: 23 s) |
  /// | above | `sfdp` | 1,000: 1.1 s, 5,000: 10 s, 10,000: 31 s |
  ///
  /// - Complexity: O(1).
  public static func recommended(nodeCount: Int, edgeCount: Int) -> LayoutEngine {
    let size = effectiveSize(nodeCount: nodeCount, edgeCount: edgeCount)
    if size <= 150 { return .dot }
    if size <= 1_000 { return .neato }
    return .sfdp
  }

  /// Graph attributes that keep this engine's layout time bounded at this size.
  ///
  /// - `dot` above 150: `mclimit=0.1, nslimit=1, nslimit1=1` (1,000 nodes: 72 s → 6.6 s).
  /// - `neato` above 500: `maxiter=100` (1,000 nodes: 6 s → 2.9 s).
  /// - `sfdp` above 5,000: `overlap=true` (5,000: 10 s → 1.8 s; 10,000: 31 s → 5.2 s);
  ///   labels are unreadable at that size anyway.
  /// - `circo` is never bounded (8 s at 100 nodes): choose another engine.
  public func boundingAttributes(nodeCount: Int, edgeCount: Int) -> [DOTAttribute] {
    let size = Self.effectiveSize(nodeCount: nodeCount, edgeCount: edgeCount)
    switch self {
    case .dot where size > 150:
      return [.crossingLimit(0.1), .networkSimplexLimit(1), .networkSimplexLimit1(1)]
    case .neato where size > 500:
      return [.maximumIterations(100)]
    case .sfdp where size > 5_000:
      return [.overlap(.allow)]
    default:
      return []
    }
  }

  static func effectiveSize(nodeCount: Int, edgeCount: Int) -> Int {
    max(nodeCount, Int((Double(max(edgeCount, 0)) / 3.5).rounded(.up)))
  }
}

extension LayoutEngine {
  /// Whether a render lays out first, writes the positions as DOT text (5 significant
  /// digits: 0.01 pt below 1,000 pt) and draws from that text (`nop2`) instead of drawing
  /// straight from the layout. True for every engine but `dot` (the others all run overlap
  /// removal when asked to).
  ///
  /// With Graphviz 2.42, positions differ in their last bits from one process to the next
  /// when prism overlap removal runs (`overlap=prism`, sfdp's default). Measured on the ego
  /// network of `Data/` through libgvc: 6 processes gave 6 different layouts, a few units in
  /// the last place apart; `overlap=true`, `scale`, `voronoi` and `prism0` gave one; prism
  /// without labels gave one with ASLR off (`setarch -R`) and several with it on, so the
  /// smoother depends on heap addresses. SVG (2 decimals) and PNG hide this. PDF does not:
  /// cairo writes many coordinates that are exact binary fractions (227.1796875) with `%f`
  /// or `%.3f`, and one ulp decides between 227.179687 and 227.179688. Drawing from the
  /// printed layout removes the noise (it survives only in a coordinate within a few ulps of
  /// a printing boundary). The price: a second `dot` run in ``ChildProcessRenderer``, and
  /// `nop2` computes the bounding box from the drawing, so a figure with a graph label can be
  /// a few points shorter than one drawn straight from the layout (4 pt on the ego network).
  public var roundsLayout: Bool {
    self != .dot
  }
}
