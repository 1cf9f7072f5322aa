import Foundation

/// Reads BibTeX (`.bib`) files into publications.
///
/// Every entry other than `@string`, `@preamble` and `@comment` becomes one
/// ``Publication``, broken ones included (with a diagnostic saying what is wrong):
/// the count of publications equals the count of entries. Titles, venues and names
/// are converted from LaTeX to Unicode (``LaTeXText``); names follow BibTeX's grammar
/// (``BibTeXNames``) and come out in reading order ("First von Last Jr"); HTML marks
/// in author fields (`<b>Ming*</b>`) are removed. `crossref` fields inherit the
/// parent's missing fields (and its title as `booktitle`), as BibTeX and biber do.
/// Authors' ORCID iDs come from an `orcid` field (one per author, in order) or Web of
/// Science's `ORCID-Numbers`; invalid ones are reported.
public struct BibTeXReader: RecordReader {
  public static let format = InputFormat.bibtex

  public init() {}

  /// High when the text has `@type{` entries with `name = value` fields.
  public static func confidence(for text: String) -> Double {
    let sample = text.utf8.prefix(65_536)
    var entries = 0
    var lineStart = true
    var iterator = sample.makeIterator()
    var previous: UInt8 = 0x0A
    var pendingAt = false
    var name = 0
    var atName: [UInt8] = []
    while let c = iterator.next() {
      defer { previous = c }
      if c == 0x0A {
        lineStart = true
        pendingAt = false
        continue
      }
      if pendingAt {
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) {
          name += 1
          if atName.count < 16 { atName.append(c | 0x20) }
        } else if (c == UInt8(ascii: "{") || c == UInt8(ascii: "(")) && name > 0 {
          // CSS at-rules (`@media (…) {`) in a page's style block are not entries.
          if !cssAtRules.contains(atName) { entries += 1 }
          pendingAt = false
        } else if c != 0x20 {
          pendingAt = false
        }
        continue
      }
      if lineStart && c == UInt8(ascii: "@") {
        pendingAt = true
        name = 0
        atName = []
        continue
      }
      if c != 0x20 && c != 0x09 { lineStart = false }
      _ = previous
    }
    guard entries > 0 else { return 0 }
    let hasFields = text.utf8.prefix(65_536).contains(UInt8(ascii: "="))
    let score = hasFields ? (entries >= 2 ? 0.95 : 0.9) : 0.4
    // An HTML page showing BibTeX (in <pre> blocks) is a page, not a .bib file.
    let head = text.utf8.prefix(2_048).drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
    if head.first == UInt8(ascii: "<") { return min(score, 0.2) }
    return score
  }

  static let cssAtRules: Set<[UInt8]> = Set(
    ["media", "font", "import", "page", "keyframes", "charset", "supports", "namespace",
     "layer", "container", "counter", "property", "document", "viewport", "webkit", "moz"]
      .map { Array($0.utf8) })

  public func parse(_ text: String, file: String) -> SourceDocument {
    var parser = BibTeXParser(file: file)
    var entries: [BibTeXEntry] = []
    _ = parser.parse(Array(text.utf8), isFinal: true) { entries.append($0) }
    var diagnostics = parser.diagnostics
    let publications = publications(from: entries, diagnostics: &diagnostics)
    // The owner marked in bold or underline (`\textbf{A. Name}`, `<b>A. Name</b>`).
    let marked = entries.flatMap { entry -> [String] in
      guard let field = entry["author"] ?? entry["authors"] else { return [] }
      return YAMLRecords.markedNames(in: field)
    }
    return SourceDocument(
      file: file, format: Self.format,
      owner: OwnerDetection.markedOwner(marked, in: publications), publications: publications,
      diagnostics: diagnostics.sorted { $0.location.line < $1.location.line })
  }

  /// Reads a file in any common encoding (``TextDecoding``) and parses it in memory.
  /// - Throws: The error Foundation gives when the file cannot be read.
  public func read(contentsOf url: URL) throws -> SourceDocument {
    let decoded = try TextDecoding.read(contentsOf: url)
    var document = parse(decoded.text, file: url.path)
    document.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
    return document
  }

  /// Reads a UTF-8 file piece by piece and hands each publication to `body` as soon
  /// as its entry is complete, so a file of any size is read in bounded memory.
  ///
  /// Entries with a `crossref` whose parent has not been seen yet are held back and
  /// delivered at the end; entries that can be crossref parents (`@proceedings`,
  /// `@book`, `@collection` and their `mv` forms) are kept, raw, until the end.
  /// Duplicate keys are not checked here (that would keep every key).
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - chunkSize: Bytes read at a time.
  ///   - diagnostic: When given, receives each diagnostic as soon as it is known
  ///     (then none are kept and the result is empty), so memory stays bounded on
  ///     files with many problems.
  ///   - body: Receives each publication.
  /// - Returns: Every diagnostic, in file order (empty when `diagnostic` is given).
  /// - Throws: A file-system error, or whatever `body` throws.
  /// - Complexity: O(*n*) time for *n* bytes; memory O(`chunkSize` + largest entry +
  ///   macros + held-back entries).
  public func read(
    contentsOf url: URL, chunkSize: Int = 1 << 20,
    diagnostic: ((Diagnostic) throws -> Void)? = nil, body: (Publication) throws -> Void
  ) throws -> [Diagnostic] {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var parser = BibTeXParser(file: url.path)
    var diagnostics: [Diagnostic] = []
    var parents: [String: BibTeXEntry] = [:]
    var waiting: [BibTeXEntry] = []
    var buffer: [UInt8] = []
    var first = true
    var atEnd = false

    func deliver(_ entry: BibTeXEntry) throws {
      var entry = entry
      if Self.parentTypes.contains(entry.type) { parents[entry.key.lowercased()] = entry }
      if let target = entry["crossref"] {
        guard let parent = parents[Self.crossrefKey(target)] else {
          waiting.append(entry)
          return
        }
        Self.inherit(&entry, from: parent)
      }
      try body(publication(from: entry, diagnostics: &diagnostics))
    }

    while !atEnd {
      let chunk = try handle.read(upToCount: chunkSize) ?? Data()
      atEnd = chunk.isEmpty
      if first {
        first = false
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
          // UTF-16 cannot be scanned as bytes: read it whole.
          let document = try read(contentsOf: url)
          for publication in document.publications { try body(publication) }
          return document.diagnostics
        }
        buffer.append(
          contentsOf: chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? chunk.dropFirst(3) : chunk)
      } else {
        buffer.append(contentsOf: chunk)
      }
      let consumed = try parser.parse(buffer, isFinal: atEnd) { try deliver($0) }
      buffer.removeFirst(consumed)
      if let diagnostic {
        for item in parser.diagnostics + diagnostics { try diagnostic(item) }
        parser.diagnostics.removeAll(keepingCapacity: true)
        diagnostics.removeAll(keepingCapacity: true)
      }
    }
    diagnostics.append(contentsOf: parser.diagnostics)
    for var entry in waiting {
      if let target = entry["crossref"], let parent = parents[Self.crossrefKey(target)] {
        Self.inherit(&entry, from: parent)
      } else {
        diagnostics.append(
          Diagnostic(
            .warning, at: entry.location,
            "entry '\(entry.key)': crossref '\(entry["crossref"] ?? "")' not found"))
      }
      try body(publication(from: entry, diagnostics: &diagnostics))
    }
    if let diagnostic {
      for item in diagnostics { try diagnostic(item) }
      return []
    }
    return diagnostics.sorted { $0.location.line < $1.location.line }
  }

  // MARK: Entries to publications

  static let parentTypes: Set<String> = [
    "proceedings", "mvproceedings", "book", "mvbook", "collection", "mvcollection",
    "reference", "mvreference", "periodical",
  ]

  static func crossrefKey(_ value: String) -> String {
    LaTeXText.toUnicode(value).trimmingWhitespaceFast.lowercased()
  }

  /// Fields a child never takes from its parent.
  static let notInherited: Set<String> = ["crossref", "ids", "entryset", "xref", "key"]

  static func inherit(_ child: inout BibTeXEntry, from parent: BibTeXEntry) {
    if child["booktitle"] == nil, let title = parent["title"] { child.set("booktitle", title) }
    for name in parent.fieldNames where child[name] == nil && !notInherited.contains(name) {
      if let value = parent[name] { child.set(name, value) }
    }
  }

  /// Converts parsed entries, resolving crossrefs and reporting duplicate keys.
  public func publications(from entries: [BibTeXEntry], diagnostics: inout [Diagnostic])
    -> [Publication]
  {
    var byKey: [String: Int] = [:]
    for (index, entry) in entries.enumerated() where !entry.key.isEmpty {
      let key = entry.key.lowercased()
      if let earlier = byKey[key] {
        diagnostics.append(
          Diagnostic(
            .warning, at: entry.location,
            "duplicate key '\(entry.key)' (first at line \(entries[earlier].location.line)); "
              + "both entries are kept"))
      } else {
        byKey[key] = index
      }
    }
    return entries.map { entry in
      var entry = entry
      if let target = entry["crossref"] {
        if let index = byKey[Self.crossrefKey(target)] {
          Self.inherit(&entry, from: entries[index])
        } else {
          diagnostics.append(
            Diagnostic(
              .warning, at: entry.location,
              "entry '\(entry.key)': crossref '\(target)' not found"))
        }
      }
      return publication(from: entry, diagnostics: &diagnostics)
    }
  }

  /// Converts one entry (crossref already resolved).
  public func publication(from entry: BibTeXEntry, diagnostics: inout [Diagnostic])
    -> Publication
  {
    let label = entry.key.isEmpty ? "@\(entry.type) entry" : "entry '\(entry.key)'"
    func warn(_ message: String) {
      diagnostics.append(Diagnostic(.warning, at: entry.location, "\(label): \(message)"))
    }
    func text(_ name: String) -> String? {
      guard let raw = entry[name] else { return nil }
      let value = LaTeXText.displayText(raw)
      return value.isEmpty ? nil : value
    }

    // Authors.
    var authorField = entry["author"]
    if authorField == nil, let misspelled = entry["authors"] {
      warn("field 'authors' read as 'author'")
      authorField = misspelled
    }
    var authors: [String] = []
    var truncated = false
    if let authorField {
      let list = BibTeXNames.parse(LaTeXText.stripHTML(authorField))
      authors = list.names.map(\.displayName)
      truncated = list.truncated
      if list.emptyNames > 0 {
        warn("author list has \(list.emptyNames) empty name(s) ('and and' or a trailing 'and')")
      }
      for name in list.overlongNames {
        warn("name '\(name)' has more than two commas; the rest was read as first names")
      }
      for name in list.bracedListNames {
        warn(
          "author '\(name)' is braced as one name but contains commas; kept whole "
            + "(BibTeX reads it as one corporate name)")
      }
      if authors.isEmpty && !truncated {
        warn("author field is empty")
      }
    }

    // Editors: kept apart; an entry with editors only has them as its people.
    var editors: [String] = []
    if let editorField = entry["editor"] {
      editors = BibTeXNames.parse(LaTeXText.stripHTML(editorField)).names.map(\.displayName)
    }
    if authors.isEmpty && !editors.isEmpty && authorField.map({ $0.trimmingWhitespaceFast.isEmpty }) ?? true {
      authors = editors
      diagnostics.removeAll { $0.location == entry.location && $0.message == "\(label): author field is empty" }
    }

    // Title.
    let title = text("title") ?? ""
    if title.isEmpty { warn("no title") }

    // Year.
    var year: Int? = nil
    if let raw = entry["year"] {
      year = RecordIdentifiers.year(in: raw)
      if year == nil {
        warn("year '\(LaTeXText.toUnicode(raw))' has no four-digit year")
      }
    }
    if year == nil, let date = entry["date"] { year = RecordIdentifiers.year(in: date) }

    // Identifiers.
    var doi = entry["doi"].flatMap { RecordIdentifiers.doi(in: LaTeXText.toUnicode($0)) }
    if doi == nil, let url = entry["url"], url.containsUTF8("doi.org/") {
      doi = RecordIdentifiers.doi(in: url)
    }
    var arxiv: String? = nil
    let prefix = (entry["archiveprefix"] ?? entry["eprinttype"] ?? "").lowercased()
    if let eprint = entry["eprint"], prefix.containsUTF8("arxiv") || prefix.isEmpty {
      arxiv = RecordIdentifiers.arxivID(in: eprint)
    }
    if arxiv == nil, let doi, doi.lowercased().hasPrefix("10.48550/arxiv.") {
      arxiv = RecordIdentifiers.arxivID(in: doi)
    }
    if arxiv == nil {
      for name in ["url", "journal", "note", "howpublished", "pdf", "arxiv", "eprint"] {
        if let value = entry[name], value.lowercased().containsUTF8("arxiv") || name == "arxiv",
          let id = RecordIdentifiers.arxivID(in: value)
        {
          arxiv = id
          break
        }
      }
    }

    // Venue and kind.
    let kind = Self.kind(of: entry, arxiv: arxiv)
    var venue = text("journal") ?? text("journaltitle") ?? text("booktitle")
    if venue == nil {
      switch kind {
      case .thesis: venue = text("school") ?? text("institution")
      case .report: venue = text("institution") ?? text("publisher")
      case .book, .chapter: venue = text("publisher") ?? text("series")
      default:
        if let published = text("howpublished"), !published.hasPrefix("http") {
          venue = published
        } else {
          venue = text("publisher") ?? text("organization")
        }
      }
    }

    let keywords =
      (entry["keywords"] ?? entry["keyword"]).map {
        RecordIdentifiers.keywords(LaTeXText.displayText($0))
      } ?? []

    var publication = Publication(
      title: title, authors: authors, year: year, venue: venue, kind: kind,
      abstract: text("abstract"), doi: doi, arxivID: arxiv, keywords: keywords,
      authorsTruncated: truncated,
      authorIdentifiers: authorIdentifiers(
        of: entry, authors: authors, label: label, diagnostics: &diagnostics),
      location: entry.location)
    publication.editors = editors
    return publication
  }

  /// Author identifiers from `orcid` (one iD per author, in author order, separated by
  /// "and", ";" or ","; an empty item or "-" for an author without one) and from Web of
  /// Science's `ORCID-Numbers` / `ResearcherID-Numbers` ("Family, Given/ID; …").
  func authorIdentifiers(
    of entry: BibTeXEntry, authors: [String], label: String, diagnostics: inout [Diagnostic]
  ) -> [AuthorIdentifiers] {
    var identifiers = Array(repeating: AuthorIdentifiers(), count: authors.count)
    if let field = entry["orcid"] {
      // "a and and b": the empty item between the two "and"s is an author without an iD.
      var items = [""]
      for token in LaTeXText.toUnicode(field).replacingOccurrences(of: ";", with: " and ")
        .replacingOccurrences(of: ",", with: " and ").split(whereSeparator: \.isWhitespace)
      {
        if token.lowercased() == "and" { items.append("") } else { items[items.count - 1] += token }
      }
      if items.count == authors.count {
        for (index, item) in items.enumerated() where !item.isEmpty && item != "-" {
          identifiers[index].orcid = AuthorIdentifierFields.orcid(
            item, author: authors[index], at: entry.location, diagnostics: &diagnostics)
        }
      } else {
        diagnostics.append(
          Diagnostic(
            .warning, at: entry.location,
            "\(label): field 'orcid' gives \(items.count) iD(s) for \(authors.count) author(s); "
              + "whose is whose cannot be told, so none is used (list one per author, in order)"))
      }
    }
    for (name, kind) in [
      ("orcid-numbers", AuthorIdentifierFields.NamedKind.orcid),
      ("researcherid-numbers", .researcherID),
    ] {
      guard let field = entry[name] else { continue }
      AuthorIdentifierFields.attach(
        LaTeXText.displayText(field), kind: kind, to: authors, identifiers: &identifiers,
        at: entry.location, diagnostics: &diagnostics)
    }
    return identifiers
  }

  /// Maps an entry type (and, for articles and misc entries, its venue) to a kind.
  static func kind(of entry: BibTeXEntry, arxiv: String?) -> PublicationKind {
    let venueText = (entry["journal"] ?? entry["journaltitle"] ?? entry["booktitle"] ?? "")
    switch entry.type {
    case "article", "periodical", "suppperiodical":
      return RecordIdentifiers.namesPreprintServer(venueText) ? .preprint : .journal
    case "inproceedings", "conference", "proceedings", "mvproceedings":
      return venueText.lowercased().containsUTF8("workshop") ? .workshop : .conference
    case "book", "mvbook", "booklet", "collection", "mvcollection", "reference",
      "mvreference":
      return .book
    case "inbook", "incollection", "bookinbook", "suppbook", "suppcollection", "inreference":
      return .chapter
    case "phdthesis", "mastersthesis", "thesis":
      return .thesis
    case "techreport", "report":
      return .report
    case "patent":
      return .patent
    case "misc", "unpublished", "online", "electronic", "www", "preprint", "manual":
      if arxiv != nil || RecordIdentifiers.namesPreprintServer(venueText)
        || RecordIdentifiers.namesPreprintServer(entry["howpublished"] ?? "")
        || RecordIdentifiers.namesPreprintServer(entry["note"] ?? "") || entry.type == "preprint"
      {
        return .preprint
      }
      return entry.type == "manual" ? .report : .other
    default:
      return .other
    }
  }
}
