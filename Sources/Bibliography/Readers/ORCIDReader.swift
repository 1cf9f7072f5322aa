import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads ORCID record and works exports, JSON or XML (public API v2.x/v3.0: a record,
/// `/works`, or a bulk `work` list; and the v1.2 `<message>` XML of older exports, with
/// `work-title`, `work-type` and `work-external-identifier`).
///
/// One record per work group (ORCID groups the same work from several sources; the
/// group's first summary is read), or per `work` when there are no groups. Titles,
/// years (`publication-date`), types, journal titles and DOIs are read; authors come
/// from `contributors` when the export has them (work summaries have none: the record's
/// works are the holder's, and their author lists stay empty). The owner is the ORCID
/// holder (credit name, else given and family names), with the iD.
public struct ORCIDReader: RecordReader {
  public static let format = InputFormat.orcid

  public init() {}

  /// 0.97 for ORCID's own JSON keys or XML namespaces.
  public static func confidence(for text: String) -> Double {
    let head = text.prefix(65_536)
    guard let first = head.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else { return 0 }
    if first == "{" || first == "[" {
      if head.contains("\"work-summary\"") || head.contains("\"orcid-identifier\"")
        || (head.contains("\"put-code\"") && head.contains("\"contributors\""))
      {
        return 0.97
      }
      return 0
    }
    if first == "<", head.contains("orcid.org/ns/") || head.contains("<record:record")
      || head.contains("<work:work")
    {
      return 0.97
    }
    return 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if trimmed.first == "<" { return parseXML(text, file: file) }
    var document = SourceDocument(file: file, format: Self.format)
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
      document.diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: file, line: 1), "not valid JSON: \(error.localizedDescription)"))
      return document
    }
    func dict(_ value: Any?) -> [String: Any]? { value as? [String: Any] }
    func str(_ value: Any?) -> String? {
      if let s = value as? String { return s.isEmpty ? nil : s }
      if let d = value as? [String: Any] { return str(d["value"]) }
      if let n = value as? NSNumber { return n.stringValue }
      return nil
    }
    // The holder.
    if let top = dict(root) {
      let person = dict(top["person"])
      let name = dict(person?["name"]) ?? dict(top["name"])
      if let credit = str(name?["credit-name"]) {
        document.owner = credit
      } else if let name {
        let full = [str(name["given-names"]), str(name["family-name"])].compactMap { $0 }.joined(separator: " ")
        if !full.isEmpty { document.owner = full }
      }
    }
    // The works: groups (record, /works), bulk items, or a list of works.
    var works: [[String: Any]] = []
    func collectGroups(_ groups: [Any]) {
      for group in groups {
        guard let group = dict(group) else { continue }
        if let summaries = group["work-summary"] as? [Any], let first = summaries.compactMap(dict).first {
          works.append(first)
        }
      }
    }
    if let top = dict(root) {
      let activities = dict(top["activities-summary"])
      if let groups = dict(activities?["works"])?["group"] as? [Any] {
        collectGroups(groups)
      } else if let groups = top["group"] as? [Any] {
        collectGroups(groups)
      } else if let bulk = top["bulk"] as? [Any] {
        works = bulk.compactMap { dict(dict($0)?["work"]) ?? dict($0) }
      } else if top["put-code"] != nil {
        works = [top]
      }
    } else if let list = root as? [Any] {
      works = list.compactMap { dict(dict($0)?["work"]) ?? dict($0) }
    }
    for (index, work) in works.enumerated() {
      let location = InputLocation(file: file, line: 1)
      let title = str(dict(work["title"])?["title"]).map(YAMLRecords.title) ?? ""
      let year = str(dict(work["publication-date"])?["year"]).flatMap(RecordIdentifiers.year(in:))
      var doi: String?
      if let ids = dict(work["external-ids"])?["external-id"] as? [Any] {
        for id in ids.compactMap(dict) where str(id["external-id-type"])?.lowercased() == "doi" {
          doi = str(id["external-id-value"]).flatMap(RecordIdentifiers.doi(in:))
          if doi != nil { break }
        }
      }
      var authors: [String] = []
      if let contributors = dict(work["contributors"])?["contributor"] as? [Any] {
        for contributor in contributors.compactMap(dict) {
          let role = str(dict(contributor["contributor-attributes"])?["contributor-role"])?.lowercased()
          if let role, !["author", "co-investigator", "principal-investigator"].contains(role)
            && !role.contains("author")
          {
            continue
          }
          if let name = str(contributor["credit-name"]) { authors.append(PublicationNames.cleanName(name)) }
        }
      }
      if title.isEmpty {
        document.diagnostics.append(Diagnostic(.warning, at: location, "work \(index + 1) has no title"))
      }
      let venue = str(work["journal-title"])
      document.publications.append(
        Publication(
          title: title, authors: authors, year: year, venue: venue,
          kind: Self.kind(str(work["type"]), venue: venue), doi: doi, location: location))
    }
    return document
  }

  /// ORCID work types ("JOURNAL_ARTICLE", "conference-paper", …) as kinds.
  static func kind(_ type: String?, venue: String?) -> PublicationKind {
    guard let type = type?.lowercased().replacingOccurrences(of: "_", with: "-") else { return .other }
    switch type {
    case "journal-article", "review", "journal-issue", "magazine-article", "newspaper-article": return .journal
    case "conference-paper", "conference-abstract", "conference-poster", "conference-proceedings": return .conference
    case "book-chapter": return .chapter
    case "book", "edited-book", "book-review": return .book
    case "dissertation", "dissertation-thesis", "supervised-student-publication": return .thesis
    case "report", "working-paper", "technical-standard", "research-technique": return .report
    case "preprint": return .preprint
    case "patent": return .patent
    default: return CSVReader.kind(named: type, venue: venue, arxiv: nil)
    }
  }

  // MARK: XML

  func parseXML(_ text: String, file: String) -> SourceDocument {
    var document = SourceDocument(file: file, format: Self.format)
    let delegate = XMLDelegate(file: file)
    let parser = XMLParser(data: Data(DBLPReader.declaringUTF8(text).utf8))
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    if !parser.parse() {
      let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
      document.diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: file, line: parser.lineNumber),
          "XML error: \(error); the works before this point are read"))
    }
    document.publications = delegate.publications
    let owner = delegate.creditName ?? [delegate.givenNames, delegate.familyName].compactMap { $0 }.joined(separator: " ")
    document.owner = owner.isEmpty ? nil : owner
    return document
  }

  final class XMLDelegate: NSObject, XMLParserDelegate {
    let file: String
    var publications: [Publication] = []
    var creditName: String?
    var givenNames: String?
    var familyName: String?

    private var stack: [String] = []
    private var text = ""
    private var inGroup = false
    private var groupTaken = false
    private var work: [String: String]?
    private var workLine = 1
    private var authors: [String] = []
    private var idType: String?

    init(file: String) { self.file = file }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let name = elementName
      stack.append(name)
      text = ""
      if name == "group", stack.contains("works") {
        inGroup = true
        groupTaken = false
      }
      if name == "work-summary" || (name == "work" && stack.dropLast().last != "work") {
        if !(inGroup && groupTaken) {
          work = [:]
          authors = []
          workLine = parser.lineNumber
        }
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      let value = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      let parent = stack.count >= 2 ? stack[stack.count - 2] : ""
      defer {
        stack.removeLast()
        text = ""
      }
      if work != nil {
        switch elementName {
        // v2/v3 `title/title`, v1.2 (`<message>` exports) `work-title/title`.
        case "title" where parent == "title" || parent == "work-title": work?["title"] = value
        case "year" where parent == "publication-date": work?["year"] = value
        case "type" where parent == "work" || parent == "work-summary": work?["type"] = value
        case "work-type" where parent == "work": work?["type"] = value
        case "journal-title": work?["journal"] = value
        case "external-id-type", "work-external-identifier-type": idType = value.lowercased()
        case "external-id-value" where idType == "doi", "work-external-identifier-id" where idType == "doi":
          if work?["doi"] == nil { work?["doi"] = value }
        case "credit-name" where parent == "contributor": authors.append(PublicationNames.cleanName(value))
        case "work-summary", "work":
          guard let current = work else { break }
          let location = InputLocation(file: file, line: workLine)
          let venue = current["journal"]
          publications.append(
            Publication(
              title: current["title"].map(YAMLRecords.title) ?? "", authors: authors,
              year: current["year"].flatMap(RecordIdentifiers.year(in:)), venue: venue,
              kind: ORCIDReader.kind(current["type"], venue: venue),
              doi: current["doi"].flatMap(RecordIdentifiers.doi(in:)), location: location))
          work = nil
          if inGroup { groupTaken = true }
        default: break
        }
        return
      }
      switch elementName {
      case "group": inGroup = false
      case "credit-name" where stack.contains("name"): creditName = value.isEmpty ? nil : value
      case "given-names" where stack.contains("name"): givenNames = value.isEmpty ? nil : value
      case "family-name" where stack.contains("name"): familyName = value.isEmpty ? nil : value
      default: break
      }
    }
  }
}
