import CoauthorBase
import Formats
import GraphKit
import Testing

@Suite("Pajek reader")
struct PajekReaderTests {
  /// Written by networkx 3.6.1:
  /// `G = nx.Graph(); G.add_edge("Ann Smith", "Bo Jones", weight=2.0);
  ///  G.add_edge("Bo Jones", "Cy Lee", weight=1.0); G.add_edge("Ann Smith", "Cy Lee", weight=0.5);
  ///  nx.write_pajek(G, "g.net")`.
  static let networkx = """
    *vertices 3
    1 "Ann Smith" 0.0 0.0 ellipse
    2 "Bo Jones" 0.0 0.0 ellipse
    3 "Cy Lee" 0.0 0.0 ellipse
    *edges
    1 2 2.0
    1 3 0.5
    2 3 1.0

    """

  func weight(_ g: Graph, _ a: String, _ b: String) -> Double? {
    guard let u = (0..<g.nodeCount).first(where: { g.label(of: $0) == a }),
      let v = (0..<g.nodeCount).first(where: { g.label(of: $0) == b })
    else { return nil }
    return g.edges.first { ($0.u == u && $0.v == v) || ($0.u == v && $0.v == u) }?.weight
  }

  @Test("networkx's write_pajek output is recognised and read with labels and weights")
  func networkxFile() throws {
    let bytes = Array(Self.networkx.utf8)
    #expect(GraphReader.recognize(bytes, fileName: "g.net") == .pajek)
    let document = try GraphReader.parseDocument(bytes, file: "g.net")
    #expect(document.diagnostics.isEmpty)
    let g = document.graph
    #expect(document.format == .pajek)
    #expect(g.nodeCount == 3)
    #expect(g.edgeCount == 3)
    #expect(weight(g, "Ann Smith", "Bo Jones") == 2.0)
    #expect(weight(g, "Ann Smith", "Cy Lee") == 0.5)
    #expect(weight(g, "Bo Jones", "Cy Lee") == 1.0)
  }

  @Test("our own Pajek export reads back to the same graph")
  func roundTrip() throws {
    var builder = GraphBuilder(nodeCount: 4, labels: ["Zoë Ö", "B \"quoted\"", "C", "D"])
    builder.addEdge(0, 1, weight: 3)
    builder.addEdge(1, 2, weight: 0.25)
    builder.addEdge(2, 3, weight: 1)
    let original = builder.build()
    let text = PajekWriter.text(original)
    let read = try GraphReader.parseDocument(Array(text.utf8), file: "ours.net").graph
    #expect(read.nodeCount == 4)
    #expect(read.label(of: 0) == "Zoë Ö")
    #expect(read.label(of: 1) == "B 'quoted'")  // Pajek has no escapes: the writer swaps quotes
    #expect(read.edges.map { [$0.u, $0.v] } == original.edges.map { [$0.u, $0.v] })
    #expect(read.edges.map(\.weight) == original.edges.map(\.weight))
  }

  @Test("bad lines are diagnostics with their line; arcs, lists, repeats and loops are said")
  func badLines() throws {
    let text = """
      % a comment
      *Vertices 4
      1 "a"
      9 "out of range"
      *Arcs
      1 2 1
      2 1 2
      3 3 1
      1 7 1
      1 2 -1
      *Edgeslist
      1 3 4

      """
    let document = try GraphReader.parseDocument(Array(text.utf8), file: "bad.net")
    let lines = document.diagnostics.map { ($0.location.line, $0.severity) }
    #expect(lines.contains { $0 == (4, .error) })  // vertex 9 of 4
    #expect(lines.contains { $0 == (5, .warning) })  // arcs read as edges
    #expect(lines.contains { $0 == (7, .warning) })  // 2 1 repeats 1 2
    #expect(lines.contains { $0 == (9, .error) })  // vertex 7 unknown
    #expect(lines.contains { $0 == (10, .error) })  // negative weight
    #expect(document.droppedSelfLoops == 1)
    let g = document.graph
    #expect(g.nodeCount == 4)
    #expect(weight(g, "a", "2") == 3)
    #expect(g.edgeCount == 3)  // 1–2, 1–3, 1–4
  }

  @Test("a header claiming 10^12 vertices in a short file allocates nothing large")
  func hugeHeader() throws {
    let text = "*Vertices 1000000000000\n1 \"a\"\n"
    let bytes = Array(text.utf8)
    #expect(GraphReader.recognize(bytes, fileName: nil) == .pajek)
    #expect(throws: Diagnostic.self) { try GraphReader.parseDocument(bytes, file: "huge.net") }
    let fine = try GraphReader.parseDocument(Array("*Vertices 2000000000\n1 \"a\"\n2 \"b\"\n*Edges\n1 2\n".utf8), file: "big.net")
    #expect(fine.graph.nodeCount == 2)
  }
}
