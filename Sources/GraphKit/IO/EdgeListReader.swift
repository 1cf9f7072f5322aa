import Foundation
import GzipSupport

/// Reads plain edge lists: one edge per line, `u v [weight]`, separated by spaces or
/// tabs (CRLF allowed); lines starting with `#` or `%` are comments. Node tokens are
/// interned in order of first appearance and kept as labels.
///
/// Each undirected pair is one edge: SNAP lists every edge twice (u v and v u), so
/// repeated pairs keep their first weight rather than summing. Self-loops are dropped
/// and counted (``GraphDocument/droppedSelfLoops``). A malformed line is reported with
/// its file:line and skipped (``GraphReader/readDocument(contentsOf:)``) or thrown
/// (``read(contentsOf:)``).
public enum EdgeListReader {
  /// The error type of earlier versions of this reader.
  public typealias ReadError = GraphReadError

  /// Reads the file at `path` (gzip allowed); any malformed line is an error.
  /// - Throws: ``GraphReadError`` with file:line.
  public static func read(contentsOf path: String) throws(GraphReadError) -> Graph {
    var bytes = try GraphReader.loadBytes(path)
    if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
      bytes = try Gzip.inflate(bytes, file: path)
    }
    return try strict(parseDocument(bytes, file: path))
  }

  /// Parses edge-list text held in memory; any malformed line is an error.
  /// - Throws: ``GraphReadError`` with file:line.
  public static func parse(_ text: String, file: String = "<memory>") throws(GraphReadError)
    -> Graph
  {
    try strict(parseDocument(Array(text.utf8), file: file))
  }

  static func strict(_ document: GraphDocument) throws(GraphReadError) -> Graph {
    if let bad = document.diagnostics.first(where: { $0.severity == .error }) {
      throw GraphReadError(bad)
    }
    return document.graph
  }

  /// Parses edge-list bytes, reporting malformed lines and going on.
  static func parseDocument(_ bytes: [UInt8], file: String) -> GraphDocument {
    var interner = _TokenInterner()
    var builder = GraphBuilder(parallelEdges: .keepFirst, selfLoops: .drop)
    var diagnostics: [GraphDiagnostic] = []
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
              GraphDiagnostic(
                severity: .error, file: file, line: lineNumber,
                message: "expected 'u v [weight]', found '\(text.prefix(80))'"))
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
                  GraphDiagnostic(
                    severity: .error, file: file, line: lineNumber,
                    message: "weight '\(token.prefix(40))' is not a finite number"))
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
