import Foundation
import TOMLKit
import Yams

/// TOML front matter (`+++` … `+++`), as Hugo reads it: many Hugo sites (the academic
/// and wowchemy themes before 2020, and sites that kept their old pages since) write
/// publication pages as
///
/// ```
/// +++
/// title = "Multi-Task Learning of Keyphrase Boundary Classification"
/// date = 2017-07-01T00:00:00
/// authors = ["Isabelle Augenstein", "Anders Søgaard"]
/// publication_types = ["1"]
/// publication = "Proceedings of *ACL 2017*"
/// +++
/// ```
///
/// The block is parsed with TOMLKit (toml++, TOML 1.0) and turned into the YAML node
/// tree that ``YAMLRecords`` maps, so both syntaxes give the same fields the same way:
/// strings stay strings (never re-resolved as YAML numbers or booleans), dates and
/// date-times become their ISO text, arrays become sequences, tables mappings.
enum TOMLFrontMatter {
  /// The delimiter line of TOML front matter.
  static let delimiter = "+++"

  /// The parsed block as a YAML mapping; a parse error becomes a diagnostic at the
  /// file's line (the block starts on the line after the opening `+++`).
  static func mapping(_ toml: String, file: String, firstLine: Int = 2) -> Result<Node.Mapping, Diagnostic> {
    do {
      let table = try TOMLTable(string: toml)
      return .success(mapping(of: table))
    } catch let error as TOMLParseError {
      let line = max(error.source.begin.line, 1) + firstLine - 1
      let message = error.description.trimmingCharacters(in: .whitespacesAndNewlines)
      return .failure(
        Diagnostic(
          .error, at: InputLocation(file: file, line: line, column: max(error.source.begin.column, 1)),
          "front matter is not valid TOML: \(message)"))
    } catch {
      return .failure(
        Diagnostic(.error, at: InputLocation(file: file, line: firstLine), "front matter is not valid TOML: \(error)"))
    }
  }

  /// The keys of a table in the order TOMLKit gives them (toml++ keeps them sorted);
  /// the order does not matter to the mapping's readers, which look keys up by name.
  static func mapping(of table: TOMLTable) -> Node.Mapping {
    var pairs: [(Node, Node)] = []
    for key in table.keys {
      guard let value = table[key], let node = node(of: value) else { continue }
      pairs.append((Node(key), node))
    }
    return Node.Mapping(pairs)
  }

  static func node(of value: TOMLValueConvertible) -> Node? {
    switch value.type {
    case .string:
      return value.string.map(stringNode)
    case .int:
      return value.int.map { Node(String($0)) }
    case .double:
      return value.double.map { Node(String($0)) }
    case .bool:
      return value.bool.map { Node($0 ? "true" : "false") }
    case .date:
      return value.date.map { stringNode(isoDate($0)) }
    case .dateTime:
      guard let dateTime = value.dateTime else { return nil }
      // The date part is what a record needs (the year); the time follows for display.
      // (Typed: `dateTime.date` alone is TOMLValueConvertible's optional `date`, nil here.)
      let date: TOMLDate = dateTime.date
      let time: TOMLTime = dateTime.time
      return stringNode(isoDate(date) + String(format: "T%02d:%02d:%02d", time.hour, time.minute, time.second))
    case .time:
      return value.time.map { stringNode(String(format: "%02d:%02d:%02d", $0.hour, $0.minute, $0.second)) }
    case .array:
      guard let array = value.array else { return nil }
      return .sequence(Node.Sequence(array.compactMap { node(of: $0) }))
    case .table:
      guard let table = value.table else { return nil }
      return .mapping(mapping(of: table))
    @unknown default:
      return nil
    }
  }

  /// A scalar that YAML readers take as the string it is ("2", "true", "null" stay text).
  static func stringNode(_ text: String) -> Node {
    .scalar(Node.Scalar(text, Tag(.str), .doubleQuoted))
  }

  static func isoDate(_ date: TOMLDate) -> String {
    String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
  }

  /// The top-level keys of a TOML block, for detection without parsing: `key = value`
  /// lines outside `[table]` headers (keys inside tables are not the page's fields).
  static func topLevelKeys(_ toml: String) -> Set<String> {
    var keys: Set<String> = []
    for line in toml.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("[") { break }
      guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
      var key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
      if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
        key = String(key.dropFirst().dropLast())
      }
      guard !key.isEmpty, !key.contains(" ") else { continue }
      keys.insert(key.lowercased())
    }
    return keys
  }
}
