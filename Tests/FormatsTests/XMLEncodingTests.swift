import CoauthorBase
import Formats
import Testing

/// FoundationXML traps on some malformed byte sequences (found by fuzz-graphs in CI's
/// fuzz pass, 2026-12-02): such documents must be a diagnostic before the parser sees them.
@Suite("XML readers: bytes that are not UTF-8")
struct XMLEncodingTests {
  static let head = Array(#"<?xml version="1.0" encoding="UTF-8"?><graphml><graph><node id=""#.utf8)
  static let tail = Array(#""/></graph></graphml>"#.utf8)

  @Test("invalid UTF-8 or a NUL in GraphML and GEXF is an error, never a crash", arguments: [
    [0xFF, 0xFE], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x00],
  ])
  func malformed(_ bad: [UInt8]) {
    let graphML = Self.head + bad + Self.tail
    #expect(throws: Diagnostic.self) { try GraphReader.parseDocument(graphML, file: "bad.graphml") }
    let gexf = Array(#"<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="1" label=""#.utf8)
      + bad + Array(#""/></nodes></graph></gexf>"#.utf8)
    #expect(throws: Diagnostic.self) { try GraphReader.parseDocument(gexf, file: "bad.gexf") }
  }

  @Test("valid UTF-8 labels still read")
  func valid() throws {
    let graphML = Self.head + Array("n0\"/><node id=\"Zoë".utf8) + Self.tail
    let document = try GraphReader.parseDocument(graphML, file: "ok.graphml")
    #expect(document.graph.nodeCount == 2)
  }
}
