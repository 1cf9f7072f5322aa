import Testing

@testable import Graphviz

/// DOT written by someone else, with every attack from ../shared/notes/graphviz.md §4b.
let hostileDOT = """
  digraph Evil {
    layout=circo; stylesheet="x.css\\"?><script>alert(1)</script>"; size="100,100!"; dpi=1000;
    imagepath="/etc"; fontpath="/tmp"; URL="javascript:alert(1)"; charset="latin1";
    node [image="/etc/passwd", fontname="x\\" onload=\\"alert(1)"];
    edge [edgeURL="javascript:alert(2)"];
    a [label="Alice", shape=epsf, shapefile="/etc/passwd", color=red, href="javascript:x"];
    b [label=<<TABLE><TR><TD><IMG SRC="/etc/shadow"/></TD></TR></TABLE>>, fontsize="1e9"];
    c [shape=box, fontsize="0x1p30", peripheries=100000, fontname="DejaVu Sans"];
    d [label=<<B>bold</B>>, width=2, tooltip="Dee"];
    f [label=<<FONT FACE="x&quot; onload=&quot;alert(3)">face</FONT>>];
    subgraph cluster_x { node [imagescale=true, image="/etc/hostname"]; e; }
    a -> b [URL="x&r=2\\" onmouseover=\\"alert(1)", tailURL="t", headURL="h", labelURL="l", penwidth=2];
    b -> c [label="ok", weight=3];
    c -> d; d -> e;
  }
  """

@Suite("Sanitizing untrusted DOT")
struct SanitizerTests {
  @Test("every dangerous attribute is removed or capped, and reported")
  func removesDangerousAttributes() throws {
    let sanitized = try GraphvizRenderer.sanitize(hostileDOT, engine: .dot)
    let removed = Set(sanitized.removals.map { "\($0.kind.rawValue).\($0.attribute)" })
    for expected in [
      "graph.layout", "graph.stylesheet", "graph.size", "graph.dpi", "graph.imagepath",
      "graph.fontpath", "graph.URL", "graph.charset", "node.image", "node.fontname",
      "node.shape", "node.shapefile", "node.href", "node.label", "node.fontsize",
      "node.peripheries", "node.imagescale", "edge.edgeURL", "edge.URL", "edge.tailURL",
      "edge.headURL", "edge.labelURL",
    ] {
      #expect(removed.contains(expected), "\(expected) not reported")
    }
    // A subgraph that only inherits the root's value is not reported again.
    #expect(!sanitized.removals.contains { $0.object == "cluster_x" })
    // Nothing safe was touched.
    for kept in ["node.color", "node.width", "node.tooltip", "edge.penwidth", "edge.weight"] {
      #expect(!removed.contains(kept), "\(kept) was removed")
    }

    let parsed = try GraphvizRenderer.inspect(sanitized.text)
    #expect(parsed.nodes.map(\.name).sorted() == ["a", "b", "c", "d", "e", "f"])
    #expect(parsed.edges.count == 4)
    #expect(parsed.graphAttributes["layout"] == "dot")
    #expect(parsed.graphAttributes["size"] == "30,30")
    let forbidden: Set = [
      "image", "imagepath", "imagescale", "shapefile", "fontpath", "stylesheet", "URL", "href",
      "edgeURL", "tailURL", "headURL", "labelURL", "charset", "dpi",
    ]
    for (name, value) in parsed.graphAttributes {
      #expect(!forbidden.contains(name), "\(name)=\(value)")
    }
    for node in parsed.nodes {
      for (name, value) in node.attributes {
        #expect(!forbidden.contains(name), "\(node.name).\(name)=\(value)")
      }
      #expect(node.attributes["fontname"].map { $0 == "DejaVu Sans" } ?? true)
      #expect(node.attributes["shape"] != "epsf")
    }
    for edge in parsed.edges {
      for (name, value) in edge.attributes {
        #expect(!forbidden.contains(name), "\(name)=\(value)")
      }
    }
    let byName = Dictionary(uniqueKeysWithValues: parsed.nodes.map { ($0.name, $0.attributes) })
    #expect(byName["a"]?["color"] == "red")
    #expect(byName["a"]?["label"] == "Alice")
    #expect(byName["b"]?["label"] == "\\N")  // the HTML label with <IMG> is gone
    #expect(byName["d"]?["label"] == "<B>bold</B>")  // a harmless HTML label stays
    #expect(byName["f"]?["label"] == "\\N")  // FONT FACE is written into SVG unescaped
    #expect(byName["c"]?["fontsize"] == nil)
    #expect(byName["c"]?["shape"] == "box")
  }

  @Test("rendering sanitized DOT gives SVG without links, scripts, images or the file paths")
  func renderedOutputIsClean() throws {
    let result = try GraphvizRenderer.renderReport(
      hostileDOT, engine: .dot, formats: [.svg, .png, .pdf], sanitizing: .strict)
    let svg = String(decoding: result.outputs[.svg] ?? [], as: UTF8.self)
    #expect(svg.contains("<svg"))
    for needle in [
      "<script", "javascript:", "onload", "onmouseover", "<image", "/etc/", "stylesheet",
      "xlink:href",
    ] {
      #expect(!svg.contains(needle), "SVG contains \(needle)")
    }
    #expect(!result.removals.isEmpty)
    // The 100×100-inch fill size is gone: the drawing keeps its natural size.
    #expect((result.outputs[.png] ?? []).count < 200_000)
  }

  @Test("the markup attacks are real without the sanitizer and gone with it")
  func attacksAreReal() throws {
    let dot = """
      graph X {
        a [label=<<FONT FACE="x&quot; onload=&quot;alert(3)">face</FONT>>];
        b [URL="x\\" onmouseover=\\"alert(4)", fontname="y\\" onclick=\\"alert(5)"];
      }
      """
    let raw = try GraphvizRenderer.render(dot, formats: [.svg])
    let rawSVG = String(decoding: raw[.svg] ?? [], as: UTF8.self)
    #expect(rawSVG.contains("onload=\"alert(3)\""))
    #expect(rawSVG.contains("onmouseover=\"alert(4)\""))
    #expect(rawSVG.contains("onclick=\"alert(5)\""))
    let clean = try GraphvizRenderer.renderReport(dot, formats: [.svg], sanitizing: .strict)
    let cleanSVG = String(decoding: clean.outputs[.svg] ?? [], as: UTF8.self)
    for handler in ["onload", "onmouseover", "onclick"] { #expect(!cleanSVG.contains(handler)) }
    #expect(Set(clean.removals.map(\.attribute)) == ["label", "URL", "fontname"])
  }

  @Test("a sanitized image attribute leaves the output identical to no attribute at all")
  func imageHasNoEffect() throws {
    let withImage =
      "graph S { a [image=\"/usr/share/graphviz/doc/nonexistent.png\", label=\"A\"]; a -- b }"
    let without = "graph S { a [label=\"A\"]; a -- b }"
    let first = try GraphvizRenderer.renderReport(
      withImage, formats: [.svg, .png], sanitizing: .strict)
    let second = try GraphvizRenderer.renderReport(
      without, formats: [.svg, .png], sanitizing: .strict)
    #expect(first.outputs[.svg] == second.outputs[.svg])
    #expect(first.outputs[.png] == second.outputs[.png])
    #expect(first.warnings == [])
    #expect(first.removals.map(\.attribute) == ["image"])
    #expect(second.removals.isEmpty)
  }

  @Test("DOT from our own writer passes the sanitizer untouched")
  func writerOutputIsClean() throws {
    var doc = smallDocument()
    doc.graphAttributes += [.size(width: 10, height: 10, fill: false), .dpi(96)]
    doc.nodeDefaults = [.shape(.circle), .style([.filled]), .fillColor(DOTColor.okabeIto[1])]
    let sanitized = try GraphvizRenderer.sanitize(doc.text, engine: .neato)
    #expect(sanitized.removals == [])
  }

  @Test(
    "numeric values are plain decimals under the cap",
    arguments: [
      ("fontsize", "12", true), ("fontsize", "1e9", false), ("fontsize", "0x1p30", false),
      ("fontsize", "inf", false), ("fontsize", "250", false), ("ranksep", "1.2 equally", true),
      ("margin", "0.1,0.2", true), ("penwidth", "-1000", false), ("size", "7.5,10", true),
      ("size", "7.5,10!", true), ("size", "31,10", false), ("size", "1e2", false),
      ("dpi", "300", false), ("dpi", "96", true), ("ratio", "fill", true),
      ("ratio", "1e9", false), ("ratio", "0.5", true),
    ])
  func numericCaps(name: String, value: String, kept: Bool) {
    let decision = SanitizePolicy.strict.decide(
      kind: .graph, name: name, value: value, isHTML: false, engine: .dot)
    #expect((decision == .keep) == kept)
  }

  @Test("fonts must be installed ones; shapes may not read files")
  func fontsAndShapes() {
    let policy = SanitizePolicy.strict
    #expect(
      policy.decide(
        kind: .node, name: "fontname", value: "DejaVu Sans", isHTML: false, engine: .dot) == .keep)
    #expect(
      policy.decide(kind: .node, name: "fontname", value: "Helvetica", isHTML: false, engine: .dot)
        == .keep)
    #expect(
      policy.decide(
        kind: .node, name: "fontname", value: "x\" onload=\"y", isHTML: false, engine: .dot)
        != .keep)
    #expect(
      policy.decide(kind: .node, name: "shape", value: "EPSF", isHTML: false, engine: .dot) != .keep
    )
    #expect(
      policy.decide(kind: .node, name: "shape", value: "custom", isHTML: false, engine: .dot)
        != .keep)
    #expect(
      policy.decide(kind: .node, name: "shape", value: "record", isHTML: false, engine: .dot)
        == .keep)
    #expect(
      policy.decide(kind: .graph, name: "layout", value: "neato", isHTML: false, engine: .neato)
        == .keep)
    #expect(
      policy.decide(kind: .graph, name: "layout", value: "circo", isHTML: false, engine: .neato)
        == .replace(with: "neato", reason: "layout is chosen by the caller"))
  }
}
