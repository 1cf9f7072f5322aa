import Testing

@testable import Graphviz

/// Hostile names from ../shared/notes/graphviz.md §4a and issue 8.
let hostileNames: [String] = [
  "Ada \"the\" Lovelace",
  "back\\slash\\",
  "line one\nline two",
  "\"]; node [image=\"/etc/passwd\"",
  "x\"] ; n99 [label=\"pwned",
  "\\\"]; evil2 [label=\"",
  "<script>alert(1)</script>",
  "&amp; &lt; &#60; &#0; &#xD800;",
  "\\N \\G \\L \\n \\l",
  "nul\u{0}byte",
  String(repeating: "é", count: 500),
  "李小龙 🙂 Sébastien Bubeck, Peter Richtárik",
  "-> -- // /* */ # ; { } = , | < >",
  "cr\r\ttab esc\u{1B} del\u{7F} nel\u{85} ls\u{2028} bom\u{FEFF}",
  "<<TABLE><TR><TD><IMG SRC=\"/etc/passwd\"/></TD></TR></TABLE>>",
  "label=<b>x</b>",
]

/// What a label means to Graphviz once its escString escapes are undone: `\\` → `\`,
/// `\n` → newline, `&amp;` → `&` (the inverse of the writer's rules, written independently).
func decodeGraphvizLabel(_ raw: String) -> String {
  var out = ""
  var scalars = raw.unicodeScalars.makeIterator()
  while let c = scalars.next() {
    if c == "\\" {
      guard let next = scalars.next() else {
        out += "\\"
        break
      }
      switch next {
      case "\\": out += "\\"
      case "n": out += "\n"
      default:
        out.unicodeScalars.append(c)
        out.unicodeScalars.append(next)
      }
    } else {
      out.unicodeScalars.append(c)
    }
  }
  return out.replacing("&amp;", with: "&")
}

/// The writer's documented normalisation of input text: drop CR, NUL and other controls,
/// tab → space, cut at 200 characters.
func expectedLabel(_ name: String) -> String {
  var cleaned = ""
  let cut = name.count > 200 ? String(name.prefix(199)) : name
  for u in cut.unicodeScalars {
    if u == "\n" {
      cleaned += "\n"
    } else if u == "\t" {
      cleaned += " "
    } else if u.value < 0x20
      || u.value == 0x7F
    {
      continue
    } else {
      cleaned.unicodeScalars.append(u)
    }
  }
  return name.count > 200 ? cleaned + "…" : cleaned
}

@Suite("DOT writer")
struct DOTWriterTests {
  @Test("a small document is written exactly as specified")
  func exactText() {
    var doc = DOTDocument(directed: true)
    doc.graphAttributes = [.overlap(.remove), .splines(.curved), .start(seed: 7)]
    doc.nodeDefaults = [.shape(.box), .style([.filled, .rounded])]
    let a = doc.addNode([.label("A"), .fillColor(DOTColor(rgb: 0xE69F00)), .width(0.75)])
    let b = doc.addNode([])
    doc.addEdge(from: a, to: b, [.penWidth(1e-5), .weight(2)])
    doc.subgraphs = [DOTSubgraph(cluster: true, graphAttributes: [.label("Legend")], nodes: [b])]
    let expected = """
      digraph G {
        graph [fontname="DejaVu Sans", overlap=false, splines=curved, start=7];
        node [fontname="DejaVu Sans", shape=box, style="filled,rounded"];
        edge [fontname="DejaVu Sans"];
        n0 [label="A", fillcolor="#E69F00", width=0.75];
        n1 [label=""];
        subgraph cluster_0 {
          graph [label="Legend"];
          n1;
        }
        n0 -> n1 [penwidth=0, weight=2];
      }

      """
    #expect(doc.text == expected)
  }

  @Test("edges listed in a subgraph are written there once")
  func subgraphEdges() {
    var doc = DOTDocument()
    for _ in 0..<3 { doc.addNode([.label("x")]) }
    doc.addEdge(from: 0, to: 1)
    doc.addEdge(from: 1, to: 2)
    doc.subgraphs = [
      DOTSubgraph(graphAttributes: [.rank(.same)], nodes: [0, 1], edges: [0]),
      DOTSubgraph(cluster: true, nodes: [2], edges: [0]),
    ]
    let text = doc.text
    #expect(
      text.contains("subgraph s0 {\n    graph [rank=same];\n    n0;\n    n1;\n    n0 -- n1;\n  }"))
    #expect(text.contains("subgraph cluster_1 {\n    n2;\n  }"))
    #expect(text.ranges(of: "n0 -- n1").count == 1)
    #expect(text.hasSuffix("  n1 -- n2;\n}\n"))
  }

  @Test("every attribute is written with a name from the whitelist and a valid value")
  func allAttributesParse() throws {
    let attributes: [DOTAttribute] = [
      .label("l"), .xlabel("x"), .tooltip("t"), .comment("c"), .headLabel("h"), .tailLabel("t"),
      .fontName(.liberationSerif), .fontSize(10), .fontColor(.black), .labelFontSize(8),
      .color(.black), .fillColor(.white), .style([.dashed]), .penWidth(2),
      .arrowHead(.vee), .arrowTail(.dot), .arrowSize(0.5), .direction(.both), .shape(.circle),
      .width(1), .height(1), .fixedSize(true), .peripheries(2),
      .position(x: 1.5, y: -2, pinned: true), .pin(true), .length(1), .weight(3),
      .minimumLength(2), .constraint(false), .group(DOTGroup(3)),
    ]
    let graphAttributes: [DOTAttribute] = [
      .overlap(.prism), .splines(.line), .outputOrder(.edgesFirst), .pad(0.2), .margin(0.1),
      .size(width: 10, height: 8, fill: false), .dpi(96), .ratio(.aspect(0.5)),
      .separation(points: 4), .edgeSeparation(points: 2), .springConstant(0.3),
      .nodeSeparation(0.25), .rankSeparation(0.5), .rankDirection(.leftToRight),
      .labelLocation(.top), .labelJustification(.left), .concentrate(false), .newRank(true),
      .forceLabels(true), .crossingLimit(0.1), .networkSimplexLimit(1),
      .networkSimplexLimit1(1), .maximumIterations(100), .backgroundColor(.transparent),
    ]
    var doc = DOTDocument(graphAttributes: graphAttributes)
    doc.addNode(attributes)
    doc.addNode([.label("b")])
    doc.addEdge(from: 0, to: 1, attributes)
    let parsed = try GraphvizRenderer.inspect(doc.text)
    #expect(parsed.nodes.count == 2)
    #expect(parsed.edges.count == 1)
    #expect(parsed.warnings == [])
    let nodeAttributes = parsed.nodes[0].attributes
    for attribute in attributes {
      let raw = attribute.value
      let unquoted = raw.hasPrefix("\"") ? String(raw.dropFirst().dropLast()) : raw
      #expect(nodeAttributes[attribute.name] == unquoted, "\(attribute.name)")
    }
    for attribute in graphAttributes {
      let raw = attribute.value
      let unquoted = raw.hasPrefix("\"") ? String(raw.dropFirst().dropLast()) : raw
      #expect(parsed.graphAttributes[attribute.name] == unquoted, "\(attribute.name)")
    }
  }

  @Test("a hostile name stays one label: same nodes, edges and attributes", arguments: hostileNames)
  func hostileNameRoundTrip(name: String) throws {
    var doc = DOTDocument()
    let a = doc.addNode([.label(name), .tooltip(name)])
    let b = doc.addNode([.label("plain"), .xlabel(name)])
    doc.addEdge(from: a, to: b, [.label(name), .comment(name)])
    let parsed = try GraphvizRenderer.inspect(doc.text)
    #expect(parsed.nodes.map(\.name) == ["n0", "n1"])
    #expect(parsed.edges.count == 1)
    #expect(parsed.subgraphNames == [])
    #expect(parsed.declaredNodeAttributes == ["fontname", "label", "tooltip", "xlabel"])
    #expect(parsed.declaredEdgeAttributes == ["comment", "fontname", "label"])
    #expect(parsed.declaredGraphAttributes == ["fontname"])
    #expect(parsed.warnings == [])
    let expected = expectedLabel(name)
    #expect(parsed.nodes[0].attributes["label"].map(decodeGraphvizLabel) == expected)
    #expect(parsed.nodes[0].attributes["tooltip"].map(decodeGraphvizLabel) == expected)
    #expect(parsed.nodes[1].attributes["xlabel"].map(decodeGraphvizLabel) == expected)
    #expect(parsed.edges[0].attributes["label"].map(decodeGraphvizLabel) == expected)
  }

  @Test("a hostile name is drawn as its own text in SVG, with no markup", arguments: hostileNames)
  func hostileNameInSVG(name: String) throws {
    var doc = DOTDocument()
    doc.addNode([.label(name)])
    let result = try GraphvizRenderer.renderReport(doc.text, formats: [.svg])
    #expect(result.warnings == [])
    let svg = String(decoding: result.outputs[.svg] ?? [], as: UTF8.self)
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("<image"))
    #expect(!svg.contains("onload"))
    // Each line of the label is one <text> element (NEL and LS are not line breaks).
    let texts = svgTexts(svg)
    let lines = expectedLabel(name).split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.trimmingSpaces() }
      .filter { !$0.isEmpty }
    #expect(texts.map { $0.trimmingSpaces() } == lines)
  }

  @Test("an edge to a missing node is a precondition failure")
  func edgeOutOfRange() async {
    await #expect(processExitsWith: .failure) {
      var doc = DOTDocument()
      doc.addNode()
      doc.addEdge(from: 0, to: 5)
      _ = doc.text
    }
  }
}

/// The decoded content of every `<text>` element.
func svgTexts(_ svg: String) -> [String] {
  let pattern = /<text[^>]*>([^<]*)<\/text>/
  return svg.matches(of: pattern).map { match in
    var text = String(match.output.1)
    for (entity, character) in [
      ("&#45;", "-"), ("&#160;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""),
      ("&#39;", "'"), ("&amp;", "&"),
    ] {
      text = text.replacing(entity, with: character)
    }
    return text
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}

/// SplitMix64 (Steele, Lea, Flood 2014), for reproducible random strings.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("DOT writer, random names")
struct DOTWriterRandomTests {
  @Test("500 random strings from the hostile alphabet round-trip through libgvc")
  func randomNames() throws {
    // The alphabet of the notes' 20,000-string check (§4a).
    let pieces: [String] = [
      "\"", "\\", "<", ">", "&", ";", "[", "]", "{", "}", "=", ",", "\n", "\r", "\t", "-", "#",
      "/", "*", "'", "|", ":", "&amp;", "&#60;", "\\N", "\\\"", "\"]", "->", "--", "//", "/*",
      "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}", "é", "李", "🙂", "a", " ",
    ]
    var rng = SplitMix64(state: 42)
    var names: [String] = []
    for _ in 0..<500 {
      let length = Int.random(in: 1...24, using: &rng)
      names.append(
        (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined())
    }
    // One document with every name: 500 nodes in a path.
    var doc = DOTDocument(directed: true)
    for name in names { doc.addNode([.label(name)]) }
    for i in 1..<names.count { doc.addEdge(from: i - 1, to: i, [.tooltip(names[i])]) }
    let parsed = try GraphvizRenderer.inspect(doc.text)
    #expect(parsed.nodes.count == names.count)
    #expect(parsed.edges.count == names.count - 1)
    #expect(parsed.declaredNodeAttributes == ["fontname", "label"])
    #expect(parsed.declaredEdgeAttributes == ["fontname", "tooltip"])
    #expect(parsed.warnings == [])
    for (index, node) in parsed.nodes.enumerated() {
      #expect(node.name == "n\(index)")
      #expect(decodeGraphvizLabel(node.attributes["label"] ?? "") == expectedLabel(names[index]))
    }
  }
}
