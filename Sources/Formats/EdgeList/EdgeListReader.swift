import CoauthorBase
import Foundation
import GraphKit

/// Reads plain edge lists: one edge per line, `u v [weight]`, separated by spaces or
/// tabs (CRLF allowed); lines starting with `#` or `%` are comments. Node tokens are
/// interned in order of first appearance and kept as labels.
///
/// Each undirected pair is one edge: SNAP lists every edge twice (u v and v u), so
/// repeated pairs keep their first weight rather than summing. Self-loops are dropped
/// and counted (``GraphDocument/droppedSelfLoops``). A malformed line is reported with
/// its file:line:column and skipped (``GraphReader/readDocument(contentsOf:)``) or thrown
/// (``read(contentsOf:)``). A weight that is negative, NaN or infinite is an error and
/// its edge is skipped; a zero weight drops the edge with a warning (``EdgeWeight``).
///
/// - Complexity: O(*n*) in the bytes; one dictionary look-up per node token.
///
/// Reference: SNAP file format (snap.stanford.edu/data); networkx
/// `networkx/readwrite/edgelist.py` (`read_weighted_edgelist`).
public enum EdgeListReader {
  /// Reads the file at `path` as an edge list whatever its content looks like (gzip
  /// allowed); any malformed line is an error.
  /// - Throws: The ``Diagnostic`` of an unreadable file or the first malformed line.
  public static func read(contentsOf path: String) throws(Diagnostic) -> Graph {
    let bytes = try GraphReader.content(GraphReader.loadBytes(path), file: path)
    return try GraphReader.strict(parseDocument(bytes, file: path))
  }

  /// Parses edge-list text held in memory; any malformed line is an error.
  /// - Throws: The ``Diagnostic`` of the first malformed line.
  public static func parse(_ text: String, file: String = "<memory>") throws(Diagnostic) -> Graph {
    try GraphReader.strict(parseDocument(Array(text.utf8), file: file))
  }

  /// True when every non-comment line among the first 500 (of the first 64 KiB) has 2–3
  /// fields, the third a number, and the node fields are integers or the line is
  /// tab-separated without spaces (see ``GraphReader/recognize(_:fileName:)``).
  static func recognize(_ bytes: [UInt8]) -> Bool {
    let head = bytes.prefix(1 << 16)
    var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    // A cut-off last line of a long file is not judged.
    if head.count < bytes.count, lines.count > 1 { lines.removeLast() }
    var dataLines = 0
    for raw in lines {
      var line = raw[...]
      while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
        line = line.dropLast()
      }
      while let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
        line = line.dropFirst()
      }
      guard let first = line.first else { continue }
      if first == UInt8(ascii: "#") || first == UInt8(ascii: "%") { continue }
      let fields = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
      guard (2...3).contains(fields.count) else { return false }
      let text = fields.map { String(decoding: $0, as: UTF8.self) }
      if text.count == 3 {
        // NaN, inf and negative weights are recognised, then reported by the reader.
        guard Double(text[2]) != nil else { return false }
      }
      let numericIDs = text.prefix(2).allSatisfy { Int($0) != nil }
      if !numericIDs, line.contains(UInt8(ascii: " ")) { return false }
      dataLines += 1
      if dataLines == 500 { break }
    }
    return dataLines > 0
  }

  /// Parses edge-list bytes, reporting malformed lines and going on (no recognition:
  /// the bytes are read as an edge list whatever they hold).
  public static func parseDocument(_ bytes: [UInt8], file: String) -> GraphDocument {
    var interner = _TokenInterner()
    var builder = GraphBuilder(parallelEdges: .keepFirst, selfLoops: .drop)
    var diagnostics: [Diagnostic] = []
    var lineNumber = 0
    let space = UInt8(ascii: " ")
    let tab = UInt8(ascii: "\t")
    let cr = UInt8(ascii: "\r")
    let newline = UInt8(ascii: "\n")
    bytes.withUnsafeBufferPointer { buf in
      let count = buf.count
      var pos = 0
      var starts: [Int] = []
      var ends: [Int] = []
      while pos < count {
        lineNumber += 1
        var end = pos
        while end < count, buf[end] != newline { end += 1 }
        let next = end + 1
        var lineEnd = end
        if lineEnd > pos, buf[lineEnd - 1] == cr { lineEnd -= 1 }
        var i = pos
        while i < lineEnd, buf[i] == space || buf[i] == tab { i += 1 }
        if i < lineEnd, buf[i] != UInt8(ascii: "#"), buf[i] != UInt8(ascii: "%") {
          starts.removeAll(keepingCapacity: true)
          ends.removeAll(keepingCapacity: true)
          while i < lineEnd {
            let s = i
            while i < lineEnd, buf[i] != space, buf[i] != tab { i += 1 }
            starts.append(s)
            ends.append(i)
            while i < lineEnd, buf[i] == space || buf[i] == tab { i += 1 }
          }
          if starts.count < 2 || starts.count > 3 {
            let text = String(decoding: buf[pos..<lineEnd], as: UTF8.self)
            diagnostics.append(
              .at(
                file, line: lineNumber, column: starts[0] - pos + 1, .error,
                "expected 'u v [weight]', found '\(InputLimits.quote(text, limit: 80))'",
                record: String(text.prefix(80))))
          } else {
            var weight = 1.0
            var ok = true
            if starts.count == 3 {
              let token = String(decoding: buf[starts[2]..<ends[2]], as: UTF8.self)
              if let w = Double(token), w.isFinite {
                weight = w
              } else {
                ok = false
                diagnostics.append(
                  .at(
                    file, line: lineNumber, column: starts[2] - pos + 1, .error,
                    "weight '\(token.prefix(40))' is not a finite number"))
              }
            }
            if ok, starts.count == 3 {
              let edge = String(decoding: buf[starts[0]..<ends[1]], as: UTF8.self)
              if EdgeWeight.check(
                weight, file: file, line: lineNumber, column: starts[2] - pos + 1, edge: edge,
                diagnostics: &diagnostics) == nil
              {
                ok = false
              }
            }
            if ok {
              let u = interner.intern(buf, starts[0], ends[0])
              let v = interner.intern(buf, starts[1], ends[1])
              builder.addEdge(u, v, weight: weight)
            }
          }
        }
        pos = next
      }
    }
    builder.reserveNodes(interner.labels.count)
    builder.labels = interner.labels
    return GraphDocument(
      graph: builder.build(), format: .edgeList, diagnostics: diagnostics,
      droppedSelfLoops: builder.droppedSelfLoops, mergedDuplicateEdges: 0)
  }
}

/// Dense ids for node tokens in order of first appearance; plain decimal integers
/// (the SNAP case) take a fast path keyed by value.
struct _TokenInterner {
  var labels: [String] = []
  private var numeric: [Int: Int] = [:]
  private var textual: [String: Int] = [:]

  mutating func intern(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    let length = end - start
    if length > 0, length <= 18, length == 1 || buf[start] != UInt8(ascii: "0") {
      var value = 0
      var digits = true
      for i in start..<end {
        let d = Int(buf[i]) - 48
        if d < 0 || d > 9 {
          digits = false
          break
        }
        value = value * 10 + d
      }
      if digits {
        if let id = numeric[value] { return id }
        let id = labels.count
        numeric[value] = id
        labels.append(String(value))
        return id
      }
    }
    return intern(String(decoding: buf[start..<end], as: UTF8.self))
  }

  mutating func intern(_ token: String) -> Int {
    if let id = textual[token] { return id }
    let id = labels.count
    textual[token] = id
    labels.append(token)
    return id
  }
}
