/// Abbreviations that running text defines, "Altmetric Attention Score (AAS)", found with
/// Schwartz and Hearst's algorithm, so that a term and its abbreviation are one term
/// (VOSviewer users write these merges by hand in a thesaurus file).
///
/// A definition is a long form followed by a parenthesised short form of 2–10
/// characters, one word, starting with a letter or digit and holding at least two
/// capitals. The long form is found right to left: every letter and digit of the short
/// form, last to first, must be matched in order in the words before the parenthesis
/// (at most min(|S| + 5, 2|S|) words, within the sentence), and the first character of
/// the short form must begin a word; the long form runs from that word to the
/// parenthesis and has at least two words.
///
/// - Complexity: O(*n*) in the length of the text (the window before each parenthesis is
///   bounded by the short form's length).
///
/// Reference: A. S. Schwartz, M. A. Hearst, "A simple algorithm for identifying
/// abbreviation definitions in biomedical text", Pacific Symposium on Biocomputing 8
/// (2003) 451–462.
enum Abbreviations {
  struct Definition: Hashable {
    var short: String
    var long: String
  }

  /// The definitions in `text`, in order.
  static func definitions(in text: String) -> [Definition] {
    var out: [Definition] = []
    let chars = Array(text)
    var i = 0
    while i < chars.count {
      guard chars[i] == "(" else {
        i += 1
        continue
      }
      var j = i + 1
      while j < chars.count, j - i <= 12, chars[j] != ")", chars[j] != "(", !chars[j].isWhitespace { j += 1 }
      defer { i += 1 }
      guard j < chars.count, chars[j] == ")" else { continue }
      let short = String(chars[(i + 1)..<j])
      guard isShortForm(short) else { continue }
      if let long = longForm(for: short, before: chars[..<i]) { out.append(Definition(short: short, long: long)) }
    }
    return out
  }

  static func isShortForm(_ s: String) -> Bool {
    guard (2...10).contains(s.count), let first = s.first, first.isLetter || first.isNumber else { return false }
    guard s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
    return s.filter(\.isUppercase).count >= 2
  }

  /// The long form `short` abbreviates, from the words that end right before it.
  static func longForm(for short: String, before text: ArraySlice<Character>) -> String? {
    // The words of the sentence before the parenthesis, at most min(|S| + 5, 2|S|).
    let limit = min(short.count + 5, 2 * short.count)
    var words: [String] = []
    var end = text.endIndex
    while end > text.startIndex, text[end - 1].isWhitespace { end -= 1 }
    var k = end
    while words.count < limit, k > text.startIndex {
      var start = k
      while start > text.startIndex, !text[start - 1].isWhitespace { start -= 1 }
      let word = text[start..<k]
      // The previous sentence or clause, or another parenthesis, ends the window.
      if let last = word.last, ".;:!?".contains(last) { break }
      if word.contains(where: { "()[]".contains($0) }) { break }
      words.insert(String(word), at: 0)
      k = start
      while k > text.startIndex, text[k - 1].isWhitespace { k -= 1 }
    }
    guard words.count >= 2 else { return nil }
    // Schwartz–Hearst matching, right to left.
    let s = Array(short.lowercased().filter { $0.isLetter || $0.isNumber })
    let joined = Array(words.joined(separator: " ").lowercased())
    var si = s.count - 1
    var li = joined.count - 1
    while si >= 0 {
      let c = s[si]
      while li >= 0, joined[li] != c || (si == 0 && li > 0 && (joined[li - 1].isLetter || joined[li - 1].isNumber)) {
        li -= 1
      }
      if li < 0 { return nil }
      si -= 1
      li -= 1
    }
    // li + 1 is where the match began: the long form starts at that word.
    let startOffset = li + 1
    var offset = 0
    var firstWord = 0
    for (w, word) in words.enumerated() {
      if offset + word.count > startOffset {
        firstWord = w
        break
      }
      offset += word.count + 1
    }
    let long = Array(words[firstWord...])
    guard long.count >= 2 else { return nil }
    return long.joined(separator: " ")
  }

  /// For each short form defined in `documents`, the long form it is defined with most
  /// often (ties: the first seen), in order of first definition.
  static func corpusLongForms(_ documents: [TermDocument]) -> [Definition] {
    var counts: [String: [String: Int]] = [:]
    var order: [String] = []
    var longOrder: [String: [String]] = [:]
    for document in documents {
      for d in definitions(in: document.text) {
        if counts[d.short] == nil { order.append(d.short) }
        if counts[d.short, default: [:]][d.long] == nil { longOrder[d.short, default: []].append(d.long) }
        counts[d.short, default: [:]][d.long, default: 0] += 1
      }
    }
    return order.compactMap { short in
      guard let forms = counts[short], let seen = longOrder[short] else { return nil }
      let best = seen.max { forms[$0]! != forms[$1]! ? forms[$0]! < forms[$1]! : seen.firstIndex(of: $0)! > seen.firstIndex(of: $1)! }
      return best.map { Definition(short: short, long: $0) }
    }
  }
}
