import Foundation

/// One word of running text, as the tokenizer saw it.
struct WordToken: Sendable, Hashable {
  /// The word as written (hyphens kept, markup removed).
  var surface: String
  /// Case- and diacritic-folded, hyphens removed: "Non-convex" → "nonconvex".
  var key: String
  /// Singular of `key` (see ``TermNormalization/singular(_:surface:)``).
  var singular: String
  /// Set when the word was written with an inner hyphen ("first-order").
  var hyphenated: Bool
  /// Capitalised right after a lower-case word of the same sentence ("the
  /// classical Frank-Wolfe algorithm"): evidence of a proper name, which a
  /// capital at a sentence start or in a title-case title is not.
  var capitalizedAfterLowercase = false
}

/// A piece of text between two phrase boundaries (punctuation, math, numbers,
/// URLs, …). Terms never cross a boundary.
typealias TokenSegment = [WordToken]

/// Splits title and abstract text into words, dropping what is not prose.
///
/// Dropped (each acts as a phrase boundary): LaTeX math `\(…\)`, `\[…\]`, `$…$`,
/// `$$…$$`; the arguments of referencing commands (`\cite{…}`, `\ref{…}`,
/// `\url{…}`, …); URLs and DOIs; numbers and words that start with a digit
/// ("175B", "10,000"); one-character words ("k", "m"); bracketed citation keys
/// ("[BSS14]"). Kept: the text inside formatting commands (`\emph{x}` → x),
/// words with inner digits or capitals ("GPT2", "ResNet"), inner hyphens
/// ("k-SVD", "Q-learning") and apostrophes.
///
/// - Complexity: O(*n*) in the length of the text.
enum TermTokenizer {
  /// Commands whose first braced argument is not prose.
  static let commandsWithoutProse: Set<String> = [
    "cite", "citep", "citet", "citealp", "ref", "eqref", "label", "url", "href", "footnote",
    "includegraphics", "bibitem", "bibliography", "input", "include", "begin", "end", "pageref",
    "autoref", "cref", "Cref",
  ]

  static func segments(of text: String) -> [TokenSegment] {
    let cleaned = stripMarkup(text)
    var segments: [TokenSegment] = []
    var current: TokenSegment = []
    func boundary() {
      if !current.isEmpty { segments.append(markProperNames(current)) }
      current = []
    }
    var word = String.UnicodeScalarView()
    func flushWord() {
      defer { word = String.UnicodeScalarView() }
      guard !word.isEmpty else { return }
      // Trim hyphens and apostrophes at either end ("two-" in "two- and three-layer").
      var w = Substring(String(word))
      while let f = w.first, f == "-" || f == "'" { w = w.dropFirst() }
      while let l = w.last, l == "-" || l == "'" { w = w.dropLast() }
      // Possessive "'s".
      if w.hasSuffix("'s") { w = w.dropLast(2) }
      guard let first = w.first else { return boundary() }
      if first.isNumber || w.count < 2 || w.contains("'") {
        // Numbers, single letters and contractions ("doesn't") carry no topic.
        return boundary()
      }
      let surface = String(w)
      let key = foldKey(surface)
      guard !key.isEmpty else { return boundary() }
      current.append(
        WordToken(
          surface: surface, key: key,
          singular: TermNormalization.singular(key, surface: surface),
          hyphenated: surface.contains("-")))
    }
    // Unicode scalars, not Characters: grapheme breaking was most of the cost.
    for ch in cleaned {
      if isWordScalar(ch) {
        word.append(ch)
      } else if ch == "-" || ch == "\u{2010}" || ch == "\u{2011}" {
        word.append("-")
      } else if ch == "'" || ch == "\u{2019}" {
        word.append("'")
      } else if ch.properties.isWhitespace {
        flushWord()
      } else {
        // Punctuation, symbols, the boundary mark left by dropped markup.
        flushWord()
        boundary()
      }
    }
    flushWord()
    boundary()
    return segments
  }

  /// Letters, digits and combining marks (a decomposed "é" stays one word).
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    if s.isASCII {
      let v = s.value
      return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    let p = s.properties
    if p.isAlphabetic || p.numericType != nil { return true }
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
    (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
  }

  static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

  /// Sets ``WordToken/capitalizedAfterLowercase`` where a capitalised word has a
  /// lower-case content word right before it, or a lower-case function word
  /// before and a lower-case content word after it. Title case writes function
  /// words, and only those, in lower case, so it leaves no such evidence.
  static func markProperNames(_ segment: TokenSegment) -> TokenSegment {
    func lowerContent(_ t: WordToken) -> Bool {
      t.surface.first?.isLowercase == true && !StopWords.english.contains(t.key)
    }
    var out = segment
    // A capital at a segment start (sentence start, after punctuation) proves nothing.
    for i in out.indices.dropFirst() where out[i].surface.first?.isUppercase == true {
      let previous = segment[i - 1]
      out[i].capitalizedAfterLowercase =
        lowerContent(previous)
        || (previous.surface.first?.isLowercase == true && i + 1 < segment.count
          && lowerContent(segment[i + 1]))
    }
    return out
  }

  /// Lower case, diacritics removed, hyphens removed.
  static func foldKey(_ surface: String) -> String {
    // ASCII fast path: Foundation's folding is the tokenizer's main cost.
    if surface.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(surface.utf8.count)
      for b in surface.utf8 where b != UInt8(ascii: "-") {
        bytes.append(b >= 65 && b <= 90 ? b + 32 : b)
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    let folded = surface.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    return folded.replacingOccurrences(of: "-", with: "").lowercased()
  }

  /// Replaces math, URLs, citation brackets and command names with a boundary
  /// mark (`|`), and unwraps formatting commands.
  static func stripMarkup(_ text: String) -> [Unicode.Scalar] {
    let chars = Array(text.unicodeScalars)
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(chars.count)
    var i = 0
    let n = chars.count
    let mayHaveMail = text.contains("@")
    func find(_ pattern: [Unicode.Scalar], from start: Int) -> Int? {
      guard !pattern.isEmpty, start <= n - pattern.count else { return nil }
      var j = start
      while j <= n - pattern.count {
        if chars[j] == pattern[0] {
          var k = 1
          while k < pattern.count, chars[j + k] == pattern[k] { k += 1 }
          if k == pattern.count { return j }
        }
        j += 1
      }
      return nil
    }
    /// The index just past the brace group starting at `start` (which holds "{").
    func skipGroup(from start: Int) -> Int {
      var depth = 0
      var j = start
      while j < n {
        if chars[j] == "\\" {
          j += 2
          continue
        }
        if chars[j] == "{" { depth += 1 }
        if chars[j] == "}" {
          depth -= 1
          if depth == 0 { return j + 1 }
        }
        j += 1
      }
      return n
    }
    while i < n {
      let c = chars[i]
      if c == "\\", i + 1 < n {
        let next = chars[i + 1]
        if next == "(" || next == "[" {
          let close: [Unicode.Scalar] = ["\\", next == "(" ? ")" : "]"]
          if let end = find(close, from: i + 2) {
            out.append("|")
            i = end + 2
            continue
          }
          // Unbalanced: drop the opener only.
          out.append("|")
          i += 2
          continue
        }
        if isASCIILetter(next) {
          var j = i + 1
          var name = String.UnicodeScalarView()
          while j < n, isASCIILetter(chars[j]) {
            name.append(chars[j])
            j += 1
          }
          if commandsWithoutProse.contains(String(name)) {
            // Optional [..] then one {..} argument dropped.
            var k = j
            while k < n, chars[k] == " " { k += 1 }
            if k < n, chars[k] == "[", let close = find(["]"], from: k) { k = close + 1 }
            if k < n, chars[k] == "{" { k = skipGroup(from: k) }
            out.append("|")
            i = k
          } else {
            // Formatting and accents: drop the name, keep what follows.
            // A separating space keeps "\emph{x}" from gluing to a previous word only
            // when the command stood apart; accents (\'e, \"o) have no letters.
            i = j
          }
          continue
        }
        // \', \", \^, \~, \`, \= accents and escaped symbols: drop the backslash and
        // the symbol; "\&" and "\%" become boundaries.
        if next == "&" || next == "%" || next == "$" || next == "#" || next == "_" {
          out.append("|")
        }
        i += 2
        continue
      }
      if c == "$" {
        let double = i + 1 < n && chars[i + 1] == "$"
        let opener = double ? 2 : 1
        let pattern: [Unicode.Scalar] = double ? ["$", "$"] : ["$"]
        if let end = find(pattern, from: i + opener) {
          out.append("|")
          i = end + opener
          continue
        }
        out.append("|")
        i += opener
        continue
      }
      if c == "{" || c == "}" {
        i += 1
        continue
      }
      if c == "^" || c == "_" {
        // Sub/superscripts outside math ("L_{2}", "1^{st}"): drop the script.
        var j = i + 1
        if j < n, chars[j] == "{" { j = skipGroup(from: j) } else if j < n { j += 1 }
        out.append("|")
        i = j
        continue
      }
      if c == "[" {
        // Citation keys such as "[BSS14]" or "[1, 2]": short, no spaces inside.
        if let end = find(["]"], from: i + 1), end - i <= 24,
          !chars[(i + 1)..<end].contains(" ")
            || chars[(i + 1)..<end].allSatisfy({
              isDigit($0) || $0 == "," || $0 == " " || $0 == "-"
            })
        {
          out.append("|")
          i = end + 1
          continue
        }
      }
      if "hHwWdDfF1".unicodeScalars.contains(c) || (mayHaveMail && isWordScalar(c)),
        let skip = urlLength(chars, at: i, mail: mayHaveMail)
      {
        out.append("|")
        i += skip
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }

  /// Length of a URL, DOI or e-mail address starting at `i` (only at a word start).
  static func urlLength(_ chars: [Unicode.Scalar], at i: Int, mail: Bool = true) -> Int? {
    if i > 0, isWordScalar(chars[i - 1]) { return nil }
    func hasPrefix(_ p: String) -> Bool {
      let pc = Array(p.unicodeScalars)
      guard i + pc.count <= chars.count else { return false }
      for k in 0..<pc.count {
        let c = chars[i + k]
        let lower = c.value >= 0x41 && c.value <= 0x5A ? c.value + 32 : c.value
        if lower != pc[k].value { return false }
      }
      return true
    }
    let starts =
      hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.")
      || hasPrefix("doi:") || hasPrefix("ftp://")
    var isDOI = false
    if !starts, hasPrefix("10."), i + 3 < chars.count, isDigit(chars[i + 3]) {
      // "10.1080/0022250X…": a DOI if a "/" follows the registrant digits.
      var j = i + 3
      while j < chars.count, isDigit(chars[j]) || chars[j] == "." { j += 1 }
      isDOI = j < chars.count && chars[j] == "/"
    }
    var isMail = false
    if mail, !starts, !isDOI {
      var j = i
      while j < chars.count, !chars[j].properties.isWhitespace, chars[j] != "@" { j += 1 }
      isMail = j < chars.count && chars[j] == "@" && j > i
    }
    guard starts || isDOI || isMail else { return nil }
    var j = i
    while j < chars.count, !chars[j].properties.isWhitespace { j += 1 }
    // Trailing sentence punctuation is not part of the address.
    while j > i, ".,;:)]\"'".unicodeScalars.contains(chars[j - 1]) { j -= 1 }
    return j - i
  }
}
