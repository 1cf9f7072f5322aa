import Foundation
import Yams

/// Reads publication pages with YAML front matter: academicpages/Jekyll
/// `_publications/*.md` (`title`, `date`, `venue`, `citation` — authors only inside the
/// citation string) and Hugo/Wowchemy `content/publication/<slug>/index.md`
/// (`authors: […]`, `publication_types`, `publication`, `date`, `doi`).
///
/// A folder of such files is one source (``read(folder:owner:)``): each file is one
/// record, in sorted file-name order; a `cite.bib` beside a Hugo `index.md` is preferred
/// for the authors when it has them. A single file is one record (``parse(_:file:)``).
/// Hugo's `admin` (the site's own author) becomes the owner's name when the owner is
/// known (the manifest, `--owner`, or `content/authors/admin/_index.md`).
public struct FrontMatterReader: RecordReader, OwnerInitializableReader {
  public static let format = InputFormat.frontMatter

  public var owner: String?

  public init(owner: String? = nil) {
    self.owner = owner
  }

  /// 0.85 for `---` YAML front matter with a `title:` and a publication key
  /// (`citation`, `authors`, `publication_types`, `venue`, `publication`, `collection:
  /// publications`).
  public static func confidence(for text: String) -> Double {
    guard let (yaml, _) = splitFrontMatter(String(text.prefix(65_536))) else { return 0 }
    let keys = Set(yaml.split(whereSeparator: \.isNewline).compactMap { line -> String? in
      guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return nil }
      return line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    })
    guard keys.contains("title") else { return 0 }
    let publicationKeys: Set<String> = [
      "citation", "authors", "publication_types", "venue", "publication", "paperurl", "doi",
      "publication_short",
    ]
    return keys.isDisjoint(with: publicationKeys) ? 0.3 : 0.85
  }

  /// The YAML between a leading `---` line and the next `---` (or `...`) line, and the body.
  static func splitFrontMatter(_ text: String) -> (yaml: String, body: Substring)? {
    var rest = Substring(text)
    if rest.first == "\u{FEFF}" { rest = rest.dropFirst() }
    guard rest.hasPrefix("---") else { return nil }
    let firstLineEnd = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
    guard rest[..<firstLineEnd].trimmingCharacters(in: .whitespaces) == "---",
      firstLineEnd < rest.endIndex
    else { return nil }
    let afterFirst = rest.index(after: firstLineEnd)
    var lineStart = afterFirst
    while lineStart < rest.endIndex {
      let lineEnd = rest[lineStart...].firstIndex(where: \.isNewline) ?? rest.endIndex
      let line = rest[lineStart..<lineEnd].trimmingCharacters(in: .whitespaces)
      if line == "---" || line == "..." {
        let body = lineEnd < rest.endIndex ? rest[rest.index(after: lineEnd)...] : rest[rest.endIndex...]
        return (String(rest[afterFirst..<lineStart]), body)
      }
      if lineEnd == rest.endIndex { break }
      lineStart = rest.index(after: lineEnd)
    }
    return nil
  }

  /// True when the text has front matter followed by a Markdown body (or nothing): a
  /// page, not a YAML data file.
  static func hasBody(_ text: String) -> Bool {
    splitFrontMatter(String(text.prefix(65_536))) != nil
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    var document = SourceDocument(file: file, format: Self.format, owner: owner)
    var marked: [String] = []
    if let publication = Self.record(text, file: file, citeBib: nil, owner: owner, diagnostics: &document.diagnostics, marked: &marked) {
      document.publications.append(publication)
    }
    return document
  }

  /// The record of one page; nil when it has no front matter.
  static func record(
    _ text: String, file: String, citeBib: String?, owner: String?, diagnostics: inout [Diagnostic],
    marked: inout [String]
  ) -> Publication? {
    let location = InputLocation(file: file, line: 1)
    guard let (yaml, _) = splitFrontMatter(text) else {
      diagnostics.append(Diagnostic(.warning, at: location, "no front matter (a '---' block) in this page; not read"))
      return nil
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch {
      diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: file, line: YAMLRecords.line(of: error) + 1),
          "front matter is not valid YAML: \(YAMLRecords.describe(error))"))
      return nil
    }
    guard case .mapping(let mapping)? = node else {
      diagnostics.append(Diagnostic(.warning, at: location, "front matter is not a mapping; not read"))
      return nil
    }
    guard var publication = YAMLRecords.publication(
      from: mapping, section: nil, location: location, diagnostics: &diagnostics, marked: &marked)
    else { return nil }
    // The generic reader warned about missing authors; the citation may still have them.
    if publication.authors.isEmpty {
      diagnostics.removeAll { $0.location == location && $0.message.hasSuffix("has no authors") }
    }
    let title = YAMLRecords.string(mapping["title"]).map(YAMLRecords.title)
    if publication.authors.isEmpty, let citation = YAMLRecords.string(mapping["citation"]) {
      marked += YAMLRecords.markedNames(in: citation)
      let (names, truncated) = PublicationNames.authors(ofCitation: citation, title: title)
      publication.authors = names
      publication.authorsTruncated = truncated
      if publication.year == nil { publication.year = RecordIdentifiers.year(in: citation) }
    }
    // Hugo: publication_types "2" journal, "1" conference, … (a list or one value).
    if let types = YAMLRecords.string(mapping["publication_types"]) {
      publication.kind = hugoKind(types) ?? publication.kind
    }
    if publication.venue == nil || publication.venue?.isEmpty == true {
      publication.venue = YAMLRecords.string(mapping["publication"]).map(YAMLRecords.clean)
    }
    if let citeBib {
      var bibDiagnostics: [Diagnostic] = []
      let bib = BibTeXReader().parse(citeBib, file: file.replacingOccurrences(of: "index.md", with: "cite.bib"))
      bibDiagnostics = bib.diagnostics
      if let first = bib.publications.first, !first.authors.isEmpty {
        publication.authors = first.authors
        publication.authorsTruncated = first.authorsTruncated
        if publication.year == nil { publication.year = first.year }
        if publication.doi == nil { publication.doi = first.doi }
      }
      diagnostics += bibDiagnostics.filter { $0.severity == .error }
    }
    if let owner {
      publication.authors = publication.authors.map { $0.lowercased() == "admin" ? owner : $0 }
    }
    if publication.authors.isEmpty {
      diagnostics.append(Diagnostic(.warning, at: location, "record '\(publication.title.prefix(60))' has no authors"))
    }
    return publication
  }

  static func hugoKind(_ types: String) -> PublicationKind? {
    guard let first = types.split(whereSeparator: { !$0.isNumber }).first else { return nil }
    switch first {
    case "1": return .conference
    case "2": return .journal
    case "3": return .preprint
    case "4": return .report
    case "5": return .book
    case "6": return .chapter
    case "7": return .thesis
    case "8": return .patent
    default: return .other
    }
  }

  // MARK: Folders

  /// The page files of a front-matter folder, sorted: `*.md` (academicpages) and
  /// `*/index.md` (Hugo page bundles) with publication front matter; nil when `path` is
  /// not such a folder (fewer than half of its pages have it, or it has a manifest).
  /// A site folder holding `_publications/` or `content/publication/` is read there.
  public static func pages(inFolder path: String) -> [String]? {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: path).sorted(),
      !names.contains("manifest.json")
    else { return nil }
    for sub in ["_publications", "content/publication", "publication", "publications"] {
      let inner = (path as NSString).appendingPathComponent(sub)
      var isDirectory: ObjCBool = false
      if manager.fileExists(atPath: inner, isDirectory: &isDirectory), isDirectory.boolValue,
        let pages = pages(inFolder: inner)
      {
        return pages
      }
    }
    var pages: [String] = []
    var others = 0
    for name in names where !name.hasPrefix(".") && !name.hasPrefix("_index") {
      let full = (path as NSString).appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      manager.fileExists(atPath: full, isDirectory: &isDirectory)
      var candidate: String?
      if isDirectory.boolValue {
        let index = (full as NSString).appendingPathComponent("index.md")
        if manager.fileExists(atPath: index) { candidate = index }
      } else if name.lowercased().hasSuffix(".md") || name.lowercased().hasSuffix(".markdown") {
        candidate = full
      } else {
        others += 1
        continue
      }
      guard let candidate, let data = manager.contents(atPath: candidate) else { others += 1; continue }
      let head = String(decoding: data.prefix(16_384), as: UTF8.self)
      if confidence(for: head) >= 0.85 { pages.append(candidate) } else { others += 1 }
    }
    guard !pages.isEmpty, pages.count >= others else { return nil }
    return pages
  }

  /// Reads a front-matter folder as one source: one record per page, in sorted order.
  public static func read(folder path: String, owner: String? = nil) -> SourceDocument {
    var owner = owner
    var document = SourceDocument(file: path, format: format, owner: owner)
    guard let pages = pages(inFolder: path) else {
      document.diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: path, line: 1), "not a folder of publication pages with front matter"))
      return document
    }
    if owner == nil { owner = hugoAdmin(near: pages.first ?? path) }
    var marked: [String] = []
    for page in pages {
      guard let data = FileManager.default.contents(atPath: page) else {
        document.diagnostics.append(Diagnostic(.error, at: InputLocation(file: page, line: 1), "cannot read file"))
        continue
      }
      let decoded = TextDecoding.decode(data, file: page)
      document.diagnostics += decoded.diagnostics
      let bibPath = ((page as NSString).deletingLastPathComponent as NSString).appendingPathComponent("cite.bib")
      let citeBib = page.hasSuffix("/index.md")
        ? FileManager.default.contents(atPath: bibPath).map { TextDecoding.decode($0).text } : nil
      if let publication = record(
        decoded.text, file: page, citeBib: citeBib, owner: owner, diagnostics: &document.diagnostics, marked: &marked)
      {
        document.publications.append(publication)
      }
    }
    document.owner = owner ?? OwnerDetection.markedOwner(marked, in: document.publications)
    // Hugo's "admin" is the site's owner, whoever else is on most pages.
    if document.owner == nil,
      document.publications.contains(where: { $0.authors.contains { $0.lowercased() == "admin" } })
    {
      document.owner = "admin"
      document.diagnostics.append(
        Diagnostic(.warning, at: InputLocation(file: path, line: 1),
          "the pages name the site owner as 'admin' and no content/authors/admin/_index.md was found; give the owner's name (--owner, or `owner` in manifest.json)"))
    }
    return document
  }

  /// The name of Hugo's `admin` author (`content/authors/admin/_index.md`, `name:` or
  /// `title:`), looked for beside the `content/publication` folder holding `page`.
  static func hugoAdmin(near page: String) -> String? {
    var folder = (page as NSString).deletingLastPathComponent
    for _ in 0..<4 {
      let candidate = (folder as NSString).appendingPathComponent("authors/admin/_index.md")
      if let data = FileManager.default.contents(atPath: candidate),
        let (yaml, _) = splitFrontMatter(String(decoding: data, as: UTF8.self)),
        case .mapping(let mapping)? = try? Yams.compose(yaml: yaml),
        let name = YAMLRecords.string(mapping["name"]) ?? YAMLRecords.string(mapping["title"])
      {
        return name
      }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return nil
  }
}
