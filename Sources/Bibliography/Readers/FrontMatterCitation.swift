import Foundation

/// Author lists written as one string by people and site generators — YAML `authors:`
/// strings, academicpages `citation:` strings, CSV author cells: "Forsythe, A., Vogan,
/// A., & Xu, J.", "Gerber, E. P. and E. Manzini", "Forsythe A, Vanderwolf KJ, Xu J",
/// "Nicole Ticea*, Elias Portoles*, ..., Pedram Roushan".
enum PublicationNames {
  /// Marks written into names: equal contribution, corresponding author.
  static let marks: Set<Character> = ["*", "†", "‡", "§", "¶", "✉", "#", "^", "⁎", "∗"]

  /// One name without HTML, marks, brackets like "(co-first author)" and stray
  /// punctuation at its ends.
  static func cleanName(_ raw: String) -> String {
    var name = LaTeXText.stripHTML(raw)
    if name.contains("\\") { name = LaTeXText.toUnicode(name) }
    name = name.replacingOccurrences(of: #"\((co-)?(first|last|equal|corresponding)[^)]*\)"#, with: "", options: [.regularExpression, .caseInsensitive])
    name = String(name.filter { !marks.contains($0) })
    name = name.replacingOccurrences(of: #"(?<=[\p{L}.])\d+$"#, with: "", options: .regularExpression)
    name = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let edge = CharacterSet(charactersIn: " ,;:&").union(.whitespacesAndNewlines)
    name = name.trimmingCharacters(in: edge)
    if name.lowercased().hasPrefix("and ") { name = String(name.dropFirst(4)) }
    return name
  }

  /// "...", "…", "et al.", "others": the list goes on.
  static func isElision(_ name: String) -> Bool {
    let t = name.trimmingCharacters(in: CharacterSet(charactersIn: " .,;…")).lowercased()
    return t.isEmpty && !name.isEmpty || t == "et al" || t == "others" || t == "et. al" || t == "etc"
  }

  /// Initials only: "A.", "E. P.", "F.M.", "KJ", "J.-P.", "A".
  static func isGivenInitials(_ piece: String) -> Bool {
    let tokens = piece.split(separator: " ")
    guard !tokens.isEmpty, tokens.count <= 4 else { return false }
    return tokens.allSatisfy(isInitialToken)
  }

  static func isInitialToken<S: StringProtocol>(_ token: S) -> Bool {
    String(token).range(
      of: #"^(?:\p{Lu}\p{Ll}?\.|\p{Lu})(?:[-‐]?(?:\p{Lu}\p{Ll}?\.|\p{Lu}))*$"#,
      options: .regularExpression) != nil && token.count <= 8
      && !(token.count >= 3 && !token.contains(".") && token.contains(where: \.isLowercase))
  }

  /// A family name on its own: one to four words, none an initial.
  static func isFamilyOnly(_ piece: String) -> Bool {
    let tokens = piece.split(separator: " ")
    guard (1...4).contains(tokens.count) else { return false }
    return tokens.allSatisfy { !isInitialToken($0) && $0.first.map { $0.isLetter } == true }
  }

  /// "Vanderwolf KJ" (family name, then run-together initials) in reading order:
  /// "K. J. Vanderwolf"; other names unchanged.
  static func vancouver(_ piece: String) -> String {
    var tokens = piece.split(separator: " ").map(String.init)
    if let last = tokens.last, last.count >= 2, last.hasSuffix("."), !last.dropLast().contains(".") {
      tokens[tokens.count - 1] = String(last.dropLast())  // "Xu J." ends a sentence
    }
    guard tokens.count >= 2, let last = tokens.last, last.count <= 3,
      last.allSatisfy({ $0.isUppercase && $0.isLetter }),
      tokens.dropLast().allSatisfy({ !isInitialToken($0) })
    else { return piece }
    tokens.removeLast()
    // A single capital after one word is ambiguous ("Or Katz" is not, "Xu J" is).
    let initials = last.map { "\($0)." }.joined(separator: " ")
    return initials + " " + tokens.joined(separator: " ")
  }

  /// Splits an author list written as one string; the flag says it was elided.
  static func splitList(_ raw: String) -> (names: [String], truncated: Bool) {
    var text = LaTeXText.stripHTML(raw)
    text = String(text.filter { !marks.contains($0) })
    text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    var truncated = false
    for elision in ["et al.", "et al", "…", "...", " others"] {
      if text.range(of: elision, options: .caseInsensitive) != nil {
        truncated = true
        text = text.replacingOccurrences(of: elision, with: ",", options: .caseInsensitive)
      }
    }
    var names: [String] = []
    if text.contains(";") {
      for piece in text.split(separator: ";") {
        let name = cleanName(ExportedNames.readingOrder(String(piece)))
        if !name.isEmpty, !isElision(name) { names.append(name) }
      }
      return (names, truncated)
    }
    for joiner in [", and ", " and ", ", & ", " & ", " AND "] {
      text = text.replacingOccurrences(of: joiner, with: ",")
    }
    let pieces = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !isElision($0) }
    var i = 0
    while i < pieces.count {
      let piece = pieces[i]
      if i + 1 < pieces.count, isFamilyOnly(piece), isGivenInitials(pieces[i + 1]) {
        names.append(cleanName(pieces[i + 1] + " " + piece))
        i += 2
        continue
      }
      let name = cleanName(vancouver(piece))
      if !name.isEmpty, !isElision(name) { names.append(name) }
      i += 1
    }
    return (names, truncated)
  }

  // MARK: Citations

  /// Letters and digits of `text`, lower-cased and folded, with the index in `text` of each.
  static func folded(_ text: String) -> (chars: [Character], positions: [String.Index]) {
    var chars: [Character] = []
    var positions: [String.Index] = []
    var index = text.startIndex
    while index < text.endIndex {
      let c = text[index]
      if c.isLetter || c.isNumber {
        let f = String(c).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for fc in f {
          chars.append(fc)
          positions.append(index)
        }
      }
      index = text.index(after: index)
    }
    return (chars, positions)
  }

  /// The author part of a formatted citation ("Forsythe, A., & Xu, J. (2017). The
  /// complete …"): the text before the title (when given and found), before a year in
  /// parentheses ("(2017)") or a year with a colon (", 2016:"), else before the first
  /// sentence end that does not close an initial.
  static func authorPart(ofCitation citation: String, title: String?) -> String {
    let text = LaTeXText.stripHTML(citation).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    var cut = text.endIndex
    if let title, !title.isEmpty {
      let hay = folded(text)
      let needle = Array(folded(title).chars.prefix(24))
      if needle.count >= 6, hay.chars.count >= needle.count {
        for start in 0...(hay.chars.count - needle.count)
        where hay.chars[start] == needle[0] && Array(hay.chars[start..<(start + needle.count)]) == needle {
          cut = hay.positions[start]
          break
        }
      }
    }
    for pattern in [#"\(\s*(1[89]|20)\d\d[a-z]?\s*\)"#, #",?\s*(1[89]|20)\d\d[a-z]?\s*:"#, #"\((in press|forthcoming|submitted|n\.d\.)\)"#] {
      if let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]),
        range.lowerBound < cut
      {
        cut = range.lowerBound
      }
    }
    if cut == text.endIndex {
      // First ". " after a word of two or more letters (not an initial).
      var previousWord = ""
      var index = text.startIndex
      while index < text.endIndex {
        let c = text[index]
        if c == ".", text.index(after: index) < text.endIndex, text[text.index(after: index)] == " ",
          previousWord.count >= 2, !isInitialToken(previousWord + "."), previousWord.lowercased() != "al"
        {
          cut = index
          break
        }
        if c.isLetter || c == "-" { previousWord.append(c) } else { previousWord = "" }
        index = text.index(after: index)
      }
    }
    var part = String(text[..<cut])
    // Placeholders after the names: "Guschanski, K. TBD".
    part = part.replacingOccurrences(of: #"\s+(TBD|in press|submitted|in prep\.?|forthcoming)\s*\.?$"#, with: "", options: [.regularExpression, .caseInsensitive])
    return part.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:(").union(.whitespaces))
  }

  /// The authors of a formatted citation; empty for a placeholder ("TBD").
  static func authors(ofCitation citation: String, title: String?) -> (names: [String], truncated: Bool) {
    let trimmed = citation.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.count > 3, trimmed.uppercased() != "TBD" else { return ([], false) }
    let part = authorPart(ofCitation: trimmed, title: title)
    guard !part.isEmpty, part.count < trimmed.count || title == nil else { return ([], false) }
    var result = splitList(part)
    // A citation that starts with its title has no author part.
    result.names = result.names.filter { $0.split(separator: " ").count <= 6 }
    return result
  }
}
