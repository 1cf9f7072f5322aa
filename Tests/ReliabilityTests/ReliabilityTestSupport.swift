import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension CLI {
  static let badInput = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("BadInput")
}

/// Expects a clean failure: a normal exit with a non-zero status and exactly one stderr
/// line that names `subject`, without a Swift runtime trap or backtrace.
func expectCleanFailure(
  _ outcome: CLI.Outcome, naming subject: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    outcome.reason == .exit, "killed by a signal: \(outcome.stderr)", sourceLocation: sourceLocation
  )
  #expect(outcome.status != 0, "exit status 0 for bad input", sourceLocation: sourceLocation)
  #expect(
    outcome.errorLines.count == 1, "expected one error line, got:\n\(outcome.stderr)",
    sourceLocation: sourceLocation)
  #expect(
    outcome.stderr.contains(subject), "the message does not name \(subject): \(outcome.stderr)",
    sourceLocation: sourceLocation)
  #expect(!outcome.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
}

/// A diagnostic line as the readers print it: `file:line:column: severity: message`.
func isDiagnosticLine(_ line: String) -> Bool {
  line.range(of: #"^.+:\d+:\d+: (warning|error): .+$"#, options: .regularExpression) != nil
}

/// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and newlines).
func csvRows(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var iterator = Array(text.unicodeScalars).makeIterator()
  var pending: Unicode.Scalar? = nil
  func next() -> Unicode.Scalar? {
    if let p = pending {
      pending = nil
      return p
    }
    return iterator.next()
  }
  while let c = next() {
    if quoted {
      if c == "\"" {
        if let n = next() {
          if n == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            pending = n
          }
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(c)
      }
    } else if c == "\"" && field.isEmpty {
      quoted = true
    } else if c == "," {
      row.append(field)
      field = ""
    } else if c == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.unicodeScalars.append(c)
    }
  }
  if !field.isEmpty || !row.isEmpty {
    row.append(field)
    rows.append(row)
  }
  return rows
}

/// Parses XML with Foundation's XMLParser and collects element names and attributes.
final class XMLCollector: NSObject, XMLParserDelegate {
  var elements: [String] = []
  var attributes: [(element: String, name: String, value: String)] = []
  /// Every closed element with its attributes and text content, in document order.
  var closed: [(element: String, attributes: [String: String], text: String)] = []
  private var current: [(String, [String: String])] = []
  private var buffer = ""
  var error: Error?

  static func parse(_ data: Data) -> XMLCollector {
    let collector = XMLCollector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    if !parser.parse() { collector.error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
    return collector
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    elements.append(elementName)
    for (name, value) in attributeDict.sorted(by: { $0.key < $1.key }) {
      attributes.append((elementName, name, value))
    }
    current.append((elementName, attributeDict))
    buffer = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    let attributes = current.popLast()?.1 ?? [:]
    closed.append((elementName, attributes, buffer))
    buffer = ""
  }
}
