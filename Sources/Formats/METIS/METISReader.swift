import CoauthorBase
import GraphKit

/// Reads METIS adjacency files: a header `n m [fmt [ncon]]`, then one line per vertex
/// 1…n listing its neighbors (1-based), `%` comments. `fmt` 1 or 11 adds a weight after
/// each neighbor; 10 or 11 starts each line with `ncon` vertex weights (ignored).
///
/// Every edge appears in both endpoint lines; the first weight is kept. Labels are the
/// 1-based vertex numbers as text. A count that disagrees with the header is reported.
/// A header that cannot be right (negative counts, a `fmt` not of 0/1 digits, `ncon`
/// outside 0…1000, more vertices than lines follow) is refused before anything is
/// allocated. A negative, NaN or infinite edge weight is an error (entry skipped), zero
/// a warning (entry dropped).
///
/// - Complexity: O(*n*) in the bytes.
///
/// Reference: G. Karypis, "METIS Manual 5.1.0", 2013, §4.1.1 (graph file); the
/// DIMACS10 collection's files.
public enum METISReader {
  /// Parses METIS bytes, reporting bad neighbor entries and count mismatches.
  /// - Throws: A ``Diagnostic`` when there is no header `n m [fmt [ncon]]`.
  public static func parseDocument(_ bytes: [UInt8], file: String) throws(Diagnostic) -> GraphDocument {
    var diagnostics: [Diagnostic] = []
    let text = String(decoding: bytes, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
      line.last == "\r" ? line.dropLast() : line
    }
    if lines.last?.isEmpty == true { lines.removeLast() }
    var index = 0
    func isComment(_ line: Substring) -> Bool { line.first == "%" }
    while index < lines.count, isComment(lines[index]) || lines[index].allSatisfy(\.isWhitespace) {
      index += 1
    }
    guard index < lines.count else { throw Diagnostic.at(file, line: 1, .error, "missing METIS header") }
    let header = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }
    guard header.count >= 2 else {
      throw Diagnostic.at(file, line: index + 1, .error, "METIS header must be 'n m [fmt [ncon]]'")
    }
    let n = header[0]
    let m = header[1]
    let fmt = header.count >= 3 ? header[2] : 0
    let edgeWeights = fmt % 10 == 1
    let vertexWeights = (fmt / 10) % 10 == 1
    let ncon = header.count >= 4 ? header[3] : (vertexWeights ? 1 : 0)
    let headerLine = index + 1
    guard n >= 0, m >= 0 else {
      throw Diagnostic.at(file, line: headerLine, .error, "METIS header: n and m must not be negative")
    }
    guard fmt >= 0, fmt <= 111, String(fmt).allSatisfy({ $0 == "0" || $0 == "1" }) else {
      throw Diagnostic.at(file, line: headerLine, .error, "METIS header: fmt \(fmt) is not made of the digits 0 and 1")
    }
    guard ncon >= 0, ncon <= 1000 else {
      throw Diagnostic.at(file, line: headerLine, .error, "METIS header: ncon \(ncon) is not in 0…1000")
    }
    index += 1
    // Every vertex has a line: a header claiming more vertices than lines follow (10¹²
    // in a few bytes) is refused before anything is allocated for them.
    guard n <= lines.count - index else {
      throw Diagnostic.at(
        file, line: headerLine, .error,
        "METIS header says \(n) vertices but only \(lines.count - index) lines follow; not read")
    }
    var builder = GraphBuilder(
      nodeCount: n, labels: (0..<n).map { String($0 + 1) }, parallelEdges: .keepFirst,
      selfLoops: .drop)
    var vertex = 0
    var entries = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      if isComment(line) { continue }
      guard vertex < n else {
        if !line.allSatisfy(\.isWhitespace) {
          diagnostics.append(
            Diagnostic.at(file, line: index, .error, "more vertex lines than n = \(n)"))
        }
        continue
      }
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      var values = fields.dropFirst(vertexWeights ? ncon : 0)
      while let first = values.first {
        values = values.dropFirst()
        guard let neighbor = Int(first), neighbor >= 1, neighbor <= n else {
          diagnostics.append(
            Diagnostic.at(file, line: index, .error, "neighbor '\(InputLimits.quote(first, limit: 40))' is not in 1…\(n)"))
          if edgeWeights { values = values.dropFirst() }
          continue
        }
        var weight = 1.0
        if edgeWeights {
          guard let w = values.first.flatMap({ Double($0) }) else {
            diagnostics.append(
              Diagnostic.at(file, line: index, .error, "missing edge weight"))
            break
          }
          values = values.dropFirst()
          guard
            let checked = EdgeWeight.check(
              w, file: file, line: index, edge: "\(vertex + 1)–\(neighbor)", diagnostics: &diagnostics)
          else { continue }
          weight = checked
        }
        entries += 1
        builder.addEdge(vertex, neighbor - 1, weight: weight)
      }
      vertex += 1
    }
    if vertex < n {
      diagnostics.append(
        Diagnostic.at(file, line: index, .error, "only \(vertex) of \(n) vertex lines"))
    }
    let graph = builder.build()
    if graph.edgeCount != m {
      diagnostics.append(
        Diagnostic.at(file, line: 1, .warning, "header says \(m) edges, adjacency lists give \(graph.edgeCount) (\(entries) entries)"))
    }
    return GraphDocument(
      graph: graph, format: .metis, diagnostics: diagnostics, droppedSelfLoops: builder.droppedSelfLoops,
      mergedDuplicateEdges: 0)
  }

  /// True when the first non-comment line is a header `n m [fmt [ncon]]` (`fmt` made of
  /// 0/1 digits), exactly *n* vertex lines follow (blank lines are isolated vertices,
  /// `%` lines comments), and they hold 2*m* neighbor entries: every edge listed from
  /// both ends, as the format requires.
  /// A file named `*.graph` or `*.metis` whose first line is 2–4 integers that cannot be
  /// an edge list line (four fields, a negative number, or more vertices claimed than
  /// lines follow: `2 1 10 -1`, `1000000000000 1`) is a METIS file with a bad header, so
  /// that the reader reports the header at its line instead of "unknown format" or an
  /// edge list read silently.
  static func hasBrokenHeader(_ bytes: [UInt8], fileName: String) -> Bool {
    let name = fileName.lowercased()
    guard name.hasSuffix(".graph") || name.hasSuffix(".metis") else { return false }
    var lines = 0
    var header: [Int]?
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let line = bytes[start..<end]
      start = end + 1
      if header == nil {
        if line.first == UInt8(ascii: "%") { continue }
        guard line.count <= 256 else { return false }
        let fields = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        if fields.isEmpty { continue }
        let numbers = fields.compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard (2...4).contains(fields.count), numbers.count == fields.count else { return false }
        header = numbers
      } else if line.first != UInt8(ascii: "%") {
        lines += 1
      }
    }
    guard let header else { return false }
    return header.count == 4 || header.contains { $0 < 0 } || header[0] > lines
  }

  static func recognize(_ bytes: [UInt8]) -> Bool {
    var header: [Int]?
    var vertexLines = 0
    var entries = 0
    var edgeWeights = false
    var skip = 0
    var lineStart = 0
    var index = 0
    while lineStart < bytes.count {
      var end = lineStart
      while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
      let line = bytes[lineStart..<end]
      lineStart = end + 1
      index += 1
      if line.first == UInt8(ascii: "%") { continue }
      // A header is a few numbers: a longer line, or one holding anything but digits,
      // signs and blanks, is not one (a gigabyte line of junk is refused here, not split).
      if header == nil,
        line.count > 256
          || !line.allSatisfy({
            ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x2D || $0 == 0x2B
          })
      {
        return false
      }
      let fields = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") })
      guard let values = header else {
        if fields.isEmpty { continue }
        let numbers = fields.compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard (2...4).contains(fields.count), numbers.count == fields.count, numbers[0] >= 0, numbers[1] >= 0
        else { return false }
        if numbers.count >= 3 {
          let fmt = String(numbers[2])
          guard fmt.count <= 3, fmt.allSatisfy({ $0 == "0" || $0 == "1" }) else { return false }
          edgeWeights = numbers[2] % 10 == 1
          let vertexWeights = (numbers[2] / 10) % 10 == 1
          skip = vertexWeights ? (numbers.count >= 4 ? numbers[3] : 1) : 0
        }
        header = numbers
        continue
      }
      vertexLines += 1
      if vertexLines > values[0] { return false }
      let listed = max(0, fields.count - skip)
      entries += edgeWeights ? listed / 2 : listed
    }
    guard let values = header else { return false }
    return vertexLines == values[0] && entries == 2 * values[1]
  }
}
