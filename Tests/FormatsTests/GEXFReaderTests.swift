import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

@Suite("GEXF reader")
struct GEXFReaderTests {
  @Test("a Gephi 0.10 GEXF 1.3 file: labels, typed attributes with defaults, weights")
  func gephi() throws {
    let doc = try GraphReader.readDocument(contentsOf: FormatsFixture.fixturePath("gexf/gephi-lesmis.gexf"))
    #expect(doc.format == .gexf)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.labels == ["Myriel", "Napoleon", "Mlle Baptistine é", "Mme Magloire & co"])
    // networkx.les_miserables_graph(): Napoleon–Myriel 1, MlleBaptistine–Myriel 8,
    // MmeMagloire–Myriel 10, MmeMagloire–MlleBaptistine 6.
    #expect(doc.graph.edgeCount == 4)
    #expect(doc.graph.weight(between: 1, and: 0) == 1)
    #expect(doc.graph.weight(between: 2, and: 0) == 8)
    #expect(doc.graph.weight(between: 3, and: 0) == 10)
    #expect(doc.graph.weight(between: 3, and: 2) == 6)
    #expect(doc.attributes.integers.map(\.name) == ["Modularity Class"])
    #expect(doc.attributes.integers.first?.values == [1, 1, 1, 0])
    #expect(doc.attributes.reals.map(\.name) == ["PageRank"])
    #expect(doc.attributes.reals.first?.values == [0.4275, 0.0825, 0.2420, 0.2480])
    // Two nodes have no Group value: they take the declared default.
    #expect(doc.attributes.strings.first?.values == ["clergy", "none", "none", "household"])
  }

  @Test("a networkx-written GEXF 1.2draft file")
  func networkx() throws {
    let doc = try GraphReader.readDocument(contentsOf: FormatsFixture.fixturePath("gexf/networkx-1.2draft.gexf"))
    #expect(doc.format == .gexf)
    #expect(doc.graph.labels == ["Ann", "b", "c", "d"])
    #expect(doc.graph.weight(between: 0, and: 1) == 0.5)
    #expect(doc.graph.weight(between: 1, and: 2) == 2.25)
    #expect(doc.graph.neighborCount(of: 3) == 0)
  }

  @Test("our own GEXF export reads back with every label, attribute and weight")
  func roundTrip() throws {
    var builder = GraphBuilder(labels: ["Ann \"Q\" O'Hara & <b>", "Zoë\tTab", "C"])
    builder.addEdge(0, 1, weight: 1.0 / 3)
    builder.addEdge(1, 2, weight: 2)
    let graph = builder.build()
    var attributes = NodeAttributes()
    attributes.integers.append(("papers", [4, 1, 2]))
    attributes.reals.append(("strength", [0.5, 2.25, 2]))
    attributes.strings.append(("affiliation", ["MIT", "", "ETH \"Zürich\""]))
    let text = GEXFWriter.text(graph, attributes: attributes, weightMeaning: "joint papers")
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "own.gexf")
    #expect(doc.format == .gexf)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.labels == graph.labels)
    // Weights are written with 10 decimals.
    expectClose(try #require(doc.graph.weight(between: 0, and: 1)), 1.0 / 3, relative: 1e-9)
    #expect(doc.graph.weight(between: 1, and: 2) == 2)
    #expect(doc.attributes.integers.first?.name == "papers")
    #expect(doc.attributes.integers.first?.values == [4, 1, 2])
    #expect(doc.attributes.reals.first?.values == [0.5, 2.25, 2])
    #expect(doc.attributes.strings.first?.values == ["MIT", "", "ETH \"Zürich\""])
  }

  @Test("bad records are reported at their lines; repeated edges are summed with a warning")
  func diagnostics() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" version="1.3">
        <graph defaultedgetype="directed">
          <nodes>
            <node id="a" label="A"/>
            <node id="a" label="again"/>
            <node id="b"/>
          </nodes>
          <edges>
            <edge source="a" target="b" weight="2"/>
            <edge source="b" target="a" weight="0.5"/>
            <edge source="a" target="zz"/>
            <edge source="a" target="b" weight="heavy"/>
          </edges>
        </graph>
      </gexf>
      """
    let doc = try GEXFReader.parseDocument(Array(text.utf8), file: "d.gexf")
    #expect(doc.graph.labels == ["A", "b"])
    #expect(doc.graph.weight(between: 0, and: 1) == 2.5)
    #expect(doc.mergedDuplicateEdges == 1)
    #expect(doc.diagnostics.filter { $0.severity == .error }.map(\.location.line) == [6, 12, 13])
    #expect(doc.diagnostics.filter { $0.severity == .warning }.map(\.location.line) == [3, 11])
  }
}
