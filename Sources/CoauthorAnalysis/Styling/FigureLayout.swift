import Graphviz

/// How a figure is laid out: engine and overlap removal (positions), then how its edges
/// are routed (drawing). Chosen by size and by a cost estimate, with cheaper choices to
/// fall back on when a deadline passes.
///
/// Measured on this machine (Graphviz 2.42, neato, the 300 strongest people of a
/// generated 700-person CV, 2,127 edges; `Benchmarks/generate_cv_bib.py`): positions
/// with `overlap=prism` 5.6 s; edge routing on top of them `splines=curved` +7.4 s,
/// `splines=polyline` and `splines=true` did not finish in 100 s (already 69 s at 100
/// nodes and 502 edges) — obstacle-avoiding routing is what ran away in issue 14, so it
/// is never chosen. Curved routing grows with the edges and the labelled boxes around
/// them: 100 nodes / 502 edges +1.2 s, 300 / 2,127 +7.4 s, and the seed topic network
/// (60 labelled terms, 548 edges) 7.5 s of CPU — 36 s of wall time while other builds
/// shared the two cores — against 0.3 s with straight edges; the seed coauthor network
/// (135 / 284) draws curved in 3 s. neato's stress layout grows with n² (5,000
/// nodes: 177 s); sfdp draws 10,000 nodes in 31 s with prism, 5 s without overlap
/// removal (../shared/notes/graphviz.md §6).
public struct FigureLayout: Sendable, Hashable, CustomStringConvertible {
  public var engine: LayoutEngine
  public var overlap: DOTOverlap

  public var description: String { "\(engine.rawValue), overlap=\(overlap.rawValue)" }

  /// neato (the nicest layout for small networks) up to this many nodes…
  public static let neatoNodes = 400
  /// …and this many edges; sfdp above.
  public static let neatoEdges = 4_000
  /// prism overlap removal up to this many nodes; `scale` above (sfdp 10,000: 31 s
  /// with prism).
  public static let prismNodes = 2_000
  /// Curved edges while there are at most this many edges…
  public static let curvedEdges = 400
  /// …and nodes × edges is at most this (about a second of routing); straight lines
  /// above.
  public static let curvedCost = 100_000

  /// The layouts to try, best first, each cheaper than the one before: the preferred
  /// choice for the size, then sfdp with prism, then sfdp without overlap removal (the
  /// cheapest drawing Graphviz makes; labels may overlap).
  public static func ladder(nodes: Int, edges: Int) -> [FigureLayout] {
    let preferred = FigureLayout(
      engine: nodes <= neatoNodes && edges <= neatoEdges ? .neato : .sfdp,
      overlap: nodes <= prismNodes ? .prism : .scale)
    var ladder = [preferred]
    for next in [FigureLayout(engine: .sfdp, overlap: preferred.overlap), FigureLayout(engine: .sfdp, overlap: .allow)]
    where !ladder.contains(next) {
      ladder.append(next)
    }
    return ladder
  }

  /// Edge routings to try, best first: curved where cheap (``curvedEdges``,
  /// ``curvedCost``), then straight lines, which cost nothing beyond the positions.
  public static func routings(nodes: Int, edges: Int) -> [DOTSplines] {
    edges <= curvedEdges && nodes * edges <= curvedCost ? [.curved, .line] : [.line]
  }
}

/// A figure's time budget: the deadline of one figure split between its attempts. Each
/// attempt gets the remaining time in proportion to its weight among the attempts still
/// possible, so an attempt that finishes early leaves its share to the next ones.
struct FigureBudget {
  let deadline: ContinuousClock.Instant

  init(total: Duration) { deadline = .now + total }

  var remaining: Duration { max(.zero, deadline - .now) }

  /// The timeout for an attempt of `weight`, when attempts of `later` total weight may
  /// still follow it; at least 0.5 s (a render has a fixed cost) while that much is left,
  /// and never more than what is left (at least 1 ms).
  func slice(weight: Double, later: Double) -> Duration {
    let left = remaining
    let share = left * (weight / max(weight + later, 1e-9))
    return max(.milliseconds(1), min(left, max(share, .milliseconds(500))))
  }
}
