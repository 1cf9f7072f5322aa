import Foundation

/// Reads an author list written family name first with initials — APA, ACM and
/// Vancouver styles — from the start of an entry, and what follows it:
///
/// - `Audet, T., Vadivel, S. (co-first author), Taylor, A. & Dworkin, I. (2026). Title.`
/// - `Mamykina, L., Mynatt, E. D., and Kaufman, D. R. 2006. Title. In …`
/// - `Cusack CM, Hripcsak G, Walker J, Mamykina L. 2013 Title. Venue`
/// - `Hwang, M., Mamykina, L., Title, in the Proceedings of …`
///
/// A name is a family name (one to four capitalised words, particles allowed) and its
/// initials (`T.`, `J.P.`, `A. P.`, `AHP`, `C.MS`), with a comma between them or not
/// (`Mammel A.`, `Cusack CM`). Names are separated by `,`, `&`, `and` (also `&,`), and
/// a missing comma between two names is tolerated when the next one is again
/// `Family, I` (`Wagner, A.P. Zaman, L.`). Role notes in parentheses after a name are
/// dropped. The list ends at the first text that is not a name: a year (`(2026).`,
/// `2012.`), or the title.
///
/// The title is the next sentence (a question goes on into its subtitle); without a
/// sentence end, it ends where a venue is introduced (`, in …`, `, to appear …`, `, *`
/// before a venue set in italics).
enum AuthorListScanner {
  struct Found {
    /// The names: "T. Audet" for "Audet, T.", as written for "Backman TW".
    var names: [String]
    /// The text after the list (and after the separator that ended it).
    var rest: Substring
    /// The first name has a comma between family name and initials ("Audet, T.").
    var firstHasComma: Bool
    /// The list's last name ended with a period ("Dworkin, I.").
    var restFollowsPeriod: Bool
  }

  /// `Authors (Year). Title. Venue` with the authors family name first, or nil when the
  /// entry does not open with such a list.
  /// `emphasized`: the texts set in italics or bold in the entry (its venue, often),
  /// which may end a title that has no sentence end ("Title, *Academic Medicine*").
  static func invertedShape(_ text: String, emphasized: [String] = []) -> (authors: String, title: String, rest: String)? {
    guard let found = scan(text), !found.names.isEmpty else { return nil }
    var rest = found.rest.drop(while: { $0 == " " || $0 == "," || $0 == "." || $0 == ":" })
    // The year right after the names: "(2026).", "2012.", "(in press)".
    var year: String?
    if rest.first == "(", let close = rest.firstIndex(of: ")") {
      let inside = rest[rest.index(after: rest.startIndex)..<close]
      let lower = inside.lowercased()
      if (inside.count >= 4 && inside.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }))
        || CVEntryParser.statusWords.contains(lower)
      {
        year = String(inside)
        rest = rest[rest.index(after: close)...]
      }
    } else if rest.count > 5, rest.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }),
      let value = Int(rest.prefix(4)), (1800...2099).contains(value),
      let after = rest.dropFirst(4).first, after == "." || after == " " || after == ","
    {
      year = String(rest.prefix(4))
      rest = rest.dropFirst(4)
    }
    rest = rest.drop(while: { $0 == " " || $0 == "," || $0 == "." || $0 == ":" })
    // One name and no year: only "Family, I." ending its sentence ("Dworkin, I. Title").
    if found.names.count == 1, year == nil {
      guard found.firstHasComma, found.restFollowsPeriod else { return nil }
    }
    guard let first = rest.first, first.isLetter || CVEntryParser.openingQuotes.contains(first) || first == "*" || first == "[" || first == "‘"
    else { return nil }
    var (title, venue) = CVEntryParser.titleSentence(String(rest))
    do {
      // A venue introduced by a comma inside the title sentence: ", in …", ", *Venue*".
      let lower = title.lowercased()
      var cut: String.Index?
      let cues = [", in ", ", to appear", ", to be included", ", accepted", ", *", ", submitted"]
        + emphasized.filter { $0.split(separator: " ").count >= 1 && !$0.isEmpty }.map { ", " + $0.lowercased() }
      for cue in cues {
        if let range = lower.range(of: cue), cut.map({ range.lowerBound < $0 }) ?? true {
          cut = range.lowerBound
        }
      }
      if let cut {
        let offset = lower.distance(from: lower.startIndex, to: cut)
        let index = title.index(title.startIndex, offsetBy: offset)
        venue = String(title[title.index(after: index)...]) + (venue.isEmpty ? "" : ". " + venue)
        title = String(title[..<index])
      }
    }
    let quoted = ListEntryParser.unquoted(title)
    guard quoted.split(separator: " ").count >= 2 else { return nil }
    let venueText = venue.trimmingCharacters(in: CVEntryParser.separators)
    let restText = year.map { venueText.isEmpty ? "(\($0))" : "\($0), " + venueText } ?? venueText
    return (found.names.joined(separator: "; "), quoted, restText)
  }

  /// The leading family-name-first list of `text`, or nil when `text` does not open
  /// with one.
  static func scan(_ text: String) -> Found? {
    let chars = Array(text)
    var i = 0
    var names: [String] = []
    var firstHasComma = false
    var established = false
    var end = 0
    func skipSpaces(_ j: inout Int) { while j < chars.count, chars[j] == " " { j += 1 } }
    while let name = readName(chars, from: i, established: established) {
      if names.isEmpty { firstHasComma = name.comma }
      names.append(name.text)
      // "Audet, T." and "Cusack CM" set the style: a later "Mamykina L." may end the list.
      if name.comma || !name.periods { established = true }
      let j = name.end
      end = j
      // The separator to the next name.
      var k = j
      skipSpaces(&k)
      var separated = false
      if k < chars.count, chars[k] == "," || chars[k] == ";" {
        k += 1
        separated = true
        skipSpaces(&k)
      }
      if k < chars.count, chars[k] == "&" {
        k += 1
        separated = true
        if k < chars.count, chars[k] == "," { k += 1 }
        skipSpaces(&k)
      } else if k + 3 < chars.count, chars[k] == "a", chars[k + 1] == "n", chars[k + 2] == "d",
        chars[k + 3] == " "
      {
        k += 4
        separated = true
        skipSpaces(&k)
      }
      // "…, Ayers KL, et al. (2014)": the elision ends the list.
      if let elision = elisionEnd(chars, from: k) {
        names.append("et al.")
        end = elision
        break
      }
      if separated {
        // "…, Mamykina, L., Title, in …": the list ended at the comma.
        guard readName(chars, from: k, established: established) != nil else { break }
        i = k
        continue
      }
      // "Wagner, A.P. Zaman, L.": a comma missing between two names.
      if k > j, let next = readName(chars, from: k, established: established), next.comma {
        i = k
        continue
      }
      break
    }
    guard !names.isEmpty else { return nil }
    return Found(
      names: names, rest: Substring(String(chars[end...])), firstHasComma: firstHasComma,
      restFollowsPeriod: end > 0 && chars[end - 1] == ".")
  }

  /// The end of "et al." / "et. al." / "and others" / "…" at `start`, or nil.
  static func elisionEnd(_ chars: [Character], from start: Int) -> Int? {
    guard start < chars.count else { return nil }
    let rest = String(chars[start..<min(chars.count, start + 12)]).lowercased()
    for elision in ["et al.", "et. al.", "et al", "and others", "others", "…", "..."]
    where rest.hasPrefix(elision) {
      let end = start + elision.count
      // "et alia" is not "et al" + "ia".
      if end < chars.count, chars[end].isLetter { continue }
      return end < chars.count && chars[end] == "." ? end + 1 : end
    }
    return nil
  }

  struct Name {
    var text: String
    var end: Int
    /// A comma between family name and initials ("Audet, T.").
    var comma: Bool
    /// The initials carry periods ("R.", "A.P").
    var periods: Bool
  }

  /// One `Family, I.` or `Family I` name starting at `start` (after spaces).
  /// `established`: an earlier name of the list set the family-first style, so a
  /// `Family I.` name may end the list before the title ("Mamykina L. The Role …");
  /// otherwise `Family I.` must be followed by a separator or a year ("Larry D. Pyeatt"
  /// is not "Larry, D.").
  static func readName(_ chars: [Character], from start: Int, established: Bool) -> Name? {
    var i = start
    while i < chars.count, chars[i] == " " { i += 1 }
    // The family name: capitalised words (particles allowed), not initials.
    var words: [String] = []
    var j = i
    while j < chars.count, words.count < 4 {
      var k = j
      var word = ""
      while k < chars.count, chars[k].isLetter || "-'’‐*†‡".contains(chars[k]) {
        word.append(chars[k])
        k += 1
      }
      let letters = word.filter(\.isLetter)
      guard letters.count >= 2, !isInitialsWord(word) else { break }
      // "deBettencourt": a capital inside counts.
      let capitalised = letters.first?.isUppercase == true || letters.dropFirst().contains(where: \.isUppercase)
      guard capitalised || NameNormalizer.isParticle(word) else { break }
      // A capitalised word must not be all capitals of three letters or fewer ("AHP").
      guard letters.contains(where: \.isLowercase) || letters.count >= 4 else { break }
      if CVEntryParser.functionWords.contains(word.lowercased()) && !NameNormalizer.isParticle(word) { break }
      words.append(word)
      j = k
      // Another word of the family name follows after one space ("De Tomaso").
      if j < chars.count, chars[j] == " ", j + 1 < chars.count, chars[j + 1].isLetter,
        let next = peekWord(chars, from: j + 1), !isInitialsWord(next),
        next.filter(\.isLetter).count >= 2,
        next.first?.isUppercase == true || NameNormalizer.isParticle(next)
      {
        // Only when a comma or initials come after the longer name.
        j += 1
        continue
      }
      break
    }
    guard !words.isEmpty, words.contains(where: { $0.contains(where: \.isUppercase) }),
      !words.contains(where: {
        CVEntryParser.venueWords.contains($0.lowercased())
          || CVEntryParser.journalWords.contains($0.lowercased())
      })
    else { return nil }
    // "Audet, T." or "Mammel A."; a stray period before the comma ("Niimi., T.") is noise.
    var k = j
    if k + 1 < chars.count, chars[k] == ".", chars[k + 1] == "," { k += 1 }
    var comma = false
    if k < chars.count, chars[k] == "," {
      comma = true
      k += 1
    }
    guard k < chars.count, chars[k] == " " || comma else { return nil }
    while k < chars.count, chars[k] == " " { k += 1 }
    guard let initials = readInitials(chars, from: k) else { return nil }
    var m = initials.end
    // A role note: "Vadivel, S. (co-first author)", "Lüpold, S (co-senior author).".
    var n = m
    while n < chars.count, chars[n] == " " { n += 1 }
    if n < chars.count, chars[n] == "(", let close = chars[n...].firstIndex(of: ")") {
      let inside = String(chars[(n + 1)..<close]).lowercased()
      if inside.contains("author") || inside.contains("equal") || inside.contains("first")
        || inside.contains("senior") || inside.contains("corresponding")
      {
        m = close + 1
        var q = m
        while q < chars.count, chars[q] == " " { q += 1 }
        if q < chars.count, chars[q] == "." { m = q + 1 }
      }
    }
    // What follows: a separator, the end, a year, or (after a period) the title.
    var p = m
    while p < chars.count, chars[p] == " " { p += 1 }
    let next: Character? = p < chars.count ? chars[p] : nil
    let separator =
      next == nil || next == "," || next == ";" || next == "&" || next == "("
      || (p + 3 < chars.count && String(chars[p..<(p + 4)]) == "and ")
    let periodEnded = m > 0 && chars[m - 1] == "."
    let yearNext = next?.isNumber == true
    let periods = chars[k..<initials.end].contains(".")
    if comma, words.count > 1 {
      // "John Smith, A. Jones" is two people in reading order, not "Smith, A.": a family
      // name of several words is followed by a separator or a year.
      guard separator || yearNext else { return nil }
    } else if comma {
      // "Kanter, AS Towards …": after "Family, I" a capital may begin the title.
      guard separator || periodEnded || yearNext || next?.isUppercase == true else { return nil }
    } else {
      guard separator || yearNext || (periodEnded && established) else { return nil }
    }
    let family = words.joined(separator: " ")
    // Initials as written: "Audet, T." is "T. Audet"; Vancouver "Backman TW" stays so.
    let written = String(chars[k..<initials.end])
    return Name(
      text: comma ? written + " " + family : family + " " + written, end: m, comma: comma,
      periods: periods)
  }

  static func peekWord(_ chars: [Character], from start: Int) -> String? {
    var k = start
    var word = ""
    while k < chars.count, chars[k].isLetter || "-'’".contains(chars[k]) {
      word.append(chars[k])
      k += 1
    }
    // A word followed by "." is an initial or an abbreviation, not part of a family name.
    if k < chars.count, chars[k] == "." { return nil }
    return word.isEmpty ? nil : word
  }

  /// "AHP", "DJ": two or three capitals (run-together initials).
  static func isInitialsWord(_ word: String) -> Bool {
    let letters = word.filter(\.isLetter)
    return (1...3).contains(letters.count) && letters.allSatisfy(\.isUppercase)
      && word.allSatisfy({ $0.isLetter })
  }

  /// Initials at `start`: `T.`, `J.P.`, `J.-P.`, `A. P.`, `AHP`, `C.MS`, `H.A`; nil when
  /// none are there. A letter followed by a lower-case letter is a word, not an initial.
  static func readInitials(_ chars: [Character], from start: Int) -> (text: String, end: Int)? {
    var i = start
    var letters: [String] = []
    var end = start
    while i < chars.count, chars[i].isUppercase {
      // A run of one to three capitals not followed by a lower-case letter.
      var k = i
      while k < chars.count, chars[k].isUppercase, k - i < 3 { k += 1 }
      if k < chars.count, chars[k].isLetter { break }
      for c in chars[i..<k] { letters.append(String(c)) }
      end = k
      if k < chars.count, chars[k] == "." {
        end = k + 1
        k += 1
        // "J.-P."
        if k < chars.count, chars[k] == "-" { k += 1 }
        if k < chars.count, chars[k].isUppercase {
          i = k
          continue
        }
        // "A. P.": another initial after one space, when it has its period or a comma.
        if k + 1 < chars.count, chars[k] == " ", chars[k + 1].isUppercase,
          k + 2 == chars.count || chars[k + 2] == "." || chars[k + 2] == ","
        {
          i = k + 1
          continue
        }
      } else if k - i == 1, k + 1 < chars.count, chars[k] == " ", chars[k + 1].isUppercase,
        k + 2 < chars.count, chars[k + 2] == "." || chars[k + 2] == ","
      {
        // "C G." / "C G,"
        i = k + 1
        continue
      } else if k < chars.count, chars[k] == "-", k + 1 < chars.count, chars[k + 1].isUppercase {
        i = k + 1
        continue
      }
      break
    }
    guard !letters.isEmpty, letters.count <= 4 else { return nil }
    let text = letters.map { $0 + "." }.joined(separator: " ")
    return (text, end)
  }
}

