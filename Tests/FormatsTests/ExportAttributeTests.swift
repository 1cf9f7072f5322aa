import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

/// A graph with the attributes `coauthor run` exports: community, a centrality, years,
/// papers, the owner flag, a drawing and spells.
private func analysed() -> (Graph, NodeAttributes) {
  var builder = GraphBuilder(labels: ["Lee, Jason; \"JD\"", "Qi Lei", "Zoë"])
  builder.addEdge(0, 1, weight: 2)
  builder.addEdge(1, 2, weight: 0.5)
  var a = NodeAttributes()
  a.integers = [("community", [1, 1, 2]), ("papers", [3, 4, 1]), ("firstYear", [2018, 2019, 2021])]
  a.reals = [("betweenness", [0, 1, 0]), ("meanYear", [2019.5, 2020.25, 2021])]
  a.booleans = [("owner", [false, true, false])]
  a.layout = NodeLayout(x: [10, -20.5, 3], y: [0, 7.25, -1], colors: [0xE69F00, 0x56B4E9, 0xBBBBBB], sizes: [12, 20, 6])
  a.spells = [[2018...2020], [2019...2019, 2021...2022], []]
  return (builder.build(), a)
}

@Suite("Exports carry the analysis")
struct ExportAttributeTests {
  @Test("VOSviewer map file: x, y, cluster, weight<Documents>, score<Avg. pub. year>, quoted labels; read back with nothing lost")
  func vosviewerMapRoundTrip() throws {
    let (graph, attributes) = analysed()
    let map = VOSviewerWriter.mapFile(graph, attributes: attributes)
    let lines = map.split(separator: "\n")
    #expect(
      lines[0]
        == "id\tlabel\tx\ty\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Documents>\tweight<firstYear>\tscore<betweenness>\tscore<Avg. pub. year>\tscore<owner>"
    )
    #expect(lines[1].hasPrefix("1\t\"Lee, Jason; \"\"JD\"\"\"\t10\t0\t1\t1\t2\t3\t2018\t0\t2019.5\t0"))
    let doc = try VOSviewerReader.parseText(
      map: Array(map.utf8), mapFile: "m_map.txt", network: Array(VOSviewerWriter.networkFile(graph).utf8),
      networkFile: "m_network.txt")
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.labels == graph.labels)
    #expect(doc.graph.edges.map(\.weight) == [2, 0.5])
    #expect(doc.attributes.layout?.x == [10, -20.5, 3])
    #expect(doc.attributes.layout?.y == [0, 7.25, -1])
    #expect(doc.attributes.integer("cluster") == [1, 1, 2])
    #expect(doc.attributes.real("weight<Documents>") == [3, 4, 1])
    #expect(doc.attributes.real("weight<Links>") == [1, 2, 1])
    #expect(doc.attributes.real("score<Avg. pub. year>") == [2019.5, 2020.25, 2021])
    #expect(doc.attributes.real("score<owner>") == [0, 1, 0])
    #expect(doc.attributes.real("weight<firstYear>") == [2018, 2019, 2021])
  }

  @Test("VOSviewer JSON items carry x, y, cluster and scores")
  func vosviewerJSON() throws {
    let (graph, attributes) = analysed()
    let decoded = try JSONDecoder().decode(
      VOSviewerDocument.self, from: Data(VOSviewerWriter.json(graph, attributes: attributes).utf8))
    let item = decoded.network.items[1]
    #expect(item.x == -20.5 && item.y == 7.25 && item.cluster == 1)
    #expect(item.weights["Documents"] == 4)
    #expect(item.scores?["Avg. pub. year"] == 2020.25)
  }

  @Test("GEXF: typed attributes (boolean too), viz colour/position/size, spells in a dynamic graph")
  func gexf() throws {
    let (graph, attributes) = analysed()
    let text = GEXFWriter.text(graph, attributes: attributes)
    #expect(text.contains(#"xmlns:viz="http://gexf.net/1.3/viz""#))
    #expect(text.contains(#"mode="dynamic" defaultedgetype="undirected" timeformat="integer" start="2018" end="2022""#))
    #expect(text.contains(#"<attribute id="5" title="owner" type="boolean"/>"#))
    #expect(text.contains(#"<viz:color r="86" g="180" b="233"/><viz:position x="-20.5" y="7.25" z="0"/><viz:size value="20"/>"#))
    #expect(text.contains(#"<spells><spell start="2019" end="2019"/><spell start="2021" end="2022"/></spells>"#))
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "g.gexf")
    #expect(doc.graph.labels == graph.labels)
    #expect(doc.attributes.integers.first { $0.name == "papers" }?.values == [3, 4, 1])
  }

  @Test("GraphML and node-link JSON keep booleans as booleans")
  func booleans() throws {
    let (graph, attributes) = analysed()
    let graphML = GraphMLWriter.text(graph, attributes: attributes)
    #expect(graphML.contains(#"attr.name="owner" attr.type="boolean""#))
    #expect(graphML.contains(#"<data key="b0">true</data>"#))
    let json = NodeLinkJSONWriter.text(graph, attributes: attributes)
    let decoded = try JSONDecoder().decode(NodeLinkDocument.self, from: Data(json.utf8))
    #expect(decoded.nodes[1].attributes["owner"] == .boolean(true))
    #expect(decoded.nodes[1].attributes["papers"] == .integer(4))
    let legacy = json.replacingOccurrences(of: "\"edges\"", with: "\"links\"")
    #expect(try JSONDecoder().decode(NodeLinkDocument.self, from: Data(legacy.utf8)).links.count == 2)
  }
}
