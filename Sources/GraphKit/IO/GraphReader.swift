import Foundation
import GzipSupport

/// The plain-graph file formats GraphKit reads.
public enum GraphFormat: String, Sendable, Hashable, CaseIterable, Codable {
  /// SNAP-style edge list: `u v [weight]` per line, `#`/`%` comments, tabs or spaces.
  case edgeList = "edge-list"
  /// GML (Newman's netscience.gml): `graph [ node [ id label ] edge [ source target value ] ]`.
  case gml
  /// METIS adjacency format (header `n m [fmt]`, 1-based neighbor lists).
  case metis
  /// GraphML XML (`<node id>`, `<edge source target>`, a `weight` key).
  case graphML = "graphml"
  /// VOSviewer map file (`id<TAB>label<TAB>x …`) with its `_network` file beside it.
  case vosviewerText = "vosviewer-text"
  /// VOSviewer JSON (`network.items`, `network.links`), UTF-8 BOM allowed.
  case vosviewerJSON = "vosviewer-json"
}

/// A problem in a graph file, at file:line.
public struct GraphDiagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable { case warning, error }
  public var severity: Severity
  public var file: String
  /// 1-based line (0 when the problem concerns the whole file).
  public var line: Int
  public var message: String
  public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}

/// A graph file could not be read, or (strict reading) held a bad record.
public struct GraphReadError: Error, Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var message: String
  public var description: String { "\(file):\(line): \(message)" }

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  init(_ diagnostic: GraphDiagnostic) {
    self.init(file: diagnostic.file, line: diagnostic.line, message: diagnostic.message)
  }
}

/// A graph read from a file, with what the reader noticed on the way.
public struct GraphDocument: Sendable {
  public var graph: Graph
  public var format: GraphFormat
  /// Bad records (skipped, reading went on) and warnings (e.g. duplicate edges merged).
  public var diagnostics: [GraphDiagnostic]
  /// Self-loops in the input, dropped (a self-collaboration is not a collaboration;
  /// the reference fixtures drop them too).
  public var droppedSelfLoops: Int
  /// Weighted formats whose edges appeared more than once (merged by summing).
  public var mergedDuplicateEdges: Int
}

/// Reads plain graphs, detecting the format from the content (not the file name).
///
/// Node labels are kept in ``Graph/labels`` (SNAP and METIS ids as text, GML/GraphML/
/// VOSviewer labels). Self-loops are dropped and counted. Edge lists and METIS files
/// list each undirected edge twice or once: repeated pairs keep their first weight.
/// In GML, GraphML and VOSviewer files a repeated pair is a real second record: weights
/// are summed and a warning says so. gzip-compressed input (any format) is inflated.
public enum GraphReader {
  /// Reads the file at `path`; any bad record is an error (strict).
  /// - Throws: ``GraphReadError`` with file:line for unreadable files and bad records.
  public static func read(contentsOf path: String) throws(GraphReadError) -> Graph {
    let document = try readDocument(contentsOf: path)
    if let bad = document.diagnostics.first(where: { $0.severity == .error }) {
      throw GraphReadError(bad)
    }
    return document.graph
  }

  /// Parses text held in memory; any bad record is an error (strict).
  /// - Throws: ``GraphReadError`` with file:line.
  public static func parse(_ text: String, file: String = "<memory>") throws(GraphReadError)
    -> Graph
  {
    let document = try parseDocument(Array(text.utf8), file: file)
    if let bad = document.diagnostics.first(where: { $0.severity == .error }) {
      throw GraphReadError(bad)
    }
    return document.graph
  }

  /// Reads the file at `path`, skipping bad records and reporting them (lenient).
  /// - Throws: ``GraphReadError`` when the file cannot be read or has no recognisable format.
  public static func readDocument(contentsOf path: String) throws(GraphReadError)
    -> GraphDocument
  {
    let bytes = try loadBytes(path)
    return try parseDocument(bytes, file: path)
  }

  /// Parses bytes (possibly gzip-compressed), skipping bad records and reporting them.
  /// - Throws: ``GraphReadError`` when the content has no recognisable format.
  public static func parseDocument(_ input: [UInt8], file: String = "<memory>")
    throws(GraphReadError) -> GraphDocument
  {
    var bytes = input
    if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
      bytes = try Gzip.inflate(bytes, file: file)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let format = detectFormat(bytes)
    switch format {
    case .edgeList: return EdgeListReader.parseDocument(bytes, file: file)
    case .gml: return try GMLReader.parseDocument(bytes, file: file)
    case .metis: return try METISReader.parseDocument(bytes, file: file)
    case .graphML: return try GraphMLReader.parseDocument(bytes, file: file)
    case .vosviewerJSON: return try VOSviewerReader.parseJSON(bytes, file: file)
    case .vosviewerText:
      let network = VOSviewerReader.networkPath(forMap: file)
      let networkBytes = try loadBytes(network)
      return try VOSviewerReader.parseText(map: bytes, mapFile: file, network: networkBytes, networkFile: network)
    }
  }

  /// Detects the format from the first non-blank, non-comment content.
  public static func detectFormat(_ bytes: [UInt8]) -> GraphFormat {
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    let trimmed = head.drop { $0.isWhitespace }
    if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return .vosviewerJSON }
    if trimmed.hasPrefix("<") { return .graphML }
    let lower = head.lowercased()
    if lower.range(of: #"(^|\s)graph\s*\["#, options: .regularExpression) != nil { return .gml }
    // First content line (not a comment).
    let lines = head.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    for line in lines {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.isEmpty || t.hasPrefix("#") || t.hasPrefix("%") { continue }
      if t.hasPrefix("id\t") || t.hasPrefix("id,") || t == "id" { return .vosviewerText }
      let fields = t.split(whereSeparator: { $0 == " " || $0 == "\t" })
      // METIS: the first line is `n m [fmt [ncon]]` and the second starts the
      // adjacency of vertex 1; a SNAP line has 2 or 3 fields. Tell them apart by the
      // line count: METIS has exactly n vertex lines after the header.
      if (2...4).contains(fields.count), fields.allSatisfy({ Int($0) != nil }),
        let n = Int(fields[0]), looksLikeMETIS(bytes, nodeCount: n, headerFields: fields.count)
      {
        return .metis
      }
      return .edgeList
    }
    return .edgeList
  }

  /// True when the text after the header has `nodeCount` non-comment lines and the
  /// header is not a plausible edge (a METIS header has m ≥ 0 and, with 3+ fields, a
  /// format code made of 0/1 digits).
  static func looksLikeMETIS(_ bytes: [UInt8], nodeCount: Int, headerFields: Int) -> Bool {
    guard nodeCount >= 0 else { return false }
    var lines = 0
    var atLineStart = true
    var comment = false
    var sawHeader = false
    for b in bytes {
      if atLineStart {
        comment = b == UInt8(ascii: "%") || b == UInt8(ascii: "#")
        atLineStart = false
      }
      if b == UInt8(ascii: "\n") {
        if !comment {
          if sawHeader { lines += 1 } else { sawHeader = true }
        }
        atLineStart = true
      }
    }
    if !atLineStart, !comment, sawHeader { lines += 1 }
    // A trailing newline-terminated file has exactly n vertex lines.
    return lines == nodeCount
  }

  static func loadBytes(_ path: String) throws(GraphReadError) -> [UInt8] {
    do {
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw GraphReadError(file: path, line: 0, message: "cannot read file: \(error.localizedDescription)")
    }
  }
}
