import CoauthorBase
import Foundation
import GraphKit

/// Reads VOSviewer networks: the map + network text pair and the JSON format.
///
/// Map file: tab-separated with a header (`id`, `label`, `x`, `y`, `cluster`, …),
/// labels quoted; every item becomes a node (also items without links), and every
/// column is kept in ``GraphDocument/attributes`` (`x`/`y` as the layout, `cluster` as
/// an integer column, `weight<…>`/`score<…>` as real columns named by their header). Network file:
/// `id id strength` per line (beside the map, `…_map.txt` ↔ `…_network.txt`). JSON:
/// `network.items[]` (`id`, `label`) and `network.links[]` (`source_id`, `target_id`,
/// `strength`), ids numbers or strings, an optional UTF-8 byte-order mark.
/// Repeated links are summed with a warning.
///
/// Reference: VOSviewer Manual 1.6.18 (van Eck & Waltman, 2022), §4 file types;
/// VOSviewer Online docs, "JSON file type".
///
/// - Complexity: O(*n*) in the bytes.
public enum VOSviewerReader {
  /// The network file that goes with a map file.
  public static func networkPath(forMap path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let replaced =
      name.range(of: "_map", options: .backwards).map { name.replacingCharacters(in: $0, with: "_network") }
      ?? name.replacingOccurrences(of: "map", with: "network")
    return url.deletingLastPathComponent().appendingPathComponent(replaced).path
  }

  /// True when the bytes are a JSON object with a `network.items` array.
  static func isJSON(_ bytes: [UInt8]) -> Bool {
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
      let root = object as? [String: Any], let network = root["network"] as? [String: Any]
    else { return false }
    return network["items"] is [Any]
  }

  /// True when the first line is a map-file header: tab- (or comma-) separated column
  /// names, the first `id`, one of them `label`.
  static func isMapHeader(_ bytes: [UInt8]) -> Bool {
    let firstLine = bytes.prefix(4096).prefix { $0 != UInt8(ascii: "\n") }
    let line = String(decoding: firstLine, as: UTF8.self)
    let separator: Character = line.contains("\t") ? "\t" : ","
    let names = line.split(separator: separator, omittingEmptySubsequences: false).map { unquote($0).lowercased() }
    return names.count >= 2 && names[0] == "id" && names.contains("label")
  }

  static func splitLines(_ bytes: [UInt8]) -> [Substring] {
    String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.last == "\r" ? $0.dropLast() : $0
    }
  }

  static func unquote(_ field: Substring) -> String {
    var f = field.trimmingCharacters(in: .whitespaces)
    if f.count >= 2, f.hasPrefix("\""), f.hasSuffix("\"") {
      f = String(f.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
    return f
  }

  /// Parses a map file and its network file, reporting bad items and links.
  /// - Throws: A ``Diagnostic`` when the map file is empty or has no `id` column.
  public static func parseText(map: [UInt8], mapFile: String, network: [UInt8], networkFile: String)
    throws(Diagnostic) -> GraphDocument
  {
    var diagnostics: [Diagnostic] = []
    var mapBytes = map
    if mapBytes.starts(with: [0xEF, 0xBB, 0xBF]) { mapBytes.removeFirst(3) }
    let mapLines = splitLines(mapBytes)
    guard let headerLine = mapLines.first else {
      throw Diagnostic.at(mapFile, line: 1, .error, "empty map file")
    }
    let separator: Character = headerLine.contains("\t") ? "\t" : ","
    let header = headerLine.split(separator: separator, omittingEmptySubsequences: false).map { unquote($0).lowercased() }
    guard let idColumn = header.firstIndex(of: "id") else {
      throw Diagnostic.at(mapFile, line: 1, .error, "map header has no 'id' column")
    }
    let labelColumn = header.firstIndex(of: "label")
    // Every further column is kept: x and y as the layout, cluster as an integer column,
    // weight<…> and score<…> as real columns named by their header, the rest as text.
    let originalHeader = headerLine.split(separator: separator, omittingEmptySubsequences: false).map { unquote($0) }
    let xColumn = header.firstIndex(of: "x")
    let yColumn = header.firstIndex(of: "y")
    let clusterColumn = header.firstIndex(of: "cluster")
    let numericColumns = header.indices.filter {
      header[$0].hasPrefix("weight<") || header[$0].hasPrefix("score<")
    }
    let textColumns = header.indices.filter {
      ![idColumn, labelColumn, xColumn, yColumn, clusterColumn].contains($0) && !numericColumns.contains($0)
    }
    var xs: [Double] = []
    var ys: [Double] = []
    var clusters: [Int] = []
    var numbers: [[Double]] = Array(repeating: [], count: numericColumns.count)
    var texts: [[String]] = Array(repeating: [], count: textColumns.count)
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    for (offset, line) in mapLines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
      let fields = line.split(separator: separator, omittingEmptySubsequences: false)
      guard idColumn < fields.count else {
        diagnostics.append(Diagnostic.at(mapFile, line: offset + 1, .error, "missing id"))
        continue
      }
      let id = unquote(fields[idColumn])
      if idOf[id] != nil {
        diagnostics.append(
          Diagnostic.at(mapFile, line: offset + 1, .error, "duplicate item id \(id)"))
        continue
      }
      idOf[id] = labels.count
      // The writer guards labels that a spreadsheet would run as a formula (`=`, `+`, `-`,
      // `@`) with one apostrophe; it is removed here, so our own map file reads back as the
      // original labels.
      labels.append(
        labelColumn.flatMap { $0 < fields.count ? Escaping.unguardedSpreadsheetField(unquote(fields[$0])) : nil } ?? id)
      func field(_ column: Int?) -> String? { column.flatMap { $0 < fields.count ? unquote(fields[$0]) : nil } }
      func number(_ column: Int?) -> Double {
        guard let text = field(column), !text.isEmpty else { return .nan }
        if let value = Double(text) { return value }
        diagnostics.append(
          Diagnostic.at(mapFile, line: offset + 1, .warning, "'\(text.prefix(40))' is not a number"))
        return .nan
      }
      xs.append(number(xColumn))
      ys.append(number(yColumn))
      clusters.append(field(clusterColumn).flatMap { Int($0) } ?? 0)
      for (k, column) in numericColumns.enumerated() { numbers[k].append(number(column)) }
      for (k, column) in textColumns.enumerated() { texts[k].append(field(column) ?? "") }
    }
    var attributes = NodeAttributes()
    if xColumn != nil, yColumn != nil {
      attributes.layout = NodeLayout(
        x: xs, y: ys, colors: Array(repeating: 0, count: xs.count), sizes: Array(repeating: 0, count: xs.count))
    }
    if clusterColumn != nil { attributes.integers.append(("cluster", clusters)) }
    for (k, column) in numericColumns.enumerated() { attributes.reals.append((originalHeader[column], numbers[k])) }
    for (k, column) in textColumns.enumerated() { attributes.strings.append((originalHeader[column], texts[k])) }
    var links: [(String, String, Double, Int)] = []
    var netBytes = network
    if netBytes.starts(with: [0xEF, 0xBB, 0xBF]) { netBytes.removeFirst(3) }
    for (offset, line) in splitLines(netBytes).enumerated() where !line.allSatisfy(\.isWhitespace) {
      let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "," })
      guard fields.count >= 2 else {
        diagnostics.append(
          Diagnostic.at(networkFile, line: offset + 1, .error, "expected 'id id [strength]'"))
        continue
      }
      var strength = 1.0
      if fields.count >= 3 {
        guard let s = Double(fields[2]), s.isFinite else {
          diagnostics.append(
            Diagnostic.at(networkFile, line: offset + 1, .error, "strength '\(InputLimits.quote(fields[2], limit: 40))' is not a number"))
          continue
        }
        strength = s
      }
      links.append((unquote(fields[0]), unquote(fields[1]), strength, offset + 1))
    }
    var document = build(
      labels: labels, idOf: idOf, links: links, linkFile: networkFile, format: .vosviewerText,
      diagnostics: diagnostics)
    document.attributes = attributes
    return document
  }

  /// Parses VOSviewer JSON, reporting bad items and links.
  /// - Throws: A ``Diagnostic`` when the bytes are not JSON or have no `network.items`.
  public static func parseJSON(_ bytes: [UInt8], file: String) throws(Diagnostic) -> GraphDocument {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(body))
    } catch {
      throw Diagnostic.file(.error, file, "invalid JSON: \(error.localizedDescription)")
    }
    guard let root = object as? [String: Any], let network = root["network"] as? [String: Any],
      let items = network["items"] as? [[String: Any]]
    else {
      throw Diagnostic.file(.error, file, "not a VOSviewer JSON file (no network.items)")
    }
    func idText(_ value: Any?) -> String? {
      switch value {
      case let s as String: return s
      case let n as NSNumber: return n.stringValue
      default: return nil
      }
    }
    var diagnostics: [Diagnostic] = []
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    for (k, item) in items.enumerated() {
      guard let id = idText(item["id"]) else {
        diagnostics.append(Diagnostic.at(file, line: 0, .error, "item \(k) has no id"))
        continue
      }
      if idOf[id] != nil {
        diagnostics.append(Diagnostic.at(file, line: 0, .error, "duplicate item id \(id)"))
        continue
      }
      idOf[id] = labels.count
      labels.append((item["label"] as? String) ?? id)
    }
    var links: [(String, String, Double, Int)] = []
    for (k, link) in ((network["links"] as? [[String: Any]]) ?? []).enumerated() {
      guard let s = idText(link["source_id"]), let t = idText(link["target_id"]) else {
        diagnostics.append(
          Diagnostic.at(file, line: 0, .error, "link \(k) lacks source_id or target_id"))
        continue
      }
      let strength = (link["strength"] as? NSNumber)?.doubleValue ?? 1
      links.append((s, t, strength, 0))
    }
    return build(labels: labels, idOf: idOf, links: links, linkFile: file, format: .vosviewerJSON, diagnostics: diagnostics)
  }

  static func build(
    labels: [String], idOf: [String: Int], links: [(String, String, Double, Int)], linkFile: String,
    format: GraphFormat, diagnostics: [Diagnostic]
  ) -> GraphDocument {
    var diagnostics = diagnostics
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var repeated = _RepeatedEdges()
    for (s, t, strength, line) in links {
      guard let u = idOf[s], let v = idOf[t] else {
        diagnostics.append(
          Diagnostic.at(linkFile, line: line, .error, "link refers to unknown item \(idOf[s] == nil ? s : t)"))
        continue
      }
      guard
        let strength = EdgeWeight.check(strength, file: linkFile, line: line, edge: "\(s)–\(t)", diagnostics: &diagnostics)
      else { continue }
      if repeated.repeats(u, v), repeated.isListed {
        diagnostics.append(Diagnostic.at(linkFile, line: line, .warning, "repeated link \(s)–\(t): strengths summed"))
      }
      builder.addEdge(u, v, weight: strength)
    }
    if let summary = repeated.summary(file: linkFile, what: "links", merged: "strengths summed") { diagnostics.append(summary) }
    var document = GraphDocument(
      graph: builder.build(), format: format, diagnostics: diagnostics, droppedSelfLoops: builder.droppedSelfLoops,
      mergedDuplicateEdges: repeated.count)
    document.ids = [String](repeating: "", count: labels.count)
    for (id, node) in idOf { document.ids[node] = id }
    return document
  }
}
