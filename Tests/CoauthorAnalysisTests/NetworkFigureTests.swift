import GraphKit
import Graphviz
import Testing

@testable import CoauthorAnalysis

@Suite("Network figures")
struct NetworkFigureTests {
  /// Two triangles and a pair: 8 nodes in 3 components.
  func graph() -> Graph {
    var b = GraphBuilder(labels: ["a", "b", "c", "d", "e", "f", "g", "h"])
    for (u, v) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (3, 6), (6, 7)] {
      b.addEdge(u, v, weight: Double(u + v))
    }
    return b.build()
  }

  @Test("small networks are drawn whole, and the caption says so when disconnected")
  func whole() {
    let g = graph()
    let (nodes, note) = NetworkFigure.selection(graph: g, size: g.strength(), limit: 10)
    #expect(nodes == Array(0..<8))
    #expect(note?.contains("whole network") == true)
  }

  @Test("large networks show the strongest nodes of the largest component")
  func capped() {
    let g = graph()  // largest component: 3, 4, 5, 6, 7
    let (nodes, note) = NetworkFigure.selection(graph: g, size: g.strength(), keep: [0], limit: 3)
    // Strength: 3 → 7+8+9 = 24, 4 → 7+9 = 16, 5 → 8+9 = 17, 6 → 9+13 = 22, 7 → 13.
    // At most `limit` nodes in all, the kept node included.
    #expect(nodes == [0, 3, 6])
    #expect(note?.contains("largest component's 5 nodes") == true)
  }

  @Test("only the top-k nodes and the emphasized ones get labels")
  func labels() throws {
    let g = graph()
    var style = FigureStyle()
    style.labeledNodes = 2
    let legend = FigureLegend(
      title: "t", nodeSize: "s", edgeWidth: "w", colors: "c", communities: [], omitted: nil)
    let (doc, engine) = NetworkFigure.document(
      graph: g, size: g.strength(), importance: g.strength(), communities: nil,
      emphasized: [7], style: style, legend: legend)
    #expect(engine == .neato)
    let parsed = try GraphvizRenderer.inspect(doc.text)
    let labeled = parsed.nodes.filter { !($0.attributes["label"] ?? "").isEmpty }
    // The emphasized node plus the single strongest other (node 3, strength 24).
    #expect(Set(labeled.compactMap { $0.attributes["label"] }) == ["h", "d"])
    #expect(parsed.nodes.first { $0.attributes["label"] == "h" }?.attributes["peripheries"] == "2")
    #expect(parsed.edges.count == 8)
  }
}
