import Foundation

/// A person's name split as BibTeX splits it: First von Last, Jr.
public struct BibTeXName: Sendable, Hashable {
  public var first: String
  public var von: String
  public var last: String
  public var jr: String

  public init(first: String = "", von: String = "", last: String, jr: String = "") {
    self.first = first
    self.von = von
    self.last = last
    self.jr = jr
  }

  /// The name in reading order, "First von Last Jr". Names written entirely in
  /// Han, kana or Hangul read family name first with no space ("张金峰").
  public var displayName: String {
    if von.isEmpty, jr.isEmpty, !first.isEmpty, BibTeXNames.isEastAsian(first),
      BibTeXNames.isEastAsian(last)
    {
      return last + first
    }
    return [first, von, last, jr].filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// BibTeX's name grammar over a raw (LaTeX) author or editor field.
///
/// Names are separated by the word `and` at brace depth 0; `others` as the last
/// name marks a truncated list. One name is "First von Last", "von Last, First" or
/// "von Last, Jr, First"; the von part is the run of words starting in lower case
/// (the case of `{\"u}ber` is that of `u`; a braced word has no case, so
/// `{Van Steen}` stays one last name and `{Corporate Name}` is kept whole).
///
/// Reference: O. Patashnik, *BibTeXing* (1988), §4; N. Markey, *Tame the BeaST*
/// (2009), §11.
public enum BibTeXNames {
  /// The names in a field, and whether it ended in `and others`.
  public struct List: Sendable, Hashable {
    public var names: [BibTeXName]
    public var truncated: Bool
    /// How many names were empty (`A and and B`, a trailing `and`).
    public var emptyNames: Int
    /// Names with more than two top-level commas (the extra parts went to First).
    public var overlongNames: [String]
    /// Wholly braced names with commas inside (`{{Russell, Norvig}}`): BibTeX reads
    /// one corporate name, though the writer may have meant several people.
    public var bracedListNames: [String] = []
  }

  /// Splits and parses an author/editor field.
  ///
  /// - Complexity: O(*n*) for *n* characters.
  public static func parse(_ field: String) -> List {
    var names: [BibTeXName] = []
    var truncated = false
    var empty = 0
    var overlong: [String] = []
    var bracedList: [String] = []
    for raw in split(field) {
      let trimmed = raw.trimmingWhitespaceFast
      if trimmed.isEmpty {
        empty += 1
        continue
      }
      if trimmed.lowercased() == "others" || trimmed.lowercased() == "et al."
        || trimmed.lowercased() == "et al"
      {
        truncated = true
        continue
      }
      if trimmed.hasPrefix("{"), trimmed.hasSuffix("}"), trimmed.contains(","),
        splitTopLevel(trimmed, on: ",").count == 1, words(trimmed).count == 1
      {
        bracedList.append(trimmed)
      }
      let (name, tooManyCommas) = parseName(trimmed)
      if tooManyCommas { overlong.append(trimmed) }
      if name.displayName.isEmpty {
        empty += 1
      } else {
        names.append(name)
      }
    }
    return List(
      names: names, truncated: truncated, emptyNames: empty, overlongNames: overlong,
      bracedListNames: bracedList)
  }

  /// Splits a field on the word `and` (any case) between white space at depth 0.
  static func split(_ field: String) -> [String] {
    let s = Array(field.unicodeScalars)
    var result: [String] = []
    var current = String.UnicodeScalarView()
    var depth = 0
    var i = 0
    func isSpace(_ c: Unicode.Scalar) -> Bool {
      c == " " || c == "\n" || c == "\t" || c == "\r" || c == "~"
    }
    while i < s.count {
      let c = s[i]
      if c == "{" {
        depth += 1
      } else if c == "}" {
        depth = max(0, depth - 1)
      } else if depth == 0, isSpace(c), i + 4 < s.count,
        s[i + 1] == "a" || s[i + 1] == "A", s[i + 2] == "n" || s[i + 2] == "N",
        s[i + 3] == "d" || s[i + 3] == "D", isSpace(s[i + 4])
      {
        result.append(String(current))
        current = String.UnicodeScalarView()
        i += 4  // Keep the blank after `and`: `A and and B` has an empty name.
        continue
      }
      current.append(c)
      i += 1
    }
    result.append(String(current))
    return result
  }

  /// Parses one name; the flag says it had more than two commas at depth 0.
  static func parseName(_ raw: String) -> (BibTeXName, Bool) {
    let parts = splitTopLevel(raw, on: ",").map {
      $0.trimmingWhitespaceFast
    }
    func convert(_ tokens: ArraySlice<String>) -> String {
      cleanMarks(LaTeXText.toUnicode(tokens.joined(separator: " ")))
    }
    if parts.count == 1 {
      let tokens = words(parts[0])
      guard !tokens.isEmpty else { return (BibTeXName(last: ""), false) }
      let n = tokens.count
      if n == 1 { return (BibTeXName(last: convert(tokens[...])), false) }
      if let firstVon = (0..<(n - 1)).first(where: { isLowercase(tokens[$0]) }) {
        let lastVon = (firstVon..<(n - 1)).last(where: { isLowercase(tokens[$0]) }) ?? firstVon
        return (
          BibTeXName(
            first: convert(tokens[0..<firstVon]), von: convert(tokens[firstVon...lastVon]),
            last: convert(tokens[(lastVon + 1)...])), false
        )
      }
      return (
        BibTeXName(first: convert(tokens[0..<(n - 1)]), last: convert(tokens[(n - 1)...])),
        false
      )
    }
    let (von, last) = splitVonLast(words(parts[0]))
    let first: String
    let jr: String
    if parts.count == 2 {
      first = parts[1]
      jr = ""
    } else {
      jr = parts[1]
      first = parts[2...].joined(separator: ", ")
    }
    return (
      BibTeXName(
        first: convert(words(first)[...]), von: convert(von), last: convert(last),
        jr: convert(words(jr)[...])), parts.count > 3
    )
  }

  /// "von Last": the von part runs to the last lower-case word that is not the final
  /// word, and exists only when the first word is lower case.
  static func splitVonLast(_ tokens: [String]) -> (ArraySlice<String>, ArraySlice<String>) {
    guard tokens.count > 1, isLowercase(tokens[0]) else { return ([], tokens[...]) }
    let lastVon = (0..<(tokens.count - 1)).last(where: { isLowercase(tokens[$0]) }) ?? 0
    return (tokens[0...lastVon], tokens[(lastVon + 1)...])
  }

  /// Splits on a separator character at brace depth 0.
  static func splitTopLevel(_ text: String, on separator: Unicode.Scalar) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    var depth = 0
    for c in text.unicodeScalars {
      if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) }
      if c == separator && depth == 0 {
        result.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(c)
      }
    }
    result.append(String(current))
    return result
  }

  /// Words separated by white space or ties at depth 0.
  static func words(_ text: String) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    var depth = 0
    for c in text.unicodeScalars {
      if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) }
      if depth == 0 && (c == " " || c == "\n" || c == "\t" || c == "\r" || c == "~") {
        if !current.isEmpty { result.append(String(current)) }
        current = String.UnicodeScalarView()
      } else {
        current.append(c)
      }
    }
    if !current.isEmpty { result.append(String(current)) }
    return result
  }

  /// Special letters whose case is their command's case.
  private static let lowerLetterCommands: Set<String> = [
    "ss", "o", "l", "ae", "oe", "aa", "i", "j",
  ]
  private static let upperLetterCommands: Set<String> = ["SS", "O", "L", "AE", "OE", "AA"]

  /// BibTeX's test for a von word: the first letter at depth 0 is lower case; a
  /// group opened by `{\` is a special character with the case of its letter; any
  /// other braced group is skipped (it has no case).
  static func isLowercase(_ token: String) -> Bool {
    let s = Array(token.unicodeScalars)
    var i = 0
    while i < s.count {
      let c = s[i]
      if c == "{" {
        if i + 1 < s.count, s[i + 1] == "\\" {
          return specialCharacterIsLowercase(s, from: i + 2)
        }
        // Skip the caseless group.
        var depth = 0
        while i < s.count {
          if s[i] == "{" { depth += 1 } else if s[i] == "}" { depth -= 1 }
          i += 1
          if depth == 0 { break }
        }
        continue
      }
      if c == "\\" { return specialCharacterIsLowercase(s, from: i + 1) }
      let character = Character(c)
      if character.isLetter {
        if character.isLowercase { return true }
        if character.isUppercase { return false }
        return false  // Scripts without case (CJK) are never von.
      }
      i += 1
    }
    return false
  }

  private static func specialCharacterIsLowercase(_ s: [Unicode.Scalar], from start: Int) -> Bool {
    var i = start
    var name = ""
    while i < s.count, (s[i] >= "a" && s[i] <= "z") || (s[i] >= "A" && s[i] <= "Z") {
      name.unicodeScalars.append(s[i])
      i += 1
    }
    if lowerLetterCommands.contains(name) { return true }
    if upperLetterCommands.contains(name) { return false }
    // An accent command: the case is that of the accented letter.
    let accentNamed = name.count == 1 && LaTeXText.accents[name] != nil
    if !accentNamed && !name.isEmpty {
      // `\emph{de}`-like: look at the argument.
    } else if name.isEmpty {
      i += 1  // A symbol accent such as \" or \'.
    }
    while i < s.count {
      let c = s[i]
      if c == "\\" {
        return specialCharacterIsLowercase(s, from: i + 1)
      }
      let character = Character(c)
      if character.isLetter { return character.isLowercase }
      i += 1
    }
    return false
  }

  /// Equal-contribution and corresponding-author marks written into names.
  static let marks: Set<Character> = ["*", "#", "†", "‡", "§", "¶", "✉", "^"]

  /// Drops marks (`Ming*`, `Xie#`) and stray punctuation left at a name's ends.
  static func cleanMarks(_ name: String) -> String {
    // Fast path: no mark's first byte anywhere (`*`, `#`, `^`, and 0xC2/0xE2, which
    // start § ¶ † ‡ ✉) and no punctuation at the ends.
    let utf8 = name.utf8
    if let head = utf8.first, let tail = utf8.last,
      head != UInt8(ascii: ","), head != UInt8(ascii: ";"), head != 0x20,
      tail != UInt8(ascii: ","), tail != UInt8(ascii: ";"), tail != 0x20,
      !utf8.contains(where: {
        $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "^")
          || $0 == 0xC2 || $0 == 0xE2
      })
    {
      return name
    }
    var result = name.filter { !marks.contains($0) }
    while let last = result.last, last == "," || last == ";" || last == " " {
      result.removeLast()
    }
    while let first = result.first, first == "," || first == ";" || first == " " {
      result.removeFirst()
    }
    return result
  }

  static func isEastAsian(_ text: String) -> Bool {
    var sawAny = false
    for scalar in text.unicodeScalars {
      if scalar == " " { continue }
      let v = scalar.value
      let eastAsian =
        (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v)
        || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
      if !eastAsian { return false }
      sawAny = true
    }
    return sawAny
  }
}
