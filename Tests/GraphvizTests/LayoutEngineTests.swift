import Testing

@testable import Graphviz

@Suite("Layout engine choice")
struct LayoutEngineTests {
  @Test(
    "the engine follows the measured size thresholds",
    arguments: [
      (10, 20, LayoutEngine.dot), (150, 500, .dot), (151, 0, .neato), (100, 600, .neato),
      (1_000, 3_500, .neato), (1_001, 0, .sfdp), (400, 4_000, .sfdp), (20_000, 70_000, .sfdp),
    ])
  func recommended(nodes: Int, edges: Int, expected: LayoutEngine) {
    #expect(LayoutEngine.recommended(nodeCount: nodes, edgeCount: edges) == expected)
  }

  @Test("bounding attributes appear only above each engine's threshold")
  func bounding() {
    #expect(LayoutEngine.dot.boundingAttributes(nodeCount: 100, edgeCount: 300) == [])
    #expect(
      LayoutEngine.dot.boundingAttributes(nodeCount: 1_000, edgeCount: 3_500)
        == [.crossingLimit(0.1), .networkSimplexLimit(1), .networkSimplexLimit1(1)])
    #expect(LayoutEngine.neato.boundingAttributes(nodeCount: 400, edgeCount: 0) == [])
    #expect(
      LayoutEngine.neato.boundingAttributes(nodeCount: 800, edgeCount: 0) == [
        .maximumIterations(100)
      ])
    #expect(LayoutEngine.sfdp.boundingAttributes(nodeCount: 5_000, edgeCount: 0) == [])
    #expect(
      LayoutEngine.sfdp.boundingAttributes(nodeCount: 6_000, edgeCount: 0) == [.overlap(.allow)])
  }

  @Test("formats and engines parse from their names")
  func names() throws {
    #expect(RenderFormat(fileName: "out/figure.SVG") == .svg)
    #expect(RenderFormat(fileName: "figure.pdf") == .pdf)
    #expect(RenderFormat(fileName: "figure") == nil)
    #expect(try LayoutEngine.named("twopi") == .twopi)
    #expect(throws: GraphvizError.self) { try LayoutEngine.named("osage") }
  }
}
