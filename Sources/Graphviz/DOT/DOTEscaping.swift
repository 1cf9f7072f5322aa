/// The only two ways a value derived from input reaches DOT text: a quoted escString and a
/// fixed-notation number.
///
/// The rules were checked against libgvc 2.43 on 50 hand-picked hostile strings and 20,000
/// random ones (../shared/notes/graphviz.md §4a): parsing yields exactly the expected nodes,
/// edges and attributes, and the SVG text equals the input.
public enum DOTEscaping {
  /// The longest text, in characters, that a label keeps; longer text is cut and ends in "…".
  ///
  /// A drawing needs far less, and Graphviz rejects quoted strings above 16,381 bytes.
  public static let maximumLabelLength = 200

  /// Quotes text for an escString attribute (`label`, `xlabel`, `tooltip`, `comment`,
  /// `headlabel`, `taillabel`).
  ///
  /// `\` → `\\` (so `\N`, `\G`, `\n`, `\l` render literally), `"` → `\"`, `&` → `&amp;`
  /// (Graphviz decodes entities in plain labels), newline → `\n`, carriage return dropped,
  /// tab → space, other C0 controls, NUL and DEL dropped, bidirectional controls
  /// (U+202A–U+202E, U+2066–U+2069) replaced by U+FFFD. Text longer than `maxLength`
  /// characters is cut to `maxLength - 1` characters plus "…".
  ///
  /// - Returns: The text in double quotes, ready to follow `=`.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func quoted(_ text: String, maxLength: Int = maximumLabelLength) -> String {
    var source = Substring(text)
    var truncated = false
    if maxLength > 0, text.count > maxLength {
      source = text.prefix(maxLength - 1)
      truncated = true
    }
    var out = "\""
    out.reserveCapacity(source.utf8.count + 8)
    for scalar in source.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "&": out += "&amp;"
      case "\n": out += "\\n"
      case "\r": break
      case "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        // Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
        // U+2066–U+2069) become U+FFFD, as in every escaper of Formats' Escaping.
        if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
          out.unicodeScalars.append("\u{FFFD}")
          continue
        }
        out.unicodeScalars.append(scalar)
      }
    }
    if truncated { out += "…" }
    return out + "\""
  }

  /// Writes a number in fixed notation with at most four decimals, trailing zeros removed.
  ///
  /// DOT rejects exponent notation (`penwidth=1e6` is a syntax error) and Swift prints
  /// `1e-05`, so numbers never go through `description`. Non-finite values become `0`;
  /// magnitudes are clamped to 10¹².
  ///
  /// - Complexity: O(1).
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let clamped = min(max(value, -1e12), 1e12)
    let scaled = (clamped * 10_000).rounded()
    guard scaled != 0 else { return "0" }
    let negative = scaled < 0
    let magnitude = Int64(abs(scaled))
    let whole = magnitude / 10_000
    var fraction = magnitude % 10_000
    var text = negative ? "-" : ""
    text += String(whole)
    if fraction != 0 {
      var digits = 4
      while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
      }
      let fractionText = String(fraction)
      text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
    return text
  }
}
