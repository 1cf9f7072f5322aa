/// Which attributes of untrusted DOT (a file the user did not write) survive before layout.
///
/// Everything not on an allow list is removed: attribute names are where the danger is
/// (`image`, `shapefile` and HTML `<IMG>` read local files, `stylesheet`, `URL`/`href` and
/// `fontname` inject markup into SVG, `layout` overrides the engine, `size`/`dpi`/`ratio`/
/// `page` and tuning limits cost minutes or gigabytes; ../shared/notes/graphviz.md §4b).
/// Values of kept attributes are checked where they matter: font names must be installed
/// fonts, numbers must stay below caps, shapes cannot be `epsf` or `custom`.
public struct SanitizePolicy: Sendable, Hashable, Codable {
  /// The object kind an attribute belongs to.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    case graph, node, edge
  }

  public var allowedGraphAttributes: Set<String>
  public var allowedNodeAttributes: Set<String>
  public var allowedEdgeAttributes: Set<String>
  /// Accepted `fontname`/`labelfontname` values: installed fonts and fontconfig aliases.
  public var allowedFontNames: Set<String>
  /// Upper bounds for numeric attributes; a value with any number above its cap is removed.
  public var numericCaps: [String: Double]
  /// `size` is capped (and set when absent) to this many inches per side.
  public var maximumSizeInches: Double
  /// `dpi`/`resolution` above this is removed (Graphviz then uses 96 for PNG).
  public var maximumDPI: Double

  public init(
    allowedGraphAttributes: Set<String>, allowedNodeAttributes: Set<String>,
    allowedEdgeAttributes: Set<String>, allowedFontNames: Set<String>,
    numericCaps: [String: Double], maximumSizeInches: Double, maximumDPI: Double
  ) {
    self.allowedGraphAttributes = allowedGraphAttributes
    self.allowedNodeAttributes = allowedNodeAttributes
    self.allowedEdgeAttributes = allowedEdgeAttributes
    self.allowedFontNames = allowedFontNames
    self.numericCaps = numericCaps
    self.maximumSizeInches = maximumSizeInches
    self.maximumDPI = maximumDPI
  }

  /// The default policy: a drawing of at most 30 × 30 inches at 144 dpi (4,320 px).
  public static let strict = SanitizePolicy(
    allowedGraphAttributes: [
      "bgcolor", "center", "class", "clusterrank", "color", "colorscheme", "comment",
      "compound", "concentrate", "dim", "dimen", "dpi", "resolution", "esep", "fillcolor",
      "fontcolor", "fontname", "fontsize", "forcelabels", "gradientangle", "id", "K", "label",
      "labeljust", "labelloc", "landscape", "margin", "mclimit", "mindist", "mode", "model",
      "newrank", "nodesep", "nojustify", "normalize", "nslimit", "nslimit1", "ordering",
      "orientation", "outputorder", "overlap", "overlap_scaling", "overlap_shrink", "pack",
      "packmode", "pad", "pencolor", "penwidth", "peripheries", "quadtree", "quantum", "rank",
      "rankdir", "ranksep", "ratio", "remincross", "repulsiveforce", "rotate", "searchsize",
      "sep", "size", "smoothing", "sortv", "splines", "start", "style", "tooltip",
      "truecolor", "voro_margin", "xlabel", "maxiter", "levelsgap", "epsilon", "root",
      "labelscheme", "diredgeconstraints", "bb", "lp", "lheight", "lwidth",
    ],
    allowedNodeAttributes: [
      "class", "color", "colorscheme", "comment", "distortion", "fillcolor", "fixedsize",
      "fontcolor", "fontname", "fontsize", "gradientangle", "group", "height", "id", "label",
      "labelloc", "margin", "nojustify", "ordering", "orientation", "penwidth", "peripheries",
      "pin", "pos", "rects", "regular", "root", "shape", "sides", "skew", "sortv", "style",
      "tooltip", "width", "xlabel", "xlp", "z", "vertices",
    ],
    allowedEdgeAttributes: [
      "arrowhead", "arrowsize", "arrowtail", "class", "color", "colorscheme", "comment",
      "constraint", "decorate", "dir", "edgetooltip", "fillcolor", "fontcolor", "fontname",
      "fontsize", "headclip", "headlabel", "headport", "headtooltip", "head_lp", "id",
      "label", "labelangle", "labeldistance", "labelfloat", "labelfontcolor",
      "labelfontname", "labelfontsize", "labeltooltip", "len", "lhead", "lp", "ltail",
      "minlen", "penwidth", "pos", "samehead", "sametail", "style", "tailclip", "taillabel",
      "tailport", "tailtooltip", "tail_lp", "tooltip", "weight", "xlabel", "xlp",
    ],
    allowedFontNames: Set(DOTFont.allCases.map(\.rawValue)).union([
      "DejaVu Sans Condensed", "DejaVu Serif Condensed", "Times", "Times-Roman",
      "Times New Roman", "Helvetica", "Arial", "Courier", "Courier New", "sans-serif",
      "sans", "serif", "monospace", "Sans", "Serif", "Monospace",
    ]),
    numericCaps: [
      "fontsize": 200, "labelfontsize": 200, "penwidth": 50, "arrowsize": 20,
      "peripheries": 10, "sides": 100, "width": 100, "height": 100, "nodesep": 20,
      "ranksep": 20, "margin": 10, "pad": 10, "minlen": 100, "len": 100, "mclimit": 2,
      "nslimit": 100, "nslimit1": 100, "maxiter": 10_000, "searchsize": 100, "mindist": 100,
      "K": 100, "labeldistance": 20, "esep": 100, "sep": 100, "levelsgap": 100,
      "quantum": 10, "weight": 10_000, "z": 1_000_000, "skew": 100, "distortion": 100,
      "epsilon": 1, "overlap_scaling": 1_000, "repulsiveforce": 100, "voro_margin": 100,
      "gradientangle": 360, "labelangle": 360, "rotate": 360, "lheight": 1_000,
      "lwidth": 1_000, "dim": 10, "dimen": 10, "orientation": 360,
    ],
    maximumSizeInches: 30,
    maximumDPI: 144)

  /// What to do with one attribute value.
  public enum Decision: Sendable, Hashable {
    case keep
    /// Replace the value (with a neutral one, or a capped one) and report why.
    case replace(with: String, reason: String)
  }

  /// The decision for one non-empty value. `isHTML` is true for `<…>` labels.
  ///
  /// `layout` is replaced by the engine the caller asked for (an empty `layout` makes
  /// `gvLayout` fail).
  public func decide(
    kind: Kind, name: String, value: String, isHTML: Bool, engine: LayoutEngine
  ) -> Decision {
    if name == "layout" {
      return value == engine.rawValue
        ? .keep : .replace(with: engine.rawValue, reason: "layout is chosen by the caller")
    }
    let allowed: Set<String> =
      switch kind {
      case .graph: allowedGraphAttributes
      case .node: allowedNodeAttributes
      case .edge: allowedEdgeAttributes
      }
    guard allowed.contains(name) else {
      return .replace(with: "", reason: "attribute not on the safe list")
    }
    if isHTML {
      // Measured with dot 2.43 -Tsvg: <IMG SRC> reads files; HREF and FONT FACE values are
      // written into SVG attributes unescaped (FACE="x&quot; onload=&quot;…" gives
      // font-family="x" onload="…"); ID, TITLE, TOOLTIP and TARGET are escaped.
      let lower = value.lowercased()
      for needle in ["<img", "href", "url", "face", "background", "target"]
      where lower.contains(needle) {
        return .replace(
          with: kind == .node && name == "label" ? "\\N" : "",
          reason: "HTML label with \(needle) (reads files or injects links)")
      }
    }
    switch name {
    case "fontname", "labelfontname":
      return allowedFontNames.contains(value)
        ? .keep : .replace(with: "", reason: "font is not an installed font")
    case "shape":
      let lower = value.lowercased()
      return lower == "epsf" || lower == "custom"
        ? .replace(with: "ellipse", reason: "shape \(lower) reads a file") : .keep
    case "size":
      let numbers = Self.numbers(in: value)
      let fits =
        Self.isPlainNumeric(value) && !numbers.isEmpty && numbers.count <= 2
        && numbers.allSatisfy { $0 > 0 && $0 <= maximumSizeInches }
      return fits ? .keep : .replace(with: sizeCap, reason: "size above the cap")
    case "dpi", "resolution":
      let numbers = Self.numbers(in: value)
      return Self.isPlainNumeric(value) && numbers.allSatisfy({ $0 <= maximumDPI })
        ? .keep : .replace(with: "", reason: "dpi above \(DOTEscaping.number(maximumDPI))")
    case "ratio":
      // A numeric ratio or "fill"/"expand" can blow the drawing up to `size` or beyond;
      // with the size cap in place only "compress"/"auto" and ratios in a sane range stay.
      let lower = value.lowercased()
      if ["compress", "auto", "fill"].contains(lower) { return .keep }
      let numbers = Self.numbers(in: value)
      return Self.isPlainNumeric(value) && numbers.count == 1 && numbers[0] > 0.01
        && numbers[0] <= 100
        ? .keep : .replace(with: "", reason: "ratio \(value.prefix(20)) not allowed")
    case "orientation" where value.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }):
      return .keep  // the graph's "landscape"/"portrait"; a node's is an angle
    case _ where Self.pointAttributes.contains(name):
      // pos="nan,nan!" made neato write an SVG full of "nan" coordinates and exit 0; a
      // 400-digit decimal is +inf as a double. Only finite points within the cap stay.
      let text = value.replacing("e,", with: " ").replacing("s,", with: " ")
      let numbers = Self.numbers(in: text)
      guard Self.isPlainNumeric(text.replacing(";", with: " ")),
        numbers.allSatisfy({ $0.isFinite && abs($0) <= Self.maximumCoordinate })
      else {
        return .replace(
          with: "",
          reason: "not finite coordinates up to \(DOTEscaping.number(Self.maximumCoordinate))")
      }
      return .keep
    default:
      if let cap = numericCaps[name] {
        // strtod also reads "1e9", "0x1p30" and "inf": only plain decimals are accepted.
        let text = name == "ranksep" ? value.replacing("equally", with: "") : value
        guard Self.isPlainNumeric(text),
          Self.numbers(in: text).allSatisfy({ $0.isFinite && abs($0) <= cap })
        else {
          return .replace(with: "", reason: "not a number up to \(DOTEscaping.number(cap))")
        }
      }
      return .keep
    }
  }

  /// Attributes holding points or splines in points (`pos`, label positions, `bb`,
  /// `rects`, `vertices`): plain decimals, `,`, `!`, `;` and the `e,`/`s,` markers of
  /// edge splines, every number finite and within ``maximumCoordinate``.
  public static let pointAttributes: Set<String> = [
    "pos", "lp", "xlp", "head_lp", "tail_lp", "bb", "rects", "vertices",
  ]

  /// The largest coordinate, in points, a point attribute may hold (about 350 m).
  public static let maximumCoordinate: Double = 1_000_000

  /// The `size` value written when a graph has none or too large a one.
  public var sizeCap: String {
    DOTEscaping.number(maximumSizeInches) + "," + DOTEscaping.number(maximumSizeInches)
  }

  /// Only digits, `.`, `,`, `+`, `-`, `!`, `:` and spaces (no exponent, hex or `inf`).
  static func isPlainNumeric(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { "0123456789.,+-!: ".unicodeScalars.contains($0) }
  }

  /// Every decimal number in `text` (`"+4,2.5!"` → [4, 2.5]).
  static func numbers(in text: String) -> [Double] {
    var result: [Double] = []
    var current = ""
    func flush() {
      if !current.isEmpty, let v = Double(current) { result.append(v) }
      current = ""
    }
    for ch in text {
      if ch.isASCII, ch.isNumber || ch == "." || (ch == "-" && current.isEmpty) {
        current.append(ch)
      } else {
        flush()
      }
    }
    flush()
    return result
  }
}

/// One attribute the sanitizer removed or changed.
public struct SanitizerRemoval: Sendable, Hashable, Codable, CustomStringConvertible {
  public var kind: SanitizePolicy.Kind
  /// The object: a node name, `tail -> head`, a subgraph name, or the graph's name (or
  /// "graph" when unnamed); "defaults" for a `node [...]`/`edge [...]` default.
  public var object: String
  public var attribute: String
  /// The removed value, cut to 80 characters.
  public var value: String
  /// What it became ("" = removed).
  public var replacement: String
  public var reason: String

  public var description: String {
    let shown = value.count > 80 ? String(value.prefix(79)) + "…" : value
    let action = replacement.isEmpty ? "removed" : "replaced by \"\(replacement)\""
    return "\(kind.rawValue) \(object): \(attribute)=\"\(shown)\" \(action) (\(reason))"
  }
}
