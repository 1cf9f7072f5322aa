/// One DOT attribute from a fixed whitelist, with a typed value.
///
/// This is the only way attributes enter a ``DOTDocument``: every attribute name is a
/// constant of the writer, and every value is a number, a ``DOTColor``, a case of a small
/// enum, or text that ``DOTEscaping/quoted(_:maxLength:)`` escapes. Attributes that read
/// files, inject markup or override the caller's choices (`image`, `shapefile`, `fontpath`,
/// `imagepath`, `stylesheet`, `URL`/`href`, `layout`, `charset`, HTML labels, `record`
/// shapes) cannot be expressed at all (../shared/notes/graphviz.md §4b).
///
/// Graphviz ignores an attribute on an object it does not apply to, so the enum does not
/// distinguish graph, node and edge attributes.
public enum DOTAttribute: Sendable, Hashable {
  // Text (escaped, truncated to 200 characters).
  case label(String)
  case xlabel(String)
  case tooltip(String)
  case comment(String)
  case headLabel(String)
  case tailLabel(String)
  /// A graph's caption (written as `label`): several lines of the tool's own legend
  /// around names from input, so it may be longer, up to ``captionLength`` characters.
  case caption(String)
  /// A one-line label drawn left-justified in its node (escaped like ``label(_:)``,
  /// ended by Graphviz's `\l`): text that starts at a known x whatever its width.
  case leftLabel(String)

  // Fonts.
  case fontName(DOTFont)
  case fontSize(Double)
  case fontColor(DOTColor)
  case labelFontSize(Double)

  // Colours and strokes.
  case color(DOTColor)
  case fillColor(DOTColor)
  case backgroundColor(DOTColor)
  case style([DOTStyle])
  case penWidth(Double)
  case arrowHead(DOTArrow)
  case arrowTail(DOTArrow)
  case arrowSize(Double)
  case direction(DOTDirection)

  // Node geometry.
  case shape(DOTShape)
  case width(Double)
  case height(Double)
  case fixedSize(Bool)
  case peripheries(Int)
  /// An input position in inches (neato, fdp; Graphviz writes points on output); `pinned`
  /// adds `!` so the node stays there.
  case position(x: Double, y: Double, pinned: Bool)
  case pin(Bool)

  // Graph and layout.
  case overlap(DOTOverlap)
  case splines(DOTSplines)
  case outputOrder(DOTOutputOrder)
  case pad(Double)
  case margin(Double)
  /// Maximum drawing size in inches; `fill` (`!`) scales small drawings up as well.
  case size(width: Double, height: Double, fill: Bool)
  case dpi(Double)
  case ratio(DOTRatio)
  /// Random seed for the initial layout of neato, fdp and sfdp (`start`).
  case start(seed: Int)
  /// Margin around nodes for overlap removal, in points (`sep="+p"`).
  case separation(points: Double)
  /// Margin around nodes for spline routing, in points (`esep="+p"`).
  case edgeSeparation(points: Double)
  case length(Double)
  case weight(Double)
  case springConstant(Double)
  case nodeSeparation(Double)
  case rankSeparation(Double)
  case rankDirection(DOTRankDirection)
  case rank(DOTRank)
  case labelLocation(DOTLabelLocation)
  case labelJustification(DOTLabelJustification)
  case concentrate(Bool)
  case newRank(Bool)
  case forceLabels(Bool)
  case constraint(Bool)
  case minimumLength(Int)
  case group(DOTGroup)

  // Layout-time bounds (notes §6: mclimit=0.1, nslimit=1, nslimit1=1 cut dot on 1,000 nodes
  // from 72 s to 6.6 s; maxiter=100 halves neato).
  case crossingLimit(Double)
  case networkSimplexLimit(Double)
  case networkSimplexLimit1(Double)
  case maximumIterations(Int)

  /// The DOT attribute name: always a writer constant.
  public var name: String {
    switch self {
    case .label, .caption, .leftLabel: "label"
    case .xlabel: "xlabel"
    case .tooltip: "tooltip"
    case .comment: "comment"
    case .headLabel: "headlabel"
    case .tailLabel: "taillabel"
    case .fontName: "fontname"
    case .fontSize: "fontsize"
    case .fontColor: "fontcolor"
    case .labelFontSize: "labelfontsize"
    case .color: "color"
    case .fillColor: "fillcolor"
    case .backgroundColor: "bgcolor"
    case .style: "style"
    case .penWidth: "penwidth"
    case .arrowHead: "arrowhead"
    case .arrowTail: "arrowtail"
    case .arrowSize: "arrowsize"
    case .direction: "dir"
    case .shape: "shape"
    case .width: "width"
    case .height: "height"
    case .fixedSize: "fixedsize"
    case .peripheries: "peripheries"
    case .position: "pos"
    case .pin: "pin"
    case .overlap: "overlap"
    case .splines: "splines"
    case .outputOrder: "outputorder"
    case .pad: "pad"
    case .margin: "margin"
    case .size: "size"
    case .dpi: "dpi"
    case .ratio: "ratio"
    case .start: "start"
    case .separation: "sep"
    case .edgeSeparation: "esep"
    case .length: "len"
    case .weight: "weight"
    case .springConstant: "K"
    case .nodeSeparation: "nodesep"
    case .rankSeparation: "ranksep"
    case .rankDirection: "rankdir"
    case .rank: "rank"
    case .labelLocation: "labelloc"
    case .labelJustification: "labeljust"
    case .concentrate: "concentrate"
    case .newRank: "newrank"
    case .forceLabels: "forcelabels"
    case .constraint: "constraint"
    case .minimumLength: "minlen"
    case .group: "group"
    case .crossingLimit: "mclimit"
    case .networkSimplexLimit: "nslimit"
    case .networkSimplexLimit1: "nslimit1"
    case .maximumIterations: "maxiter"
    }
  }

  /// Longest caption kept (well under Graphviz's 16,381-byte limit for quoted strings).
  public static let captionLength = 2_000

  /// The value as it appears after `=` in DOT (quoted where the syntax needs it).
  public var value: String {
    let n = DOTEscaping.number
    func quotedConstant(_ s: String) -> String { "\"" + s + "\"" }
    switch self {
    case .label(let s), .xlabel(let s), .tooltip(let s), .comment(let s), .headLabel(let s),
      .tailLabel(let s):
      return DOTEscaping.quoted(s)
    case .caption(let s):
      return DOTEscaping.quoted(s, maxLength: Self.captionLength)
    case .leftLabel(let s):
      return String(DOTEscaping.quoted(s.replacingOccurrences(of: "\n", with: " ")).dropLast()) + "\\l\""
    case .fontName(let font): return quotedConstant(font.rawValue)
    case .fontSize(let v), .labelFontSize(let v), .penWidth(let v), .arrowSize(let v),
      .width(let v), .height(let v), .pad(let v), .margin(let v), .dpi(let v), .length(let v),
      .weight(let v), .springConstant(let v), .nodeSeparation(let v), .rankSeparation(let v),
      .crossingLimit(let v), .networkSimplexLimit(let v), .networkSimplexLimit1(let v):
      return n(v)
    case .fontColor(let c), .color(let c), .fillColor(let c), .backgroundColor(let c):
      return quotedConstant(c.hex)
    case .style(let styles):
      return quotedConstant(styles.map(\.rawValue).joined(separator: ","))
    case .arrowHead(let a), .arrowTail(let a): return a.rawValue
    case .direction(let d): return d.rawValue
    case .shape(let s): return s.rawValue
    case .fixedSize(let b), .pin(let b), .concentrate(let b), .newRank(let b),
      .forceLabels(let b), .constraint(let b):
      return b ? "true" : "false"
    case .peripheries(let i), .minimumLength(let i), .maximumIterations(let i):
      return String(i)
    case .position(let x, let y, let pinned):
      return quotedConstant(n(x) + "," + n(y) + (pinned ? "!" : ""))
    case .overlap(let o): return o.rawValue
    case .splines(let s): return s.rawValue
    case .outputOrder(let o): return o.rawValue
    case .size(let w, let h, let fill):
      return quotedConstant(n(w) + "," + n(h) + (fill ? "!" : ""))
    case .ratio(let r): return r.dotValue
    case .start(let seed): return String(seed)
    case .separation(let p), .edgeSeparation(let p): return quotedConstant("+" + n(p))
    case .rankDirection(let r): return r.rawValue
    case .rank(let r): return r.rawValue
    case .labelLocation(let l): return l.rawValue
    case .labelJustification(let l): return l.rawValue
    case .group(let g): return quotedConstant("g" + String(g.id))
    }
  }

  /// `name=value`.
  public var text: String { name + "=" + value }
}

/// Fonts known to be installed with Graphviz's Debian dependencies (fontconfig pulls in
/// DejaVu; Liberation comes with graphviz). One installed font keeps text widths measured
/// by the server equal to what viewers draw.
public enum DOTFont: String, Sendable, Hashable, CaseIterable {
  case dejaVuSans = "DejaVu Sans"
  case dejaVuSansMono = "DejaVu Sans Mono"
  case dejaVuSerif = "DejaVu Serif"
  case liberationSans = "Liberation Sans"
  case liberationSerif = "Liberation Serif"
  case liberationMono = "Liberation Mono"

  /// The font the writer pins when none is chosen.
  public static let `default` = DOTFont.dejaVuSans
}

/// Node shapes without file access or field syntax (no `record`, `Mrecord`, `epsf`,
/// `custom`).
public enum DOTShape: String, Sendable, Hashable, CaseIterable {
  case ellipse, circle, doublecircle, point, box, rect, square, plaintext, plain, none
  case oval, diamond, triangle, hexagon, octagon, pentagon, house, invtriangle, star
  case cylinder, note, tab, folder, underline
}

public enum DOTStyle: String, Sendable, Hashable, CaseIterable {
  case filled, rounded, dashed, dotted, bold, solid, invis, striped, wedged, radial
}

public enum DOTArrow: String, Sendable, Hashable, CaseIterable {
  case normal, none, empty, dot, odot, inv, diamond, odiamond, box, obox, tee, vee, open
}

public enum DOTDirection: String, Sendable, Hashable, CaseIterable {
  case forward, back, both, none
}

/// Overlap removal (neato, fdp, sfdp). `prism` is the default for `false` in 2.42.
public enum DOTOverlap: String, Sendable, Hashable, CaseIterable {
  case allow = "true"
  case remove = "false"
  case scale
  case prism
  case compress
  case vpsc
  case orthoxy
}

public enum DOTSplines: String, Sendable, Hashable, CaseIterable {
  case none, line, polyline, curved, ortho, spline
}

public enum DOTOutputOrder: String, Sendable, Hashable, CaseIterable {
  case breadthFirst = "breadthfirst"
  case nodesFirst = "nodesfirst"
  case edgesFirst = "edgesfirst"
}

public enum DOTRatio: Sendable, Hashable {
  case fill, compress, expand, auto
  /// Height / width of the drawing.
  case aspect(Double)

  var dotValue: String {
    switch self {
    case .fill: "fill"
    case .compress: "compress"
    case .expand: "expand"
    case .auto: "auto"
    case .aspect(let v): DOTEscaping.number(v)
    }
  }
}

public enum DOTRankDirection: String, Sendable, Hashable, CaseIterable {
  case topToBottom = "TB"
  case leftToRight = "LR"
  case bottomToTop = "BT"
  case rightToLeft = "RL"
}

public enum DOTRank: String, Sendable, Hashable, CaseIterable {
  case same, min, max, source, sink
}

public enum DOTLabelLocation: String, Sendable, Hashable, CaseIterable {
  case top = "t"
  case center = "c"
  case bottom = "b"
}

public enum DOTLabelJustification: String, Sendable, Hashable, CaseIterable {
  case left = "l"
  case center = "c"
  case right = "r"
}

/// A `group` attribute value: nodes of one group are kept aligned by dot. Written as
/// `g<id>`, never from text.
public struct DOTGroup: Sendable, Hashable {
  public var id: Int
  public init(_ id: Int) { self.id = id }
}
