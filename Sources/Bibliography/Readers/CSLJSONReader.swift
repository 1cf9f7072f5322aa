import Foundation

/// Reads CSL-JSON (Zotero, Pandoc, citeproc) and Crossref's JSON.
///
/// Accepts an array of items, one item, `{"items": […]}` or Crossref's
/// `{"message": {"items": […]}}` / `{"message": {…}}`. Authors from `author`
/// (`family`/`given` with particles and suffix, or `literal`), title (a string or
/// Crossref's array), year from `issued` (`date-parts`, `raw` or `literal`, then
/// `published-print`/`published-online`/`created`), venue from `container-title`,
/// `DOI`, `abstract` (JATS tags removed), `keyword`, `type`; an author's `ORCID`
/// (validated; an invalid one is reported).
public struct CSLJSONReader: RecordReader {
  public static let format = InputFormat.cslJSON

  public init() {}

  /// 0.9 for JSON whose items carry CSL keys (`container-title`, `issued`, `family`).
  public static func confidence(for text: String) -> Double {
    let sample = text.prefix(65_536)
    guard let first = sample.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }),
      first == "[" || first == "{"
    else { return 0 }
    if sample.contains("\"authorships\"") || sample.contains("openalex.org/W") { return 0.2 }
    var score = 0
    for key in [
      "\"container-title\"", "\"issued\"", "\"family\"", "\"date-parts\"", "\"DOI\"",
      "\"citation-key\"",
    ] where sample.contains(key) {
      score += 1
    }
    if score >= 2 { return 0.9 }
    return score == 1 ? 0.5 : 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    var diagnostics: [Diagnostic] = []
    guard
      let (items, depth) = JSONRecords.items(
        in: text, file: file, keys: ["items"], diagnostics: &diagnostics)
    else {
      return SourceDocument(file: file, format: Self.format, diagnostics: diagnostics)
    }
    let lines = JSONRecords.objectLines(in: text, depth: depth, expected: items.count)
    var publications: [Publication] = []
    for (index, item) in items.enumerated() {
      let location = InputLocation(file: file, line: lines[index])
      guard let item = item as? [String: Any] else {
        diagnostics.append(
          Diagnostic(.error, at: location, "item \(index + 1) is not a JSON object; skipped"))
        continue
      }
      publications.append(publication(item, location: location, diagnostics: &diagnostics))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  func publication(_ item: [String: Any], location: InputLocation, diagnostics: inout [Diagnostic])
    -> Publication
  {
    var authors: [String] = []
    var identifiers: [AuthorIdentifiers] = []
    for (index, person) in ((item["author"] as? [Any]) ?? []).enumerated() {
      guard let person = person as? [String: Any] else { continue }
      let name: String
      if let literal = JSONRecords.string(person["literal"]) ?? JSONRecords.string(person["name"]) {
        name = literal
      } else {
        let parts = [
          JSONRecords.string(person["given"]), JSONRecords.string(person["dropping-particle"]),
          JSONRecords.string(person["non-dropping-particle"]),
          JSONRecords.string(person["family"]), JSONRecords.string(person["suffix"]),
        ].compactMap { $0 }
        if parts.isEmpty {
          diagnostics.append(Diagnostic(.warning, at: location, "author \(index + 1) has no name"))
          continue
        }
        name = parts.joined(separator: " ")
      }
      authors.append(name)
      // CSL-JSON and Crossref write "ORCID" ("http://orcid.org/0000-…"); some tools "orcid".
      identifiers.append(
        AuthorIdentifiers(
          orcid: AuthorIdentifierFields.orcid(
            JSONRecords.string(person["ORCID"] ?? person["orcid"]), author: name, at: location,
            diagnostics: &diagnostics)))
    }
    let title = JSONRecords.string(item["title"]).map(LaTeXText.stripHTML) ?? ""
    if title.isEmpty { diagnostics.append(Diagnostic(.warning, at: location, "item has no title")) }
    let venue =
      JSONRecords.string(item["container-title"]) ?? JSONRecords.string(item["event-title"])
    var year: Int? = nil
    for key in ["issued", "published-print", "published-online", "published", "created"]
    where year == nil {
      year = Self.year(from: item[key])
    }
    let doi = JSONRecords.string(item["DOI"]).flatMap(RecordIdentifiers.doi(in:))
    var arxiv: String? = nil
    if let url = JSONRecords.string(item["URL"]), url.contains("arxiv.org") {
      arxiv = RecordIdentifiers.arxivID(in: url)
    }
    if arxiv == nil, let number = JSONRecords.string(item["number"]),
      (venue ?? "").lowercased().contains("arxiv")
    {
      arxiv = RecordIdentifiers.arxivID(in: number)
    }
    if arxiv == nil, let doi, doi.lowercased().hasPrefix("10.48550/arxiv.") {
      arxiv = RecordIdentifiers.arxivID(in: doi)
    }
    let keywords: [String]
    if let list = item["keyword"] as? [Any] {
      keywords = list.compactMap(JSONRecords.string)
    } else {
      keywords = JSONRecords.string(item["keyword"]).map(RecordIdentifiers.keywords) ?? []
    }
    let abstract = JSONRecords.string(item["abstract"]).map { JSONRecords.stripTags($0) }
    return Publication(
      title: title, authors: authors, year: year, venue: venue,
      kind: Self.kind(JSONRecords.string(item["type"]), venue: venue, arxiv: arxiv),
      abstract: abstract?.isEmpty == true ? nil : abstract, doi: doi, arxivID: arxiv,
      keywords: keywords, authorIdentifiers: identifiers,
      location: location)
  }

  static func year(from value: Any?) -> Int? {
    guard let date = value as? [String: Any] else { return nil }
    if let parts = date["date-parts"] as? [Any], let first = parts.first as? [Any],
      let y = first.first
    {
      if let number = y as? Int { return number }
      if let string = JSONRecords.string(y) { return RecordIdentifiers.year(in: string) }
    }
    for key in ["raw", "literal", "date-time"] {
      if let string = JSONRecords.string(date[key]), let year = RecordIdentifiers.year(in: string) {
        return year
      }
    }
    return nil
  }

  static func kind(_ type: String?, venue: String?, arxiv: String?) -> PublicationKind {
    if arxiv != nil || RecordIdentifiers.namesPreprintServer(venue ?? "") { return .preprint }
    switch type {
    case "article-journal", "journal-article", "article-magazine", "article-newspaper", "review",
      "review-book":
      return .journal
    case "paper-conference", "proceedings-article", "proceedings": return .conference
    case "book", "monograph", "edited-book", "reference-book", "classic": return .book
    case "chapter", "book-chapter", "book-section", "entry", "entry-encyclopedia",
      "entry-dictionary":
      return .chapter
    case "thesis", "dissertation": return .thesis
    case "report", "standard": return .report
    case "patent": return .patent
    case "article", "posted-content", "manuscript", "preprint": return .preprint
    default: return .other
    }
  }
}

/// JSON helpers shared by the CSL-JSON and OpenAlex readers.
enum JSONRecords {
  /// The record array of a JSON (or JSON Lines) document and the nesting depth of its
  /// objects (1 for a top-level array). Looks under `keys` (and `message`).
  static func items(
    in text: String, file: String, keys: [String], diagnostics: inout [Diagnostic]
  ) -> ([Any], Int)? {
    let data = Data(text.utf8)
    do {
      let root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      if let array = root as? [Any] { return (array, 1) }
      if let object = root as? [String: Any] {
        for key in keys {
          if let array = object[key] as? [Any] { return (array, 2) }
        }
        if let message = object["message"] as? [String: Any] {
          for key in keys {
            if let array = message[key] as? [Any] { return (array, 3) }
          }
          return ([message], 1)
        }
        return ([object], 0)
      }
      diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: file, line: 1), "JSON holds no records"))
      return nil
    } catch {
      // JSON Lines: one object per line.
      var items: [Any] = []
      var lineNumber = 0
      var failures = 0
      for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        lineNumber += 1
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{") else { continue }
        if let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) {
          items.append(object)
        } else {
          failures += 1
        }
      }
      if !items.isEmpty && failures == 0 { return (items, -1) }
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: 1),
          "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"
        ))
      return nil
    }
  }

  /// Lines where the objects at `depth` start (depth 1 = inside a top-level array;
  /// -1 = one object per line). Falls back to line 1 when the count is not `expected`.
  static func objectLines(in text: String, depth target: Int, expected: Int) -> [Int] {
    var lines: [Int] = []
    var line = 1
    var depth = 0
    var inString = false
    var escaped = false
    for byte in text.utf8 {
      if byte == 0x0A { line += 1 }
      if inString {
        if escaped {
          escaped = false
        } else if byte == 0x5C {
          escaped = true
        } else if byte == 0x22 {
          inString = false
        }
        continue
      }
      switch byte {
      case 0x22: inString = true
      case 0x7B:
        if depth == target || (target == -1 && depth == 0) { lines.append(line) }
        depth += 1
      case 0x5B: depth += 1
      case 0x7D, 0x5D: depth -= 1
      default: break
      }
    }
    return lines.count == expected ? lines : Array(repeating: 1, count: expected)
  }

  static func string(_ value: Any?) -> String? {
    switch value {
    case let string as String:
      let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    case let array as [Any]: return array.lazy.compactMap { string($0) }.first
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
  }

  /// Removes XML/JATS tags (`<jats:p>`) from an abstract.
  static func stripTags(_ text: String) -> String {
    text.replacingOccurrences(
      of: #"</?[A-Za-z][A-Za-z0-9:_-]*[^<>]*>"#, with: " ", options: .regularExpression
    )
    .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    .trimmingCharacters(in: .whitespaces)
  }
}
