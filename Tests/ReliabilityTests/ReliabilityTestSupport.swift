import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Running the built `coauthor` executable and reading what it wrote.
enum CLI {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let badInput = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("BadInput")

  struct Outcome {
    var status: Int32
    var reason: Process.TerminationReason
    var stdout: String
    var stderr: String

    /// Non-empty stderr lines other than `coauthor run`'s progress lines ("coauthor: reading …").
    var errorLines: [String] {
      stderr.split(whereSeparator: \.isNewline).map(String.init)
        .filter { !$0.isEmpty && !$0.hasPrefix("coauthor: ") }
    }
  }

  /// The `coauthor` binary built beside the test bundle.
  static func executable() throws -> URL {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent("coauthor")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "coauthor executable"])
  }

  static func run(_ arguments: [String], in folder: URL = packageRoot) throws -> Outcome {
    let process = Process()
    process.executableURL = try executable()
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read stderr on another thread so neither pipe can fill up and block the child.
    nonisolated(unsafe) var stderr = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      stderr = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, reason: process.terminationReason,
      stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("coauthor-reliability-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
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
