import Testing

@testable import Graphviz

@Suite("Graph captions")
struct CaptionTests {
  @Test("a caption keeps up to 2,000 characters and every line, names escaped")
  func longCaption() throws {
    let lines = (1...20).map { "line \($0): \"Ann\" & <Bob> \\N" + String(repeating: "x", count: 40) }
    let caption = lines.joined(separator: "\n")
    #expect(caption.count > DOTEscaping.maximumLabelLength)
    let doc = DOTDocument(graphAttributes: [.caption(caption)], nodes: [DOTNode([.label("a")])])
    let parsed = try GraphvizRenderer.inspect(doc.text)
    // Graphviz keeps the escString form: \n for line breaks, \\ for a backslash.
    let expected = caption.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\n", with: "\\n")
    #expect(parsed.graphAttributes["label"] == expected)
    #expect(parsed.nodes.count == 1)
  }

  @Test("a left-justified label: hostile text stays literal, one \\l ends it, newlines become spaces")
  func leftLabel() throws {
    let text = "a \\l \"b\" & c\nd"
    let doc = DOTDocument(nodes: [DOTNode([.leftLabel(text), .shape(.plaintext)])])
    let parsed = try GraphvizRenderer.inspect(doc.text)
    #expect(parsed.nodes[0].attributes["label"] == "a \\\\l \"b\" &amp; c d\\l")
    let svg = String(decoding: try GraphvizRenderer.render(doc.text, engine: .dot, formats: [.svg])[.svg] ?? [], as: UTF8.self)
    #expect(svg.contains("text-anchor=\"start\""), "\\l left-justifies the line")
    #expect(svg.contains("a \\l &quot;b&quot; &amp; c d"), "\(svg)")
  }

  @Test("a caption longer than the limit is cut with an ellipsis")
  func truncated() throws {
    let doc = DOTDocument(graphAttributes: [.caption(String(repeating: "y", count: 5_000))])
    let parsed = try GraphvizRenderer.inspect(doc.text)
    let label = try #require(parsed.graphAttributes["label"])
    #expect(label.count == DOTAttribute.captionLength)
    #expect(label.hasSuffix("…"))
  }
}

@Suite("Layout positions")
struct LayoutPositionTests {
  @Test("every node gets a position, and pinning them reproduces the layout")
  func positions() throws {
    var doc = DOTDocument(graphAttributes: [.start(seed: 1)])
    for name in ["a", "b", "c", "d"] { doc.addNode([.label(name)]) }
    doc.addEdge(from: 0, to: 1)
    doc.addEdge(from: 1, to: 2)
    doc.addEdge(from: 2, to: 3)
    let first = try GraphvizRenderer.layoutPositions(doc, engine: .neato)
    #expect(first.keys.sorted() == [0, 1, 2, 3])
    var pinned = doc
    for i in 0..<4 {
      let p = try #require(first[i])
      pinned.nodes[i].attributes.append(.position(x: p.x, y: p.y, pinned: true))
    }
    let second = try GraphvizRenderer.layoutPositions(pinned, engine: .neato)
    for i in 0..<4 {
      let (a, b) = (try #require(first[i]), try #require(second[i]))
      #expect(abs(a.x - b.x) < 0.02 && abs(a.y - b.y) < 0.02, "node \(i) moved")
    }
  }
}
