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
    var raws: [String] = []
    for raw in split(cleanCommands(field)) {
      // "{Ada Lovelace and Charles Babbage}": a list braced as one name.
      if let people = splitBracedList(raw.trimmingWhitespaceFast) {
        raws += people
      } else {
        raws.append(raw)
      }
    }
    for raw in raws {
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
    var parts = splitTopLevel(raw, on: ",").map {
      $0.trimmingWhitespaceFast
    }
    // biblatex's extended name format: "family=Felice, given=Giovanni, prefix=de".
    if let extended = extendedName(parts) { return (extended, false) }
    // "Dixit, N,": a trailing comma says nothing (it would make "N" a Jr part).
    while parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
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

  /// biblatex's `key=value` name parts (`family`, `given`, `prefix`, `suffix`;
  /// `useprefix` and the `-i` initials keys ignored); nil when the parts are not all
  /// of that form.
  static func extendedName(_ parts: [String]) -> BibTeXName? {
    guard parts.contains(where: { $0.lowercased().hasPrefix("family=") || $0.lowercased().hasPrefix("given=") })
    else { return nil }
    var values: [String: String] = [:]
    for part in parts where !part.isEmpty {
      guard let equals = part.firstIndex(of: "=") else { return nil }
      let key = part[..<equals].trimmingWhitespaceFast.lowercased()
      var value = part[part.index(after: equals)...].trimmingWhitespaceFast
      if value.hasPrefix("{"), value.hasSuffix("}"), value.count >= 2 {
        value = String(value.dropFirst().dropLast())
      }
      values[key] = value
    }
    func convert(_ key: String) -> String {
      cleanMarks(LaTeXText.toUnicode(values[key] ?? "")).trimmingWhitespaceFast
    }
    let name = BibTeXName(first: convert("given"), von: convert("prefix"), last: convert("family"), jr: convert("suffix"))
    return name.last.isEmpty && name.first.isEmpty ? nil : name
  }

  /// Commands that only mark a name (`\textsuperscript{*}`, `\footnote{…}`,
  /// `\thanks{…}`, `\orcidlink{…}`), removed with their argument.
  static let nameMarkCommands: Set<String> = [
    "textsuperscript", "footnote", "thanks", "footnotemark", "orcidlink", "orcid", "inst",
    "affil", "affiliation", "fnmark", "corref", "tnoteref", "fnref", "textdagger", "textdaggerdbl",
    "dagger", "ddag", "dag", "ast", "star", "textasteriskcentered", "S", "P", "textsection",
    "textparagraph", "IEEEauthorrefmark", "equal", "corr",
  ]

  /// An author field without the LaTeX that is not part of a name: mark commands with
  /// their argument, unknown commands without their name (`\textdagger`,
  /// `\myowncommand`), a space between a command and its argument (`\textbf {X}`);
  /// `\textquotesingle` as an apostrophe. Accents, special letters and formatting
  /// commands are left for ``LaTeXText``.
  static func cleanCommands(_ field: String) -> String {
    guard field.utf8.contains(UInt8(ascii: "\\")) else { return field }
    let s = Array(field.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    func isLetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
    func skipGroup(_ start: Int) -> Int {
      var depth = 0
      var j = start
      while j < s.count {
        if s[j] == "{" { depth += 1 } else if s[j] == "}" { depth -= 1; if depth == 0 { return j + 1 } }
        j += 1
      }
      return s.count
    }
    while i < s.count {
      let c = s[i]
      guard c == "\\", i + 1 < s.count, isLetter(s[i + 1]) else {
        if c == "\\", i + 1 < s.count { out.append(c); out.append(s[i + 1]); i += 2; continue }
        if c == "^", i + 1 < s.count, s[i + 1] == "{" { i = skipGroup(i + 1); continue }
        out.append(c)
        i += 1
        continue
      }
      var j = i + 1
      var name = ""
      while j < s.count, isLetter(s[j]) { name.unicodeScalars.append(s[j]); j += 1 }
      var k = j
      while k < s.count, s[k] == " " { k += 1 }
      let hasArgument = k < s.count && s[k] == "{"
      if name == "textquotesingle" || name == "textquoteright" {
        out.append("'")
        i = hasArgument && k + 1 < s.count && s[k + 1] == "}" ? k + 2 : (k > j ? k : j)
        // "O\textquotesingle Connor": the space ends the command, the name goes on.
        continue
      }
      if nameMarkCommands.contains(name) {
        i = hasArgument ? skipGroup(k) : j
        continue
      }
      let known =
        LaTeXText.symbols[name] != nil || (name.count == 1 && LaTeXText.accents[name] != nil)
        || LaTeXText.argumentDropped.contains(name)
      if known {
        out.append(c)
        out.append(contentsOf: name.unicodeScalars)
        i = hasArgument ? k : j  // "\textbf {X}" → "\textbf{X}"
        continue
      }
      // Unknown: a formatting command (`\\textbf{X}`, `\\textsc{X}`) keeps its argument's
      // text, anything else goes without leaving its name.
      if hasArgument {
        let end = skipGroup(k)
        let inner = String(String.UnicodeScalarView(s[(k + 1)..<max(k + 1, end - 1)]))
        out.append(contentsOf: cleanCommands(inner).unicodeScalars)
        i = end
      } else {
        i = j
      }
    }
    return String(out)
  }

  /// The people of a name braced whole that holds " and " (`{Ada Lovelace and
  /// Charles Babbage}`), when every part looks like a person (two words or more, or a
  /// comma); nil otherwise (`{Barnes and Noble}` is one name).
  static func splitBracedList(_ raw: String) -> [String]? {
    var text = raw
    var stripped = false
    while text.hasPrefix("{"), text.hasSuffix("}"), text.count >= 2, closesAtEnd(text) {
      text = String(text.dropFirst().dropLast()).trimmingWhitespaceFast
      stripped = true
    }
    guard stripped else { return nil }
    let parts = split(text).map(\.trimmingWhitespaceFast)
    if parts.count == 1 { return familyFirstList(text) }
    guard parts.count >= 2,
      parts.allSatisfy({ !$0.isEmpty && (words($0).count >= 2 || splitTopLevel($0, on: ",").count == 2) })
    else { return nil }
    return parts
  }

  /// A braced "Family Given I." list (`{{Shapiro Carl, Varian Hal R.}}`, `{{Lister Andrew
  /// M.}}`, `{{Hoel P., Port S.}}`): people written family name first, told by an
  /// initial at the end of a part; each returned as "{Family}, Given". Nil when no part
  /// ends with an initial (a corporate name such as `{European Space Agency}`), or
  /// when the parts are "Family, I." pairs (read as such).
  static func familyFirstList(_ text: String) -> [String]? {
    let pieces = splitTopLevel(text, on: ",").map(\.trimmingWhitespaceFast).filter { !$0.isEmpty }
    func endsWithInitial(_ piece: String) -> Bool {
      let tokens = words(piece)
      guard tokens.count >= 2, let last = tokens.last else { return false }
      return PublicationNames.isInitialToken(last) && !PublicationNames.isInitialToken(tokens[0])
    }
    if pieces.count >= 2, pieces.count % 2 == 0,
      stride(from: 1, to: pieces.count, by: 2).allSatisfy({ PublicationNames.isGivenInitials(pieces[$0]) })
    {
      // "Steele, J., Iliinsky, N.": Family, Initials pairs.
      return stride(from: 0, to: pieces.count, by: 2).map { pieces[$0] + ", " + pieces[$0 + 1] }
    }
    guard pieces.contains(where: endsWithInitial),
      pieces.allSatisfy({ (2...5).contains(words($0).count) })
    else { return nil }
    return pieces.map { piece in
      let tokens = words(piece)
      return "{" + tokens[0] + "}, " + tokens.dropFirst().joined(separator: " ")
    }
  }

  /// True when the brace opened at the start of `text` closes at its very end.
  static func closesAtEnd(_ text: String) -> Bool {
    var depth = 0
    let scalars = Array(text.unicodeScalars)
    for (index, c) in scalars.enumerated() {
      if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
      if depth == 0 { return index == scalars.count - 1 }
    }
    return false
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
