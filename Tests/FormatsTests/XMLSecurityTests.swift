import CoauthorBase
import Foundation
import GraphKit
import Testing

@testable import Formats

/// Hostile XML: external entities (XXE) and entity expansion ("billion laughs").
/// Reference: OWASP XML External Entity Prevention Cheat Sheet.
@Suite("XML readers and hostile entities")
struct XMLSecurityTests {
  static let passwd = "/etc/passwd"

  static func xxe(_ format: GraphFormat) -> String {
    let doctype = #"<!DOCTYPE g [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>"#
    switch format {
    case .gexf:
      return """
        <?xml version="1.0"?>
        \(doctype)
        <gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes>
        <node id="a" label="before &x; after"/><node id="b" label="B"/></nodes>
        <edges><edge source="a" target="b"/></edges></graph></gexf>
        """
    default:
      return """
        <?xml version="1.0"?>
        \(doctype)
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <key id="l" for="node" attr.name="label" attr.type="string"/>
        <graph edgedefault="undirected">
        <node id="a"><data key="l">before &x; after</data></node><node id="b"/>
        <edge source="a" target="b"/></graph></graphml>
        """
    }
  }

  @Test("an external entity is never resolved: /etc/passwd stays out of every label", arguments: [GraphFormat.graphML, .gexf])
  func externalEntity(format: GraphFormat) throws {
    let secret = try String(contentsOfFile: Self.passwd, encoding: .utf8)
    let firstLine = try #require(secret.split(separator: "\n").first.map(String.init))
    let bytes = Array(Self.xxe(format).utf8)
    #expect(GraphReader.recognize(bytes, fileName: nil) == format)
    do {
      let doc = try GraphReader.parseDocument(bytes, file: "xxe")
      for label in doc.graph.labels {
        #expect(!label.contains(firstLine))
        #expect(!label.contains("root:"))
      }
    } catch {
      // Refusing the document is as good as reading it without the entity.
      #expect(error.severity == .error)
    }
  }

  static func billionLaughs(_ root: String) -> String {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    text += " <!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
    for level in 2...9 {
      text += " <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
    }
    text += "]>\n"
    if root == "gexf" {
      text += #"<gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>"#
    } else {
      text += #"<graphml><key id="l" for="node" attr.name="label"/><graph><node id="a"><data key="l">&lol9;</data></node></graph></graphml>"#
    }
    return text + "\n"
  }

  @Test("billion laughs: an error naming entity expansion, no 3 GB label", arguments: ["graphml", "gexf"])
  func billionLaughs(root: String) throws {
    let bytes = Array(Self.billionLaughs(root).utf8)
    let error = #expect(throws: Diagnostic.self) { try GraphReader.parseDocument(bytes, file: "lol.xml") }
    #expect(error?.message.contains("entity") == true)
    #expect(error?.location.line ?? 0 > 0)
  }

  @Test("quadratic blow-up (one large entity used many times): bounded, and never silent")
  func quadraticBlowup() throws {
    let big = String(repeating: "A", count: 50_000)
    let uses = String(repeating: "&big;", count: 2_000)  // 100 MB of text from ~150 KB
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE g [ <!ENTITY big "\(big)"> ]>
      <graphml><key id="l" for="node" attr.name="label"/><graph><node id="a"><data key="l">\(uses)</data></node></graph></graphml>
      """
    switch Result(catching: { () throws(Diagnostic) in
      try GraphReader.parseDocument(Array(text.utf8), file: "big.graphml")
    }) {
    case .success(let doc):
      // Read without expanding: the label is not 100 MB, and a warning says why it is short.
      #expect(doc.graph.labels.allSatisfy { $0.utf8.count < 1 << 20 })
      let warning = try #require(doc.diagnostics.first)
      #expect(warning.severity == .warning)
      #expect(warning.message.contains("entity"))
      #expect(warning.location.line == 2)
    case .failure(let error):
      #expect(error.message.contains("entity"))
    }
  }

  @Test("a truncated document is an error at its last line, not a partial graph")
  func truncated() throws {
    let text = "<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"a\"/>\n<node id=\"b\""
    let error = #expect(throws: Diagnostic.self) { try GraphReader.parseDocument(Array(text.utf8), file: "cut.graphml") }
    #expect(error?.location.file == "cut.graphml")
    #expect(error?.location.line == 5)
  }
}
