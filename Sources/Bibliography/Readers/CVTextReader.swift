import Foundation

/// Reads the publication list of a CV saved as plain text or Markdown.
///
/// Sections are found by their headings: a short line that is not a list item and
/// names publications ("Publications", "Workshop Articles", "Preprints", "Patents",
/// "Journal Papers", …) opens a publication section; one naming anything else
/// ("Teaching", "Service", "Awards and Recognitions", …) closes it. Only entries in
/// publication sections become records.
///
/// An entry starts at a list marker at the start of a line (`- `, `• `, `* `, `1. `,
/// `- 1. `, `[1] `) or, without markers, at a paragraph after a blank line; an
/// indented line continues the entry above it (a wrapped or split entry). Entry shapes:
///
/// - `Authors, "Title", Venue, Year` and `Authors. "Title". Venue` (quoted title);
/// - `"Title". Authors` (patents: inventors after the title);
/// - `Authors. Title. Venue, Year` and `Authors (Year) Title. Venue` (no quotes).
///
/// An entry that fits no shape becomes a ``Diagnostic`` with its line and the reason.
/// Authors marked with `*` set ``Publication/alphabetical`` when every author carries
/// the mark, or when the section heading's legend says `*` means alphabetical order.
/// The owner, unless given, is the person named on most entries.
public struct CVTextReader: RecordReader, OwnerInitializableReader {
  public static var format: InputFormat { .cvText }

  /// Whose CV it is; nil detects it (the name on most entries).
  public var owner: String?

  public init(owner: String? = nil) {
    self.owner = owner
  }

  /// How many entries read as publications: with a publication heading, 0.4 + up to
  /// 0.5 for five or more readable entries; without one (a page that is only a list),
  /// up to 0.5 when at least three entries, and most of them, are readable.
  public static func confidence(for text: String) -> Double {
    let scan = Self.scan(text, file: "")
    let readable = scan.entries.prefix(20).filter {
      // A paragraph of prose is not worth parsing to find out it is not an entry.
      guard $0.text.utf8.count <= 1_200 else { return false }
      if case .publication = CVEntryParser.parse($0) { return true }
      return false
    }.count
    if scan.sawPublicationHeading {
      return 0.4 + 0.5 * min(1, Double(readable) / 5)
    }
    let sampled = min(scan.entries.count, 20)
    guard readable >= 3, readable * 3 >= sampled * 2 else { return 0 }
    return 0.3 + 0.2 * min(1, Double(readable) / 10)
  }

  /// Reads every entry of the publication sections of `text`.
  ///
  /// - Parameters:
  ///   - text: The whole CV.
  ///   - file: Names the input in locations and diagnostics.
  /// - Returns: One publication per readable entry (in order, with its first line), an
  ///   error diagnostic per entry that fits no shape, and the owner (given or detected).
  /// - Complexity: O(*n*) in the length of `text`, plus O(*a*²) per entry for an entry
  ///   of *a* author chunks.
  public func parse(_ text: String, file: String) -> SourceDocument {
    let scan = Self.scan(text, file: file)
    var document = SourceDocument(file: file, format: Self.format, owner: owner)
    var implicitOwner: [Int] = []
    for entry in scan.entries {
      switch CVEntryParser.parse(entry) {
      case .publication(let publication, let warnings, let ownerImplicit):
        if ownerImplicit { implicitOwner.append(document.publications.count) }
        document.publications.append(publication)
        document.diagnostics += warnings
      case .failure(let reason):
        document.diagnostics.append(
          Diagnostic(
            .error, at: entry.location,
            "publication entry not read: \(reason): \"\(entry.preview)\""))
      }
    }
    if document.owner == nil {
      document.owner = Self.detectOwner(document.publications)
    }
    // Entries that list only coauthors ("(With …)") get the owner first.
    for index in implicitOwner {
      if let owner = document.owner {
        document.publications[index].authors.insert(owner, at: 0)
      } else {
        document.diagnostics.append(
          Diagnostic(
            .warning, at: document.publications[index].location,
            "entry names only coauthors (\"With …\") and the owner is unknown; give the owner"))
      }
    }
    return document
  }

  /// The name on most entries (spellings with the same family name and first initial
  /// counted together), in its most frequent spelling; nil when no name is on more than
  /// half of the entries that list authors (and on at least two).
  public static func detectOwner(_ publications: [Publication]) -> String? {
    var entries: [String: Int] = [:]
    var spellings: [String: [String: Int]] = [:]
    var withAuthors = 0
    for publication in publications where !publication.authors.isEmpty {
      withAuthors += 1
      var seen: Set<String> = []
      for author in publication.authors {
        // Family name and first initial, so "Qi Lei" and "Q. Lei" count together.
        let name = NameNormalizer.parse(author)
        let key =
          name.familyKey + " "
          + (name.given.first.map { String(NameNormalizer.fold($0).prefix(1)) } ?? "")
        spellings[key, default: [:]][author, default: 0] += 1
        if seen.insert(key).inserted { entries[key, default: 0] += 1 }
      }
    }
    guard
      let (key, count) = entries.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      count >= 2, count * 2 > withAuthors
    else { return nil }
    return spellings[key]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
  }

  // MARK: - Sections and entries

  /// One entry's text gathered from its lines.
  struct Entry {
    var lines: [String]
    var location: InputLocation
    var number: Int?
    /// The kind its section implies (workshop, patent, …), if any.
    var sectionKind: PublicationKind?
    /// The section heading says `*` marks alphabetical order.
    var starMeansAlphabetical: Bool

    /// The entry's text, computed once when the entry is complete.
    private(set) var text = ""

    mutating func seal() { text = Self.text(of: lines) }

    static func text(of lines: [String]) -> String {
      var joined = lines.joined(separator: " ")
      // A link that opens an entry is its title: `<a href=…>Title</a>`, `[Title](url)`.
      if joined.hasPrefix("<a "), let open = joined.firstIndex(of: ">"),
        let close = joined.range(of: "</a>")
      {
        let title = joined[joined.index(after: open)..<close.lowerBound]
        joined = "\"" + title + "\"" + joined[close.upperBound...]
      } else if joined.hasPrefix("["), let close = joined.range(of: "]("),
        let end = joined[close.upperBound...].firstIndex(of: ")")
      {
        let title = joined[joined.index(after: joined.startIndex)..<close.lowerBound]
        joined = "\"" + title + "\"" + joined[joined.index(after: end)...]
      }
      return TextScanning.collapseWhitespace(
        TextScanning.decodingHTMLEntities(
          TextScanning.removingMarkdownLinks(TextScanning.removingHTMLTags(joined))))
    }

    var preview: String {
      let text = self.text
      return text.count > 70 ? String(text.prefix(70)) + "…" : text
    }
  }

  struct Scan {
    var entries: [Entry] = []
    var sawPublicationHeading = false
  }

  enum Heading {
    case publications(PublicationKind?, starMeansAlphabetical: Bool)
    case other
  }

  /// Finds the entries of publication sections; when the text has no publication
  /// heading at all, the whole text is read as one list.
  static func scan(_ text: String, file: String) -> Scan {
    let scan = scan(text, file: file, wholeText: false)
    return scan.sawPublicationHeading ? scan : Self.scan(text, file: file, wholeText: true)
  }

  static func scan(_ text: String, file: String, wholeText: Bool) -> Scan {
    var result = Scan()
    var section: (kind: PublicationKind?, alphabetical: Bool)? = wholeText ? (nil, false) : nil
    var current: Entry?
    var previousBlank = true
    var inComment = false
    var inFrontMatter = false
    func finish() {
      if var entry = current {
        entry.seal()
        result.entries.append(entry)
      }
      current = nil
    }
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (offset, rawLine) in lines.enumerated() {
      let line = String(rawLine)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      defer { previousBlank = trimmed.isEmpty }
      if trimmed.isEmpty { continue }
      // YAML front matter, HTML comments and Liquid tags are page machinery, not text.
      if offset == 0 && trimmed == "---" {
        inFrontMatter = true
        continue
      }
      if inFrontMatter {
        if trimmed == "---" { inFrontMatter = false }
        continue
      }
      if inComment || trimmed.hasPrefix("<!--") {
        inComment = !trimmed.contains("-->")
        finish()
        continue
      }
      if trimmed.hasPrefix("{%") || trimmed.hasPrefix("{{") { continue }
      let indented = line.first?.isWhitespace == true
      let item = listItem(trimmed)
      // A line that runs straight on from an entry is its continuation ("Research
      // Letters" wrapped from a venue), unless it is marked up or set in capitals.
      let headingAllowed =
        current == nil || previousBlank || trimmed.hasPrefix("#") || trimmed.hasPrefix("\\")
        || trimmed == trimmed.uppercased()
      if headingAllowed, !indented || current == nil, item == nil,
        let heading = heading(trimmed)
      {
        finish()
        switch heading {
        case .publications(let kind, let alphabetical):
          section = (kind, alphabetical)
          result.sawPublicationHeading = true
        case .other:
          section = nil
        }
        continue
      }
      guard let section else { continue }
      let location = InputLocation(file: file, line: offset + 1)
      if let item, !indented {
        finish()
        current = Entry(
          lines: [item.text], location: location, number: item.number,
          sectionKind: section.kind, starMeansAlphabetical: section.alphabetical)
      } else if current != nil && (indented || !previousBlank) {
        current?.lines.append(item.map { $0.text } ?? trimmed)
      } else if looksLikeEntry(trimmed) {
        finish()
        current = Entry(
          lines: [trimmed], location: location, number: nil, sectionKind: section.kind,
          starMeansAlphabetical: section.alphabetical)
      }
      // Anything else in a publication section is a sub-heading ("2024", "Selected").
    }
    finish()
    return result
  }

  /// A list item: marker and number removed. Markers: a bullet (`-`, `•`, `*`, `–`,
  /// `·`, `▪`, `◦`, LaTeX `$\bullet$`) followed by a space, a number `1.` `1)` `[1]`
  /// `(1)` followed by a space, or a bullet then a number.
  static func listItem(_ line: String) -> (text: String, number: Int?)? {
    var rest = Substring(line)
    var marked = false
    if rest.hasPrefix("\\item") {
      return (String(rest.dropFirst(5).drop(while: \.isWhitespace)), nil)
    }
    if rest.hasPrefix("<li>") || rest.hasPrefix("<li ") {
      guard let close = rest.firstIndex(of: ">") else { return nil }
      return (String(rest[rest.index(after: close)...]), nil)
    }
    if let first = rest.first, "-•*–·▪◦".contains(first),
      rest.dropFirst().first?.isWhitespace == true
    {
      rest = rest.dropFirst().drop(while: \.isWhitespace)
      marked = true
    } else if rest.hasPrefix("$\\bullet"), let close = rest.dropFirst().firstIndex(of: "$") {
      rest = rest[rest.index(after: close)...].drop(while: \.isWhitespace)
      marked = true
    }
    var number: Int?
    var cursor = rest
    if cursor.first == "[" || cursor.first == "(" { cursor = cursor.dropFirst() }
    let digits = cursor.prefix(while: { $0.isASCII && $0.isNumber })
    if (1...4).contains(digits.count) {
      cursor = cursor.dropFirst(digits.count)
      if let closer = cursor.first, ".)]".contains(closer),
        cursor.dropFirst().first?.isWhitespace == true
      {
        number = Int(digits)
        rest = cursor.dropFirst().drop(while: \.isWhitespace)
      }
    }
    guard marked || number != nil else { return nil }
    return (String(rest), number)
  }

  static func heading(_ line: String) -> Heading? {
    // A heading is a few words; long lines are text (and cost time to inspect).
    guard line.utf8.count <= 120 else { return nil }
    var text = Substring(line)
    text = text.drop(while: { $0 == "#" })
    // LaTeX: \section{Publications}, \subsection*{Journal Articles}.
    if text.hasPrefix("\\"), let open = text.firstIndex(of: "{"),
      let close = text.lastIndex(of: "}"), open < close
    {
      text = text[text.index(after: open)..<close]
    }
    var cleaned = TextScanning.removing(["*", "_"], from: String(text))
      .trimmingCharacters(in: .whitespaces)
    if cleaned.hasSuffix(":") { cleaned.removeLast() }
    let legend = TextScanning.firstParenthetical(cleaned) ?? ""
    let bare = TextScanning.removingParentheticals(cleaned).trimmingCharacters(in: .whitespaces)
    let words = TextScanning.lowercaseWords(bare)
    guard !words.isEmpty, words.count <= 6, bare.first?.isLetter == true,
      bare.first?.isUppercase == true, !bare.contains("\""), !bare.hasSuffix("."),
      !bare.contains(where: \.isNumber)
    else { return nil }
    let lower = bare.lowercased()
    let legendLower = legend.lowercased()
    let starAlphabetical =
      legend.contains("*")
      && (legendLower.contains("α") || legendLower.contains("alphabet")
        || legendLower.contains("order"))
    if words.contains(where: publicationWords.contains) || lower.contains("working paper")
      || ["in press", "in print", "forthcoming", "accepted", "published", "refereed"].contains(
        where: lower.hasPrefix)
    {
      let kind: PublicationKind?
      if words.contains(where: { $0.hasPrefix("workshop") }) {
        kind = .workshop
      } else if words.contains(where: { $0.hasPrefix("patent") }) {
        kind = .patent
      } else if words.contains(where: preprintWords.contains) || lower.contains("under review")
        || lower.contains("working paper") || lower.contains("pre-print")
      {
        kind = .preprint
      } else if words.contains("journal") || words.contains("journals") {
        kind = .journal
      } else if words.contains(where: { $0.hasPrefix("conference") || $0 == "proceedings" }) {
        kind = .conference
      } else if words.contains(where: { $0.hasPrefix("chapter") }) {
        kind = .chapter
      } else {
        kind = nil
      }
      return .publications(kind, starMeansAlphabetical: starAlphabetical)
    }
    if words.count <= 5, let first = words.first, otherSectionWords.contains(first) {
      return .other
    }
    return nil
  }

  static let publicationWords: Set<String> = [
    "publication", "publications", "paper", "papers", "article", "articles", "preprint",
    "preprints", "patent", "patents", "manuscript", "manuscripts", "proceedings", "chapter",
    "chapters", "book", "books", "monograph", "monographs", "theses", "bibliography",
  ]
  static let preprintWords: Set<String> = [
    "preprint", "preprints", "submitted", "manuscript", "manuscripts",
  ]
  static let otherSectionWords: Set<String> = [
    "research", "professional", "industry", "industrial", "teaching", "service", "award",
    "awards", "honors", "honours", "education", "experience", "experiences", "employment",
    "position", "positions", "appointment", "appointments", "talks", "invited", "presentation",
    "presentations", "students", "mentoring", "advising", "supervision", "grants", "funding",
    "skills", "references", "interests", "activities", "membership", "memberships",
    "languages", "software", "contact", "media", "press", "reviewing", "academic", "selected",
    "outreach", "leadership", "fellowships", "service", "courses", "workshops", "organization",
  ]

  /// An unmarked paragraph worth reading as an entry (not a sub-heading).
  static func looksLikeEntry(_ line: String) -> Bool {
    line.contains("\"") || line.contains("“") || line.split(separator: " ").count >= 6
  }
}
