import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

@Suite("Graph readers")
struct GraphReaderTests {
  @Test("SNAP edge list: CRLF header, both directions, self-loops dropped")
  func snap() throws {
    let doc = try GraphReader.readDocument(contentsOf: FormatsFixture.dataset("graphs/ca-GrQc.txt"))
    #expect(doc.format == .edgeList)
    #expect(doc.diagnostics.isEmpty)
    // SNAP: 5,242 nodes, 14,496 undirected edges of which 12 are self-loops.
    #expect(doc.graph.nodeCount == 5242)
    #expect(doc.graph.edgeCount == 14_496 - 12)
    #expect(doc.droppedSelfLoops > 0)
    #expect(doc.graph.isUnweighted)
  }

  @Test("gzip, mixed separators, optional weight column (read as an edge list by name)")
  func gzipWeighted() throws {
    let path = try FormatsFixture.fixturePath("readers/triangle.txt.gz")
    // `b c 3`: space-separated words are not positively an edge list, so only the
    // edge-list reader itself reads this file.
    #expect(GraphReader.recognize(try FormatsFixture.bytes(path), fileName: path) == nil)
    let g = try EdgeListReader.read(contentsOf: path)
    #expect(g.labels == ["a", "b", "c", "d"])
    #expect(g.edgeCount == 4)
    #expect(g.weight(between: 0, and: 1) == 2)
    #expect(g.weight(between: 1, and: 2) == 3)
    #expect(g.weight(between: 2, and: 0) == 1.5)
    #expect(g.weight(between: 2, and: 3) == 1)
  }

  @Test("bad lines are reported at file:line and reading goes on")
  func edgeListDiagnostics() throws {
    let text = "1 2\n2\n# comment\n2 3 heavy\n3 4 2.5\n"
    // Malformed lines among the first 500 make the file not positively an edge list;
    // the edge-list reader itself reads it and reports them.
    #expect(GraphReader.recognize(Array(text.utf8), fileName: "x.txt") == nil)
    let doc = EdgeListReader.parseDocument(Array(text.utf8), file: "x.txt")
    #expect(doc.graph.edgeCount == 2)
    #expect(doc.diagnostics.map(\.location.line) == [2, 4])
    // `2 3 heavy`: the weight starts at column 5.
    #expect(doc.diagnostics.map(\.location.column) == [1, 5])
    #expect(doc.diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "x.txt" })
    let error = #expect(throws: Diagnostic.self) { try EdgeListReader.parse(text, file: "x.txt") }
    #expect(error?.location.line == 2)
    #expect(error?.description.hasPrefix("x.txt:2:1: error: ") == true)
  }

  @Test("GML: Newman's netscience with edge values as weights")
  func gml() throws {
    let doc = try GraphReader.readDocument(contentsOf: FormatsFixture.dataset("graphs/netscience.gml"))
    #expect(doc.format == .gml)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.nodeCount == 1589)
    #expect(doc.graph.edgeCount == 2742)
    expectClose(doc.graph.totalWeight, 1190, relative: 1e-6)  // fractional values (1/3, …)
    #expect(doc.graph.labels[0] == "ABRAMSON, G")
  }

  @Test("GML: unknown node and bad weight reported with their lines")
  func gmlDiagnostics() throws {
    let text = """
      graph [
        node [ id 1 label "A &amp; B" ]
        node [ id 2 label "C" graphics [ x 1 y 2 ] ]
        edge [ source 1 target 2 weight 2 ]
        edge [ source 1 target 9 ]
        edge [ source 2 target 1 value 3 ]
      ]
      """
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "t.gml")
    #expect(doc.graph.labels == ["A & B", "C"])
    #expect(doc.graph.weight(between: 0, and: 1) == 5)
    #expect(doc.mergedDuplicateEdges == 1)
    #expect(doc.diagnostics.filter { $0.severity == .error }.map(\.location.line) == [5])
    #expect(doc.diagnostics.filter { $0.severity == .warning }.map(\.location.line) == [6])
  }

  @Test("METIS: DIMACS10 astro-ph with isolated vertices")
  func metis() throws {
    let doc = try GraphReader.readDocument(contentsOf: FormatsFixture.dataset("graphs/astro-ph.metis.graph"))
    #expect(doc.format == .metis)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.nodeCount == 16_706)
    #expect(doc.graph.edgeCount == 121_251)
    #expect(doc.graph.degree().filter { $0 == 0 }.count == 660)
  }

  @Test("METIS with edge weights")
  func metisWeighted() throws {
    let text = "% weighted triangle\n3 3 1\n2 5 3 1\n1 5 3 2\n1 1 2 2\n"
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "w.graph")
    #expect(doc.format == .metis)
    #expect(doc.graph.edgeCount == 3)
    #expect(doc.graph.weight(between: 0, and: 1) == 5)
    #expect(doc.graph.weight(between: 1, and: 2) == 2)
  }

  @Test("GraphML: weight key, labels, edges to undeclared nodes")
  func graphML() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="d0" for="node" attr.name="label" attr.type="string"/>
        <key id="d1" for="edge" attr.name="weight" attr.type="double"><default>1.0</default></key>
        <graph id="G" edgedefault="undirected">
          <!-- a comment <node id="ghost"/> -->
          <node id="n0"><data key="d0">Ada &amp; Co</data></node>
          <node id="n1"><data key="d0">Bob</data></node>
          <edge source="n0" target="n1"><data key="d1">2.5</data></edge>
          <edge source="n1" target="n2"/>
          <edge source="n2" target="n0"><data key="d1">lots</data></edge>
        </graph>
      </graphml>
      """
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "g.graphml")
    #expect(doc.format == .graphML)
    #expect(doc.graph.labels == ["Ada & Co", "Bob", "n2"])
    #expect(doc.graph.weight(between: 0, and: 1) == 2.5)
    #expect(doc.graph.weight(between: 1, and: 2) == 1)
    #expect(doc.graph.edgeCount == 2)
    #expect(doc.diagnostics.map(\.location.line) == [11])
  }

  @Test("VOSviewer map + network text files")
  func vosviewerText() throws {
    let doc = try GraphReader.readDocument(contentsOf: FormatsFixture.dataset("graphs/vosviewer/JOI_2007-2016_co-authorship_map.txt"))
    #expect(doc.format == .vosviewerText)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.nodeCount == 252)
    #expect(doc.graph.edgeCount == 568)
    #expect(doc.graph.totalWeight == 738)
    #expect(doc.graph.labels[0] == "abbasi, a")
  }

  @Test(
    "VOSviewer JSON, with and without a byte-order mark",
    arguments: [
      ("Dimensions_scientometrics_researcher_co-authorship_network.json", 115, 353, "Lutz Bornmann"),
      ("QSS_SM_2020-2021_co-authorship_network.json", 112, 225, "abramo, giovanni"),
    ])
  func vosviewerJSON(file: String, nodes: Int, edges: Int, firstLabel: String) throws {
    let doc = try GraphReader.readDocument(contentsOf: FormatsFixture.dataset("graphs/vosviewer/\(file)"))
    #expect(doc.format == .vosviewerJSON)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.nodeCount == nodes)
    #expect(doc.graph.edgeCount == edges)
    #expect(doc.graph.labels.first == firstLabel)
  }

  @Test("a missing file is an error naming it")
  func missingFile() {
    let error = #expect(throws: Diagnostic.self) { try GraphReader.read(contentsOf: "/nonexistent/g.txt") }
    #expect(error?.location.file == "/nonexistent/g.txt")
    #expect(error?.severity == .error)
  }

  @Test("corrupt gzip is an error, not an empty graph")
  func corruptGzip() {
    #expect(throws: Diagnostic.self) {
      try GraphReader.parseDocument([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02], file: "bad.gz")
    }
  }
}
