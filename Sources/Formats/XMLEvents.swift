import CoauthorBase
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One event of an XML document as Foundation's `XMLParser` reports it, with the line
/// and column the parser was at.
struct XMLEvent {
  enum Kind {
    /// A start tag: local name (namespace prefix removed) and attributes.
    case start(String, [String: String])
    case end(String)
    /// Character data between tags (CDATA included), when it is not only whitespace.
    case text(String)
  }

  var kind: Kind
  var line: Int
  var column: Int
}

/// The GraphML and GEXF readers' XML layer: a real XML parser (libxml2 through
/// FoundationXML), not a scanner, so entities, CDATA, comments and namespaces are
/// handled as XML says.
///
/// Hostile input: external entities are never resolved (`shouldResolveExternalEntities
/// = false`, and the delegate gives no data for them), so `<!ENTITY x SYSTEM
/// "file:///etc/passwd">` expands to nothing. Through FoundationXML on Linux references
/// to DTD-declared entities read as nothing at all (a warning says the DTD declared
/// some); nested ones ("billion laughs") are stopped by libxml2's entity-loop check
/// (error 89), which is an error. Where a Foundation does expand internal entities, the
/// text the parser hands over is capped at 8 × the input size + 1 MiB, after which
/// parsing is aborted with an error. GraphML and GEXF writers never declare entities.
///
/// Elements nested deeper than ``InputLimits/maxNestingDepth`` (1,000) levels stop the
/// parse with an error at the first such element (libxml2's own limit is 256 unless
/// told otherwise; this bound holds whatever the Foundation).
///
/// Reference: OWASP XML External Entity Prevention Cheat Sheet; libxml2 `parser.c`
/// (`xmlParserEntityCheck`).
enum XMLEvents {
  /// The events of `bytes`.
  /// - Throws: A ``Diagnostic`` at the line and column where the document stops being
  ///   well-formed XML, or where the text budget ran out.
  /// - Complexity: O(*n*) time and memory in the size of the document.
  static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> (
    events: [XMLEvent], diagnostics: [Diagnostic]
  ) {
    // FoundationXML (swift-corelibs, Linux) traps in its element callback on some
    // malformed byte sequences that libxml2 passes on (found by fuzz-graphs): the
    // document must be UTF-8 without NUL before it reaches the parser.
    if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil {
      var line = 1
      var prefix = bytes.count
      if let nul = bytes.firstIndex(of: 0) { prefix = nul }
      for (index, byte) in bytes.prefix(prefix).enumerated() where byte == 0x0A { line += 1; _ = index }
      throw Diagnostic.at(
        file, line: bytes.contains(0) ? line : 0, .error,
        "not UTF-8 XML (a NUL byte or an invalid UTF-8 sequence); GraphML and GEXF are read as UTF-8")
    }
    let parser = XMLParser(data: Data(bytes))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    let collector = _XMLEventCollector(textBudget: 8 * bytes.count + (1 << 20))
    parser.delegate = collector
    // FoundationXML on Linux returns true from parse() even after a fatal error; the
    // delegate's first parseErrorOccurred and parserError tell.
    _ = parser.parse()
    if collector.budgetExceeded {
      throw Diagnostic.at(
        file, line: parser.lineNumber, column: parser.columnNumber, .error,
        "entity expansion produces more text than \(collector.textBudget) bytes; refused")
    }
    if let (line, column) = collector.tooDeep {
      throw Diagnostic.at(
        file, line: line, column: column, .error,
        "elements nested more than \(InputLimits.maxNestingDepth) levels deep; refused")
    }
    if let error = collector.firstError ?? (parser.parserError as NSError?).map({ ($0.code, parser.lineNumber, parser.columnNumber) }) {
      let reason =
        switch error.code {
        case 89: "an entity expands too much or refers to itself (entity expansion refused)"
        case 4, 5: "the document ends early"
        case 76: "a closing tag does not match the open element"
        default: "XML error \(error.code)"
        }
      throw Diagnostic.at(file, line: error.line, column: error.column, .error, "not well-formed XML: \(reason)")
    }
    if collector.depth != 0 || collector.events.isEmpty {
      throw Diagnostic.at(file, line: parser.lineNumber, .error, "not well-formed XML: the document ends early")
    }
    collector.flushText(parser)
    var diagnostics: [Diagnostic] = []
    if let line = entityDeclarationLine(bytes) {
      // libxml2 through FoundationXML drops references to DTD entities (nothing is
      // expanded); say so, since the text they stood for is missing.
      diagnostics.append(
        .at(file, line: line, .warning, "DTD entity declarations are ignored: their references read as nothing"))
    }
    return (collector.events, diagnostics)
  }

  /// The line of the first `<!ENTITY` in the prolog (before the root element), if any.
  static func entityDeclarationLine(_ bytes: [UInt8]) -> Int? {
    let marker = Array("<!ENTITY".utf8)
    var line = 1
    var i = 0
    var inDoctype = false
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\n") { line += 1 }
      if b == UInt8(ascii: "<") {
        if bytes[i...].starts(with: marker) { return line }
        if bytes[i...].starts(with: Array("<!DOCTYPE".utf8)) {
          inDoctype = true
        } else if !inDoctype, i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "?"), bytes[i + 1] != UInt8(ascii: "!") {
          return nil  // the root element: the prolog is over
        }
      }
      if inDoctype, b == UInt8(ascii: "]") { inDoctype = false }
      i += 1
    }
    return nil
  }
}

final class _XMLEventCollector: NSObject, XMLParserDelegate {
  var events: [XMLEvent] = []
  let textBudget: Int
  private(set) var budgetExceeded = false
  /// Where elements first nested deeper than ``InputLimits/maxNestingDepth``.
  private(set) var tooDeep: (line: Int, column: Int)?
  /// The first error libxml2 reported: code, line, column.
  private(set) var firstError: (code: Int, line: Int, column: Int)?
  /// Elements open now.
  private(set) var depth = 0
  private var textSeen = 0
  private var pending = ""
  private var pendingLine = 0
  private var pendingColumn = 0

  init(textBudget: Int) { self.textBudget = textBudget }

  private static func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
  }

  func flushText(_ parser: XMLParser) {
    guard !pending.isEmpty else { return }
    if pending.contains(where: { !$0.isWhitespace }) {
      events.append(XMLEvent(kind: .text(pending), line: pendingLine, column: pendingColumn))
    }
    pending = ""
  }

  private func append(_ text: String, _ parser: XMLParser) {
    textSeen += text.utf8.count
    if textSeen > textBudget {
      budgetExceeded = true
      parser.abortParsing()
      return
    }
    if pending.isEmpty {
      pendingLine = parser.lineNumber
      pendingColumn = parser.columnNumber
    }
    pending += text
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    flushText(parser)
    depth += 1
    if depth > InputLimits.maxNestingDepth, tooDeep == nil {
      tooDeep = (parser.lineNumber, parser.columnNumber)
      parser.abortParsing()
      return
    }
    events.append(
      XMLEvent(
        kind: .start(Self.localName(elementName), attributeDict), line: parser.lineNumber,
        column: parser.columnNumber))
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    flushText(parser)
    depth -= 1
    events.append(
      XMLEvent(kind: .end(Self.localName(elementName)), line: parser.lineNumber, column: parser.columnNumber))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { append(string, parser) }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    append(String(decoding: CDATABlock, as: UTF8.self), parser)
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    if firstError == nil {
      firstError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber)
    }
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
    nil
  }
}
