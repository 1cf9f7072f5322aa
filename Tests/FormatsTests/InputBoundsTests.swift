import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

/// Issue 15, graph side: weights that GraphKit would trap on, nesting that would exhaust
/// the stack, METIS headers that would trap or allocate terabytes, overlong lines. Every
/// case is a diagnostic at file:line, the rest of the file read where it can be.
@Suite("Graph reader input bounds")
struct InputBoundsTests {
  static func parse(_ text: String, file: String = "w") throws(Diagnostic) -> GraphDocument {
    try GraphReader.parseDocument(Array(text.utf8), file: file)
  }

  static func lines(_ document: GraphDocument, _ severity: Diagnostic.Severity) -> [Int] {
    document.diagnostics.filter { $0.severity == severity }.map(\.location.line)
  }

  // MARK: Weights

  @Test("edge list: a zero weight drops the edge with a warning at its line")
  func edgeListZero() throws {
    let doc = try Self.parse("1 2 0\n2 3 1\n3 1 1\n")
    #expect(doc.format == .edgeList)
    // The dropped line interns nothing: nodes in order of first appearance are 2, 3, 1,
    // and the edges are 2–3 and 3–1, not 1–2.
    #expect(doc.graph.labels == ["2", "3", "1"])
    #expect(doc.graph.edgeCount == 2)
    #expect(doc.graph.weight(between: 2, and: 0) == nil)
    #expect(doc.graph.weight(between: 0, and: 1) == 1)
    #expect(Self.lines(doc, .warning) == [1])
    #expect(Self.lines(doc, .error).isEmpty)
    #expect(doc.graph.weights.allSatisfy { $0 > 0 })
  }

  @Test(
    "edge list: negative, NaN and infinite weights are errors at file:line:column, the edge skipped",
    arguments: ["-1", "nan", "inf", "-inf", "1e300"])
  func edgeListBad(weight: String) throws {
    let doc = try Self.parse("1 2 \(weight)\n2 3 1\n3 1 2\n")
    #expect(doc.graph.edgeCount == 2)
    let errors = doc.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.location.line) == [1])
    #expect(errors.first?.location.column == 5)
    #expect(doc.graph.weights.allSatisfy { $0 > 0 && $0.isFinite })
  }

  @Test("GML: zero and negative weights")
  func gml() throws {
    let text = """
      graph [
        node [ id 1 ]
        node [ id 2 ]
        node [ id 3 ]
        edge [ source 1 target 2 value 0 ]
        edge [ source 2 target 3 value -2 ]
        edge [ source 3 target 1 weight nan ]
        edge [ source 1 target 3 value 4 ]
      ]
      """
    let doc = try Self.parse(text)
    #expect(doc.format == .gml)
    #expect(doc.graph.edgeCount == 1)
    #expect(doc.graph.weight(between: 0, and: 2) == 4)
    #expect(Self.lines(doc, .warning) == [5])
    #expect(Self.lines(doc, .error) == [6, 7])
  }

  @Test("GraphML: zero, negative and infinite weights")
  func graphML() throws {
    let text = """
      <?xml version="1.0"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="w" for="edge" attr.name="weight" attr.type="double"/>
      <graph edgedefault="undirected">
      <node id="a"/><node id="b"/><node id="c"/>
      <edge source="a" target="b"><data key="w">0</data></edge>
      <edge source="b" target="c"><data key="w">-1</data></edge>
      <edge source="c" target="a"><data key="w">inf</data></edge>
      <edge source="a" target="c"><data key="w">2.5</data></edge>
      </graph>
      </graphml>
      """
    let doc = try Self.parse(text)
    #expect(doc.format == .graphML)
    #expect(doc.graph.edgeCount == 1)
    #expect(doc.graph.weight(between: 0, and: 2) == 2.5)
    #expect(Self.lines(doc, .warning) == [6])
    #expect(Self.lines(doc, .error) == [7, 8])
  }

  @Test("GEXF: zero, negative and NaN weights")
  func gexf() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" version="1.3">
      <graph defaultedgetype="undirected">
      <nodes><node id="0" label="A"/><node id="1" label="B"/><node id="2" label="C"/></nodes>
      <edges>
      <edge id="0" source="0" target="1" weight="0"/>
      <edge id="1" source="1" target="2" weight="-3"/>
      <edge id="2" source="2" target="0" weight="nan"/>
      <edge id="3" source="0" target="2" weight="1.5"/>
      </edges>
      </graph>
      </gexf>
      """
    let doc = try Self.parse(text)
    #expect(doc.format == .gexf)
    #expect(doc.graph.edgeCount == 1)
    #expect(doc.graph.weight(between: 0, and: 2) == 1.5)
    #expect(Self.lines(doc, .warning) == [6])
    #expect(Self.lines(doc, .error) == [7, 8])
  }

  @Test("METIS: a zero edge weight is dropped, a negative one skipped")
  func metisWeights() throws {
    // Triangle 1–2 (w 0), 2–3 (w -1), 1–3 (w 5), each listed from both ends.
    let doc = try METISReader.parseDocument(Array("3 3 1\n2 0 3 5\n1 0 3 -1\n1 5 2 -1\n".utf8), file: "m")
    #expect(doc.graph.edgeCount == 1)
    #expect(doc.graph.weight(between: 0, and: 2) == 5)
    #expect(Self.lines(doc, .warning).filter { $0 != 1 } == [2, 3])
    #expect(Self.lines(doc, .error) == [3, 4])
  }

  // MARK: METIS headers

  @Test("METIS header '2 1 10 -1' (negative ncon) is refused at its line, not trapped")
  func metisNegativeNcon() throws {
    #expect(throws: Diagnostic.self) { try METISReader.parseDocument(Array("2 1 10 -1\n1 2\n1 1\n".utf8), file: "m") }
    do {
      _ = try METISReader.parseDocument(Array("% c\n2 1 10 -1\n1 2\n1 1\n".utf8), file: "m")
      Issue.record("no diagnostic")
    } catch {
      #expect(error.location.line == 2)
      #expect(error.message.contains("ncon"))
    }
  }

  @Test("METIS header claiming 10¹² vertices is refused before allocating")
  func metisHuge() throws {
    let start = Date()
    do {
      _ = try METISReader.parseDocument(Array("1000000000000 1\n2\n1\n".utf8), file: "m")
      Issue.record("no diagnostic")
    } catch {
      #expect(error.location.line == 1)
      #expect(error.message.contains("1000000000000 vertices"))
    }
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(throws: Diagnostic.self) { try METISReader.parseDocument(Array("-3 1\n".utf8), file: "m") }
    #expect(throws: Diagnostic.self) { try METISReader.parseDocument(Array("2 1 7\n2\n1\n".utf8), file: "m") }
  }

  // MARK: Nesting

  @Test("GML: 50,000 nested lists are refused at the line of the 1,000th, not a stack overflow")
  func gmlDeep() throws {
    let depth = 50_000
    var text = "graph [\nnode [ id 1 ]\n"
    for _ in 0..<depth { text += "x [\n" }
    text += String(repeating: "]\n", count: depth) + "]\n"
    do {
      _ = try Self.parse(text)
      Issue.record("no diagnostic")
    } catch {
      #expect(error.message.contains("nested more than 1000"))
      // `graph [` is level 1 and the `x [` on line L is level L − 1: the first level past
      // the limit, 1,001, opens on line 1,002.
      #expect(error.location.line == InputLimits.maxNestingDepth + 2)
    }
    // 900 levels are still read.
    var shallow = "graph [\nnode [ id 1 ]\nnode [ id 2 ]\nedge [ source 1 target 2 "
    for _ in 0..<900 { shallow += "g [ " }
    shallow += String(repeating: "] ", count: 900) + "]\n]\n"
    let doc = try Self.parse(shallow)
    #expect(doc.graph.edgeCount == 1)
  }

  @Test("GraphML: 100,000 nested elements are refused with an error at a line")
  func xmlDeep() throws {
    let depth = 100_000
    let text =
      "<graphml>\n<graph edgedefault=\"undirected\">\n" + String(repeating: "<x>", count: depth)
      + String(repeating: "</x>", count: depth) + "\n</graph></graphml>\n"
    #expect(throws: Diagnostic.self) { try Self.parse(text) }
  }

  @Test("VOSviewer JSON: 100,000 nested arrays are an error naming the file")
  func jsonDeep() throws {
    let depth = 100_000
    let text = "{\"network\": {\"items\": [], \"x\": " + String(repeating: "[", count: depth)
      + String(repeating: "]", count: depth) + "}}"
    #expect(throws: Diagnostic.self) { try VOSviewerReader.parseJSON(Array(text.utf8), file: "deep.json") }
  }

  // MARK: Size

  @Test("a line over the limit is found with its line number and length")
  func overlongLine() {
    let bytes = Array("1 2\n3 4\n\(String(repeating: "9", count: 100)) 1\n5 6\n".utf8)
    #expect(GraphReader.overlongLine(bytes, limit: 50).map { [$0.line, $0.length] } == [3, 102])
    #expect(GraphReader.overlongLine(bytes, limit: 102) == nil)
    #expect(GraphReader.overlongLine(Array("abc".utf8), limit: 2).map(\.line) == 1)
  }

  @Test("a gzip bomb is refused: inflation stops at the limit with a diagnostic")
  func gzipBomb() throws {
    let zeros = Data(count: 4 << 20)
    let compressed = try [UInt8](TestGzip.compress(zeros))
    #expect(compressed.count < 64 << 10)
    let capped = Gzip.inflate(compressed, limit: 1 << 20)
    #expect(capped.bytes.count == 1 << 20)
    #expect(capped.failure?.contains("inflates to more than 1 MiB") == true)
    // Under the default bound (64 × compressed, at least 64 MiB) it inflates whole.
    #expect(Gzip.inflate(compressed).bytes.count == 4 << 20)
    #expect(InputLimits.maxInflatedBytes(compressedCount: 1 << 20) == 64 << 20)
    #expect(InputLimits.maxInflatedBytes(compressedCount: 1 << 30) == 2 << 30)
    #expect(InputLimits.maxInflatedBytes(compressedCount: 100) == 64 << 20)
  }

  @Test("diagnostics quote at most 200 characters of input")
  func quoting() throws {
    let long = String(repeating: "x", count: 100_000)
    let doc = try EdgeListReader.parseDocument(Array("1 2\n1 2 3 \(long)\n".utf8), file: "q")
    #expect(doc.diagnostics.count == 1)
    #expect(doc.diagnostics.allSatisfy { $0.message.count < 300 && ($0.record?.count ?? 0) <= 201 })
    let direct = Diagnostic(.error, at: InputLocation(file: "f", line: 1), long, record: long)
    #expect(direct.message.count == Diagnostic.maxMessageCharacters + 1)
    #expect(direct.record?.count == InputLimits.maxQuotedCharacters + 1)
    #expect(InputLimits.quote("short") == "short")
  }
}

/// gzip through the system `gzip`, for building compressed test inputs.
enum TestGzip {
  static func compress(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-c", "-n"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread {
      input.fileHandleForWriting.write(data)
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
  }
}
