import Foundation
import Yams

/// Reads publication pages with YAML (`---`) or TOML (`+++`, ``TOMLFrontMatter``) front matter: academicpages/Jekyll
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

  /// 0.85 for `---` YAML or `+++` TOML front matter with a `title` and a publication
  /// key (`citation`, `authors`, `publication_types`, `venue`, `publication`, `collection:
  /// publications`).
  public static func confidence(for text: String) -> Double {
    guard let block = splitFrontMatter(String(text.prefix(65_536))) else { return 0 }
    let keys: Set<String>
    switch block.syntax {
    case .toml:
      keys = TOMLFrontMatter.topLevelKeys(block.text)
    case .yaml:
      keys = Set(block.text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
        guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return nil }
        return line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      })
    }
    guard keys.contains("title") else { return 0 }
    let publicationKeys: Set<String> = [
      "citation", "authors", "publication_types", "venue", "publication", "paperurl", "doi",
      "publication_short",
    ]
    return keys.isDisjoint(with: publicationKeys) ? 0.3 : 0.85
  }

  /// The two front-matter syntaxes Jekyll and Hugo read.
  enum Syntax: Sendable {
    /// `---` … `---` (or `...`), parsed with Yams.
    case yaml
    /// `+++` … `+++`, parsed with TOMLKit (``TOMLFrontMatter``).
    case toml
  }

  /// A page's front matter: the text between the delimiter lines, its syntax, the body.
  struct Block {
    var text: String
    var syntax: Syntax
    var body: Substring
  }

  /// The front matter between a leading `---` line and the next `---` (or `...`) line, or
  /// a leading `+++` line and the next `+++` line, and the body after it.
  static func splitFrontMatter(_ text: String) -> Block? {
    var rest = Substring(text)
    if rest.first == "\u{FEFF}" { rest = rest.dropFirst() }
    let syntax: Syntax
    if rest.hasPrefix("---") {
      syntax = .yaml
    } else if rest.hasPrefix(TOMLFrontMatter.delimiter) {
      syntax = .toml
    } else {
      return nil
    }
    let opening = syntax == .yaml ? "---" : TOMLFrontMatter.delimiter
    let firstLineEnd = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
    guard rest[..<firstLineEnd].trimmingCharacters(in: .whitespaces) == opening,
      firstLineEnd < rest.endIndex
    else { return nil }
    let afterFirst = rest.index(after: firstLineEnd)
    var lineStart = afterFirst
    while lineStart < rest.endIndex {
      let lineEnd = rest[lineStart...].firstIndex(where: \.isNewline) ?? rest.endIndex
      let line = rest[lineStart..<lineEnd].trimmingCharacters(in: .whitespaces)
      if line == opening || (syntax == .yaml && line == "...") {
        let body = lineEnd < rest.endIndex ? rest[rest.index(after: lineEnd)...] : rest[rest.endIndex...]
        return Block(text: String(rest[afterFirst..<lineStart]), syntax: syntax, body: body)
      }
      if lineEnd == rest.endIndex { break }
      lineStart = rest.index(after: lineEnd)
    }
    return nil
  }

  /// The front matter's fields as a mapping (TOML is turned into the same node tree);
  /// a diagnostic at the failing line when the block does not parse or is not a mapping.
  static func fields(of block: Block, file: String) -> Result<Node.Mapping, Diagnostic> {
    switch block.syntax {
    case .toml:
      return TOMLFrontMatter.mapping(block.text, file: file)
    case .yaml:
      let node: Node?
      do {
        node = try Yams.compose(yaml: block.text)
      } catch {
        return .failure(
          Diagnostic(.error, at: InputLocation(file: file, line: YAMLRecords.line(of: error) + 1),
            "front matter is not valid YAML: \(YAMLRecords.describe(error))"))
      }
      guard case .mapping(let mapping)? = node else {
        return .failure(Diagnostic(.warning, at: InputLocation(file: file, line: 1), "front matter is not a mapping; not read"))
      }
      return .success(mapping)
    }
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
    guard let block = splitFrontMatter(text) else {
      let opening = text.prefix(while: { !$0.isNewline }).trimmingCharacters(in: .whitespaces)
      let unclosed = opening == "---" || opening == TOMLFrontMatter.delimiter || opening == "\u{FEFF}---"
        || opening == "\u{FEFF}" + TOMLFrontMatter.delimiter
      diagnostics.append(
        Diagnostic(.warning, at: location,
          unclosed
            ? "the front matter opened by '\(opening.trimmingCharacters(in: ["\u{FEFF}"]))' on this line is never closed; not read"
            : "no front matter (a '---' or '+++' block) in this page; not read"))
      return nil
    }
    let mapping: Node.Mapping
    switch fields(of: block, file: file) {
    case .success(let fields): mapping = fields
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
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
    // Hugo renders `publication` as Markdown: "*Risk Analysis*", "In *ACL*".
    publication.venue = publication.venue.map(withoutEmphasis)
    if let citeBib {
      let bibFile = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent("cite.bib")
      let bib = BibTeXReader().parse(citeBib, file: bibFile)
      if let first = bib.publications.first, !first.authors.isEmpty {
        // A cite.bib copied from another page's folder (seen in real sites) names
        // another paper: its authors would be wrong here, so the page's own are kept.
        if publication.title.isEmpty || sameTitle(first.title, publication.title) {
          // The page's names when they are the bib's with their accents ("Sara Vera
          // Marjanović" beside "Marjanovic, Sara Vera"), else the bib's.
          if first.authors.count < publication.authors.count {
            // Fewer names than the page's: a bib list joined with commas instead of
            // "and" ("author={A B, C D, …}" is one name to BibTeX) or cut short.
            diagnostics.append(
              Diagnostic(.warning, at: first.location,
                "cite.bib names \(first.authors.count) author(s) where the page names \(publication.authors.count); the page's are used"))
          } else if !sameNames(publication.authors, first.authors) {
            publication.authors = first.authors
            publication.authorsTruncated = first.authorsTruncated
          }
          if publication.year == nil { publication.year = first.year }
          if publication.doi == nil { publication.doi = first.doi }
        } else {
          diagnostics.append(
            Diagnostic(.warning, at: first.location,
              "cite.bib is for another paper ('\(first.title.prefix(60))'), not this page's '\(publication.title.prefix(60))'; the page's own authors are used"))
        }
      }
      diagnostics += bib.diagnostics.filter { $0.severity == .error }
    }
    if let owner {
      publication.authors = publication.authors.map { $0.lowercased() == "admin" ? owner : $0 }
    }
    if publication.authors.isEmpty {
      diagnostics.append(Diagnostic(.warning, at: location, "record '\(publication.title.prefix(60))' has no authors"))
    }
    return publication
  }

  /// True when two titles name one paper: the same words, or one title holding the
  /// other (a subtitle dropped), compared without case, markup or punctuation.
  static func sameTitle(_ a: String, _ b: String) -> Bool {
    func words(_ text: String) -> [String] {
      text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
    let x = words(a)
    let y = words(b)
    guard !x.isEmpty, !y.isEmpty else { return true }
    let joinedX = x.joined(separator: " ")
    let joinedY = y.joined(separator: " ")
    if joinedX == joinedY { return true }
    if min(x.count, y.count) >= 3, joinedX.contains(joinedY) || joinedY.contains(joinedX) { return true }
    let shared = Set(x).intersection(y).count
    return Double(shared) >= 0.8 * Double(min(Set(x).count, Set(y).count))
  }

  /// Markdown emphasis marks (`*`, `**`, `_` around words) removed from a field.
  static func withoutEmphasis(_ text: String) -> String {
    guard text.contains("*") || text.contains("_") else { return text }
    let plain = text.replacingOccurrences(of: "*", with: "")
      .replacingOccurrences(of: #"(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])"#, with: "", options: .regularExpression)
    return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The same people in the same order, compared without case or accents.
  static func sameNames(_ a: [String], _ b: [String]) -> Bool {
    func fold(_ name: String) -> String {
      name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        .split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
    }
    return a.count == b.count && zip(a, b).allSatisfy { fold($0) == fold($1) }
  }

  /// Hugo's publication type: the academic theme's numbers ("1" conference paper, "2"
  /// journal article, …) or, from wowchemy 5 on, a CSL type ("article-journal").
  static func hugoKind(_ types: String) -> PublicationKind? {
    guard let first = types.split(whereSeparator: { !$0.isNumber }).first else {
      let csl = types.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
      switch csl {
      case "article-journal", "article-magazine", "article-newspaper", "review": return .journal
      case "paper-conference": return .conference
      case "article", "manuscript": return .preprint
      case "report": return .report
      case "book": return .book
      case "chapter": return .chapter
      case "thesis": return .thesis
      case "patent": return .patent
      default: return nil
      }
    }
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
        let block = splitFrontMatter(String(decoding: data, as: UTF8.self)),
        case .success(let mapping) = fields(of: block, file: candidate),
        let name = YAMLRecords.string(mapping["name"]) ?? YAMLRecords.string(mapping["title"])
      {
        return name
      }
      folder = (folder as NSString).deletingLastPathComponent
    }
    return nil
  }
}
