import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

@Suite("Format recognition")
struct GraphReaderRecognitionTests {
  @Test(
    "real graph files are recognised",
    arguments: [
      ("graphs/ca-GrQc.txt", GraphFormat.edgeList),
      ("graphs/netscience.gml", .gml),
      ("graphs/astro-ph.metis.graph", .metis),
      ("graphs/vosviewer/JOI_2007-2016_co-authorship_map.txt", .vosviewerText),
      ("graphs/vosviewer/Dimensions_scientometrics_researcher_co-authorship_network.json", .vosviewerJSON),
    ])
  func realGraphs(name: String, format: GraphFormat) throws {
    let path = try FormatsFixture.dataset(name)
    #expect(GraphReader.recognize(try FormatsFixture.bytes(path), fileName: path) == format)
  }

  @Test("a VOSviewer map file without its network file beside it is not recognised")
  func mapWithoutNetwork() throws {
    let path = try FormatsFixture.dataset("graphs/vosviewer/JOI_2007-2016_co-authorship_map.txt")
    let bytes = try FormatsFixture.bytes(path)
    #expect(GraphReader.recognize(bytes, fileName: nil) == nil)
    #expect(GraphReader.recognize(bytes, fileName: "/nonexistent/x_map.txt") == nil)
  }

  @Test(
    "text that is not positively a graph is nil",
    arguments: [
      "", "   \n\n", "hello world\n", "hello world", "a b\nc d\n",
      "# Title\n\nSome words here, graph [x] in prose.\n",
      "@article{key, author = {Qi Lei and Jason D. Lee}, title = {T}, year = {2020}}\n",
      // Alias table: tab-separated, but the names have spaces.
      "Zeyuan Allen-Zhu\tZeyuan Allen Zhu\tZ. Allen-Zhu\nQi Lei\tLei Qi\n",
      // Tab-separated with a third field that is not a number.
      "a\tb\tc\n",
      // Edge list with a malformed line among the first 500.
      "1 2\n2\n3 4\n",
      "{\"sources\": [{\"file\": \"a.bib\"}]}\n",
      "[1, 2, 3]\n",
      "<html><body>graph</body></html>\n",
      "<?xml version=\"1.0\"?>\n<!-- graphml --><svg/>\n",
    ])
  func notGraphs(text: String) {
    #expect(GraphReader.recognize(Array(text.utf8), fileName: "x") == nil)
  }

  @Test(
    "shared non-graph files are nil",
    arguments: [
      "bibtex/Accio--CV.bib", "bibtex/c-oy--pubs.bib", "README.md", "cv-text/alexei-matveev--cv.txt",
    ])
  func sharedNonGraphs(name: String) throws {
    let path = try FormatsFixture.dataset(name)
    #expect(GraphReader.recognize(try FormatsFixture.bytes(path), fileName: path) == nil)
  }

  @Test("the package's Data folder: manifest, alias table and CV are not graphs", arguments: ["manifest.json", "aliases.tsv", "qi-lei-cv.txt"])
  func dataFolder(name: String) throws {
    let path = FormatsFixture.packageRoot.appendingPathComponent("Data/\(name)").path
    #expect(GraphReader.recognize(try FormatsFixture.bytes(path), fileName: path) == nil)
  }

  @Test(
    "positive cases",
    arguments: [
      ("1 2\n2 3\n", GraphFormat.edgeList),
      ("# SNAP\n# FromNodeId\tToNodeId\n0\t1\n1\t2\r\n", .edgeList),
      ("1 2 0.5\n2 3 1e-3\n", .edgeList),
      ("ann\tbob\nbob\tcyd\t2\n", .edgeList),
      ("3 3\n2 3\n1 3\n1 2\n", .metis),
      ("% c\n3 2 1\n2 7\n1 7 3 1\n2 1\n", .metis),
      ("Creator \"x\"\ngraph [\n node [ id 1 ]\n]\n", .gml),
      ("\u{FEFF}<?xml version=\"1.0\"?>\n<!DOCTYPE g [ <!ENTITY a \">\"> ]>\n<g:graphml xmlns:g=\"http://graphml.graphdrawing.org/xmlns\"/>", .graphML),
      ("<gexf version=\"1.2\"></gexf>", .gexf),
      ("{\"network\": {\"items\": [], \"links\": []}}", .vosviewerJSON),
    ])
  func positives(text: String, format: GraphFormat) {
    #expect(GraphReader.recognize(Array(text.utf8), fileName: "x") == format)
  }

  @Test("a two-edge SNAP file is an edge list, not METIS (its header's m would not match)")
  func twoEdgeSNAP() throws {
    let doc = try GraphReader.parseDocument(Array("1 2\n2 3\n".utf8), file: "two.txt")
    #expect(doc.format == .edgeList)
    #expect(doc.graph.labels == ["1", "2", "3"])
    #expect(doc.graph.edgeCount == 2)
  }

  @Test("gzip content is recognised by its magic bytes, whatever the name")
  func gzip() throws {
    let path = try FormatsFixture.fixturePath("readers/triangle.txt.gz")
    let bytes = try FormatsFixture.bytes(path)
    #expect(Gzip.isCompressed(bytes))
    // The inflated content is space-separated words (not positively a graph) …
    #expect(GraphReader.recognize(bytes, fileName: "t") == nil)
    // … while a gzip-compressed numeric edge list is one.
    let snap = try FormatsFixture.bytes(FormatsFixture.dataset("graphs/ca-GrQc.txt"))
    let dir = try FormatsFixture.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let gz = dir.appendingPathComponent("g.bin")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -c > '\(gz.path)'"]
    let pipe = Pipe()
    process.standardInput = pipe
    try process.run()
    let head = snap.prefix(20_000)
    let wholeLines = head[..<(head.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? head.endIndex)]
    pipe.fileHandleForWriting.write(Data(wholeLines))
    try pipe.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(GraphReader.recognize(try FormatsFixture.bytes(gz.path), fileName: gz.path) == .edgeList)
  }

  @Test("unrecognised content is the error 'unknown graph format', naming the file")
  func unknown() {
    let error = #expect(throws: Diagnostic.self) {
      try GraphReader.parseDocument(Array("hello world\n".utf8), file: "notes.txt")
    }
    #expect(error?.location.file == "notes.txt")
    #expect(error?.message.hasPrefix("unknown graph format") == true)
    #expect(throws: Diagnostic.self) { try GraphReader.parse("", file: "empty.txt") }
  }
}
