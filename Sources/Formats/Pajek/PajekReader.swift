import CoauthorBase
import GraphKit

/// Reads Pajek `.net` files: `*Vertices n` (1-based ids with optional quoted labels and
/// coordinates), then `*Edges` / `*Arcs` (`u v [weight]`) or `*Edgeslist` / `*Arcslist`
/// (`u v1 v2 …`). Arcs are read as undirected edges, with one warning. A repeated pair
/// is a second record: weights are summed and a warning says so. Self-loops are
/// dropped and counted.
///
/// A vertex that an edge uses but no vertex line lists gets its number as label. Vertices
/// that `*Vertices n` declares but that are neither listed nor linked are left out, with a
/// warning (a header is never trusted for an allocation).
///
/// - Complexity: O(*n* + *m*) time and memory.
///
/// Reference: V. Batagelj and A. Mrvar, "Pajek: Reference Manual", §"Input file formats";
/// networkx `networkx/readwrite/pajek.py` (`parse_pajek`).
public enum PajekReader {
  /// True when the first non-comment line is a `*Vertices n` header.
  public static func recognize(_ bytes: [UInt8]) -> Bool {
    for line in lines(bytes.prefix(1 << 16)) {
      let text = line.text.trimmingCharacters(in: .whitespaces)
      if text.isEmpty || text.hasPrefix("%") { continue }
      let fields = text.split(whereSeparator: \.isWhitespace)
      return fields.count >= 2 && fields[0].lowercased() == "*vertices" && Int(fields[1]) != nil
    }
    return false
  }

  public static func parseDocument(_ bytes: [UInt8], file: String = "<memory>") throws(Diagnostic) -> GraphDocument {
    var diagnostics: [Diagnostic] = []
    var labels: [String] = []
    var declared = 0
    enum Section { case none, vertices, edges, edgesList }
    var section = Section.none
    var pairs: [(u: Int, v: Int, weight: Double, line: Int)] = []
    var warnedArcs = false
    for line in lines(bytes) {
      let text = line.text.trimmingCharacters(in: .whitespaces)
      if text.isEmpty || text.hasPrefix("%") { continue }
      if text.hasPrefix("*") {
        let fields = text.split(whereSeparator: \.isWhitespace)
        switch fields[0].lowercased() {
        case "*vertices":
          guard fields.count >= 2, let n = Int(fields[1]), n >= 0, n <= Int(Int32.max) else {
            throw Diagnostic.at(file, line: line.number, .error, "*Vertices needs a vertex count", record: String(text.prefix(200)))
          }
          // Labels are filled as vertex lines come; never allocate more than the file can
          // hold (a header claiming 10^12 vertices in a short file is a lie).
          declared = n
          section = .vertices
        case "*edges", "*arcs":
          section = .edges
        case "*edgeslist", "*arcslist":
          section = .edgesList
        default:
          diagnostics.append(Diagnostic.at(file, line: line.number, .warning, "section \(fields[0]) is not read"))
          section = .none
          continue
        }
        if fields[0].lowercased().hasPrefix("*arcs"), !warnedArcs {
          warnedArcs = true
          diagnostics.append(Diagnostic.at(file, line: line.number, .warning, "arcs are read as undirected edges"))
        }
        continue
      }
      switch section {
      case .none:
        diagnostics.append(Diagnostic.at(file, line: line.number, .error, "a line outside any section", record: String(text.prefix(200))))
      case .vertices:
        let (idText, rest) = splitFirstField(text)
        guard let id = Int(idText), id >= 1, id <= declared else {
          diagnostics.append(Diagnostic.at(file, line: line.number, .error, "vertex id must be 1…\(declared)", record: String(text.prefix(200))))
          continue
        }
        while labels.count < id { labels.append(String(labels.count + 1)) }
        labels[id - 1] = label(rest) ?? String(idText)
      case .edges, .edgesList:
        let fields = text.split(whereSeparator: \.isWhitespace)
        let ids = fields.prefix(section == .edges ? 2 : fields.count).map { Int($0) }
        guard ids.count >= 2, ids.allSatisfy({ $0.map { (1...declared).contains($0) } ?? false }) else {
          diagnostics.append(Diagnostic.at(file, line: line.number, .error, "edge endpoints must be vertex ids 1…\(declared)", record: String(text.prefix(200))))
          continue
        }
        var weight = 1.0
        if section == .edges, fields.count >= 3 {
          guard let w = Double(fields[2]), w.isFinite, w > 0 else {
            diagnostics.append(Diagnostic.at(file, line: line.number, .error, "edge weight must be a positive number", record: String(text.prefix(200))))
            continue
          }
          weight = w
        }
        let u = ids[0]! - 1
        for v in ids.dropFirst() { pairs.append((u, v! - 1, weight, line.number)) }
      }
    }
    let used = pairs.reduce(labels.count) { max($0, $1.u + 1, $1.v + 1) }
    while labels.count < used { labels.append(String(labels.count + 1)) }
    if labels.count < declared {
      diagnostics.append(
        Diagnostic.at(
          file, line: 0, .warning,
          "*Vertices declares \(declared) vertices; \(labels.count) are listed or linked, the others are left out"))
    }
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var repeated = _RepeatedEdges()
    for pair in pairs {
      if repeated.repeats(pair.u, pair.v), repeated.isListed {
        diagnostics.append(
          Diagnostic.at(file, line: pair.line, .warning, "repeated edge \(pair.u + 1)–\(pair.v + 1): weights summed"))
      }
      builder.addEdge(pair.u, pair.v, weight: pair.weight)
    }
    if let summary = repeated.summary(file: file, what: "edges", merged: "weights summed") { diagnostics.append(summary) }
    return GraphDocument(
      graph: builder.build(), format: .pajek, diagnostics: diagnostics,
      droppedSelfLoops: builder.droppedSelfLoops, mergedDuplicateEdges: repeated.count)
  }

  /// A vertex line's label: the quoted text (no escapes in Pajek), or the first word.
  static func label(_ rest: Substring) -> String? {
    let trimmed = rest.drop(while: \.isWhitespace)
    guard let first = trimmed.first else { return nil }
    if first == "\"" {
      let body = trimmed.dropFirst()
      return String(body.prefix { $0 != "\"" })
    }
    return String(trimmed.prefix { !$0.isWhitespace })
  }

  static func splitFirstField(_ text: String) -> (Substring, Substring) {
    let start = text.startIndex
    let end = text.firstIndex(where: \.isWhitespace) ?? text.endIndex
    return (text[start..<end], text[end...])
  }

  static func lines(_ bytes: some Collection<UInt8>) -> [(number: Int, text: String)] {
    var result: [(Int, String)] = []
    var number = 1
    for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      var text = String(decoding: piece, as: UTF8.self)
      if text.hasSuffix("\r") { text.removeLast() }
      result.append((number, text))
      number += 1
    }
    return result
  }
}
