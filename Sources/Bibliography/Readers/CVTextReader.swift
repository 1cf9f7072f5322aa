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
    Self.read(Self.scan(text, file: file).entries, file: file, format: Self.format, owner: owner)
  }

  /// Reads scanned entries into a document: one publication per readable entry, an
  /// error diagnostic per entry that fits no shape, the owner given or detected.
  /// `markup`: the entries keep Markdown-like marks (``ListEntryParser``); a year
  /// heading above an entry gives the year an entry does not state.
  static func read(
    _ entries: [Entry], file: String, format: InputFormat, owner: String?, markup: Bool = false
  ) -> SourceDocument {
    var document = SourceDocument(file: file, format: format, owner: owner)
    var implicitOwner: [Int] = []
    for entry in entries {
      switch ListEntryParser.parse(entry, markup: markup) {
      case .publication(var publication, let warnings, let ownerImplicit):
        if ownerImplicit { implicitOwner.append(document.publications.count) }
        if markup, publication.year == nil { publication.year = entry.yearHint }
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
    /// The year of the heading the entry sits under ("## 2021"), if any.
    var yearHint: Int? = nil
    /// Columns before the first line's text (flowed PDF text; 0 elsewhere).
    var indent = 0
    /// Some later line sits deeper than the first: a hanging indent.
    var hanging = false

    /// The entry's lines joined with their marks kept ("Collabora-" + "tive" as one
    /// word, as in ``text``).
    var markup: String {
      var joined = ""
      for line in lines {
        if joined.hasSuffix("-"), joined.dropLast().last?.isLowercase == true,
          line.first?.isLowercase == true
        {
          joined.removeLast()
          joined += line
        } else {
          joined += joined.isEmpty ? line : " " + line
        }
      }
      return joined
    }

    /// The entry's text, computed once when the entry is complete.
    private(set) var text = ""

    mutating func seal() { text = Self.text(of: lines) }

    static func text(of lines: [String]) -> String {
      var joined = ""
      for line in lines {
        // "compo-" + "sition": a word hyphenated across lines.
        if joined.hasSuffix("\u{AD}"), line.first?.isLetter == true {
          joined.removeLast()
          joined += line
          continue
        }
        if joined.hasSuffix("-"),
          joined.dropLast().last?.isLowercase == true, line.first?.isLowercase == true
        {
          joined.removeLast()
          joined += line
        } else {
          joined += joined.isEmpty ? line : " " + line
        }
      }
      if joined.contains(ListEntryParser.lineBreak) {
        joined = joined.replacingOccurrences(of: String(ListEntryParser.lineBreak), with: " ")
      }
      // Kramdown attribute lists (`{:target="_blank"}`) are page machinery.
      while let open = joined.range(of: "{:"), let close = joined[open.upperBound...].firstIndex(of: "}") {
        joined.removeSubrange(open.lowerBound...close)
      }
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
      joined.removeAll { $0 == "\u{AD}" }
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
  /// `markdown`: lines opening with `<br>` after an entry are notes on it (code, award),
  /// and year headings ("## 2021", "**2021**") give their entries a year.
  /// `flowed`: layout text of a PDF, where entries are blocks of lines with no blank line
  /// between them: a block ends where a line at the first line's indent follows a hanging
  /// indent, or where a line that opens with names follows a finished entry.
  static func scan(_ text: String, file: String, markdown: Bool = false, flowed: Bool = false) -> Scan {
    let scan = scan(text, file: file, wholeText: false, markdown: markdown, flowed: flowed)
    return scan.sawPublicationHeading
      ? scan : Self.scan(text, file: file, wholeText: true, markdown: markdown, flowed: flowed)
  }

  static func scan(
    _ text: String, file: String, wholeText: Bool, markdown: Bool = false, flowed: Bool = false
  ) -> Scan {
    var yearHint: Int?
    var result = Scan()
    var section: (kind: PublicationKind?, alphabetical: Bool)? = wholeText ? (nil, false) : nil
    var current: Entry?
    var previousBlank = true
    var inComment = false
    var inFrontMatter = false
    var frontMatterDelimiter = "---"
    func finish() {
      if var entry = current {
        entry.seal()
        result.entries.append(entry)
      }
      current = nil
    }
    // Lines end at LF, CRLF or CR only, as editors and `grep -n` count them: a form feed
    // (a page break in text saved from a PDF) is not a line of its own.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
      .map { $0.contains(where: { $0 == "\u{0C}" || $0 == "\u{0B}" }) ? Substring($0.filter { $0 != "\u{0C}" && $0 != "\u{0B}" }) : $0 }
      .map(joiningBrokenAccents)
    let furniture = markdown ? [] : pageFurniture(lines)
    var consumedUntil = -1
    for (offset, rawLine) in lines.enumerated() {
      if offset <= consumedUntil { continue }
      let line = String(rawLine)
      let trimmed = furniture.contains(offset) ? "" : line.trimmingCharacters(in: .whitespaces)
      defer { previousBlank = trimmed.isEmpty }
      if trimmed.isEmpty { continue }
      // YAML (`---`) and TOML (`+++`) front matter, HTML comments and Liquid tags are
      // page machinery, not text.
      if offset == 0 && (trimmed == "---" || trimmed == "+++") {
        inFrontMatter = true
        frontMatterDelimiter = trimmed
        continue
      }
      if inFrontMatter {
        if trimmed == frontMatterDelimiter { inFrontMatter = false }
        continue
      }
      if inComment || trimmed.hasPrefix("<!--") {
        inComment = !trimmed.contains("-->")
        finish()
        continue
      }
      if trimmed.hasPrefix("{%") || trimmed.hasPrefix("{{") { continue }
      if markdown {
        if trimmed.hasPrefix("<br"), current != nil { continue }
        let bare = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ :"))
        if bare.count == 4, let year = Int(bare), (1800...2099).contains(year) {
          finish()
          yearHint = year
          continue
        }
      }
      let indented = line.first?.isWhitespace == true
      var item = listItem(trimmed)
      // The entry above has finished its sentence ("…, 1999.").
      let afterSentence = current?.lines.last.map { $0.hasSuffix(".") } ?? false
      // "1998. Florida …": a year opening a wrapped line of an unfinished entry is not a
      // list number (unless the entries are numbered on to it).
      if let number = item?.number, (1800...2099).contains(number), current != nil, !afterSentence,
        current?.number.map({ abs($0 - number) == 1 }) != true
      {
        item = nil
      }
      // "86. https://doi.org/…" after "…;105(5):1175-": in flowed PDF text a number
      // opening a line after an unnumbered entry's line that breaks off mid-range or
      // mid-list is not a list number.
      if flowed, item?.number != nil, let open = current, open.number == nil,
        let last = open.lines.last?.last, "-–,;:".contains(last)
      {
        item = nil
      }
      // A line that runs straight on from an entry is its continuation ("Research
      // Letters" wrapped from a venue), unless it is marked up or set in capitals, or the
      // entry ended its sentence (a margin label of a CV saved as text: "Conference" /
      // "Papers" between two entries).
      let headingAllowed =
        current == nil || previousBlank || trimmed.hasPrefix("#") || trimmed.hasPrefix("\\")
        || trimmed == trimmed.uppercased() || (afterSentence && !indented)
      var heading =
        headingAllowed && (!indented || current == nil) && item == nil
        ? Self.heading(trimmed) : nil
      // A label set over two or three lines ("Journal" / "Articles", "Unrefereed" /
      // "Symposia &" / "Workshops"): the longest run of fragments that is a heading wins
      // over its first line alone.
      if headingAllowed, !indented || current == nil, item == nil, isLabelFragment(trimmed) {
        var joined = trimmed
        for next in (offset + 1)..<min(offset + 3, lines.count) {
          let nextLine = lines[next].trimmingCharacters(in: .whitespaces)
          guard isLabelFragment(nextLine), !furniture.contains(next) else { break }
          // "PUBLICATIONS" over "Software Product": two headings, not one.
          if next == offset + 1, case .publications = Self.heading(trimmed),
            case .other = Self.heading(nextLine)
          {
            break
          }
          joined += " " + nextLine
          if let found = Self.heading(joined) {
            heading = found
            consumedUntil = next
          }
        }
      }
      if let heading {
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
      // "Patent Marilyn V. Reyes and …": a margin label set on the first line of the
      // entry it labels.
      if heading == nil, headingAllowed, !indented, item == nil, current != nil || previousBlank,
        let (label, rest) = labelledEntry(trimmed)
      {
        finish()
        switch label {
        case .publications(let kind, let alphabetical):
          section = (kind, alphabetical)
          result.sawPublicationHeading = true
          current = Entry(
            lines: [rest], location: InputLocation(file: file, line: offset + 1), number: nil,
            sectionKind: kind, starMeansAlphabetical: alphabetical, yearHint: yearHint)
        case .other:
          section = nil
        }
        continue
      }
      guard let section else { continue }
      let location = InputLocation(file: file, line: offset + 1)
      // An indented item opens an entry when it is numbered on from the one before
      // (" 9." then "10." aligned on the period) or opens the section.
      let numberedOn =
        item?.number != nil
        && (current == nil || current?.number == nil
          || current?.number.map { abs($0 - item!.number!) == 1 } == true)
      if let item, !indented || numberedOn {
        finish()
        current = Entry(
          lines: [item.text], location: location, number: item.number,
          sectionKind: section.kind, starMeansAlphabetical: section.alphabetical,
          yearHint: yearHint)
      } else if !markdown, !indented, item == nil, let open = current, open.number == nil,
        open.lines.last?.hasSuffix(".") == true, startsWithNames(trimmed)
      {
        // Flowed text without markers or blank lines: a line that opens with an author
        // list after a finished sentence is the next entry.
        finish()
        current = Entry(
          lines: [trimmed], location: location, number: nil, sectionKind: section.kind,
          starMeansAlphabetical: section.alphabetical, yearHint: yearHint)
      } else if flowed, item == nil, let open = current, open.number == nil,
        opensNextBlock(open, line: line, trimmed: trimmed)
      {
        finish()
        current = Entry(
          lines: [trimmed], location: location, number: nil, sectionKind: section.kind,
          starMeansAlphabetical: section.alphabetical, yearHint: yearHint,
          indent: line.prefix(while: \.isWhitespace).count)
      } else if current != nil && (indented || !previousBlank) {
        if flowed, let open = current, line.prefix(while: \.isWhitespace).count > open.indent {
          current?.hanging = true
        }
        current?.lines.append(item.map { $0.text } ?? trimmed)
      } else if looksLikeEntry(trimmed) {
        finish()
        current = Entry(
          lines: [trimmed], location: location, number: nil, sectionKind: section.kind,
          starMeansAlphabetical: section.alphabetical, yearHint: yearHint,
          indent: line.prefix(while: \.isWhitespace).count)
      } else {
        // Anything else in a publication section is a sub-heading ("2024", "Selected",
        // "### 2019 - 2015"): it ends the entry above.
        finish()
      }
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
    // "External PhD thesis reader", "Journal referee": a role, not a list of papers.
    if words.contains(where: roleWords.contains) { return .other }
    let legendLower = legend.lowercased()
    let starAlphabetical =
      legend.contains("*")
      && (legendLower.contains("α") || legendLower.contains("alphabet")
        || legendLower.contains("order"))
    if words.contains(where: publicationWords.contains) || lower.contains("working paper")
      || [
        "in press", "in print", "forthcoming", "accepted", "published", "refereed", "unrefereed",
        "non-refereed", "nonrefereed", "peer-reviewed", "peer reviewed", "non-peer",
      ].contains(where: lower.hasPrefix)
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
      } else if words.contains(where: { ["thesis", "theses", "dissertation"].contains($0) }) {
        kind = .thesis
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
    "chapters", "book", "books", "monograph", "monographs", "theses", "bibliography", "thesis",
    "dissertation", "dissertations", "report", "reports",
  ]
  /// People's roles: a heading naming one is service, not publications.
  static let roleWords: Set<String> = [
    "reader", "readers", "referee", "reviewer", "reviewers", "reviewing", "refereeing",
    "committee", "committees", "examiner", "examiners", "editor", "editors", "editorial",
    "supervisor", "supervision", "advisor", "advising", "member", "membership",
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
    "open", "work", "registered", "referees", "colloquia", "seminars", "conferences",
  ]

  /// A short capitalised line without a final period: maybe part of a label set over
  /// several lines.
  static func isLabelFragment(_ line: String) -> Bool {
    let words = line.split(separator: " ")
    return (1...3).contains(words.count) && line.first?.isUppercase == true
      && !line.hasSuffix(".") && !line.hasSuffix(",") && line.count <= 40
  }

  /// "Fr’ ed’ eric": text converted from a PDF sets a mark (a soft hyphen, a right
  /// quote) and a space where an accented letter was lost; the word is joined again
  /// ("Frederic"). Only after a fragment of one to three letters ("authors’ work" stays).
  static func joiningBrokenAccents(_ line: Substring) -> Substring {
    guard line.contains(where: { $0 == "\u{AD}" || $0 == "’" }) else { return line }
    var out = ""
    var index = line.startIndex
    var sinceJoin = Int.max
    while index < line.endIndex {
      let c = line[index]
      let next = line.index(after: index)
      // Letters since the word began or since the last join.
      let fragment = min(out.reversed().prefix(while: \.isLetter).count, sinceJoin)
      let wordStart = sinceJoin < Int.max || (out.dropLast(fragment).last.map { !$0.isLetter } ?? true)
      if c == "\u{AD}" || c == "’", next < line.endIndex, line[next] == " ", (1...3).contains(fragment),
        wordStart, line.index(after: next) < line.endIndex, line[line.index(after: next)].isLowercase
      {
        index = line.index(after: next)
        sinceJoin = 0
        continue
      }
      out.append(c)
      if c.isLetter {
        if sinceJoin < Int.max { sinceJoin += 1 }
      } else {
        sinceJoin = Int.max
      }
      index = next
    }
    return Substring(out)
  }

  /// A label of one or two words ("Patent", "Technical Reports") before an entry that
  /// opens with its names on the same line: the heading and the entry's text.
  static func labelledEntry(_ line: String) -> (Heading, String)? {
    let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
    guard words.count >= 3 else { return nil }
    for count in [1, 2] where words.count > count {
      let label = words.prefix(count).joined(separator: " ")
      guard label.allSatisfy({ $0.isLetter || $0 == " " }), let heading = heading(label) else { continue }
      let rest = String(line.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
      if startsWithNames(rest) { return (heading, rest) }
    }
    return nil
  }

  /// In flowed PDF text, whether `line` opens the entry after `open`: it sits at the
  /// indent of `open`'s first line after `open` hung its later lines deeper, or (every
  /// line indented alike) `open` ended its last line as an entry ends (a period, a
  /// closing parenthesis, a link) and `line` opens with a list of names.
  static func opensNextBlock(_ open: Entry, line: String, trimmed: String) -> Bool {
    let indent = line.prefix(while: \.isWhitespace).count
    guard indent <= open.indent, let last = open.lines.last else { return false }
    if open.hanging { return indent == open.indent }
    let lastWord = last.split(separator: " ").last.map(String.init) ?? ""
    // "…https://doi.org/10.2147/" then "IJN.S86785": a link wrapped onto a line of its own.
    let linkBefore = open.lines.dropLast().last?.split(separator: " ").last?.contains("://") == true
    let endsWithLink =
      ((lastWord.contains("://") || lastWord.lowercased().hasPrefix("doi:"))
        || (linkBefore && !last.contains(" ")))
      && !lastWord.hasSuffix("/") && !lastWord.hasSuffix("-")
    guard last.hasSuffix(".") || last.hasSuffix(")") || endsWithLink else { return false }
    return opensWithNames(trimmed)
  }

  /// "Grimm FA, Blanchette A, House JS, …" (wrapped before the title) or "Hsieh NH,
  /// Liao CM. Title…": the line, up to its first sentence end, is a list of names — two
  /// or more, or one of two words or more before a sentence end.
  static func opensWithNames(_ line: String) -> Bool {
    // "In Orr Dunkelman and Stefan Dziembowski, editors, …": the venue of the entry.
    if line.hasPrefix("In ") || line.hasPrefix("In:") { return false }
    let (head, tail) = CVEntryParser.splitSentence(line)
    let chunks = CVEntryParser.authorChunks(head)
    guard !chunks.isEmpty else { return false }
    if chunks.allSatisfy(CVEntryParser.looksLikeName) {
      return chunks.count >= 2 || (!tail.isEmpty && chunks[0].split(separator: " ").count >= 2)
    }
    // "…, Ghosh S. PoPKAT: A framework for": the sentence end after an initial is not
    // seen, so the last chunk runs into the title; two names before it are enough.
    let leading = chunks.prefix(while: CVEntryParser.looksLikeName).count
    return leading >= 2 && leading < chunks.count
  }

  /// "Larry D. Pyeatt and Adele E. Howe. Title…": a sentence of names, then more.
  static func startsWithNames(_ line: String) -> Bool {
    let (head, tail) = CVEntryParser.splitSentence(line)
    guard !tail.isEmpty, head.contains(" ") else { return false }
    let chunks = CVEntryParser.authorChunks(head)
    return !chunks.isEmpty && chunks.allSatisfy(CVEntryParser.looksLikeName)
      && chunks.contains { $0.split(separator: " ").count >= 2 }
  }

  /// Running heads and page numbers: short lines that, with their digits removed,
  /// occur three times or more ("Larry D. Pyeatt", "Curriculum Vitae 4").
  static func pageFurniture(_ lines: [Substring]) -> Set<Int> {
    var counts: [String: Int] = [:]
    var keys: [String?] = []
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty, trimmed.count <= 40, listItem(trimmed) == nil else {
        keys.append(nil)
        continue
      }
      let key = trimmed.filter { !$0.isNumber }
      guard key.filter(\.isLetter).count >= 3 else {
        keys.append(nil)
        continue
      }
      keys.append(key)
      counts[key, default: 0] += 1
    }
    var result: Set<Int> = []
    for (index, key) in keys.enumerated() {
      if let key, let count = counts[key], count >= 3 { result.insert(index) }
    }
    return result
  }

  /// An unmarked paragraph worth reading as an entry (not a sub-heading).
  static func looksLikeEntry(_ raw: String) -> Bool {
    // Kramdown attributes and link targets (`{:target="_blank"}`) are not its text.
    var line = raw
    while let open = line.range(of: "{:"), let close = line[open.upperBound...].firstIndex(of: "}") {
      line.removeSubrange(open.lowerBound...close)
    }
    if line.contains("](") { line = TextScanning.removingMarkdownLinks(line) }
    return line.contains("\"") || line.contains("“") || line.split(separator: " ").count >= 6
      // "Surname, Given - Surname, Given," runs on to the next line.
      || (line.hasSuffix(",") && line.contains(",") && line.split(separator: ",").count >= 2)
  }
}
