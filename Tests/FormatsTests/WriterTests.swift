import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

/// A small weighted graph with hostile labels, the same in every writer test.
private func sample() -> (Graph, NodeAttributes) {
  var builder = GraphBuilder(labels: ["Ann \"Q\" <b>&", "Bo\tb", "Zoë", "lonely"])
  builder.addEdge(0, 1, weight: 2)
  builder.addEdge(1, 2, weight: 0.25)
  builder.addEdge(0, 2, weight: 1)
  var attributes = NodeAttributes()
  attributes.integers.append(("papers", [3, 1, 2, 0]))
  attributes.reals.append(("strength", [3, 2.25, 1.25, 0]))
  return (builder.build(), attributes)
}

@Suite("Writers read back")
struct WriterTests {
  @Test("GraphML: labels, typed attributes and weights survive a round trip")
  func graphML() throws {
    let (graph, attributes) = sample()
    let doc = try GraphReader.parseDocument(Array(GraphMLWriter.text(graph, attributes: attributes).utf8), file: "g")
    #expect(doc.format == .graphML)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.labels == graph.labels)
    #expect(doc.graph.edges.map(\.weight) == [2, 1, 0.25])
    #expect(doc.attributes.integers.map(\.name) == ["papers"])
    #expect(doc.attributes.integers.first?.values == [3, 1, 2, 0])
    #expect(doc.attributes.reals.first?.values == [3, 2.25, 1.25, 0])
  }

  @Test("GML: labels (entities for quotes and non-ASCII) and weights survive")
  func gml() throws {
    let (graph, attributes) = sample()
    let text = GMLWriter.text(graph, attributes: attributes)
    #expect(text.contains("label \"Ann &quot;Q&quot; <b>&amp;\""))
    #expect(text.contains("label \"Zo&#235;\""))
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "g.gml")
    #expect(doc.format == .gml)
    #expect(doc.graph.labels == ["Ann \"Q\" <b>&", "Bo b", "Zoë", "lonely"])
    #expect(doc.graph.edges.map(\.weight) == [2, 1, 0.25])
  }

  @Test("edge list: node ids and weights only (igraph's Read_Ncol allows no comments); read back")
  func edgeList() throws {
    let (graph, _) = sample()
    let text = EdgeListWriter.text(graph)
    #expect(text == "0 1 2\n0 2 1\n1 2 0.25\n")
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "g.txt")
    #expect(doc.format == .edgeList)
    #expect(doc.graph.labels == ["0", "1", "2"])  // the isolated node has no edge line
    #expect(doc.graph.edges.map(\.weight) == [2, 1, 0.25])
  }

  @Test("METIS: integer weights written from both ends and read back; fractional weights refused")
  func metis() throws {
    var builder = GraphBuilder(nodeCount: 4)
    builder.addEdge(0, 1, weight: 2)
    builder.addEdge(1, 2, weight: 5)
    let graph = builder.build()
    let text = try #require(METISWriter.text(graph))
    #expect(text == "4 2 1\n2 2\n1 2 3 5\n2 5\n\n")
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "g.graph")
    #expect(doc.format == .metis)
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.weight(between: 1, and: 2) == 5)
    #expect(METISWriter.text(sample().0) == nil)
  }

  @Test("Pajek and CSV: one line per record, CSV formula prefixes neutralised")
  func pajekAndCSV() {
    var builder = GraphBuilder(labels: ["=SUM(A1)", "x,\"y\""])
    builder.addEdge(0, 1, weight: 1.5)
    let graph = builder.build()
    #expect(EdgeCSVWriter.text(graph) == "Source,Target,Weight\n'=SUM(A1),\"x,\"\"y\"\"\",1.5\n")
    #expect(PajekWriter.text(graph) == "*Vertices 2\n1 \"=SUM(A1)\"\n2 \"x,'y'\"\n*Edges\n1 2 1.5\n")
  }

  @Test("VOSviewer map and network files read back through the text reader")
  func vosviewerText() throws {
    let (graph, attributes) = sample()
    let dir = try FormatsFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let map = dir.appendingPathComponent("g_map.txt").path
    try VOSviewerWriter.writeText(
      graph, attributes: attributes, map: map, network: dir.appendingPathComponent("g_network.txt").path)
    let doc = try GraphReader.readDocument(contentsOf: map)
    #expect(doc.format == .vosviewerText)
    #expect(doc.graph.labels == ["Ann \"Q\" <b>&", "Bo b", "Zoë", "lonely"])
    #expect(doc.graph.edges.map(\.weight) == [2, 1, 0.25])
  }

  @Test("VOSviewer map file: labels the writer guards against formulas read back as the originals")
  func vosviewerFormulaGuardRoundTrip() throws {
    let labels = [
      "=cmd|' /C calc'!A0", "@SUM(A1)", "+Plus", "-Minus", "'=Already Quoted", "''@Two", "Plain", "O'Brien",
    ]
    var builder = GraphBuilder(labels: labels)
    for v in 1..<labels.count { builder.addEdge(0, v, weight: 1) }
    let graph = builder.build()
    let map = VOSviewerWriter.mapFile(graph)
    // The guard is in the file (a spreadsheet must not run the cell)…
    #expect(map.contains(#""'=cmd|' /C calc'!A0""#) && map.contains(#""'''@Two""#))
    let doc = try VOSviewerReader.parseText(
      map: Array(map.utf8), mapFile: "g_map.txt", network: Array(VOSviewerWriter.networkFile(graph).utf8),
      networkFile: "g_network.txt")
    // …and gone when the file is read back: every label is itself.
    #expect(doc.graph.labels == labels)
  }

  @Test("VOSviewer JSON: Codable, sorted keys, HTML-safe, read back by the reader")
  func vosviewerJSON() throws {
    let (graph, attributes) = sample()
    let text = VOSviewerWriter.json(graph, attributes: attributes)
    #expect(!text.contains("<b>"))
    #expect(text.contains("\\u003cb\\u003e\\u0026"))
    let decoded = try JSONDecoder().decode(VOSviewerDocument.self, from: Data(text.utf8))
    #expect(decoded == VOSviewerDocument(graph, attributes: attributes))
    #expect(decoded.network.items[0].weights == ["Links": 2, "Total link strength": 3, "Documents": 3])
    #expect(decoded.network.links.map(\.strength) == [2, 1, 0.25])
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "g.json")
    #expect(doc.format == .vosviewerJSON)
    #expect(doc.graph.labels == graph.labels)
    #expect(doc.graph.edges.map(\.weight) == [2, 1, 0.25])
  }

  @Test("node-link JSON has networkx's keys and decodes to the same document")
  func nodeLinkJSON() throws {
    let (graph, attributes) = sample()
    let text = NodeLinkJSONWriter.text(graph, attributes: attributes)
    #expect(NodeLinkJSONWriter.text(graph, attributes: attributes) == text, "deterministic")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["directed", "multigraph", "graph", "nodes", "edges"])
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    #expect(nodes.map { $0["label"] as? String } == graph.labels)
    #expect(nodes.map { $0["papers"] as? Int } == [3, 1, 2, 0])
    let decoded = try JSONDecoder().decode(NodeLinkDocument.self, from: Data(text.utf8))
    #expect(decoded.links.map(\.weight) == [2, 1, 0.25])
    #expect(decoded.nodes[1].attributes["strength"] == .real(2.25))
    // Sorted keys: "id" before "label" before "papers" in every node.
    let first = try #require(text.range(of: "\"id\""))
    #expect(text[first.upperBound...].range(of: "\"label\"")!.lowerBound < text.range(of: "\"papers\"")!.lowerBound)
  }

  @Test("non-finite reals are JSON null, not an encoder failure")
  func nonFinite() throws {
    var attributes = NodeAttributes()
    attributes.reals.append(("closeness", [.nan]))
    let text = NodeLinkJSONWriter.text(GraphBuilder(nodeCount: 1).build(), attributes: attributes)
    #expect(text.contains("\"closeness\" : null"))
  }

  @Test("plain DOT goes through the Graphviz layer's escaping")
  func dot() {
    let (graph, _) = sample()
    let text = PlainDOTWriter.text(graph)
    #expect(text.hasPrefix("graph"))
    #expect(text.contains("Ann \\\"Q\\\" <b>&"))
    #expect(text.contains("--"))
  }
}
