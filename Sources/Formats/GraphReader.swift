import CoauthorBase
import Foundation
import GraphKit

/// Reads plain graphs, recognising the format from the content (not the file name).
///
/// Node labels are kept in `Graph.labels` (SNAP and METIS ids as text, GML/GraphML/
/// GEXF/VOSviewer labels). Self-loops are dropped and counted. Edge lists and METIS files
/// list each undirected edge twice or once: repeated pairs keep their first weight.
/// In GML, GraphML, GEXF and VOSviewer files a repeated pair is a real second record:
/// weights are summed and a warning says so. gzip-compressed input (any format, told by
/// its magic bytes) is inflated.
///
/// Edge weights are checked the same way in every format (``EdgeWeight``): a negative,
/// NaN or infinite weight is an error at its file:line and the edge is skipped; a zero
/// weight is no collaboration, so the edge is dropped with a warning. No file reaches
/// GraphKit's preconditions on weights.
///
/// gzip input inflates to at most 64 × its compressed size (at least 64 MiB, at most
/// `COAUTHOR_MAX_INPUT_BYTES`, default 2 GiB); past that the file is refused with an
/// error (see ``InputLimits``).
///
/// Content that is not positively one of the formats (``recognize(_:fileName:)`` says
/// nil) is not read as an edge list by default: it is an "unknown graph format" error.
///
/// The counterpart of networkx's `networkx/readwrite/` readers, with their
/// parse/read naming.
public enum GraphReader {
  /// Reads the file at `path`; any bad record is an error (strict).
  /// - Throws: The ``Diagnostic`` of an unreadable file, an unknown format or the first
  ///   bad record.
  public static func read(contentsOf path: String) throws(Diagnostic) -> Graph {
    try strict(readDocument(contentsOf: path))
  }

  /// Parses text held in memory; any bad record is an error (strict).
  /// - Throws: The ``Diagnostic`` of an unknown format or the first bad record.
  public static func parse(_ text: String, file: String = "<memory>") throws(Diagnostic) -> Graph {
    try strict(parseDocument(Array(text.utf8), file: file))
  }

  /// Reads the file at `path`, skipping bad records and reporting them (lenient).
  /// - Throws: A ``Diagnostic`` when the file cannot be read, is not a graph format this
  ///   reader knows, or cannot be read on at all (unterminated XML, corrupt gzip).
  public static func readDocument(contentsOf path: String) throws(Diagnostic) -> GraphDocument {
    try parseDocument(loadBytes(path), file: path)
  }

  /// Parses bytes (possibly gzip-compressed), skipping bad records and reporting them.
  ///
  /// `file` names the input in diagnostics; for a VOSviewer map file it is also where the
  /// network file beside it is looked for.
  /// - Throws: A ``Diagnostic`` "unknown graph format" when ``recognize(_:fileName:)``
  ///   finds none, or the one that stopped the format's reader.
  public static func parseDocument(_ input: [UInt8], file: String = "<memory>") throws(Diagnostic)
    -> GraphDocument
  {
    let bytes = try content(input, file: file)
    guard let format = recognizeContent(bytes, fileName: file) else {
      throw Diagnostic.file(
        .error, file,
        "unknown graph format (expected an edge list, an edge table with a Source,Target header, GML, GraphML, GEXF, Pajek, METIS or VOSviewer file)")
    }
    switch format {
    case .edgeList, .gml, .metis, .edgeTable: try checkLineLengths(bytes, file: file)
    default: break
    }
    switch format {
    case .edgeList: return EdgeListReader.parseDocument(bytes, file: file)
    case .gml: return try GMLReader.parseDocument(bytes, file: file)
    case .metis: return try METISReader.parseDocument(bytes, file: file)
    case .graphML: return try GraphMLReader.parseDocument(bytes, file: file)
    case .gexf: return try GEXFReader.parseDocument(bytes, file: file)
    case .vosviewerJSON: return try VOSviewerReader.parseJSON(bytes, file: file)
    case .pajek: return try PajekReader.parseDocument(bytes, file: file)
    case .edgeTable: return try EdgeCSVReader.parseDocument(bytes, file: file)
    case .vosviewerText:
      let network = VOSviewerReader.networkPath(forMap: file)
      return try VOSviewerReader.parseText(
        map: bytes, mapFile: file, network: loadBytes(network), networkFile: network)
    }
  }

  // MARK: Recognition

  /// The format `bytes` positively are, or nil.
  ///
  /// gzip input is inflated first and a UTF-8 byte-order mark skipped. Then:
  /// - `<`: XML whose root element is `graphml` (GraphML) or `gexf` (GEXF);
  /// - `{`: a JSON object with `network.items` (VOSviewer JSON);
  /// - GML: top-level `key value` pairs up to `graph [`;
  /// - VOSviewer map text: a header `id<TAB>label…` (or comma-separated), and the
  ///   network file beside it exists (so `fileName` is needed);
  /// - edge table: a first line naming `Source` and `Target` columns (CSV, tab- or
  ///   semicolon-separated; ``EdgeCSVReader``);
  /// - METIS: a header `n m [fmt [ncon]]`, exactly *n* vertex lines after it, and 2*m*
  ///   neighbor entries in them (so `1 2\n2 3\n` is not METIS: it lists one edge's worth
  ///   of entries, not two);
  /// - edge list: every non-comment line among the first 500 has 2–3 fields, the third
  ///   a number; the two node fields are integers (SNAP), or the line is tab-separated
  ///   with no space in it. A node token is one word: an alias table
  ///   (`Qi Lei<TAB>Lei, Qi`) has names with spaces and is not a graph, while
  ///   space-separated words (`hello world`, `a b`) never are.
  ///
  /// Anything else (a BibTeX file, Markdown, `manifest.json`, an empty file) is nil.
  ///
  /// - Complexity: O(*n*) in the bytes for METIS and JSON (the whole file is checked),
  ///   otherwise O(1): a prefix of at most 64 KiB.
  public static func recognize(_ bytes: [UInt8], fileName: String?) -> GraphFormat? {
    guard let content = try? content(bytes, file: fileName ?? "<memory>") else { return nil }
    return recognizeContent(content, fileName: fileName)
  }

  static func recognizeContent(_ bytes: [UInt8], fileName: String?) -> GraphFormat? {
    var start = 0
    while start < bytes.count, isSpace(bytes[start]) { start += 1 }
    guard start < bytes.count else { return nil }
    switch bytes[start] {
    case UInt8(ascii: "<"):
      switch xmlRootName(bytes, from: start) {
      case "graphml": return .graphML
      case "gexf": return .gexf
      default: return nil
      }
    case UInt8(ascii: "{"):
      return VOSviewerReader.isJSON(bytes) ? .vosviewerJSON : nil
    default:
      break
    }
    if GMLReader.recognize(bytes) { return .gml }
    if PajekReader.recognize(bytes) { return .pajek }
    if let fileName, VOSviewerReader.isMapHeader(bytes),
      FileManager.default.fileExists(atPath: VOSviewerReader.networkPath(forMap: fileName))
    {
      return .vosviewerText
    }
    if EdgeCSVReader.recognize(bytes) { return .edgeTable }
    if METISReader.recognize(bytes) { return .metis }
    if let fileName, METISReader.hasBrokenHeader(bytes, fileName: fileName) { return .metis }
    if EdgeListReader.recognize(bytes) { return .edgeList }
    return nil
  }

  static func isSpace(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
  }

  /// The local name of the first element of an XML document, after the prolog (XML
  /// declaration, comments, processing instructions, a DOCTYPE with its internal subset).
  /// Looks at the first 64 KiB only.
  static func xmlRootName(_ bytes: [UInt8], from start: Int) -> String? {
    let end = min(bytes.count, start + 1 << 16)
    var i = start
    func skip(past terminator: [UInt8]) {
      while i < end, !bytes[i..<end].starts(with: terminator) { i += 1 }
      i += terminator.count
    }
    while i < end {
      if isSpace(bytes[i]) {
        i += 1
      } else if bytes[i..<end].starts(with: Array("<?".utf8)) {
        skip(past: Array("?>".utf8))
      } else if bytes[i..<end].starts(with: Array("<!--".utf8)) {
        skip(past: Array("-->".utf8))
      } else if bytes[i..<end].starts(with: Array("<!".utf8)) {
        // DOCTYPE: up to the `>` outside quotes and outside the `[…]` internal subset.
        var quote: UInt8 = 0
        var depth = 0
        i += 2
        while i < end {
          let b = bytes[i]
          i += 1
          if quote != 0 {
            if b == quote { quote = 0 }
          } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
            quote = b
          } else if b == UInt8(ascii: "[") {
            depth += 1
          } else if b == UInt8(ascii: "]") {
            depth -= 1
          } else if b == UInt8(ascii: ">"), depth <= 0 {
            break
          }
        }
      } else if bytes[i] == UInt8(ascii: "<") {
        var j = i + 1
        while j < end, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") {
          j += 1
        }
        let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        return name.split(separator: ":").last.map(String.init)
      } else {
        return nil
      }
    }
    return nil
  }

  // MARK: Bytes

  /// The bytes to parse: gzip inflated (told by magic bytes), a UTF-8 BOM removed.
  static func content(_ input: [UInt8], file: String) throws(Diagnostic) -> [UInt8] {
    var bytes = input
    if Gzip.isCompressed(bytes) {
      let inflated = Gzip.inflate(bytes)
      if let failure = inflated.failure { throw Diagnostic.file(.error, file, failure) }
      bytes = inflated.bytes
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return bytes
  }

  /// The first line of `bytes` longer than `limit` bytes (1-based) and its length, if
  /// any: the line-based formats (edge list, METIS, GML) refuse such a line.
  static func overlongLine(_ bytes: [UInt8], limit: Int = InputLimits.maxLineBytes) -> (line: Int, length: Int)? {
    var line = 1
    var start = 0
    var i = 0
    let n = bytes.count
    while i < n {
      if bytes[i] == 0x0A {
        if i - start > limit { return (line, i - start) }
        line += 1
        start = i + 1
      }
      i += 1
    }
    return n - start > limit ? (line, n - start) : nil
  }

  /// Refuses a line-based file with a line over ``InputLimits/maxLineBytes``.
  static func checkLineLengths(_ bytes: [UInt8], file: String) throws(Diagnostic) {
    if let (line, length) = overlongLine(bytes) {
      throw Diagnostic.at(
        file, line: line, .error,
        "line is \(InputLimits.describe(bytes: length)) long, over the limit of "
          + "\(InputLimits.describe(bytes: InputLimits.maxLineBytes)) (COAUTHOR_MAX_LINE_BYTES); file not read")
    }
  }

  static func strict(_ document: GraphDocument) throws(Diagnostic) -> Graph {
    if let bad = document.diagnostics.first(where: { $0.severity == .error }) { throw bad }
    return document.graph
  }

  static func loadBytes(_ path: String) throws(Diagnostic) -> [UInt8] {
    try InputFile.bytes(atPath: path)
  }
}

/// The one check every graph reader applies to an edge weight read from a file, so
/// that no file reaches GraphKit's preconditions (which stay for API misuse).
///
/// - Negative, NaN or infinite: an error at the edge's file:line; the edge is skipped.
/// - Zero: no collaboration; the edge is dropped with a warning.
/// - Above ``largest`` (10¹⁰⁰): an error; the edge is skipped (repeated edges are
///   summed, and the sum must stay finite).
/// - Positive and finite: kept.
enum EdgeWeight {
  static let largest = 1e100

  /// The weight to add, or nil (with a diagnostic appended) when the edge is skipped.
  static func check(
    _ weight: Double, file: String, line: Int, column: Int = 0, edge: String,
    diagnostics: inout [Diagnostic]
  ) -> Double? {
    if weight > 0, weight <= largest { return weight }
    if weight == 0 {
      diagnostics.append(
        .at(file, line: line, column: column, .warning, "edge \(InputLimits.quote(edge, limit: 80)) has weight 0 (no collaboration); dropped"))
    } else {
      diagnostics.append(
        .at(
          file, line: line, column: column, .error,
          "edge \(InputLimits.quote(edge, limit: 80)) has weight \(weight): weights must be positive, finite "
            + "and at most 1e100; skipped"))
    }
    return nil
  }
}
