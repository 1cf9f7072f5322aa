/// Small text helpers the readers use on every line. Hand-written rather than Swift
/// `Regex`: in a debug build a regex literal costs about a millisecond per use, which
/// made reading one CV take seconds.
enum TextScanning {
  /// The words of `text` in lower case: maximal runs of letters (apostrophes inside a
  /// word kept, so "I'm" is one word).
  static func lowercaseWords(_ text: String) -> [String] {
    words(text).map { $0.lowercased() }
  }

  /// Maximal runs of letters and inner apostrophes, case kept.
  static func words(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    for character in text {
      if character.isLetter || ((character == "'" || character == "’") && !current.isEmpty) {
        current.append(character)
      } else if !current.isEmpty {
        result.append(current)
        current = ""
      }
    }
    if !current.isEmpty { result.append(current) }
    return result.map { word in
      var word = word
      while word.last == "'" || word.last == "’" { word.removeLast() }
      return word
    }
  }

  /// Collapses runs of whitespace to one space and trims the ends.
  static func collapseWhitespace(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for character in text {
      if character.isWhitespace {
        pendingSpace = true
      } else {
        if pendingSpace && !result.isEmpty { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  /// `text` without the characters in `characters`.
  static func removing(_ characters: Set<Character>, from text: String) -> String {
    String(text.filter { !characters.contains($0) })
  }

  /// `text` with every parenthesised part removed (one level, unbalanced kept).
  static func removingParentheticals(_ text: String) -> String {
    var result = ""
    var depth = 0
    for character in text {
      if character == "(" {
        depth += 1
      } else if character == ")" && depth > 0 {
        depth -= 1
      } else if depth == 0 {
        result.append(character)
      }
    }
    return depth == 0 ? result : text
  }

  /// The first parenthesised part's content.
  static func firstParenthetical(_ text: String) -> String? {
    guard let open = text.firstIndex(of: "("),
      let close = text[open...].firstIndex(of: ")")
    else { return nil }
    return String(text[text.index(after: open)..<close])
  }

  /// "(12)", "( 3 )": the count and the range of the parenthesis, for each occurrence.
  static func parenthesizedCounts(in text: String) -> [(count: Int, range: Range<String.Index>)] {
    var result: [(Int, Range<String.Index>)] = []
    var index = text.startIndex
    while let open = text[index...].firstIndex(of: "(") {
      var cursor = text.index(after: open)
      while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
      let digitsStart = cursor
      while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isNumber {
        cursor = text.index(after: cursor)
      }
      let digits = text[digitsStart..<cursor]
      while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
      if !digits.isEmpty, digits.count <= 6, cursor < text.endIndex, text[cursor] == ")",
        let count = Int(digits)
      {
        result.append((count, open..<text.index(after: cursor)))
        index = text.index(after: cursor)
      } else {
        index = text.index(after: open)
      }
    }
    return result
  }
}

extension TextScanning {
  /// Removes HTML tags (`<li>`, `</b>`, `<a href=…>`), keeping their content.
  static func removingHTMLTags(_ text: String) -> String {
    guard text.contains("<") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if character == "<", next < text.endIndex, text[next].isLetter || text[next] == "/",
        let close = text[next...].firstIndex(of: ">")
      {
        index = text.index(after: close)
        continue
      }
      result.append(character)
      index = next
    }
    return result
  }

  /// Markdown links `[text](url)` become `text`; images `![alt](url)` disappear.
  static func removingMarkdownLinks(_ text: String) -> String {
    guard text.contains("](") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "["
        || (text[index] == "!" && text[text.index(after: index)...].first == "[")
      {
        let isImage = text[index] == "!"
        let open = isImage ? text.index(after: index) : index
        if let closeBracket = text[open...].firstIndex(of: "]"),
          text.index(after: closeBracket) < text.endIndex,
          text[text.index(after: closeBracket)] == "(",
          let closeParen = text[closeBracket...].firstIndex(of: ")")
        {
          if !isImage { result += text[text.index(after: open)..<closeBracket] }
          index = text.index(after: closeParen)
          continue
        }
      }
      result.append(text[index])
      index = text.index(after: index)
    }
    return result
  }

  /// The common named entities and numeric references (`&amp;`, `&#233;`, `&#xE9;`).
  static func decodingHTMLEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "&", let semicolon = text[index...].prefix(10).firstIndex(of: ";") {
        let name = text[text.index(after: index)..<semicolon]
        var scalar: Unicode.Scalar?
        if let named = htmlEntities[String(name)] {
          scalar = named
        } else if name.hasPrefix("#x") || name.hasPrefix("#X") {
          scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
          scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        if let scalar {
          result.unicodeScalars.append(scalar)
          index = text.index(after: semicolon)
          continue
        }
      }
      result.append(text[index])
      index = text.index(after: index)
    }
    return result
  }

  static let htmlEntities: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    "ndash": "–", "mdash": "—", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”",
  ]
}
