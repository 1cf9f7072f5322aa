import Formats
import Foundation

/// A table written as RFC 4180 CSV.
///
/// Every field is escaped: fields with a comma, quote, CR or LF are quoted with quotes
/// doubled, and text fields that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or CR) get a leading apostrophe (OWASP "CSV injection").
/// Numbers are written by the caller as already-formatted numeric fields and are not
/// prefixed.
public struct CSVTable: Sendable {
  public enum Field: Sendable, Hashable {
    case text(String)
    case number(String)
  }

  public var header: [String]
  public var rows: [[Field]] = []

  public init(header: [String]) { self.header = header }

  public mutating func append(_ row: [Field]) {
    precondition(row.count == header.count, "a CSV row needs one field per column")
    rows.append(row)
  }

  public var text: String {
    var out = header.map { Self.escape(.text($0)) }.joined(separator: ",") + "\n"
    for row in rows {
      out += row.map(Self.escape).joined(separator: ",") + "\n"
    }
    return out
  }

  static func escape(_ field: Field) -> String {
    switch field {
    case .number(let s): s
    case .text(let s): Escaping.csvField(s)
    }
  }
}

extension CSVTable.Field {
  /// A number in a fixed, locale-independent form: integers without a fraction, other
  /// values with up to 10 significant decimals and no exponent.
  public static func number(_ x: Double) -> CSVTable.Field { .number(formatNumber(x)) }
  public static func number(_ x: Int) -> CSVTable.Field { .number(String(x)) }
}
