import CoauthorBase
import Foundation
import GraphKit

/// Reads an edge table: CSV (or tab- or semicolon-separated) text whose header names a
/// `Source` and a `Target` column and optionally a `Weight` column — Gephi's
/// spreadsheet-import edge table, what ``EdgeCSVWriter`` writes (`coauthor network
/// --format csv`), the Spark job's `edges.csv`, and what pandas/networkx users save with
/// `to_csv`. Gephi's `Id` column is not needed; a `Type` other than `Undirected` (or
/// the older `Nondirected`) gets one warning (the network is undirected); any other
/// column is not read, with one warning naming those that hold a value somewhere.
///
/// - Header: matched case-insensitively after trimming; the delimiter is the one of `,`,
///   tab or `;` that occurs most in the first line.
/// - Fields: RFC 4180 quoting, read by `DelimitedRecords` (CoauthorBase, the scanner the
///   publication CSV readers use too); the formula guard ``EdgeCSVWriter`` adds (a
///   leading apostrophe before `=`, `+`, `-`, `@`, tab or CR) is removed, so every label
///   reads back as written.
/// - Rows: an empty Source or Target, a non-numeric weight, or a row with another
///   number of fields than the header (an unquoted comma in a name) is an error at its
///   file:line and skipped; weights go through the one weight rule of every reader
///   (``EdgeWeight``); a pair that comes again is summed with a warning (Gephi's default
///   merge); self-loops are dropped and counted. Node labels are interned in order of
///   first appearance.
///
/// - Complexity: O(*n*) in the bytes, one dictionary look-up per label; the rows are
///   never held as a table.
///
/// Reference: RFC 4180; Gephi, "Import CSV Data" (spreadsheet edge table: `Source`,
/// `Target`, `Weight`, `Type`, `Id`, `Label` columns).
public enum EdgeCSVReader {
  /// The column positions a header gives, with the delimiter that produced them.
  struct Columns {
    var delimiter: UInt8
    var count: Int
    var source: Int
    var target: Int
    var weight: Int?
    var type: Int?
    /// Positions of the columns not read.
    var ignored: [Int]
    var names: [String]
  }

  /// True when the first non-blank line is an edge-table header (see the type's
  /// documentation).
  static func recognize(_ bytes: [UInt8]) -> Bool { columns(bytes) != nil }

  /// The header's columns, or nil when the first non-blank line is not an edge-table
  /// header.
  static func columns(_ bytes: [UInt8]) -> Columns? {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, GraphReader.isSpace(bytes[start]) { start += 1 }
    let limit = min(bytes.count, start + 1 << 16)
    var end = start
    while end < limit, bytes[end] != UInt8(ascii: "\n") { end += 1 }
    let line = bytes[start..<end]
    let delimiter = DelimitedRecords.guessDelimiter(line)
    var scanner = DelimitedRecords(line, delimiter: delimiter)
    guard let fields = scanner.next()?.fields else { return nil }
    let names = fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
    guard let source = names.firstIndex(of: "source"), let target = names.firstIndex(of: "target") else {
      return nil
    }
    let weight = names.firstIndex(of: "weight")
    let type = names.firstIndex(of: "type")
    let ignored = fields.indices.filter { ![source, target, weight, type].contains($0) && names[$0] != "id" }
    return Columns(
      delimiter: delimiter, count: fields.count, source: source, target: target, weight: weight,
      type: type, ignored: ignored, names: fields)
  }

  /// Parses an edge table, reporting bad rows and going on.
  /// - Throws: A ``Diagnostic`` when the first line is not an edge-table header.
  public static func parseDocument(_ bytes: [UInt8], file: String) throws(Diagnostic) -> GraphDocument {
    guard let columns = columns(bytes) else {
      throw Diagnostic.at(file, line: 1, .error, "not an edge table: the header names no Source and Target column")
    }
    var diagnostics: [Diagnostic] = []
    // Columns not read that hold something somewhere (Gephi writes an empty Label).
    var dropped = Set<Int>()
    var builder = GraphBuilder(parallelEdges: .sum, selfLoops: .drop)
    var ids: [String: Int] = [:]
    var labels: [String] = []
    var repeated = _RepeatedEdges()
    var warnedDirected = false
    func intern(_ label: String) -> Int {
      if let id = ids[label] { return id }
      ids[label] = labels.count
      labels.append(label)
      return labels.count - 1
    }
    var scanner = DelimitedRecords(bytes, delimiter: columns.delimiter)
    _ = scanner.next()  // the header
    while let record = scanner.next() {
      // An unclosed quote swallowed the rest of the file: reported below, not as a row.
      if scanner.unclosedQuoteLine != nil { break }
      let fields = record.fields
      if fields.count == 1, fields[0].allSatisfy(\.isWhitespace) { continue }
      // More fields than the header is a delimiter left unquoted inside a name
      // ("Smith, J"): reading on would make up two people.
      guard fields.count == columns.count else {
        diagnostics.append(
          .at(
            file, line: record.line, .error,
            "row has \(fields.count) field(s), the header \(columns.count) (a name holding the delimiter must be quoted); skipped",
            record: InputLimits.quote(fields.joined(separator: String(UnicodeScalar(columns.delimiter))), limit: 80)))
        continue
      }
      for column in columns.ignored where !dropped.contains(column) && !fields[column].allSatisfy(\.isWhitespace) {
        dropped.insert(column)
      }
      let source = Escaping.unguardedCSVField(fields[columns.source])
      let target = Escaping.unguardedCSVField(fields[columns.target])
      guard !source.isEmpty, !target.isEmpty else {
        diagnostics.append(.at(file, line: record.line, .error, "empty \(source.isEmpty ? "Source" : "Target"); row skipped"))
        continue
      }
      let edge = source + " – " + target
      if let column = columns.type, column < fields.count, !warnedDirected {
        let type = fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
        // Gephi writes "Undirected"; its older exports and scripts "Nondirected".
        if !type.isEmpty, !["undirected", "nondirected"].contains(type.lowercased()) {
          warnedDirected = true
          diagnostics.append(
            .at(
              file, line: record.line, .warning,
              "edge type '\(InputLimits.quote(type, limit: 20))': the network is read as undirected (u–v and v–u are one edge)"))
        }
      }
      var weight = 1.0
      if let column = columns.weight {
        let text = fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Double(text) else {
          diagnostics.append(
            .at(
              file, line: record.line, .error,
              "weight '\(InputLimits.quote(text, limit: 40))' of edge \(InputLimits.quote(edge, limit: 80)) is not a number; skipped"
            ))
          continue
        }
        guard let checked = EdgeWeight.check(value, file: file, line: record.line, edge: edge, diagnostics: &diagnostics)
        else { continue }
        weight = checked
      }
      let u = intern(source)
      let v = intern(target)
      if repeated.repeats(u, v), repeated.isListed {
        diagnostics.append(
          .at(file, line: record.line, .warning, "edge \(InputLimits.quote(edge, limit: 80)) given again; weights summed"))
      }
      builder.addEdge(u, v, weight: weight)
    }
    if !dropped.isEmpty {
      let names = columns.ignored.filter(dropped.contains).map { "'\(InputLimits.quote(columns.names[$0], limit: 40))'" }
      diagnostics.insert(
        .at(
          file, line: 1, .warning,
          "column(s) \(names.joined(separator: ", ")) not read (an edge table gives Source, Target and Weight)"),
        at: 0)
    }
    if let open = scanner.unclosedQuoteLine {
      diagnostics.append(.at(file, line: open, .error, "quoted field opened here is never closed; the rest of the file is in it"))
    }
    builder.reserveNodes(labels.count)
    builder.labels = labels
    if let summary = repeated.summary(file: file, what: "edges", merged: "weights summed") { diagnostics.append(summary) }
    return GraphDocument(
      graph: builder.build(), format: .edgeTable, diagnostics: diagnostics,
      droppedSelfLoops: builder.droppedSelfLoops, mergedDuplicateEdges: repeated.count)
  }
}
