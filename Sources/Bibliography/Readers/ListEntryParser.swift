import Foundation

/// Splits one publication-list entry written with marks (Markdown emphasis and links,
/// HTML and LaTeX converted to the same marks, hard line breaks) into authors, title
/// and the rest, before the plain-text shapes of ``CVEntryParser`` are tried.
///
/// The marks are cues, tried in this order; the first that fits decides:
///
/// 1. **Hard lines** (`<br>`, `\\`, one `<div>` per field): the first line that is an
///    author list splits the entry; the lines before it are the title (a lone year in
///    them is kept for the year), or, when the names come first, the next line is.
/// 2. **`[Title](url) by Authors. Venue`**: a link that opens the entry is the title;
///    the names after it (with or without "by") are the authors.
/// 3. **A marked span after the names**: `Authors. *Title.* Venue`,
///    `Authors, {\em Title}, Venue`, `Authors [Title](url) Venue`; a span that is itself
///    a name list (the owner in bold) is skipped, and a span after text that is not a
///    name list (a venue in italics) is not a title.
/// 4. Otherwise the entry's plain text goes to ``CVEntryParser``.
enum ListEntryParser {
  /// Separates hard lines inside one entry's text (never in real input: a private-use
  /// character).
  static let lineBreak: Character = "\u{E000}"

  static func parse(_ entry: CVTextReader.Entry, markup: Bool) -> CVEntryParser.Outcome {
    // Marks are cues for entries of ordinary length; a page run together is left to
    // the plain shapes (the span scan is quadratic in stray marks).
    guard markup, entry.markup.utf8.count <= 4_000 else { return CVEntryParser.parse(entry) }
    let raw = entry.markup
    if let found = lineShape(raw) ?? linkByShape(raw) ?? spanShape(raw)
      ?? AuthorListScanner.invertedShape(plain(raw), emphasized: spans(raw).filter { $0.kind != .link }.map { plain($0.content) })
      ?? colonShape(raw)
    {
      let authors = normalizedAuthors(found.authors.replacingOccurrences(of: "\\*", with: "*"))
      return CVEntryParser.build(entry, authorsText: authors, title: found.title, rest: found.rest)
    }
    return CVEntryParser.parse(entry)
  }

  // MARK: - Shapes

  typealias Split = (authors: String, title: String, rest: String)

  static func lineShape(_ raw: String) -> Split? {
    guard raw.contains(lineBreak) else { return nil }
    let lines = raw.split(separator: lineBreak).map { plain(String($0)) }
      .filter { !$0.trimmingCharacters(in: CVEntryParser.separators).isEmpty }
    guard lines.count >= 2 else { return nil }
    // A title in title case reads as names too: a line of several names wins.
    guard
      let k = lines.indices.first(where: { isAuthorLine(lines[$0]) && authorChunks(lines[$0]).count >= 2 })
        ?? lines.indices.first(where: { isAuthorLine(lines[$0]) })
    else { return nil }
    let rawLines = raw.split(separator: lineBreak).map(String.init)
      .filter { !plain($0).trimmingCharacters(in: CVEntryParser.separators).isEmpty }
    func titleLine(_ index: Int) -> String {
      // "*Title.* [arXiv]": the marked span is the title, links after it are not.
      if rawLines.count == lines.count,
        let span = spans(rawLines[index]).first,
        plain(span.content).split(separator: " ").count >= 2
      {
        return plain(span.content)
      }
      // "Title. [pdf] [slides]": bracketed link words after the title are not part of it.
      var line = lines[index]
      while line.hasSuffix("]"), let open = line.lastIndex(of: "[") {
        line = String(line[..<open]).trimmingCharacters(in: .whitespaces)
      }
      return line.isEmpty ? lines[index] : line
    }
    if k == 0 {
      let title = unquoted(titleLine(1))
      guard title.split(separator: " ").count >= 1 else { return nil }
      return (lines[0], title, lines.dropFirst(2).joined(separator: ", "))
    }
    var rest = lines[(k + 1)...].joined(separator: ", ")
    // A year closing a title line ("Title … \hfill 2025 \\ rest of title").
    var titleLines = Array(lines[..<k])
    for index in titleLines.indices.dropLast() {
      if let found = CVEntryParser.firstYear(in: titleLines[index]),
        titleLines[index][found.range.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty
      {
        rest = rest.isEmpty ? String(found.year) : rest + ", " + String(found.year)
        titleLines[index] = String(titleLines[index][..<found.range.lowerBound])
      }
    }
    var titleText = titleLines.joined(separator: " ")
    // "Title \hfill 2024 \\": the year printed beside the title.
    if let found = CVEntryParser.firstYear(in: titleText),
      titleText[found.range.upperBound...].trimmingCharacters(in: CVEntryParser.separators)
        .isEmpty || titleText[..<found.range.lowerBound].trimmingCharacters(
          in: CVEntryParser.separators
        ).isEmpty
    {
      let year = String(titleText[found.range])
      titleText.removeSubrange(found.range)
      rest = rest.isEmpty ? year : rest + ", " + year
    }
    let title = unquoted(titleText)
    guard title.split(separator: " ").count >= 1 else { return nil }
    return (lines[k], title, rest)
  }

  static func linkByShape(_ raw: String) -> Split? {
    let trimmed = raw.drop(while: \.isWhitespace)
    guard trimmed.first == "[", let span = spans(String(trimmed)).first,
      span.kind == .link, span.range.lowerBound == trimmed.startIndex
    else { return nil }
    let title = unquoted(plain(span.content))
    var after = plain(String(trimmed[span.range.upperBound...]))
      .trimmingCharacters(in: CVEntryParser.separators)
    if after.lowercased().hasPrefix("by ") { after = String(after.dropFirst(3)) }
    let (names, venue) = CVEntryParser.splitSentence(after)
    guard !title.isEmpty, isNameList(names) else { return nil }
    return (names, title, venue)
  }

  static func spanShape(_ raw: String) -> Split? {
    for span in spans(raw) {
      let content = plain(span.content)
      // The owner in bold, or a short name-like span inside the author list.
      if isNameList(content),
        span.kind == .strong || content.split(separator: " ").count <= 3
      {
        let afterText = raw[span.range.upperBound...].drop(while: { $0 == " " || $0 == "\\" || $0 == "*" })
        if span.kind == .strong || afterText.hasPrefix(",") || afterText.hasPrefix("and ")
          || afterText.hasPrefix("&") || afterText.hasPrefix(";")
        {
          continue
        }
      }
      let before = plain(String(raw[..<span.range.lowerBound]))
        .trimmingCharacters(in: CVEntryParser.separators.subtracting(.init(charactersIn: ".")))
      let after = String(raw[span.range.upperBound...])
      if before.trimmingCharacters(in: CVEntryParser.separators).isEmpty {
        // Title first: names must follow.
        var rest = plain(after).trimmingCharacters(in: CVEntryParser.separators)
        if rest.lowercased().hasPrefix("by ") { rest = String(rest.dropFirst(3)) }
        let (names, venue) = CVEntryParser.splitSentence(rest)
        guard content.split(separator: " ").count >= 2, isNameList(names) else { return nil }
        return (names, unquoted(content), venue)
      }
      guard isNameList(before), content.split(separator: " ").count >= 2 else { return nil }
      // Keep the authors' marks (`*` equal contribution) for the reader.
      let authors = TextScanning.removingMarkdownLinks(String(raw[..<span.range.lowerBound]))
      return (authors, unquoted(content), plain(after))
    }
    return nil
  }

  /// `Authors: Title, Venue, Year` (a résumé style).
  static func colonShape(_ raw: String) -> Split? {
    // A link is a title ("[GSM-Identity: Evaluating …](url)"), not names and a title.
    let trimmedRaw = raw.trimmingCharacters(in: .whitespaces)
    if trimmedRaw.hasPrefix("["), let span = spans(trimmedRaw).first, span.kind == .link,
      span.range.lowerBound == trimmedRaw.startIndex,
      trimmedRaw[span.range.upperBound...].trimmingCharacters(in: CVEntryParser.separators).isEmpty
    {
      return nil
    }
    let text = plain(raw)
    guard let colon = text.range(of: ": ") else { return nil }
    let names = String(text[..<colon.lowerBound])
    guard isNameList(names) else { return nil }
    let rest = String(text[colon.upperBound...])
    let comma = rest.range(of: ", ")
    let sentence = CVEntryParser.splitSentence(rest)
    let title: String
    let venue: String
    if let comma, sentence.tail.isEmpty || comma.lowerBound < rest.index(rest.startIndex, offsetBy: sentence.head.count) {
      title = String(rest[..<comma.lowerBound])
      venue = String(rest[comma.upperBound...])
    } else {
      (title, venue) = sentence
    }
    // "Phone: (212) 305-3923" is not a name and a title.
    guard title.split(separator: " ").filter({ $0.contains(where: \.isLetter) }).count >= 2
    else { return nil }
    return (names, unquoted(title), venue)
  }

  // MARK: - Names

  /// One author per chunk, every chunk a name ("et al." and "…" allowed at the end).
  static func isNameList(_ text: String) -> Bool {
    let chunks = authorChunks(text)
    let names = chunks.filter { !CVEntryParser.isEtAl(NameNormalizer.clean($0)) }
    return !names.isEmpty && chunks.allSatisfy { CVEntryParser.looksLikeName(cleanChunk($0)) }
  }

  /// A line of at least two words that is a name list.
  static func isAuthorLine(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: CVEntryParser.separators)
    return trimmed.contains(where: { $0 == " " || $0 == "," }) && isNameList(trimmed)
  }

  /// The chunk as a name: role notes "(co-first author)" and marks removed.
  static func cleanChunk(_ chunk: String) -> String {
    TextScanning.removing(
      ["*", "†", "‡", "§", "¶", "#", "\\"], from: TextScanning.removingParentheticals(chunk)
    ).trimmingCharacters(in: .whitespaces)
  }

  /// Author chunks of a name list; "Surname, Given - Surname, Given" is split on the
  /// dashes, and a final period after a word that is not an initial is dropped.
  static func authorChunks(_ text: String) -> [String] {
    var text = normalizedAuthors(text).trimmingCharacters(in: .whitespaces)
    if text.hasSuffix(".") {
      let last = text.dropLast().split(separator: " ").last.map(String.init) ?? ""
      if !NameNormalizer.isInitial(last + ".") { text.removeLast() }
    }
    return CVEntryParser.authorChunks(text)
  }

  /// Rewrites dash-separated inverted names as a ";" list.
  static func normalizedAuthors(_ text: String) -> String {
    let parts = text.components(separatedBy: " - ")
    guard parts.count >= 2, parts.allSatisfy({ $0.filter { $0 == "," }.count <= 2 }) else {
      return text
    }
    return parts.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ", ")) }
      .joined(separator: "; ")
  }

  // MARK: - Marks

  enum SpanKind { case emphasis, strong, link }

  struct Span {
    var kind: SpanKind
    var range: Range<String.Index>
    var content: String
  }

  /// Emphasis (`*x*`, `_x_`), strong (`**x**`, `__x__`) and link (`[x](url)`) spans in
  /// order; `\` escapes the next character.
  static func spans(_ text: String) -> [Span] {
    var result: [Span] = []
    var i = text.startIndex
    func isBoundary(_ index: String.Index) -> Bool {
      index == text.endIndex || text[index].isWhitespace || text[index].isPunctuation
    }
    while i < text.endIndex {
      let c = text[i]
      let next = text.index(after: i)
      if c == "\\" {
        i = next < text.endIndex ? text.index(after: next) : next
        continue
      }
      if c == "[", let close = text[next...].firstIndex(of: "]"),
        text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
        let paren = text[close...].firstIndex(of: ")")
      {
        result.append(
          Span(kind: .link, range: i..<text.index(after: paren), content: String(text[next..<close])))
        i = text.index(after: paren)
        continue
      }
      if c == "*" || c == "_" {
        let double = next < text.endIndex && text[next] == c
        let marker = String(repeating: c, count: double ? 2 : 1)
        let start = double ? text.index(after: next) : next
        let leftOK = c == "*" || i == text.startIndex || isBoundary(text.index(before: i))
        if leftOK, start < text.endIndex, !text[start].isWhitespace,
          let close = closing(marker, in: text, from: start)
        {
          let end = text.index(close, offsetBy: marker.count)
          if c == "*" || isBoundary(end) {
            result.append(
              Span(
                kind: double ? .strong : .emphasis, range: i..<end,
                content: String(text[start..<close])))
            i = end
            continue
          }
        }
        i = double ? text.index(after: next) : next
        continue
      }
      i = next
    }
    return result
  }

  static func closing(_ marker: String, in text: String, from start: String.Index)
    -> String.Index?
  {
    var i = start
    while i < text.endIndex {
      if text[i] == "\\" {
        i = text.index(after: i)
        if i < text.endIndex { i = text.index(after: i) }
        continue
      }
      if text[i...].hasPrefix(marker), !text[text.index(before: i)].isWhitespace {
        let after = text.index(i, offsetBy: marker.count)
        // A single mark does not close at a double one ("*a **b** c*").
        if marker.count == 2 || after == text.endIndex || text[after] != marker.first {
          return i
        }
      }
      i = text.index(after: i)
    }
    return nil
  }

  /// Text without marks: links keep their text, emphasis marks and escapes go, line
  /// breaks become spaces.
  static func plain(_ text: String) -> String {
    var out = TextScanning.removingMarkdownLinks(
      text.replacingOccurrences(of: String(lineBreak), with: " "))
    out = out.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    var result = ""
    var index = out.startIndex
    while index < out.endIndex {
      let c = out[index]
      let next = out.index(after: index)
      if c == "\\", next < out.endIndex, "*_[]()#".contains(out[next]) {
        result.append(out[next])
        index = out.index(after: next)
        continue
      }
      if c == "*" {
        index = next
        continue
      }
      if c == "_" {
        let before = index == out.startIndex ? " " : out[out.index(before: index)]
        let after = next == out.endIndex ? " " : out[next]
        if !(before.isLetter && after.isLetter) {
          index = next
          continue
        }
      }
      result.append(c)
      index = next
    }
    return TextScanning.collapseWhitespace(result).trimmingCharacters(in: .whitespaces)
  }

  /// A title without the quotes or trailing period around it.
  static func unquoted(_ text: String) -> String {
    var title = text.trimmingCharacters(in: .whitespaces)
    let opening: Set<Character> = ["\"", "“", "„", "‘", "«", "'"]
    let closing: Set<Character> = ["\"", "”", "“", "’", "»", "'"]
    while let last = title.last, ".,;:".contains(last) { title.removeLast() }
    // Quotes around the whole title go; a quotation inside it stays.
    if let first = title.first, opening.contains(first) {
      title.removeFirst()
      if let last = title.last, closing.contains(last) { title.removeLast() }
    } else if let last = title.last, closing.contains(last),
      title.dropLast().contains(where: opening.contains) == false
    {
      title.removeLast()
    }
    title = title.trimmingCharacters(in: .whitespaces)
    while let last = title.last, ".,;:".contains(last) { title.removeLast() }
    return title
  }
}
