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
    var publications: [Publication] = []
    _ = JSONRecords.forEachItem(in: text, file: file, keys: ["items"], diagnostics: &diagnostics) {
      item, index, line, diagnostics in
      let location = InputLocation(file: file, line: line)
      guard let item = item as? [String: Any] else {
        diagnostics.append(
          Diagnostic(.error, at: location, "item \(index + 1) is not a JSON object; skipped"))
        return
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
  /// Calls `body` with each record of a JSON (or JSON Lines) document, its index and
  /// the line it starts on; false (with an error diagnostic) when the document holds
  /// no records. A JSON document's records are its top-level array, or the array under
  /// one of `keys` (or under `message`), or the object itself. JSON Lines are read a
  /// line at a time and each object is handed on before the next is parsed, so a
  /// snapshot part file never holds more than one parsed object: a line that is not
  /// valid JSON is an error naming its line (the first 20; then one count), and the
  /// other lines are still read.
  static func forEachItem(
    in text: String, file: String, keys: [String], diagnostics: inout [Diagnostic],
    _ body: (_ item: Any, _ index: Int, _ line: Int, _ diagnostics: inout [Diagnostic]) -> Void
  ) -> Bool {
    let whole: Any
    do {
      whole = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
      return forEachLine(in: text, file: file, wholeError: error, diagnostics: &diagnostics, body)
    }
    let items: [Any]
    let depth: Int
    if let array = whole as? [Any] {
      (items, depth) = (array, 1)
    } else if let object = whole as? [String: Any] {
      if let array = keys.lazy.compactMap({ object[$0] as? [Any] }).first {
        (items, depth) = (array, 2)
      } else if let message = object["message"] as? [String: Any] {
        if let array = keys.lazy.compactMap({ message[$0] as? [Any] }).first {
          (items, depth) = (array, 3)
        } else {
          (items, depth) = ([message], 1)
        }
      } else {
        (items, depth) = ([object], 0)
      }
    } else {
      diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: file, line: 1), "JSON holds no records"))
      return false
    }
    let lines = objectLines(in: text, depth: depth, expected: items.count)
    for (index, item) in items.enumerated() { body(item, index, lines[index], &diagnostics) }
    return true
  }

  /// JSON Lines: one object per line; blank lines are skipped, any other line that is
  /// not an object is an error at its line. No object at all: the document is not JSON, and the error of
  /// the whole-document parse says why.
  private static func forEachLine(
    in text: String, file: String, wholeError: any Error, diagnostics: inout [Diagnostic],
    _ body: (_ item: Any, _ index: Int, _ line: Int, _ diagnostics: inout [Diagnostic]) -> Void
  ) -> Bool {
    let listedFailures = 20
    var count = 0
    var failures: [Diagnostic] = []
    var failureCount = 0
    var text = text
    text.makeContiguousUTF8()  // a no-op for text decoded from a file; no copy of a snapshot part
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var lineNumber = 0
      var start = 0
      while start < bytes.count {
        lineNumber += 1
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var first = start
        while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D {
          first += 1
        }
        if first < end, bytes[first] != 0x7B {
          // A line that is not an object is not a record: said, never skipped silently.
          failureCount += 1
          if failureCount <= listedFailures {
            failures.append(
              Diagnostic(
                .error, at: InputLocation(file: file, line: lineNumber),
                "not a JSON object (a JSON Lines record starts with '{'); line skipped"))
          }
        } else if first < end {
          let line = Data(UnsafeBufferPointer(rebasing: bytes[first..<end]))
          do {
            let object = try JSONSerialization.jsonObject(with: line)
            body(object, count, lineNumber, &diagnostics)
            count += 1
          } catch {
            failureCount += 1
            if failureCount <= listedFailures {
              failures.append(
                Diagnostic(
                  .error, at: InputLocation(file: file, line: lineNumber),
                  "not valid JSON (\(describe(error))); line skipped"))
            }
          }
        }
        start = end + 1
      }
    }
    guard count > 0 else {
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: 1), "not valid JSON: \(describe(wholeError))")
      )
      return false
    }
    diagnostics += failures
    if failureCount > listedFailures {
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: failures.last?.location.line ?? 1),
          "\(failureCount - listedFailures) more lines are not valid JSON and were skipped (\(failureCount) in all)"
        ))
    }
    return true
  }

  private static func describe(_ error: any Error) -> String {
    "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"
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
      let trimmed = string.trimmedWhitespace
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
