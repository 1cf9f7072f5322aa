import GraphKit
import Graphviz

/// Figure size presets, in inches (the drawing is scaled to fit, keeping its aspect).
public enum FigurePreset: String, Sendable, Hashable, CaseIterable, Codable {
  /// One column of a two-column paper (3.5 in wide).
  case singleColumn = "single-column"
  /// A full page width (7 in).
  case doubleColumn = "double-column"
  /// A 16:9 slide (10 × 5.6 in).
  case slide

  var size: (width: Double, height: Double) {
    switch self {
    case .singleColumn: (3.5, 3.5)
    case .doubleColumn: (7, 7)
    case .slide: (10, 5.6)
    }
  }
}

/// Colour schemes for communities.
public enum FigurePalette: String, Sendable, Hashable, CaseIterable, Codable {
  /// Okabe & Ito's colour-blind-safe colours.
  case colorBlindSafe = "color-blind-safe"
  /// Greys, distinct in print.
  case greyscale

  /// Colours and their names (the names make the text legend usable without colour).
  var colors: [(color: DOTColor, name: String)] {
    switch self {
    case .colorBlindSafe:
      let names = ["orange", "sky blue", "bluish green", "yellow", "blue", "vermillion",
                   "reddish purple"]
      return zip(DOTColor.okabeIto.prefix(7), names).map { ($0, $1) }
    case .greyscale:
      let greys = DOTColor.greys(4)
      return zip(greys, ["dark grey", "mid grey", "light grey", "pale grey"]).map { ($0, $1) }
    }
  }
}

/// How a network is drawn.
public struct FigureStyle: Sendable, Hashable {
  /// Nodes with a label; the rest are drawn as unlabeled dots (listed in the tables).
  public var labeledNodes = 40
  public var preset: FigurePreset = .doubleColumn
  public var palette: FigurePalette = .colorBlindSafe
  /// Layout seed (neato/sfdp `start`): the same seed gives the same picture.
  public var seed = 1
  /// A caption under the figure (title, encodings, what was left out); the colour
  /// legend's swatches are drawn either way. `--no-caption`.
  public var caption = true
  /// PNG resolution. Only the PNG is rendered with it: Graphviz 2.42 writes an SVG whose
  /// viewBox does not match its size when `dpi` ≠ 72, which browsers crop.
  public var dpi = 150.0

  public init() {}
}

/// What a figure encodes, in words for its legend.
public struct FigureLegend: Sendable, Hashable {
  public var title: String
  public var nodeSize: String
  public var edgeWidth: String
  public var colors: String
  /// One line per community shown: colour name, size, top members.
  public var communities: [String]
  /// What was left out of the drawing, if anything.
  public var omitted: String?
  /// The colour key, drawn under the figure as filled squares with their meaning.
  public var swatches: [FigureSwatch] = []
}

/// One entry of a figure's colour key.
public struct FigureSwatch: Sendable, Hashable {
  public var color: DOTColor
  public var text: String
  public init(color: DOTColor, text: String) {
    self.color = color
    self.text = text
  }
}

/// Turns a weighted graph plus per-node scores into a styled DOT document.
public enum NetworkFigure {
  /// Which nodes a figure shows: all of them when there are at most `limit`; otherwise the
  /// `limit` nodes in all: `keep`, then the largest component's nodes with the largest `size`, with a
  /// sentence saying what was left out. Nodes come back in ascending id order.
  public static func selection(
    graph: Graph, size: [Double], keep: Set<Int> = [], limit: Int
  ) -> (nodes: [Int], note: String?) {
    let n = graph.nodeCount
    let components = graph.connectedComponents()
    if n <= limit {
      let note = components.communityCount > 1
        ? "Drawn: the whole network (\(components.communityCount) components)." : nil
      return (Array(0..<n), note)
    }
    let largest = graph.largestComponentNodes()
    var chosen = Set(keep)
    let ranked = largest.sorted { size[$0] != size[$1] ? size[$0] > size[$1] : $0 < $1 }
    for u in ranked where chosen.count < max(limit, keep.count) { chosen.insert(u) }
    let nodes = chosen.sorted()
    let note = "Drawn: the \(nodes.count) strongest of the largest component's \(largest.count) nodes (the network has \(n)); every node is in the tables."
    return (nodes, note)
  }

  /// Builds the DOT document for a network figure.
  ///
  /// - Parameters:
  ///   - graph: The network; labels are display names.
  ///   - size: One score per node (e.g. weighted degree); area ∝ score.
  ///   - importance: One score per node deciding which nodes get labels.
  ///   - communities: The community of each node (0 = largest) for colours, or nil for
  ///     one colour.
  ///   - emphasized: Nodes always labeled and drawn with a double outline (owners).
  ///   - secondary: Nodes of the second kind of a two-mode network (terms), drawn as
  ///     ellipses instead of boxes.
  ///   - style: Size preset, palette, label count, seed.
  ///   - legend: Texts for the caption.
  ///   - fills: A fill colour per node instead of the community colours (the overlay
  ///     figure's year scale).
  /// - Returns: The document and the engine chosen for its size.
  public static func document(
    graph: Graph, size: [Double], importance: [Double], communities: [Int]?,
    emphasized: Set<Int> = [], secondary: Set<Int> = [], style: FigureStyle = FigureStyle(),
    legend: FigureLegend, fills: [DOTColor]? = nil
  ) -> (document: DOTDocument, engine: LayoutEngine) {
    precondition(size.count == graph.nodeCount && importance.count == graph.nodeCount,
                 "one score per node")
    let n = graph.nodeCount
    let layout = FigureLayout.ladder(nodes: n, edges: graph.edgeCount)[0]
    let engine = layout.engine
    let colors = style.palette.colors
    let other = DOTColor(rgb: 0xBBBBBB)

    // Labels: emphasized nodes, then the most important others (ties: smaller id).
    let ranked = (0..<n).sorted {
      importance[$0] != importance[$1] ? importance[$0] > importance[$1] : $0 < $1
    }
    var labeled = emphasized
    for u in ranked where labeled.count < max(style.labeledNodes, emphasized.count) {
      labeled.insert(u)
    }
    let maxSize = max(size.max() ?? 1, 1e-12)
    let maxWeight = max(graph.weights.max() ?? 1, 1e-12)

    var doc = DOTDocument(directed: false)
    var captionLines = [legend.title]
    captionLines.append("Node size: \(legend.nodeSize). Line width: \(legend.edgeWidth).")
    captionLines.append("Colour: \(legend.colors).")
    captionLines += legend.communities
    if let omitted = legend.omitted, !omitted.isEmpty { captionLines.append(omitted) }
    doc.graphAttributes = [
      .overlap(layout.overlap), .separation(points: 3),
      .splines(FigureLayout.routings(nodes: n, edges: graph.edgeCount)[0]), .outputOrder(.edgesFirst),
      .start(seed: style.seed), .size(width: style.preset.size.width,
                                      height: style.preset.size.height, fill: false),
      .pad(0.2), .backgroundColor(.white),
    ]
    if style.caption {
      doc.graphAttributes += [
        .caption(captionLines.joined(separator: "\n")), .labelLocation(.bottom),
        .labelJustification(.left), .fontSize(11),
      ]
    }
    doc.nodeDefaults = [.style([.filled]), .color(DOTColor(rgb: 0x444444)), .penWidth(0.6)]
    doc.edgeDefaults = [.color(DOTColor(rgb: 0x777777, alpha: 0x80))]

    for u in 0..<n {
      let community = communities?[u]
      let fill: DOTColor =
        fills?[u] ?? community.map { $0 < colors.count ? colors[$0].color : other } ?? colors[0].color
      let scale = (size[u] / maxSize).squareRoot()  // area ∝ size
      var attributes: [DOTAttribute] = [.fillColor(fill), .tooltip(graph.label(of: u))]
      if labeled.contains(u) {
        let secondaryNode = secondary.contains(u)
        attributes += [
          .shape(secondaryNode ? .ellipse : .box),
          .style(secondaryNode ? [.filled] : [.filled, .rounded]), .label(graph.label(of: u)),
          .fontSize(9 + 9 * scale), .fontColor(fill.contrastingText), .margin(0.04),
        ]
        if emphasized.contains(u) { attributes.append(.peripheries(2)) }
      } else {
        let diameter = 0.08 + 0.3 * scale
        attributes += [
          .shape(.circle), .label(""), .width(diameter), .height(diameter), .fixedSize(true),
        ]
      }
      doc.addNode(attributes)
    }
    for (u, v, w) in graph.edges where u != v {
      let width = 0.4 + 3.6 * (w / maxWeight).squareRoot()
      doc.addEdge(from: u, to: v, [.penWidth(width)])
    }
    return (doc, engine)
  }

  /// Sets one layout attempt's engine settings (overlap removal; straight edges, as the
  /// routing does not move nodes and is chosen in the drawing pass).
  static func forLayout(_ document: DOTDocument, _ layout: FigureLayout) -> DOTDocument {
    var doc = document
    doc.graphAttributes.removeAll {
      switch $0 {
      case .overlap, .splines, .caption, .labelLocation, .labelJustification: true
      default: false
      }
    }
    doc.graphAttributes += [.overlap(layout.overlap), .splines(.line)]
    return doc
  }

  /// The drawing document: every node pinned where the layout put it (in inches), the
  /// edges routed with `splines`, the colour key under the drawing as swatches, and, with
  /// `frame`, invisible corner nodes that give every drawing the same bounding box (the
  /// timeline's frames). Drawn with neato, which keeps pinned nodes where they are.
  static func forDrawing(
    _ document: DOTDocument, positions: [Int: (x: Double, y: Double)], splines: DOTSplines,
    swatches: [FigureSwatch], frame: (minX: Double, minY: Double, maxX: Double, maxY: Double)? = nil
  ) -> DOTDocument {
    var doc = document
    doc.graphAttributes.removeAll {
      switch $0 {
      case .overlap, .splines: true
      default: false
      }
    }
    doc.graphAttributes += [.overlap(.allow), .splines(splines)]
    for k in doc.nodes.indices {
      doc.nodes[k].attributes.removeAll {
        if case .position = $0 { return true }
        return false
      }
      if let p = positions[k] { doc.nodes[k].attributes.append(.position(x: p.x, y: p.y, pinned: true)) }
    }
    let box = frame ?? bounds(positions.values)
    if let frame {
      for (x, y) in [(frame.minX, frame.minY), (frame.maxX, frame.maxY)] {
        doc.addNode([
          .shape(.point), .style([.invis]), .label(""), .width(0.01), .height(0.01), .fixedSize(true),
          .position(x: x, y: y, pinned: true),
        ])
      }
    }
    // The key: a filled square per entry, its text to the right, in rows under the drawing.
    let fontSize = 10.0
    let rowHeight = 0.24
    for (i, swatch) in swatches.enumerated() {
      let y = box.minY - 0.45 - Double(i) * rowHeight
      doc.addNode([
        .shape(.box), .style([.filled]), .fillColor(swatch.color), .color(DOTColor(rgb: 0x444444)),
        .penWidth(0.6), .label(""), .width(0.16), .height(0.16), .fixedSize(true),
        .position(x: box.minX, y: y, pinned: true),
      ])
      // The text left-justified (`\l`) in a fixed-width box that starts just right of
      // the square, so it starts at the same x whatever the font makes of its width.
      let width = max(Double(swatch.text.count) * fontSize * 0.75 / 72, 1)
      doc.addNode([
        .shape(.plaintext), .style([.solid]), .leftLabel(swatch.text), .fontSize(fontSize), .margin(0),
        .width(width), .height(0.18), .fixedSize(true),
        .position(x: box.minX + 0.14 + width / 2, y: y, pinned: true),
      ])
    }
    return doc
  }

  /// The bounding box of some positions (a unit box at the origin when there are none).
  static func bounds(_ points: some Collection<(x: Double, y: Double)>)
    -> (minX: Double, minY: Double, maxX: Double, maxY: Double)
  {
    guard let first = points.first else { return (0, 0, 1, 1) }
    var box = (minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
    for p in points {
      box = (min(box.minX, p.x), min(box.minY, p.y), max(box.maxX, p.x), max(box.maxY, p.y))
    }
    return box
  }

  /// Viridis (8 stops, dark blue → yellow), perceptually uniform and readable in grey:
  /// the overlay figure's sequential scale, as VOSviewer's overlay view uses.
  static let viridis: [UInt32] = [0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0x9FDA3A, 0xFDE725]

  /// The colour of `value` on a sequential scale from `low` to `high`.
  static func sequentialColor(_ value: Double, low: Double, high: Double) -> DOTColor {
    let t = high > low ? min(1, max(0, (value - low) / (high - low))) : 0.5
    let position = t * Double(viridis.count - 1)
    let i = min(Int(position), viridis.count - 2)
    let f = position - Double(i)
    func channel(_ shift: UInt32) -> UInt32 {
      let a = Double((viridis[i] >> shift) & 0xFF)
      let b = Double((viridis[i + 1] >> shift) & 0xFF)
      return UInt32((a + (b - a) * f).rounded())
    }
    return DOTColor(rgb: channel(16) << 16 | channel(8) << 8 | channel(0))
  }
}
