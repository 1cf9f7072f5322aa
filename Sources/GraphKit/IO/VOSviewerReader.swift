import Foundation

/// Reads VOSviewer networks: the map + network text pair and the JSON format.
///
/// Map file: tab-separated with a header (`id`, `label`, `x`, `y`, `cluster`, …),
/// labels quoted; every item becomes a node (also items without links). Network file:
/// `id id strength` per line (beside the map, `…_map.txt` ↔ `…_network.txt`). JSON:
/// `network.items[]` (`id`, `label`) and `network.links[]` (`source_id`, `target_id`,
/// `strength`), ids numbers or strings, an optional UTF-8 byte-order mark.
/// Repeated links are summed with a warning.
///
/// Reference: VOSviewer Manual 1.6.18 (van Eck & Waltman, 2022), §4 file types;
/// VOSviewer Online docs, "JSON file type".
enum VOSviewerReader {
  /// The network file that goes with a map file.
  static func networkPath(forMap path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let name = url.lastPathComponent
    let replaced =
      name.range(of: "_map", options: .backwards).map { name.replacingCharacters(in: $0, with: "_network") }
      ?? name.replacingOccurrences(of: "map", with: "network")
    return url.deletingLastPathComponent().appendingPathComponent(replaced).path
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

  static func parseText(map: [UInt8], mapFile: String, network: [UInt8], networkFile: String)
    throws(GraphReadError) -> GraphDocument
  {
    var diagnostics: [GraphDiagnostic] = []
    var mapBytes = map
    if mapBytes.starts(with: [0xEF, 0xBB, 0xBF]) { mapBytes.removeFirst(3) }
    let mapLines = splitLines(mapBytes)
    guard let headerLine = mapLines.first else {
      throw GraphReadError(file: mapFile, line: 1, message: "empty map file")
    }
    let separator: Character = headerLine.contains("\t") ? "\t" : ","
    let header = headerLine.split(separator: separator, omittingEmptySubsequences: false).map { unquote($0).lowercased() }
    guard let idColumn = header.firstIndex(of: "id") else {
      throw GraphReadError(file: mapFile, line: 1, message: "map header has no 'id' column")
    }
    let labelColumn = header.firstIndex(of: "label")
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    for (offset, line) in mapLines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
      let fields = line.split(separator: separator, omittingEmptySubsequences: false)
      guard idColumn < fields.count else {
        diagnostics.append(GraphDiagnostic(severity: .error, file: mapFile, line: offset + 1, message: "missing id"))
        continue
      }
      let id = unquote(fields[idColumn])
      if idOf[id] != nil {
        diagnostics.append(
          GraphDiagnostic(severity: .error, file: mapFile, line: offset + 1, message: "duplicate item id \(id)"))
        continue
      }
      idOf[id] = labels.count
      labels.append(labelColumn.flatMap { $0 < fields.count ? unquote(fields[$0]) : nil } ?? id)
    }
    var links: [(String, String, Double, Int)] = []
    var netBytes = network
    if netBytes.starts(with: [0xEF, 0xBB, 0xBF]) { netBytes.removeFirst(3) }
    for (offset, line) in splitLines(netBytes).enumerated() where !line.allSatisfy(\.isWhitespace) {
      let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "," })
      guard fields.count >= 2 else {
        diagnostics.append(
          GraphDiagnostic(severity: .error, file: networkFile, line: offset + 1, message: "expected 'id id [strength]'"))
        continue
      }
      var strength = 1.0
      if fields.count >= 3 {
        guard let s = Double(fields[2]), s.isFinite else {
          diagnostics.append(
            GraphDiagnostic(
              severity: .error, file: networkFile, line: offset + 1, message: "strength '\(fields[2])' is not a number"))
          continue
        }
        strength = s
      }
      links.append((unquote(fields[0]), unquote(fields[1]), strength, offset + 1))
    }
    return build(
      labels: labels, idOf: idOf, links: links, linkFile: networkFile, format: .vosviewerText,
      diagnostics: diagnostics)
  }

  static func parseJSON(_ bytes: [UInt8], file: String) throws(GraphReadError) -> GraphDocument {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(body))
    } catch {
      throw GraphReadError(file: file, line: 0, message: "invalid JSON: \(error.localizedDescription)")
    }
    guard let root = object as? [String: Any], let network = root["network"] as? [String: Any],
      let items = network["items"] as? [[String: Any]]
    else {
      throw GraphReadError(file: file, line: 0, message: "not a VOSviewer JSON file (no network.items)")
    }
    func idText(_ value: Any?) -> String? {
      switch value {
      case let s as String: return s
      case let n as NSNumber: return n.stringValue
      default: return nil
      }
    }
    var diagnostics: [GraphDiagnostic] = []
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    for (k, item) in items.enumerated() {
      guard let id = idText(item["id"]) else {
        diagnostics.append(GraphDiagnostic(severity: .error, file: file, line: 0, message: "item \(k) has no id"))
        continue
      }
      if idOf[id] != nil {
        diagnostics.append(GraphDiagnostic(severity: .error, file: file, line: 0, message: "duplicate item id \(id)"))
        continue
      }
      idOf[id] = labels.count
      labels.append((item["label"] as? String) ?? id)
    }
    var links: [(String, String, Double, Int)] = []
    for (k, link) in ((network["links"] as? [[String: Any]]) ?? []).enumerated() {
      guard let s = idText(link["source_id"]), let t = idText(link["target_id"]) else {
        diagnostics.append(
          GraphDiagnostic(severity: .error, file: file, line: 0, message: "link \(k) lacks source_id or target_id"))
        continue
      }
      let strength = (link["strength"] as? NSNumber)?.doubleValue ?? 1
      links.append((s, t, strength, 0))
    }
    return build(labels: labels, idOf: idOf, links: links, linkFile: file, format: .vosviewerJSON, diagnostics: diagnostics)
  }

  static func build(
    labels: [String], idOf: [String: Int], links: [(String, String, Double, Int)], linkFile: String,
    format: GraphFormat, diagnostics: [GraphDiagnostic]
  ) -> GraphDocument {
    var diagnostics = diagnostics
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var seen = Set<UInt64>()
    var merged = 0
    for (s, t, strength, line) in links {
      guard let u = idOf[s], let v = idOf[t] else {
        diagnostics.append(
          GraphDiagnostic(
            severity: .error, file: linkFile, line: line,
            message: "link refers to unknown item \(idOf[s] == nil ? s : t)"))
        continue
      }
      if u != v, !seen.insert(UInt64(min(u, v)) << 32 | UInt64(max(u, v))).inserted {
        merged += 1
        diagnostics.append(
          GraphDiagnostic(severity: .warning, file: linkFile, line: line, message: "repeated link \(s)–\(t): strengths summed"))
      }
      builder.addEdge(u, v, weight: strength)
    }
    return GraphDocument(
      graph: builder.build(), format: format, diagnostics: diagnostics, droppedSelfLoops: builder.droppedSelfLoops,
      mergedDuplicateEdges: merged)
  }
}
