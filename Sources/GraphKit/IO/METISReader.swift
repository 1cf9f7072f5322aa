/// Reads METIS adjacency files: a header `n m [fmt [ncon]]`, then one line per vertex
/// 1…n listing its neighbors (1-based), `%` comments. `fmt` 1 or 11 adds a weight after
/// each neighbor; 10 or 11 starts each line with `ncon` vertex weights (ignored).
///
/// Every edge appears in both endpoint lines; the first weight is kept. Labels are the
/// 1-based vertex numbers as text. A count that disagrees with the header is reported.
enum METISReader {
  static func parseDocument(_ bytes: [UInt8], file: String) throws(GraphReadError) -> GraphDocument {
    var diagnostics: [GraphDiagnostic] = []
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
    guard index < lines.count else { throw GraphReadError(file: file, line: 1, message: "missing METIS header") }
    let header = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }
    guard header.count >= 2 else {
      throw GraphReadError(file: file, line: index + 1, message: "METIS header must be 'n m [fmt [ncon]]'")
    }
    let n = header[0]
    let m = header[1]
    let fmt = header.count >= 3 ? header[2] : 0
    let edgeWeights = fmt % 10 == 1
    let vertexWeights = (fmt / 10) % 10 == 1
    let ncon = header.count >= 4 ? header[3] : (vertexWeights ? 1 : 0)
    index += 1
    var builder = GraphBuilder(
      nodeCount: n, labels: (1...max(n, 1)).prefix(n).map(String.init), parallelEdges: .keepFirst,
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
            GraphDiagnostic(severity: .error, file: file, line: index, message: "more vertex lines than n = \(n)"))
        }
        continue
      }
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      var values = fields.dropFirst(vertexWeights ? ncon : 0)
      while let first = values.first {
        values = values.dropFirst()
        guard let neighbor = Int(first), neighbor >= 1, neighbor <= n else {
          diagnostics.append(
            GraphDiagnostic(
              severity: .error, file: file, line: index, message: "neighbor '\(first)' is not in 1…\(n)"))
          if edgeWeights { values = values.dropFirst() }
          continue
        }
        var weight = 1.0
        if edgeWeights {
          guard let w = values.first.flatMap({ Double($0) }), w.isFinite else {
            diagnostics.append(
              GraphDiagnostic(severity: .error, file: file, line: index, message: "missing edge weight"))
            break
          }
          weight = w
          values = values.dropFirst()
        }
        entries += 1
        builder.addEdge(vertex, neighbor - 1, weight: weight)
      }
      vertex += 1
    }
    if vertex < n {
      diagnostics.append(
        GraphDiagnostic(severity: .error, file: file, line: index, message: "only \(vertex) of \(n) vertex lines"))
    }
    let graph = builder.build()
    if graph.edgeCount != m {
      diagnostics.append(
        GraphDiagnostic(
          severity: .warning, file: file, line: 1,
          message: "header says \(m) edges, adjacency lists give \(graph.edgeCount) (\(entries) entries)"))
    }
    return GraphDocument(
      graph: graph, format: .metis, diagnostics: diagnostics, droppedSelfLoops: builder.droppedSelfLoops,
      mergedDuplicateEdges: 0)
  }
}
