import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

/// The edge table (`Source,Target[,Weight]` CSV): Gephi's spreadsheet import, our own
/// `--format csv`, the Spark job's `edges.csv`.
@Suite("Edge table CSV reader")
struct EdgeCSVReaderTests {
  private func edges(_ g: Graph) -> [String: Double] {
    var out: [String: Double] = [:]
    for (u, v, w) in g.edges {
      let pair = [g.label(of: u), g.label(of: v)].sorted()
      out[pair[0] + "|" + pair[1]] = w
    }
    return out
  }

  @Test("netscience written as CSV reads back to the graph the GML reader gives")
  func roundTripNetscience() throws {
    let gml = try GraphReader.read(contentsOf: FormatsFixture.dataset("graphs/netscience.gml"))
    let csv = EdgeCSVWriter.text(gml)
    let doc = try GraphReader.parseDocument(Array(csv.utf8), file: "netscience.csv")
    #expect(doc.format == .edgeTable)
    #expect(doc.diagnostics.isEmpty)
    // Isolated nodes have no row in an edge table; every edge and weight comes back.
    #expect(doc.graph.edgeCount == gml.edgeCount)
    #expect(edges(doc.graph) == edges(gml))
  }

  @Test("repeated pairs: the first 20 named with their line, the rest counted in one warning, every weight summed")
  func repeatedPairs() throws {
    // 25 pairs, each given twice (one in the reverse order): 25 repeats.
    var text = "Source,Target,Weight\n"
    for k in 0..<25 { text += "a\(k),b\(k),1\n" }
    for k in 0..<25 { text += "b\(k),a\(k),2\n" }
    let doc = try GraphReader.parseDocument(Array(text.utf8), file: "edges.csv")
    #expect(doc.graph.edgeCount == 25)
    #expect(doc.graph.edges.allSatisfy { $0.2 == 3 })
    #expect(doc.mergedDuplicateEdges == 25)
    let listed = doc.diagnostics.filter { $0.message.contains("given again; weights summed") }
    #expect(listed.count == 20)
    #expect(listed.first?.location.line == 27)
    let summary = doc.diagnostics.filter { $0.message.contains("more repeated edges") }
    #expect(summary.map(\.message) == ["5 more repeated edges (25 in all, the first 20 listed above): weights summed"])
    #expect(doc.diagnostics.count == 21)
  }

  @Test("quoting, the formula guard and a BOM: every label reads back as written")
  func labelsRoundTrip() throws {
    let names = [
      "Smith, J.", "He said \"hi\"", "=cmd|' /C calc'!A0", "@SUM(A1)", "+Plus", "-minus", "'=x", "two\nlines",
      "Müller", "'quoted'",
    ]
    var builder = GraphBuilder(parallelEdges: .sum, selfLoops: .drop)
    for k in 1..<names.count { builder.addEdge(0, k, weight: Double(k)) }
    builder.reserveNodes(names.count)
    builder.labels = names
    let written = "\u{FEFF}" + EdgeCSVWriter.text(builder.build())
    let doc = try EdgeCSVReader.parseDocument(Array(written.utf8), file: "t.csv")
    #expect(doc.diagnostics.isEmpty)
    #expect(doc.graph.labels.sorted() == names.sorted())
    let g = doc.graph
    let center = try #require(g.labels.firstIndex(of: "Smith, J."))
    let guarded = try #require(g.labels.firstIndex(of: "'=x"))
    #expect(g.weight(between: center, and: guarded) == 6)
  }

  @Test("Gephi header in any case, other delimiters, extra columns warned once")
  func headers() throws {
    let tab = "source\ttarget\tweight\na b\tc d\t2\n"
    let doc = try EdgeCSVReader.parseDocument(Array(tab.utf8), file: "t.tsv")
    #expect(doc.graph.labels == ["a b", "c d"])
    #expect(doc.graph.weight(between: 0, and: 1) == 2)
    let semicolon = "Id;Source;Target;Type;Label;Weight\n1;x;y;Undirected;first;0.5\n2;y;z;Directed;;1\n"
    let gephi = try EdgeCSVReader.parseDocument(Array(semicolon.utf8), file: "g.csv")
    #expect(gephi.graph.edgeCount == 2)
    #expect(gephi.graph.weight(between: 0, and: 1) == 0.5)
    let messages = gephi.diagnostics.map(\.description)
    #expect(messages.count == 2)
    #expect(messages.contains { $0.contains("g.csv:1") && $0.contains("'Label'") })
    #expect(messages.contains { $0.contains("g.csv:3") && $0.contains("undirected") })
    // Gephi's own export: an empty Label column and "Nondirected" types say nothing.
    let export = "Source,Target,Type,Id,Label,Weight\n0,1,Nondirected,0,,0.5\n1,2,Undirected,1,,1\n"
    #expect(try EdgeCSVReader.parseDocument(Array(export.utf8), file: "e.csv").diagnostics.isEmpty)
    // No weight column: every edge weighs 1.
    let plain = try EdgeCSVReader.parseDocument(Array("Source,Target\r\nu,v\r\n".utf8), file: "p.csv")
    #expect(plain.graph.labels == ["u", "v"])
    #expect(plain.graph.weight(between: 0, and: 1) == 1)
  }

  @Test("bad rows are errors at their line and skipped; repeats summed with a warning")
  func badRows() throws {
    let text = """
      Source,Target,Weight
      a,b,1
      a
      ,c,2
      b,c,heavy
      c,d,-1
      d,e,0
      b,a,2
      e,e,1
      "f,g,1

      """
    let doc = try EdgeCSVReader.parseDocument(Array(text.utf8), file: "bad.csv")
    let byLine = Dictionary(grouping: doc.diagnostics, by: { $0.location.line })
    #expect(byLine[3]?.first?.severity == .error)  // one field
    #expect(byLine[4]?.first?.description.contains("empty Source") == true)
    #expect(byLine[5]?.first?.description.contains("not a number") == true)
    #expect(byLine[6]?.first?.severity == .error)  // negative weight
    #expect(byLine[7]?.first?.severity == .warning)  // zero weight: dropped
    #expect(byLine[8]?.first?.description.contains("summed") == true)
    #expect(byLine[10]?.first?.description.contains("never closed") == true)
    #expect(doc.droppedSelfLoops == 1)
    let a = try #require(doc.graph.labels.firstIndex(of: "a"))
    let b = try #require(doc.graph.labels.firstIndex(of: "b"))
    #expect(doc.graph.weight(between: a, and: b) == 3)
  }

  @Test("a name holding an unquoted comma is an error at its line, not two made-up people")
  func unquotedDelimiter() throws {
    let text = "Source,Target,Weight\nSmith, J,Doe, K,2\n\"Roe, A\",\"Poe, B\",1\n"
    let doc = try EdgeCSVReader.parseDocument(Array(text.utf8), file: "u.csv")
    #expect(doc.graph.labels == ["Roe, A", "Poe, B"])
    #expect(doc.diagnostics.count == 1)
    #expect(doc.diagnostics.first?.description.contains("u.csv:2") == true)
    #expect(doc.diagnostics.first?.description.contains("5 field(s), the header 3") == true)
  }

  @Test("recognised only by a Source and Target header")
  func recognition() {
    #expect(GraphReader.recognize(Array("Source,Target,Weight\n1,2,1\n".utf8), fileName: nil) == .edgeTable)
    #expect(GraphReader.recognize(Array("\"source\",\"target\"\n1,2\n".utf8), fileName: nil) == .edgeTable)
    // A Scopus export has a "Source title" column, not a Source column.
    let scopus = "Authors,Title,Year,Source title\n\"Doe J.\",A,2020,Nature\n"
    #expect(GraphReader.recognize(Array(scopus.utf8), fileName: nil) == nil)
    #expect(GraphReader.recognize(Array("from,to\n1,2\n".utf8), fileName: nil) == nil)
  }
}
