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

  /// How many entries in publication sections read as publications: 0 without a
  /// publication heading, otherwise 0.4 + up to 0.5 for five or more readable entries.
  public static func confidence(for text: String) -> Double {
    let scan = Self.scan(text, file: "")
    guard scan.sawPublicationHeading else { return 0 }
    let readable = scan.entries.prefix(20).filter {
      if case .publication = CVEntryParser.parse($0) { return true }
      return false
    }.count
    return 0.4 + 0.5 * min(1, Double(readable) / 5)
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let scan = Self.scan(text, file: file)
    var document = SourceDocument(file: file, format: Self.format, owner: owner)
    for entry in scan.entries {
      switch CVEntryParser.parse(entry) {
      case .publication(let publication, let warnings):
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
    return document
  }

  /// The name on most entries, in its most frequent spelling; nil when no name is on
  /// more than half of the entries that list authors (and on at least two).
  public static func detectOwner(_ publications: [Publication]) -> String? {
    var entries: [String: Int] = [:]
    var spellings: [String: [String: Int]] = [:]
    var withAuthors = 0
    for publication in publications where !publication.authors.isEmpty {
      withAuthors += 1
      var seen: Set<String> = []
      for author in publication.authors {
        let key = NameNormalizer.matchKey(author)
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

    var text: String {
      lines.joined(separator: " ").replacing(/\s+/, with: " ")
        .trimmingCharacters(in: .whitespaces)
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

  static func scan(_ text: String, file: String) -> Scan {
    var result = Scan()
    var section: (kind: PublicationKind?, alphabetical: Bool)?
    var current: Entry?
    var previousBlank = true
    func finish() {
      if let entry = current { result.entries.append(entry) }
      current = nil
    }
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (offset, rawLine) in lines.enumerated() {
      let line = String(rawLine)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      defer { previousBlank = trimmed.isEmpty }
      if trimmed.isEmpty { continue }
      let indented = line.first?.isWhitespace == true
      let item = listItem(trimmed)
      if !indented || current == nil, item == nil, let heading = heading(trimmed) {
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

  /// A list item: marker and number removed.
  static func listItem(_ line: String) -> (text: String, number: Int?)? {
    let pattern =
      /^(?:(?:[-•*–·▪◦]|\$\\bullet\\?,?\$)\s+)?(?:[\[(]?(\d{1,4})[.)\]]\s+)?(.*)$/
    guard let match = line.wholeMatch(of: pattern) else { return nil }
    let hasBullet = line.first.map { "-•*–·▪◦$".contains($0) } ?? false
    guard hasBullet || match.1 != nil else { return nil }
    // "*International…*" is emphasis, not a bullet: a bullet is followed by a space.
    if line.first == "*", !line.hasPrefix("* ") { return nil }
    if line.first == "$", !line.hasPrefix("$\\bullet") { return nil }
    return (String(match.2), match.1.flatMap { Int($0) })
  }

  static func heading(_ line: String) -> Heading? {
    var text = line.replacing(/^#+\s*|\*\*|__/, with: "").trimmingCharacters(in: .whitespaces)
    if text.hasSuffix(":") { text.removeLast() }
    let legend = text.firstMatch(of: /\(([^)]*)\)/).map { String($0.1) } ?? ""
    let bare = text.replacing(/\([^)]*\)/, with: "").trimmingCharacters(in: .whitespaces)
    let words = bare.split(separator: " ")
    guard !words.isEmpty, words.count <= 6, bare.first?.isLetter == true,
      bare.first?.isUppercase == true, !bare.contains("\""), !bare.hasSuffix(".")
    else { return nil }
    let lower = bare.lowercased()
    let starAlphabetical =
      legend.contains("*") && legend.contains(/α|alphabetic|order/.ignoresCase())
    if lower.contains(/\b(publications?|papers?|articles?|pre-?prints?|patents?|manuscripts?|proceedings|chapters?|books?|monographs?|theses|working papers)\b/)
    {
      let kind: PublicationKind?
      if lower.contains("workshop") {
        kind = .workshop
      } else if lower.contains("patent") {
        kind = .patent
      } else if lower.contains(/pre-?prints?|under review|submitted|working paper|manuscript/) {
        kind = .preprint
      } else if lower.contains("journal") {
        kind = .journal
      } else if lower.contains(/conference|proceedings/) {
        kind = .conference
      } else if lower.contains("chapter") {
        kind = .chapter
      } else {
        kind = nil
      }
      return .publications(kind, starMeansAlphabetical: starAlphabetical)
    }
    if words.count <= 5,
      lower.contains(/^(research|professional|industry|teaching|service|awards?|honou?rs|education|experiences?|employment|positions?|appointments?|talks|invited|presentations?|students|mentoring|advising|supervision|grants|funding|skills|references|interests|activities|memberships?|languages|software|contact|media|press|reviewing|academic|selected talks|outreach|leadership)\b/)
    {
      return .other
    }
    return nil
  }

  /// An unmarked paragraph worth reading as an entry (not a sub-heading).
  static func looksLikeEntry(_ line: String) -> Bool {
    line.contains("\"") || line.contains("“") || line.split(separator: " ").count >= 6
  }
}
