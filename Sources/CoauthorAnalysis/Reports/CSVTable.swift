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
    case .number(let s):
      return s
    case .text(var s):
      // NUL and other controls from input (a name read with a NUL byte) have no place in
      // a table and break C tools reading it; tab, CR and LF are quoted below.
      s.unicodeScalars.removeAll {
        ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F
      }
      if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
        s = "'" + s
      }
      if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      return s
    }
  }
}

extension CSVTable.Field {
  /// A number in a fixed, locale-independent form: integers without a fraction, other
  /// values with up to 10 significant decimals and no exponent.
  public static func number(_ x: Double) -> CSVTable.Field { .number(formatNumber(x)) }
  public static func number(_ x: Int) -> CSVTable.Field { .number(String(x)) }
}

/// Formats a number deterministically without an exponent (DOT and CSV both reject or
/// misread `1e-05`).
public func formatNumber(_ x: Double, decimals: Int = 10) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
  if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
  var s = String(format: "%.\(decimals)f", x)
  while s.hasSuffix("0") { s.removeLast() }
  if s.hasSuffix(".") { s.removeLast() }
  return s == "-0" ? "0" : s
}
