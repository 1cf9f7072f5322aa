import Foundation
import Yams

/// Reads YAML publication lists: Jekyll `_data/publications.yml`, `_data/pubs.yml` and
/// the like, parsed with Yams (YAML 1.1 as Jekyll reads it).
///
/// A record is a mapping with a `title` inside a list, at any depth: a top-level list,
/// or lists under keys (`main:`, `journal:`, `conference:`, …) read in document order.
/// Lists under keys that are not publications (`patents`, `talks`, `posters`,
/// `teaching`, `awards`, `grants`, `software`, `datasets`) are left out with a note.
///
/// Authors come from `authors`/`author`/`creators` as a list (strings, or mappings with
/// `name` or `given`/`family`) or one string (split on `;`, `,`, ` and `); HTML is
/// removed, and a name in `<strong>`/`<b>`/`<u>` marks the owner. `*`, `†` marks and
/// elisions (`...`, `et al.`) are dropped. The year is `year`, else the first year of
/// `date`, else a year in the venue (`conference: arXiv, 2025.`).
public struct YAMLReader: RecordReader {
  public static let format = InputFormat.yaml

  public init() {}

  /// 0.8 for YAML whose first mapping items under a list have `title:` and an author
  /// key; 0.5 with a title only. Markdown front matter (`---` then a body) is left to
  /// ``FrontMatterReader``.
  public static func confidence(for text: String) -> Double {
    let head = String(text.prefix(16_384))
    if FrontMatterReader.splitFrontMatter(head) != nil, FrontMatterReader.hasBody(text) {
      return 0
    }
    // Cheap shape check before parsing: list items with a title key.
    let lines = head.split(whereSeparator: \.isNewline)
    var titled = 0
    var authored = 0
    var yamlish = 0
    var other = 0
    for line in lines.prefix(400) {
      let t = line.trimmingCharacters(in: .whitespaces)
      if t.isEmpty || t.hasPrefix("#") { continue }
      let item = t.hasPrefix("- ") ? String(t.dropFirst(2)).trimmingCharacters(in: .whitespaces) : t
      if item.hasPrefix("title:") { titled += 1 }
      if item.hasPrefix("authors:") || item.hasPrefix("author:") { authored += 1 }
      if t.hasPrefix("- ") || t == "-" || t.range(of: #"^[A-Za-z_][\w\- ]*:( |$)"#, options: .regularExpression) != nil {
        yamlish += 1
      } else if t.hasPrefix("@") || t.hasPrefix("{") || t.hasPrefix("<") || t.hasPrefix("%") {
        other += 1
      }
    }
    guard titled >= 1, yamlish > other * 4 else { return 0 }
    return authored >= 1 ? 0.8 : 0.5
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    var document = SourceDocument(file: file, format: Self.format)
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      document.diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: file, line: YAMLRecords.line(of: error)),
          "not valid YAML: \(YAMLRecords.describe(error))"))
      return document
    }
    guard let node else { return document }
    var marked: [String] = []
    YAMLRecords.collect(node, section: nil, file: file, into: &document, marked: &marked)
    if document.owner == nil { document.owner = OwnerDetection.markedOwner(marked, in: document.publications) }
    return document
  }
}

/// Records from YAML nodes, shared by ``YAMLReader`` and ``FrontMatterReader``.
enum YAMLRecords {
  /// Section keys whose lists are not publications.
  static let skippedSections: Set<String> = [
    "patents", "patent", "talks", "talk", "posters", "poster", "teaching", "awards", "grants",
    "software", "datasets", "data", "presentations", "invitedtalks", "service", "news",
  ]

  static let authorKeys = ["authors", "author", "creators", "authorlist", "names", "people"]
  static let venueKeys = [
    "venue", "journal", "conference", "booktitle", "publication", "publisher", "container",
    "series", "proceedings", "school", "institution", "conference_short", "journal_short",
  ]

  static func line(of error: Error) -> Int {
    if let error = error as? YamlError {
      switch error {
      case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
        return mark.line
      default: return 1
      }
    }
    return 1
  }

  static func describe(_ error: Error) -> String {
    if let error = error as? YamlError {
      switch error {
      case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
        return problem
      default: return "\(error)"
      }
    }
    return "\(error)"
  }

  /// Walks `node`, adding every publication mapping (one with a title inside a list).
  static func collect(
    _ node: Node, section: String?, file: String, into document: inout SourceDocument,
    marked: inout [String]
  ) {
    switch node {
    case .mapping(let mapping):
      for (key, value) in mapping {
        let name = (key.string ?? "").lowercased().filter { $0.isLetter }
        if skippedSections.contains(name) {
          if case .sequence(let items) = value, !items.isEmpty {
            document.diagnostics.append(
              Diagnostic(.warning, at: InputLocation(file: file, line: key.mark.map { $0.line } ?? 1),
                "'\(key.string ?? "")': \(items.count) item(s) left out (not publications)"))
          }
          continue
        }
        if case .scalar = value { continue }
        collect(value, section: key.string, file: file, into: &document, marked: &marked)
      }
    case .sequence(let items):
      for item in items {
        if case .mapping(let mapping) = item, mapping["title"] != nil {
          let line = item.mark?.line ?? 1
          if let publication = publication(
            from: mapping, section: section, location: InputLocation(file: file, line: line),
            diagnostics: &document.diagnostics, marked: &marked)
          {
            document.publications.append(publication)
          }
        } else {
          collect(item, section: section, file: file, into: &document, marked: &marked)
        }
      }
    default:
      break
    }
  }

  /// A string value (scalar), or the scalars of a sequence joined with ", ".
  static func string(_ node: Node?) -> String? {
    guard let node else { return nil }
    switch node {
    case .scalar(let scalar):
      let value = scalar.string.trimmingWhitespaceFast
      return value.isEmpty || value == "~" || value.lowercased() == "null" ? nil : value
    case .sequence(let items):
      let values = items.compactMap { string($0) }
      return values.isEmpty ? nil : values.joined(separator: ", ")
    default:
      return nil
    }
  }

  static func value(_ mapping: Node.Mapping, _ keys: [String]) -> Node? {
    for key in keys {
      if let node = mapping[key] { return node }
    }
    // Keys in other cases ("Title", "Authors").
    for (key, value) in mapping {
      if let k = key.string?.lowercased(), keys.contains(k) { return value }
    }
    return nil
  }

  /// Display text of a YAML string: HTML removed, LaTeX accents converted, blanks collapsed.
  static func clean(_ text: String) -> String {
    var value = LaTeXText.stripHTML(text)
    if value.contains("\\") || value.contains("{") { value = LaTeXText.toUnicode(value) }
    return value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A title without markup, surrounding quotes or a final period.
  static func title(_ text: String) -> String {
    var value = clean(text)
    while let last = value.last, last == "." || last == " " {
      if last == ".", value.hasSuffix("..") { break }
      value.removeLast()
    }
    return value
  }

  /// Names in bold, strong or underline markup (`<strong>A. Name</strong>`, `**A. Name**`).
  static func markedNames(in raw: String) -> [String] {
    var names: [String] = []
    for pattern in [
      #"<(strong|b|u|em)>(.*?)</\1>"#, #"\*\*(.+?)\*\*"#, #"__(.+?)__"#,
      #"\\textbf\s*\{([^{}]*)\}"#, #"\\underline\s*\{([^{}]*)\}"#,
    ] {
      guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
        continue
      }
      let ns = raw as NSString
      for match in regex.matches(in: raw, range: NSRange(location: 0, length: ns.length)) {
        let range = match.range(at: match.numberOfRanges - 1)
        let name = PublicationNames.cleanName(ns.substring(with: range))
        // A whole name (two words or "Family, Given"), not a bold mark ("<b>#</b>", "<b>Ming*</b>").
        let words = name.split(separator: " ").count
        if (words >= 2 || name.contains(",")) && words <= 6 { names.append(name) }
      }
    }
    return names
  }

  /// Authors of a YAML value: a list of names (strings or mappings) or one string.
  static func authors(_ node: Node?, marked: inout [String]) -> (names: [String], truncated: Bool) {
    guard let node else { return ([], false) }
    switch node {
    case .sequence(let items):
      var names: [String] = []
      var truncated = false
      for item in items {
        var raw: String?
        if case .mapping(let person) = item {
          if let name = string(value(person, ["name", "full", "fullname", "literal"])) {
            raw = name
          } else {
            let given = string(value(person, ["given", "first", "firstname", "given-names"])) ?? ""
            let family = string(value(person, ["family", "last", "lastname", "family-name"])) ?? ""
            raw = [given, family].filter { !$0.isEmpty }.joined(separator: " ")
          }
        } else {
          raw = string(item)
        }
        guard let raw else { continue }
        marked += markedNames(in: raw)
        let name = PublicationNames.cleanName(raw)
        if PublicationNames.isElision(name) {
          truncated = true
          continue
        }
        if !name.isEmpty { names.append(name) }
      }
      return (names, truncated)
    default:
      guard let raw = string(node) else { return ([], false) }
      marked += markedNames(in: raw)
      return PublicationNames.splitList(LaTeXText.stripHTML(raw))
    }
  }

  /// One publication mapping; nil (with a note) for an item that is not a publication.
  static func publication(
    from mapping: Node.Mapping, section: String?, location: InputLocation,
    diagnostics: inout [Diagnostic], marked: inout [String]
  ) -> Publication? {
    let title = string(mapping["title"]).map(Self.title) ?? ""
    if title.isEmpty { diagnostics.append(Diagnostic(.warning, at: location, "record has no title")) }
    let (authors, truncated) = Self.authors(value(mapping, authorKeys), marked: &marked)
    // A link is not a venue (`journal: https://journals.aps.org/…`).
    let venueRaw = venueKeys.lazy.compactMap { string(mapping[$0]) }.first { !$0.hasPrefix("http") && !$0.hasPrefix("/") }
    let venue = venueRaw.map(clean)
    var year = string(value(mapping, ["year", "pub_year", "issued"])).flatMap(RecordIdentifiers.year(in:))
    if year == nil { year = string(value(mapping, ["date", "pub_date", "published"])).flatMap(RecordIdentifiers.year(in:)) }
    if year == nil, let venueRaw { year = RecordIdentifiers.year(in: venueRaw) }
    if year == nil, let citation = string(mapping["citation"]) { year = RecordIdentifiers.year(in: citation) }
    let doi = string(value(mapping, ["doi"])).flatMap(RecordIdentifiers.doi(in:))
      ?? mapping.compactMap { pair -> String? in
        guard let link = string(pair.value), link.contains("doi.org/") else { return nil }
        return RecordIdentifiers.doi(in: link)
      }.first
    let arxiv = string(value(mapping, ["arxiv", "eprint", "arxiv_id"])).flatMap(RecordIdentifiers.arxivID(in:))
    let type = string(value(mapping, ["type", "publication_type", "kind", "category"])) ?? section
    if authors.isEmpty {
      diagnostics.append(Diagnostic(.warning, at: location, "record '\(title.prefix(60))' has no authors"))
    }
    return Publication(
      title: title, authors: authors, year: year, venue: venue,
      kind: CSVReader.kind(named: type, venue: venue, arxiv: arxiv),
      abstract: string(value(mapping, ["abstract", "summary"])).map(clean), doi: doi, arxivID: arxiv,
      keywords: string(value(mapping, ["keywords", "tags"])).map(RecordIdentifiers.keywords) ?? [],
      authorsTruncated: truncated, location: location)
  }
}
