import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import GraphKit
import Testing

@testable import CoauthorAnalysis

@Suite("Escaping in every output format")
struct OutputEscapingTests {
  let hostile = "=HYPERLINK(\"http://x\",\"a\"), <script>alert(1)</script> & \"q\"\n|*_`[x](y)"

  @Test("CSV: formula prefixes neutralised, quotes doubled, newlines kept inside quotes")
  func csv() {
    var table = CSVTable(header: ["name", "n"])
    table.append([.text(hostile), .number(3)])
    table.append([.text("-1+2"), .number(-1.5)])
    table.append([.text("@cmd"), .number(0)])
    let lines = table.text
    #expect(lines.hasPrefix("name,n\n\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")"))
    #expect(lines.contains("\n'-1+2,-1.5\n"))
    #expect(lines.contains("\n'@cmd,0\n"))
  }

  @Test("numbers never use an exponent")
  func numbers() {
    #expect(formatNumber(1e-5) == "0.00001")
    #expect(formatNumber(2.5e20) == "250000000000000000000")
    #expect(formatNumber(3) == "3")
    #expect(formatNumber(-0.0) == "0")
    #expect(formatNumber(.nan) == "nan")
  }

  @Test("Markdown: table and emphasis syntax escaped, one line")
  func markdown() {
    let escaped = Markdown.escape(hostile)
    #expect(!escaped.contains("\n"))
    #expect(escaped.contains("\\|"))
    #expect(escaped.contains("\\<script\\>"))
    #expect(escaped.contains("\\*"))
  }

  @Test("HTML: no element can be injected")
  func html() {
    let escaped = HTMLReport.escape(hostile)
    #expect(!escaped.contains("<"))
    #expect(!escaped.contains("\""))
    #expect(escaped.contains("&lt;script&gt;"))
  }

  @Test("GraphML and GEXF are well-formed XML with the names intact")
  func xml() throws {
    var builder = GraphBuilder(labels: [hostile, "B ]]> \u{1} C"])
    builder.addEdge(0, 1, weight: 0.5)
    let graph = builder.build()
    for format in [NetworkFormat.graphml, .gexf] {
      let text = NetworkExport.text(graph, format: format)
      let parser = XMLParser(data: Data(text.utf8))
      let collector = LabelCollector()
      parser.delegate = collector
      #expect(parser.parse(), "\(format) is not well-formed: \(String(describing: parser.parserError))")
      #expect(collector.values.contains(hostile), "\(format) lost the name")
      #expect(collector.values.contains("B ]]>  C") || collector.values.contains("B ]]> C"))
    }
  }

  @Test("node-link JSON parses and keeps the names")
  func json() throws {
    var builder = GraphBuilder(labels: [hostile, "Zoë"])
    builder.addEdge(0, 1, weight: 2)
    let text = NetworkExport.text(builder.build(), format: .json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    #expect(nodes.map { $0["label"] as? String } == [hostile, "Zoë"])
    #expect(!text.contains("<script>"), "'<' is written as \\u003c so the JSON can be inlined in HTML")
  }

  @Test("file names from people's names are ASCII slugs, transliterated and unique in a run")
  func slug() {
    var used: Set<String> = []
    #expect(Pipeline.slug("Zeyuan Allen-Zhu", avoiding: &used) == "zeyuan-allen-zhu")
    #expect(Pipeline.slug("Sébastien Bubeck", avoiding: &used) == "sebastien-bubeck")
    #expect(Pipeline.slug("../../etc/passwd", avoiding: &used) == "etc-passwd")
    // Two owners whose names have no Latin letters used to share `ego-person.*`.
    #expect(Pipeline.slug("王伟", avoiding: &used) == "wang-wei")
    #expect(Pipeline.slug("李娜", avoiding: &used) == "li-na")
    #expect(Pipeline.slug("Wang Wei", avoiding: &used) == "wang-wei-2")
    #expect(Pipeline.slug("…", avoiding: &used) == "person")
    #expect(Pipeline.slug("***", avoiding: &used) == "person-2")
  }
}

/// Collects the text of every `<data>` element and every `label` attribute.
final class LabelCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
  var values: [String] = []
  private var current: String?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    if let label = attributeDict["label"] { values.append(label) }
    if elementName == "data" { current = "" }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    current? += string
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    if elementName == "data", let current { values.append(current) }
    current = nil
  }
}

@Suite("Line-based exports")
struct LineExportTests {
  @Test("edge list and Pajek keep one line per record whatever the label holds")
  func lineBreaksInLabels() {
    var builder = GraphBuilder(labels: ["A\rB\nC\tD", "E \"F\""])
    builder.addEdge(0, 1, weight: 2)
    let graph = builder.build()
    let edgeList = NetworkExport.text(graph, format: .edgelist)
    #expect(!edgeList.contains("\r"))
    // igraph's Read_Ncol reads `u v weight` lines only: the labels are not in this file.
    #expect(edgeList.split(separator: "\n") == ["0 1 2"])
    let pajek = NetworkExport.text(graph, format: .pajek)
    #expect(!pajek.contains("\r"))
    #expect(pajek.split(separator: "\n") == ["*Vertices 2", "1 \"A B C D\"", "2 \"E 'F'\"", "*Edges", "1 2 2"])
  }
}
