import Foundation

/// DOI, arXiv id and year extraction shared by the bibliographic readers.
public enum RecordIdentifiers {
  /// A DOI without resolver prefix (`https://doi.org/`, `doi:`), or nil when `text`
  /// holds none. Case is kept (DOIs compare case-insensitively).
  public static func doi(in text: String) -> String? {
    guard text.containsUTF8("10.") else { return nil }
    guard let start = text.range(of: "10.") else { return nil }
    // The DOI prefix is "10." + registrant digits + "/".
    var candidate = text[start.lowerBound...]
    guard let slash = candidate.firstIndex(of: "/"),
      candidate[candidate.index(candidate.startIndex, offsetBy: 3)..<slash].allSatisfy({
        $0.isNumber || $0 == "."
      })
    else { return nil }
    candidate = candidate[..<suffixEnd(candidate)]
    var result = String(candidate)
    // Punctuation after the DOI goes; a closing bracket stays when the DOI opened it
    // ("10.1002/(SICI)…", "…(20)30183-5").
    while let last = result.last, ".,;)]}".contains(last) {
      if let open = ["(": ")", "[": "]", "{": "}"].first(where: { $0.value == String(last) })?.key,
        result.filter({ String($0) == open }).count >= result.filter({ $0 == last }).count
      {
        break
      }
      result.removeLast()
    }
    if result.utf8.contains(UInt8(ascii: "%")) { result = result.removingPercentEncoding ?? result }
    return result.count > 7 ? result : nil
  }

  /// Where a DOI that starts `text` ends: at white space, a quotation mark, or a `<`
  /// that opens markup (`</a>`, `<br>`, `<!--`). DOIs may hold `<` and `>` themselves:
  /// SICI DOIs such as `10.1002/(SICI)1097-4636(199812)43:4<367::AID-JBM3>3.0.CO;2-M`,
  /// where `<` is followed by a digit or a `:`.
  static func suffixEnd(_ text: Substring) -> Substring.Index {
    var index = text.startIndex
    while index < text.endIndex {
      let c = text[index]
      if c.isWhitespace || c == "\"" { return index }
      if c == "<" {
        let next = text.index(after: index)
        guard next < text.endIndex else { return index }
        let n = text[next]
        if n == "/" || n == "!" || n == "?" || n.isLetter { return index }
      }
      index = text.index(after: index)
    }
    return index
  }

  /// An arXiv identifier (`2101.00001`, `hep-th/9901001`) without version, or nil.
  public static func arxivID(in text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    // New style: YYMM.NNNN(N)
    var i = 0
    while i + 9 <= scalars.count {
      if i == 0 || !isDigit(scalars[i - 1]) && scalars[i - 1] != ".",
        (0..<4).allSatisfy({ isDigit(scalars[i + $0]) }), scalars[i + 4] == "."
      {
        var j = i + 5
        while j < scalars.count, isDigit(scalars[j]) { j += 1 }
        let digits = j - i - 5
        if digits == 4 || digits == 5, j == scalars.count || !isDigit(scalars[j]) {
          let month = Int(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 4)]))) ?? 0
          if (1...12).contains(month) {
            return String(String.UnicodeScalarView(scalars[i..<j]))
          }
        }
      }
      i += 1
    }
    // Old style: archive(.SC)/YYMMNNN
    if let range = text.range(
      of: #"[a-z][a-z\-]+(\.[A-Z]{2})?/[0-9]{7}"#, options: .regularExpression)
    {
      return String(text[range])
    }
    return nil
  }

  /// The first plausible year (1000–2099) in `text`, as written in a year or date.
  public static func year(in text: String) -> Int? {
    let scalars = Array(text.unicodeScalars)
    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    var i = 0
    while i + 4 <= scalars.count {
      if i == 0 || !isDigit(scalars[i - 1]), (0..<4).allSatisfy({ isDigit(scalars[i + $0]) }),
        i + 4 == scalars.count || !isDigit(scalars[i + 4])
      {
        if let value = Int(String(String.UnicodeScalarView(scalars[i..<(i + 4)]))),
          (1000...2099).contains(value)
        {
          return value
        }
      }
      i += 1
    }
    return nil
  }

  /// Splits a keyword list on `;` or `,` (whichever the field uses), trimmed.
  public static func keywords(_ text: String) -> [String] {
    let separator: Character = text.contains(";") ? ";" : ","
    return text.split(separator: separator).map {
      $0.trimmingWhitespaceFast
    }.filter { !$0.isEmpty }
  }

  /// Whether a venue or note names a preprint server.
  public static func namesPreprintServer(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.containsUTF8("rxiv") || lower.containsUTF8("ssrn")
      || lower.containsUTF8("preprint") || lower.containsUTF8("research square")
  }
}
