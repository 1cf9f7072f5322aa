import Foundation

/// The bounds every reader applies to untrusted input, so that no file — a gzip bomb, a
/// gigabyte line, a hundred thousand nested braces — crashes, hangs or exhausts memory.
///
/// Each limit is reported where it is hit as a ``Diagnostic`` naming the file and line;
/// the rest of the input is still read where it can be. Two limits can be changed
/// through the environment (a positive whole number of bytes; anything else keeps the
/// default):
///
/// | variable | default | what |
/// |---|---|---|
/// | `COAUTHOR_MAX_INPUT_BYTES` | 2 GiB | decompressed size of one gzip input |
/// | `COAUTHOR_MAX_LINE_BYTES` | 16 MiB | one line of a text input |
///
/// A gzip input may also inflate to at most ``gzipRatio`` × its compressed size (but
/// always to ``gzipFloor``), whichever of the two bounds is smaller.
///
/// See `docs/reliability-limits.md` for every limit and what happens at each.
public enum InputLimits {
  /// Largest decompressed size of one gzip input (`COAUTHOR_MAX_INPUT_BYTES`).
  public static var maxInputBytes: Int { environment("COAUTHOR_MAX_INPUT_BYTES") ?? (2 << 30) }

  /// Longest line of a text input (`COAUTHOR_MAX_LINE_BYTES`); a longer line is
  /// skipped with an error diagnostic.
  public static var maxLineBytes: Int { environment("COAUTHOR_MAX_LINE_BYTES") ?? (16 << 20) }

  /// A gzip stream may inflate to this many times its compressed size…
  public static let gzipRatio = 64
  /// …but always to at least this many bytes (small files are never refused).
  public static let gzipFloor = 64 << 20

  /// Deepest nesting of braces (BibTeX, LaTeX), GML lists, XML elements and JSON a
  /// reader follows; deeper levels are reported and read flat or refused.
  public static let maxNestingDepth = 1000

  /// The most characters of input quoted in one diagnostic.
  public static let maxQuotedCharacters = 200

  /// The decompressed-size bound for a gzip input of `compressedCount` bytes.
  public static func maxInflatedBytes(compressedCount: Int) -> Int {
    let (scaled, overflow) = compressedCount.multipliedReportingOverflow(by: gzipRatio)
    return min(maxInputBytes, max(gzipFloor, overflow ? Int.max : scaled))
  }

  /// `text` cut to ``maxQuotedCharacters`` characters (an ellipsis says it was cut),
  /// for quoting input in a diagnostic.
  public static func quote(_ text: some StringProtocol, limit: Int = maxQuotedCharacters) -> String {
    var count = 0
    var end = text.startIndex
    while end < text.endIndex, count < limit {
      end = text.index(after: end)
      count += 1
    }
    return end == text.endIndex ? String(text) : String(text[..<end]) + "…"
  }

  /// A byte count for messages: `2 GiB`, `16 MiB`, `512 KiB`, `100 bytes`.
  public static func describe(bytes: Int) -> String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift {
      let value = Double(bytes) / Double(1 << shift)
      return value == value.rounded() ? "\(Int(value)) \(unit)" : String(format: "%.1f \(unit)", value)
    }
    return "\(bytes) bytes"
  }

  static func environment(_ name: String) -> Int? {
    guard let text = ProcessInfo.processInfo.environment[name], let value = Int(text), value > 0 else { return nil }
    return value
  }
}
