import Foundation

/// A person's name split into given names and a family name.
///
/// Tokens keep the source's spelling (diacritics, hyphens, the period after an
/// initial); matching goes through ``NameNormalizer/fold(_:)``.
public struct PersonName: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Given names and initials in order: `["Jason", "D."]`, `["Q."]`.
  public var given: [String]
  /// The family name with its particles: `"Lee"`, `"Van Roy"`, `"Allen-Zhu"`.
  public var family: String
  /// A generational suffix (`"Jr."`, `"III"`), kept apart so it never reads as a family name.
  public var suffix: String?

  public init(given: [String], family: String, suffix: String? = nil) {
    self.given = given
    self.family = family
    self.suffix = suffix
  }

  /// "Given Family[ Suffix]".
  public var description: String {
    (given + [family] + (suffix.map { [$0] } ?? [])).filter { !$0.isEmpty }
      .joined(separator: " ")
  }

  /// True when given name `index` is an initial ("D.", "D", "H.-J.").
  public func isInitial(at index: Int) -> Bool { NameNormalizer.isInitial(given[index]) }

  /// The initial letters of given name `index`, folded: "Hsiang-Fu" → "hf", "D." → "d".
  func initials(at index: Int) -> String {
    let token = given[index]
    if NameNormalizer.isInitial(token) {
      return NameNormalizer.fold(token)
    }
    return token.split(whereSeparator: { $0 == "-" || $0 == "‐" })
      .compactMap { $0.first }.map { NameNormalizer.fold(String($0)) }.joined()
  }

  /// The folded family name, the part every automatic match must agree on.
  public var familyKey: String { NameNormalizer.fold(family) }
}

/// Cleans, parses and folds personal names as they appear in CVs, homepages and
/// bibliographic exports.
///
/// Cleaning removes what sources add around a name: Markdown emphasis (`**Qi Lei**`),
/// the `*` marks a CV uses for alphabetical order or equal contribution, HTML tags,
/// LaTeX math marks, footnote symbols, a leading "and", stray punctuation and extra
/// whitespace. Diacritics are kept for display ("Sébastien Bubeck") and ignored by
/// ``matchKey(_:)`` ("Sebastien Bubeck" matches).
public enum NameNormalizer {
  /// Returns `raw` without markup, marks, stray punctuation and extra whitespace,
  /// in Unicode NFC.
  ///
  /// - Complexity: O(*n*) in the length of `raw`.
  public static func clean(_ raw: String) -> String {
    if isAlreadyClean(raw) { return raw }
    var text = stripMarkup(raw.precomposedStringWithCanonicalMapping)
    text = text.trimmingCharacters(in: strippedAround)
    for prefix in ["and ", "And ", "& "] where text.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: strippedAround)
    }
    // A period ends an initial ("Lee D.") or a suffix ("Jr."), not a sentence.
    while text.hasSuffix(".") {
      let last = text.split(separator: " ").last.map(String.init) ?? ""
      if isInitial(last) || suffixes.contains(fold(last)) { break }
      text = String(text.dropLast()).trimmingCharacters(in: strippedAround)
    }
    return text
  }

  /// Plain ASCII letters, single inner spaces, periods, hyphens and apostrophes, not
  /// starting with "and " and not ending with a period: nothing for ``clean(_:)`` to do.
  /// Checked on UTF-8 bytes, because most names in a corpus are like this.
  static func isAlreadyClean(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last,
      isASCIILetter(first), isASCIILetter(last)
    else { return false }
    var previous: UInt8 = 0
    for byte in bytes {
      let allowed = isASCIILetter(byte) || byte == 0x2E || byte == 0x2D || byte == 0x27
      if byte == 0x20 {
        if previous == 0x20 { return false }
      } else if !allowed {
        return false
      }
      previous = byte
    }
    return !(text.hasPrefix("and ") || text.hasPrefix("And "))
  }

  static func isASCIILetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  /// Removes HTML tags, `$…$` math, emphasis and mark characters; one space between words.
  static func stripMarkup(_ text: String) -> String {
    let characters = Array(text)
    var result = ""
    result.reserveCapacity(characters.count)
    var index = 0
    var pendingSpace = false
    func append(_ character: Character) {
      if pendingSpace && !result.isEmpty { result.append(" ") }
      pendingSpace = false
      result.append(character)
    }
    while index < characters.count {
      let character = characters[index]
      if character == "<", index + 1 < characters.count,
        characters[index + 1].isLetter || characters[index + 1] == "/",
        let close = characters[index...].firstIndex(of: ">")
      {
        pendingSpace = true  // <b>Ming</b>
        index = close + 1
        continue
      }
      if character == "$", let close = characters[(index + 1)...].firstIndex(of: "$") {
        index = close + 1  // $^\S$, $^*$
        continue
      }
      if character == "\\", index + 1 < characters.count, characters[index + 1].isLetter {
        // A LaTeX command (\textbf{Qi Lei}): the command goes, its argument stays.
        index += 1
        while index < characters.count, characters[index].isLetter { index += 1 }
        continue
      }
      if character.isWhitespace {
        pendingSpace = true
      } else if !markCharacters.contains(character) {
        append(character)
      }
      index += 1
    }
    return result
  }

  static let markCharacters: Set<Character> = [
    "*", "\\", "^", "_", "{", "}", "†", "‡", "§", "¶", "#", "✉", "⁎", "∗",
    "¹", "²", "³", "⁰", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
  ]

  /// Splits a cleaned name into given names, family name and suffix.
  ///
  /// Understands "Given Family", "Family, Given", family particles ("Benjamin Van
  /// Roy", "Ludwig van Beethoven"), run-together initials ("A.V. Matveev"), and the
  /// Vancouver "Family Initials" form ("deBettencourt MT", "Caffo B.", "LEI Q",
  /// "Lee J.D.", "Van Roy B.").
  ///
  /// - Complexity: O(*n*) in the length of `name`.
  public static func parse(_ name: String) -> PersonName {
    let cleaned = clean(name)
    // "Family, Given": the part after the comma must not be a bare suffix.
    let commaParts = cleaned.split(separator: ",", maxSplits: 1).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if commaParts.count == 2, !commaParts[0].isEmpty, !commaParts[1].isEmpty,
      !suffixes.contains(fold(commaParts[1]))
    {
      // "Lang, XN" (WoS AU): run-together initials, X. N.
      if let initials = runTogetherInitials(commaParts[1], family: commaParts[0]) {
        return PersonName(given: initials, family: commaParts[0])
      }
      return PersonName(given: tokens(commaParts[1]), family: commaParts[0])
    }
    var parts = tokens(cleaned.replacingOccurrences(of: ",", with: " "))
    var suffix: String?
    if parts.count > 2, let last = parts.last, suffixes.contains(fold(last)) {
      suffix = last
      parts.removeLast()
    }
    guard parts.count > 1, let last = parts.last else {
      return PersonName(given: [], family: parts.first ?? "", suffix: suffix)
    }
    // Vancouver: "deBettencourt MT", "Caffo B." — trailing capitals after one word.
    if parts.count == 2, !isInitial(parts[0]), isVancouverInitials(last, after: parts[0]) {
      let letters = last.filter { $0.isLetter }.map { "\($0)." }
      return PersonName(given: letters, family: parts[0], suffix: suffix)
    }
    // Scopus/WoS family-first with dotted initials, split by `tokens` above: "Lee J.D."
    // → "Lee" "J." "D.", "Allen-Zhu Z. A.". A family name is never an initial, so words
    // followed only by dotted initials are family + given.
    if parts.count > 2, !isInitial(parts[0]),
      let firstInitial = parts.firstIndex(where: { isInitial($0) && $0.hasSuffix(".") }),
      parts[firstInitial...].allSatisfy({ isInitial($0) && $0.hasSuffix(".") })
    {
      return PersonName(
        given: Array(parts[firstInitial...]), family: parts[..<firstInitial].joined(separator: " "),
        suffix: suffix)
    }
    var familyStart = parts.count - 1
    while familyStart > 1, isParticle(parts[familyStart - 1]) {
      familyStart -= 1
    }
    return PersonName(
      given: Array(parts[..<familyStart]), family: parts[familyStart...].joined(separator: " "),
      suffix: suffix)
  }

  /// A key for matching: the parsed name folded (case, diacritics, punctuation,
  /// hyphens ignored), given names then family name. "Jason D. Lee" and
  /// "jason d lee" share the key "jason d lee".
  public static func matchKey(_ name: String) -> String {
    matchKey(parse(name))
  }

  /// The ``matchKey(_:)-(String)`` of a parsed name.
  public static func matchKey(_ name: PersonName) -> String {
    (name.given.map(fold) + [fold(name.family)]).filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// Folds text for comparison: lower case, no diacritics, no periods, hyphens or
  /// apostrophes, single spaces. "Richtárik" → "richtarik", "Simchi-Levi" → "simchilevi".
  public static func fold(_ text: String) -> String {
    // Foundation's folding is the slow part; plain ASCII only needs lower-casing.
    let folded =
      text.utf8.allSatisfy { $0 < 0x80 }
      ? text.lowercased()
      : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    var result = ""
    result.reserveCapacity(folded.utf8.count)
    var pendingSpace = false
    for character in folded {
      if character.isWhitespace {
        pendingSpace = true
        continue
      }
      if foldDropped.contains(character) { continue }
      if pendingSpace && !result.isEmpty { result.append(" ") }
      pendingSpace = false
      if let replacement = extraFolds[character] {
        result += replacement
      } else {
        result.append(character)
      }
    }
    return result
  }

  static let foldDropped: Set<Character> = [".", "-", "‐", "‑", "–", "'", "’", "`"]

  /// True for an initial: "D.", "D", "H.-J.", "A.V.".
  public static func isInitial(_ token: String) -> Bool {
    // Groups: an upper-case letter, an optional period, groups joined by optional "-".
    var groups = 0
    var allDotted = true
    var hyphenated = false
    var characters = token.makeIterator()
    var next = characters.next()
    while let letter = next {
      guard letter.isUppercase, letter.isLetter else { return false }
      groups += 1
      next = characters.next()
      if next == "." {
        next = characters.next()
      } else {
        allDotted = false
      }
      if next == "-" {
        hyphenated = true
        next = characters.next()
        if next == nil { return false }
      }
    }
    return groups == 1 || (groups > 1 && (allDotted || (groups == 2 && hyphenated)))
  }

  // MARK: - Internals

  static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]
  static let particles: Set<String> = [
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "le",
    "la", "ter", "ten", "bin", "ibn", "al", "el", "zu",
  ]
  /// Capitalised particles that are not also common given names ("Di", "Da", "Le" are).
  static let capitalizedParticles: Set<String> = ["Van", "Von", "De", "Der", "Den", "Ter", "Ten"]

  /// "van", "de" (any of ``particles``), or "Van", "De" (``capitalizedParticles``).
  static func isParticle(_ token: String) -> Bool {
    capitalizedParticles.contains(token)
      || (token.first?.isLowercase == true && particles.contains(token))
  }
  /// Letters Foundation's diacritic folding leaves alone.
  static let extraFolds: [Character: String] = [
    "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i",
  ]
  static let strippedAround = CharacterSet.whitespacesAndNewlines
    .union(CharacterSet(charactersIn: ",;:\"“”‘'()[]{}|/–—-•·"))

  /// Given initials written together without periods in a family-first short form
  /// ("Lang, XN", "LANG XN", "Lee JD") as "X." "N.", or nil when `given` is not such
  /// a run.
  ///
  /// Two or three capital letters. After a family name in mixed case the capitals mark
  /// initials (a vowel too: "Smith, JA"; three letters only without one, so that "Bo
  /// LIU" stays a name). After a family name in capitals, capitals say nothing, and a
  /// given name always has a vowel: "XN" are initials, "BO" and "LI" are names ("BO LI"
  /// is Bo Li, not L. I. Bo).
  static func runTogetherInitials(_ given: String, family: String) -> [String]? {
    let letters = Array(given)
    guard (2...3).contains(letters.count), letters.allSatisfy({ $0.isUppercase && $0.isLetter })
    else { return nil }
    let familyInCapitals = !family.contains { $0.isLowercase }
    let hasVowel = letters.contains { "AEIOU".contains($0) }
    let initials = familyInCapitals ? !hasVowel : letters.count == 2 || !hasVowel
    return initials ? letters.map { "\($0)." } : nil
  }

  /// Splits on spaces and breaks run-together initials "A.V." into "A." "V.".
  static func tokens(_ text: String) -> [String] {
    text.split(separator: " ").flatMap { token -> [String] in
      let word = String(token)
      // "A.V." → "A." "V.": upper-case letters each followed by a period.
      let characters = Array(word)
      if characters.count >= 4, characters.count % 2 == 0,
        stride(from: 0, to: characters.count, by: 2).allSatisfy({
          characters[$0].isUppercase && characters[$0 + 1] == "."
        })
      {
        return stride(from: 0, to: characters.count, by: 2).map { "\(characters[$0])." }
      }
      return [word]
    }
  }

  /// "MT", "B.", "AR" after a single family word (Vancouver style). When the family word
  /// is in capitals too ("LANG XN", "BO LI"), capitals say nothing: two or three letters
  /// are initials only without a vowel (see ``runTogetherInitials(_:family:)``).
  static func isVancouverInitials(_ token: String, after family: String) -> Bool {
    let characters = Array(token)
    if characters.count == 1, characters[0].isUppercase { return true }
    if (2...3).contains(characters.count), characters.allSatisfy(\.isLetter) {
      return runTogetherInitials(token, family: family) != nil
    }
    if characters.count == 2 || characters.count == 4 {
      return stride(from: 0, to: characters.count, by: 2).allSatisfy {
        characters[$0].isUppercase && characters[$0 + 1] == "."
      }
    }
    return false
  }
}
