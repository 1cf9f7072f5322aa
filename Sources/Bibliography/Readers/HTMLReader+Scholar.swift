import Foundation

extension HTMLReader {
  /// A saved Google Scholar profile page (or its table of works alone): Scholar's own
  /// markup, read row by row rather than as blocks of text.
  ///
  /// Each `<tr class="gsc_a_tr">` is one record: the title is the text of its
  /// `a.gsc_a_at`, the authors the first `div.gs_gray` (Scholar cuts long lists with
  /// "..." or "…": ``Publication/authorsTruncated``), the venue the second `div.gs_gray`
  /// without its `span.gs_oph` (a copy of the year), the year the `td.gsc_a_y` cell.
  /// The owner is `#gsc_prf_in` when the page has it, else the name on most rows. A
  /// row without a title is an error diagnostic at its line.
  ///
  /// - Returns: nil when `text` has no `gsc_a_tr` row.
  /// - Complexity: O(*n*) in the length of `text`.
  static func scholarProfile(_ text: String, file: String, owner: String?) -> SourceDocument? {
    let rowMarker = "class=\"gsc_a_tr\""
    guard text.contains(rowMarker) else { return nil }
    var document = SourceDocument(file: file, format: format, owner: owner)
    if document.owner == nil,
      let name = element(in: Substring(text), opening: "id=\"gsc_prf_in\"", tag: "div")
    {
      let cleaned = plainText(name)
      if !cleaned.isEmpty { document.owner = cleaned }
    }
    var line = 1
    var counted = text.startIndex
    var searchFrom = text.startIndex
    while let marker = text.range(of: rowMarker, range: searchFrom..<text.endIndex) {
      guard let open = text[..<marker.lowerBound].range(of: "<tr", options: .backwards) else {
        searchFrom = marker.upperBound
        continue
      }
      let end =
        text.range(of: "</tr>", range: marker.upperBound..<text.endIndex)?.upperBound
        ?? text.endIndex
      line += text[counted..<open.lowerBound].reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
      counted = open.lowerBound
      searchFrom = end
      let row = text[open.lowerBound..<end]
      let location = InputLocation(file: file, line: line)
      let title = element(in: row, opening: "class=\"gsc_a_at\"", tag: "a").map(plainText) ?? ""
      guard !title.isEmpty else {
        document.diagnostics.append(
          Diagnostic(
            .error, at: location, "Google Scholar row without a title (a.gsc_a_at) not read"))
        continue
      }
      var grays: [Substring] = []
      var grayFrom = row.startIndex
      while let found = element(in: row[grayFrom...], opening: "class=\"gs_gray\"", tag: "div") {
        grays.append(found)
        grayFrom = found.endIndex
      }
      var authors: [String] = []
      var truncated = false
      for chunk in (grays.first.map(plainText) ?? "").split(separator: ",") {
        let name = chunk.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { continue }
        if CVEntryParser.isEtAl(name) {
          truncated = true
          continue
        }
        authors.append(NameNormalizer.clean(name))
      }
      var venue: String?
      if grays.count >= 2 {
        var raw = String(grays[1])
        if let span = raw.range(of: "<span class=\"gs_oph\">"),
          let close = raw.range(of: "</span>", range: span.upperBound..<raw.endIndex)
        {
          raw.removeSubrange(span.lowerBound..<close.upperBound)
        }
        let text = plainText(Substring(raw))
        venue = text.isEmpty ? nil : text
      }
      let yearText = element(in: row, opening: "class=\"gsc_a_y\"", tag: "td").map(plainText) ?? ""
      let year = Int(yearText.filter(\.isNumber).prefix(4)).flatMap {
        (1000...2999).contains($0) ? $0 : nil
      }
      if authors.isEmpty {
        document.diagnostics.append(
          Diagnostic(.warning, at: location, "no authors found for \"\(title)\""))
      }
      document.publications.append(
        Publication(
          title: title, authors: authors, year: year, venue: venue,
          kind: CVEntryParser.classify(venue: venue ?? "", entryText: title, section: nil),
          authorsTruncated: truncated, location: location))
    }
    if document.owner == nil {
      document.owner = CVTextReader.detectOwner(document.publications)
    }
    return document
  }

  /// The inner HTML of the first `<tag …>` in `text` whose opening tag contains
  /// `opening`, up to its matching `</tag>` (same-tag nesting counted).
  static func element(in text: Substring, opening: String, tag: String) -> Substring? {
    guard let attribute = text.range(of: opening),
      let start = text[..<attribute.lowerBound].range(of: "<" + tag, options: .backwards),
      let innerStart = text[attribute.upperBound...].firstIndex(of: ">")
    else { return nil }
    // The attribute must sit in this tag: no ">" between the tag's start and it.
    guard !text[start.upperBound..<attribute.lowerBound].contains(">") else { return nil }
    var depth = 1
    var cursor = text.index(after: innerStart)
    while cursor < text.endIndex {
      guard let next = text[cursor...].firstIndex(of: "<") else { break }
      let rest = text[next...]
      if rest.hasPrefix("</" + tag + ">") {
        depth -= 1
        if depth == 0 { return text[text.index(after: innerStart)..<next] }
        cursor = text.index(next, offsetBy: tag.count + 3)
      } else {
        if rest.hasPrefix("<" + tag + " ") || rest.hasPrefix("<" + tag + ">") { depth += 1 }
        cursor = text.index(after: next)
      }
    }
    return nil
  }

  /// Tags removed, entities decoded, white space (no-break spaces too) collapsed.
  static func plainText(_ html: Substring) -> String {
    // One decoding pass (HTMLEntities.decode covers the named and numeric entities):
    // "&amp;lt;" is the text "&lt;", not "<".
    let decoded = HTMLEntities.decode(TextScanning.removingHTMLTags(String(html)))
    return TextScanning.collapseWhitespace(decoded.replacingOccurrences(of: "\u{A0}", with: " "))
      .trimmingCharacters(in: .whitespaces)
  }
}
