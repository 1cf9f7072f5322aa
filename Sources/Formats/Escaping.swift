import Foundation

/// Every escaper of the tool's text outputs, in one place: XML (GraphML, GEXF), CSV,
/// Markdown, HTML, GML strings and keys, JSON inlined in HTML, and the field cleaning of
/// the line-based formats (edge list, Pajek, VOSviewer text). DOT escaping stays with the
/// Graphviz layer (`DOTEscaping`), which the DOT writer calls.
///
/// Each function takes any string from input (names with quotes, tags, control
/// characters, formula prefixes) and returns text that the format reads back as the same
/// value, or as close to it as the format can hold; what cannot be held is said per
/// function. Each is O(*n*) in the length of the string.
///
/// Every escaper also neutralises the Unicode bidirectional embedding, override and
/// isolate controls (U+202A–U+202E, U+2066–U+2069; "Trojan Source", CVE-2021-42574):
/// each becomes U+FFFD, the replacement character, so a name can no longer reorder the
/// text shown after it (a right-to-left override in a name reversed the rest of a CSV
/// row or an SVG label), and the place where a control was stays visible. The marks
/// U+200E, U+200F and U+061C, which right-to-left names legitimately hold, are kept.
public enum Escaping {
  // MARK: Bidirectional controls

  /// The replacement for a bidirectional control (U+FFFD).
  public static let bidiReplacement: Unicode.Scalar = "\u{FFFD}"

  /// True for U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066–U+2069 (LRI, RLI, FSI,
  /// PDI).
  ///
  /// Reference: Unicode Standard Annex #9, "Unicode Bidirectional Algorithm", §2.
  @inline(__always)
  public static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
  }

  /// `s` with every bidirectional control replaced by U+FFFD; everything else unchanged.
  public static func neutralizingBidi(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: isBidiControl) else { return s }
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars { out.append(isBidiControl(u) ? bidiReplacement : u) }
    return String(out)
  }

  // MARK: XML

  /// Escapes text for XML element content and attribute values alike (both quotes,
  /// `&`, `<`, `>`; tab, LF and CR as character references so attribute values keep
  /// them), and drops what XML 1.0 cannot hold at all: C0 controls other than tab, LF
  /// and CR, and U+FFFE/U+FFFF (lone surrogates cannot occur in a Swift string).
  ///
  /// Reference: XML 1.0 (Fifth Edition) §2.2 `Char`, §3.3.3 attribute-value normalization.
  public static func xml(_ s: String) -> String {
    rewriteScalars(s) { u in
      switch u {
      case "&": .text("&amp;")
      case "<": .text("&lt;")
      case ">": .text("&gt;")
      case "\"": .text("&quot;")
      case "'": .text("&apos;")
      case "\t", "\n", "\r": .text("&#\(u.value);")
      default:
        if isBidiControl(u) {
          .text("\u{FFFD}")
        } else {
          u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF ? .drop : .keep
        }
      }
    }
  }

  // MARK: CSV

  /// A CSV text field (RFC 4180): fields holding a comma, quote, CR or LF are quoted with
  /// quotes doubled; a field that a spreadsheet would run as a formula (starting with
  /// `=`, `+`, `-`, `@`, tab or CR, possibly after apostrophes) gets a leading apostrophe; NUL and the other C0
  /// controls except tab, CR and LF, and DEL, are dropped (they break C tools).
  ///
  /// Reference: RFC 4180 §2; OWASP, "CSV Injection".
  public static func csvField(_ field: String) -> String {
    var s = neutralizingBidi(field)
    s.unicodeScalars.removeAll {
      ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F
    }
    if needsCSVFormulaGuard(s) { s = "'" + s }
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }

  /// The text ``csvField(_:)`` guarded (after RFC 4180 unquoting): one leading
  /// apostrophe removed from a field of apostrophes followed by `=`, `+`, `-`, `@`, tab or
  /// CR, so every label reads back as itself.
  public static func unguardedCSVField(_ s: String) -> String {
    s.hasPrefix("'") && needsCSVFormulaGuard(String(s.dropFirst())) ? String(s.dropFirst()) : s
  }

  /// A CSV field that starts with a formula character, tab or CR, possibly after
  /// apostrophes (which a spreadsheet would otherwise take as the guard and drop).
  static func needsCSVFormulaGuard(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first(where: { $0 != "'" }) else { return false }
    return "=+-@\t\r".unicodeScalars.contains(first)
  }

  // MARK: Markdown and HTML

  /// Markdown inline text on one line: the characters of emphasis, code, links, tables,
  /// headings, HTML and strikethrough are backslash-escaped, `&` becomes `&amp;`, line
  /// breaks and tabs become spaces and other controls are dropped.
  ///
  /// Reference: CommonMark 0.31 §2.4 (backslash escapes); GFM tables §4.10.
  public static func markdown(_ text: String) -> String {
    var out = ""
    for ch in neutralizingBidi(text) {
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "|", "#", "<", ">", "!", "{", "}", "~":
        out.append("\\")
        out.append(ch)
      case "&": out += "&amp;"
      case "\n", "\r": out += " "
      default:
        // Other controls (NUL from input, "\r\n" as one Character): a space or nothing.
        if let ascii = ch.asciiValue, ascii < 0x20 || ascii == 0x7F {
          if ascii == 0x0A || ascii == 0x09 { out += " " }
          continue
        }
        out.append(ch)
      }
    }
    return out
  }

  /// HTML text and double- or single-quoted attribute values: `&`, `<`, `>`, both
  /// quotes; C0 controls other than LF and tab, and DEL, are dropped.
  ///
  /// Reference: WHATWG HTML §13.1.2.6 (restrictions on character references), §13.5
  /// (serialising HTML fragments, "escaping a string").
  public static func html(_ text: String) -> String {
    rewriteScalars(text) { u in
      switch u {
      case "&": .text("&amp;")
      case "<": .text("&lt;")
      case ">": .text("&gt;")
      case "\"": .text("&quot;")
      case "'": .text("&#39;")
      default:
        if isBidiControl(u) {
          .text("\u{FFFD}")
        } else {
          u.value < 0x20 && u != "\n" && u != "\t" || u.value == 0x7F ? .drop : .keep
        }
      }
    }
  }

  // MARK: Plain-text reports

  /// One line of a plain-text report that quotes input (`diagnostics.txt`, diagnostics
  /// on stderr): bidirectional controls become U+FFFD like everywhere else; LF, CR and
  /// tab become spaces (a file name or record holding a line break cannot forge a second
  /// `file:line: error:` line); every other C0 and C1 control and DEL (the terminal's ESC
  /// sequences among them) becomes U+FFFD, so it stays visible but does nothing.
  public static func textLine(_ s: String) -> String {
    rewriteScalars(s) { u in
      switch u.value {
      case 0x0A, 0x0D, 0x09: .text(" ")
      case 0..<0x20, 0x7F...0x9F: .text("\u{FFFD}")
      default: isBidiControl(u) ? .text("\u{FFFD}") : .keep
      }
    }
  }

  // MARK: Line-based text formats

  /// A field of a tab-separated or line-based format (edge-list label comments, Pajek
  /// labels, VOSviewer map files): tab, LF and CR become spaces, so one record stays one
  /// line and one field (CR LF, one `Character` in Swift, becomes one space).
  public static func lineField(_ s: String) -> String {
    String(neutralizingBidi(s).map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }

  /// A text field of a tab-separated file that people open in a spreadsheet (VOSviewer
  /// map files, `name-review.tsv`): ``lineField(_:)``, NUL and the other C0 controls and
  /// DEL dropped, and the spreadsheet formula guard of ``csvField(_:)``: a field that
  /// starts with `=`, `+`, `-` or `@`, possibly after apostrophes, gets one more leading
  /// apostrophe. ``unguardedSpreadsheetField(_:)`` removes exactly that apostrophe, so
  /// every name reads back as itself.
  ///
  /// Reference: OWASP, "CSV Injection".
  public static func spreadsheetField(_ s: String) -> String {
    var out = lineField(s)
    out.unicodeScalars.removeAll { $0.value < 0x20 || $0.value == 0x7F }
    return needsFormulaGuard(out) ? "'" + out : out
  }

  /// The text ``spreadsheetField(_:)`` guarded: one leading apostrophe removed from a
  /// field of apostrophes followed by `=`, `+`, `-` or `@`.
  public static func unguardedSpreadsheetField(_ s: String) -> String {
    s.hasPrefix("'") && needsFormulaGuard(String(s.dropFirst())) ? String(s.dropFirst()) : s
  }

  /// A field that starts with a formula character, possibly after apostrophes.
  static func needsFormulaGuard(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first(where: { $0 != "'" }) else { return false }
    return "=+-@".unicodeScalars.contains(first)
  }

  /// A Pajek vertex label, to be written between double quotes: ``lineField(_:)``, C0
  /// controls and DEL dropped, `"` → `'` (Pajek has no escape for it) and `\` → `\\`.
  /// Pajek itself shows backslashes as they are, but networkx's `read_pajek` splits lines
  /// with `shlex` (POSIX mode), where `\"` escapes the closing quote (a label ending in
  /// `\` lost its quote and the file did not read) and `\\` is one backslash.
  ///
  /// Reference: networkx `networkx/readwrite/pajek.py` (`parse_pajek`); Python `shlex`.
  public static func pajekLabel(_ s: String) -> String {
    rewriteScalars(lineField(s)) { u in
      switch u {
      case "\"": .text("'")
      case "\\": .text("\\\\")
      default: u.value < 0x20 || u.value == 0x7F ? .drop : .keep
      }
    }
  }

  // MARK: GML

  /// A quoted GML string. Quotes cannot be escaped in GML, so `"` and `&` become HTML
  /// entities, as networkx's GML writer does; non-ASCII becomes `&#NNN;`, and control
  /// characters a space. ``decodeCharacterReferences(_:)`` reads them back.
  ///
  /// Reference: networkx `networkx/readwrite/gml.py` (`escape`, `literal_destringizer`).
  public static func gmlString(_ s: String) -> String {
    let body = rewriteScalars(neutralizingBidi(s)) { u in
      switch u {
      case "\"": .text("&quot;")
      case "&": .text("&amp;")
      default:
        if u.value < 0x20 || u.value == 0x7F {
          .text(" ")
        } else {
          u.isASCII ? .keep : .text("&#\(u.value);")
        }
      }
    }
    return "\"" + body + "\""
  }

  /// A GML key: ASCII letters and digits only, starting with a letter (`a` is put in
  /// front otherwise).
  public static func gmlKey(_ name: String) -> String {
    let kept = name.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }
    let key = String(String.UnicodeScalarView(kept))
    return key.first?.isLetter == true ? key : "a" + key
  }

  /// Decodes the five XML entities and numeric character references (`&#233;`,
  /// `&#xE9;`), as GML files carry them; anything else after `&` is kept as it is.
  public static func decodeCharacterReferences(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10
      else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let name = rest[rest.index(after: amp)..<semi]
      var replacement: String?
      switch name {
      case "amp": replacement = "&"
      case "quot": replacement = "\""
      case "lt": replacement = "<"
      case "gt": replacement = ">"
      case "apos": replacement = "'"
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16),
          let scalar = Unicode.Scalar(code)
        {
          replacement = String(Character(scalar))
        } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
          replacement = String(Character(scalar))
        }
      }
      if let replacement {
        out += replacement
        rest = rest[rest.index(after: semi)...]
      } else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
      }
    }
    out += rest
    return out
  }

  // MARK: JSON

  /// JSON text made safe to inline in an HTML `<script>` element: `<`, `>` and `&`
  /// become `\u003c`, `\u003e`, `\u0026`, and U+2028/U+2029 (line terminators in older
  /// JavaScript) `\u2028`/`\u2029`. Outside strings JSON never holds these characters,
  /// so rewriting the whole encoded text only touches string contents.
  ///
  /// Reference: RFC 8259 §7; OWASP XSS Prevention Cheat Sheet, "HTML entity encoding
  /// of JSON in a script block".
  public static func jsonForHTML(_ json: String) -> String {
    rewriteScalars(json) { u in
      switch u {
      case "<": .text("\\u003c")
      case ">": .text("\\u003e")
      case "&": .text("\\u0026")
      case "\u{2028}": .text("\\u2028")
      case "\u{2029}": .text("\\u2029")
      default: isBidiControl(u) ? .text("\\ufffd") : .keep
      }
    }
  }

  /// Encoded JSON text with every bidirectional control (which JSON only holds inside
  /// strings) written as `\ufffd`: for the JSON files that are not inlined in HTML.
  public static func json(_ json: String) -> String {
    rewriteScalars(json) { u in isBidiControl(u) ? .text("\\ufffd") : .keep }
  }

  // MARK: Support

  private enum Replacement {
    case keep, drop
    case text(String)
  }

  /// `s` with each Unicode scalar kept, dropped or replaced as `rule` says.
  private static func rewriteScalars(_ s: String, _ rule: (Unicode.Scalar) -> Replacement) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch rule(u) {
      case .keep: out.unicodeScalars.append(u)
      case .drop: continue
      case .text(let replacement): out += replacement
      }
    }
    return out
  }
}
