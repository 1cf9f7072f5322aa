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

  @Test("a caption longer than the limit is cut with an ellipsis")
  func truncated() throws {
    let doc = DOTDocument(graphAttributes: [.caption(String(repeating: "y", count: 5_000))])
    let parsed = try GraphvizRenderer.inspect(doc.text)
    let label = try #require(parsed.graphAttributes["label"])
    #expect(label.count == DOTAttribute.captionLength)
    #expect(label.hasSuffix("…"))
  }
}
