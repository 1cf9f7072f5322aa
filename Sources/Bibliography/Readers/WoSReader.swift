import Foundation

/// Reads Web of Science "plain text" (tagged) exports.
///
/// The file opens with `FN`/`VR`; each record starts with `PT` and ends with `ER`;
/// a line is a two-character tag, a space and a value, and lines starting with
/// three spaces continue the previous tag (for `AU`/`AF` each line is one more
/// person; for other tags the text goes on). Authors come from `AF` (full names)
/// when it lists as many people as `AU`, else from `AU`; group authors (`CA`) are
/// appended. Title `TI`, source `SO`, year `PY` (or `EA`), DOI `DI`, abstract `AB`,
/// author keywords `DE` (split on `;`), document type `DT`. `OI` ("Family, Given/ORCID;
/// …") and `RI` (…/ResearcherID) give authors' identifiers by name; an id whose name
/// fits no author, or an invalid ORCID, is reported at the tag's line.
public struct WoSReader: RecordReader {
  public static let format = InputFormat.wosTagged

  public init() {}

  /// 0.95 for `FN … Web of Science` or `PT`…`ER` records with WoS tags.
  public static func confidence(for text: String) -> Double {
    var sample = text.prefix(65_536)
    if sample.first == "\u{FEFF}" { sample = sample.dropFirst() }
    if sample.hasPrefix("FN ") { return 0.95 }
    if sample.hasPrefix("PT\tAU\t") { return 0.95 }  // The tab-delimited export.
    let lines = sample.split(whereSeparator: \.isNewline).prefix(300)
    let hasPT = lines.contains { $0.hasPrefix("PT ") }
    let hasER = lines.contains { $0 == "ER" || $0.hasPrefix("ER ") }
    let hasAU = lines.contains { $0.hasPrefix("AU ") || $0.hasPrefix("TI ") }
    if hasPT && hasER && hasAU { return 0.9 }
    return 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let start = text.first == "\u{FEFF}" ? text.dropFirst() : text[...]
    if start.hasPrefix("PT\tAU\t") { return parseTabDelimited(text, file: file) }
    var diagnostics: [Diagnostic] = []
    var publications: [Publication] = []
    var fields: [String: [String]] = [:]
    var tagLines: [String: Int] = [:]
    var lastTag: String? = nil
    var recordLine = 0
    var inRecord = false
    var lineNumber = 0

    func finish() {
      publications.append(
        publication(
          fields, location: InputLocation(file: file, line: recordLine), tagLines: tagLines,
          diagnostics: &diagnostics))
      fields = [:]
      tagLines = [:]
      lastTag = nil
      inRecord = false
    }

    for rawLine in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    ) {
      lineNumber += 1
      let line = lineNumber == 1 && rawLine.hasPrefix("\u{FEFF}") ? rawLine.dropFirst() : rawLine
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      if line.hasPrefix("   ") || line.hasPrefix("\t") {
        let value = line.trimmingCharacters(in: .whitespaces)
        guard inRecord, let tag = lastTag else {
          diagnostics.append(
            Diagnostic(
              .warning, at: InputLocation(file: file, line: lineNumber),
              "continuation line outside a record ignored"))
          continue
        }
        if Self.listTags.contains(tag) {
          fields[tag, default: []].append(value)
        } else {
          fields[tag, default: [""]][fields[tag, default: [""]].count - 1] += " " + value
        }
        continue
      }
      let tag = String(line.prefix(2))
      let value =
        line.count > 3 ? String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces) : ""
      switch tag {
      case "FN", "VR", "EF":
        continue
      case "PT":
        if inRecord {
          diagnostics.append(
            Diagnostic(
              .error, at: InputLocation(file: file, line: recordLine),
              "record has no 'ER' before the next 'PT' (line \(lineNumber))"))
          finish()
        }
        inRecord = true
        recordLine = lineNumber
        fields = ["PT": [value]]
        lastTag = "PT"
      case "ER":
        if inRecord {
          finish()
        } else {
          diagnostics.append(
            Diagnostic(
              .warning, at: InputLocation(file: file, line: lineNumber), "'ER' outside a record"))
        }
      default:
        guard inRecord else {
          diagnostics.append(
            Diagnostic(
              .warning, at: InputLocation(file: file, line: lineNumber),
              "line outside a PT…ER record ignored"))
          continue
        }
        fields[tag, default: []].append(value)
        if tagLines[tag] == nil { tagLines[tag] = lineNumber }
        lastTag = tag
      }
    }
    if inRecord {
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: recordLine),
          "record has no 'ER' before the end of the file"))
      finish()
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  /// The "tab-delimited" export: a header of tags (PT, AU, AF, TI, …), one record per
  /// row, lists joined by "; ".
  func parseTabDelimited(_ text: String, file: String) -> SourceDocument {
    let table = DelimitedText(parsing: text, file: file, delimiter: "\t")
    var diagnostics = table.diagnostics
    var publications: [Publication] = []
    for row in table.rows {
      var fields: [String: [String]] = [:]
      for (index, tag) in table.header.enumerated() {
        guard let value = row.value(index) else { continue }
        fields[tag] =
          Self.listTags.contains(tag)
          ? value.components(separatedBy: ";").map { $0.trimmingWhitespaceFast } : [value]
      }
      publications.append(
        publication(
          fields, location: InputLocation(file: file, line: row.line), diagnostics: &diagnostics))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  /// Tags whose continuation lines are further list items, not more text.
  static let listTags: Set<String> = ["AU", "AF", "BA", "BF", "CA", "GP", "CR", "C1", "ED"]

  func publication(
    _ fields: [String: [String]], location: InputLocation, tagLines: [String: Int] = [:],
    diagnostics: inout [Diagnostic]
  ) -> Publication {
    func first(_ tag: String) -> String? {
      fields[tag]?.first.flatMap { $0.isEmpty ? nil : $0 }
    }
    let short = (fields["AU"] ?? []).filter { !$0.isEmpty }
    let full = (fields["AF"] ?? []).filter { !$0.isEmpty }
    var names: [String]
    if !full.isEmpty && (short.isEmpty || full.count == short.count) {
      names = full
    } else {
      if !full.isEmpty {
        diagnostics.append(
          Diagnostic(
            .warning, at: location, "AU lists \(short.count) people, AF \(full.count); AU is used"))
      }
      names = short
    }
    if names.isEmpty {
      names = (fields["BF"] ?? fields["BA"] ?? []).filter { !$0.isEmpty }
    }
    names += (fields["CA"] ?? []).filter { !$0.isEmpty }
    let title = first("TI") ?? ""
    if title.isEmpty {
      diagnostics.append(Diagnostic(.warning, at: location, "record has no title (TI)"))
    }
    let venue = first("SO") ?? first("SE") ?? first("BS")
    let type = [first("DT"), first("PT")].compactMap { $0 }.joined(separator: " ")
    var kind = CSVReader.kind(named: first("DT"), venue: venue, arxiv: nil)
    if kind == .other || kind == .journal {
      switch first("PT") {
      case "P": kind = .patent
      case "B": kind = first("DT")?.lowercased().contains("chapter") == true ? .chapter : .book
      case "C": kind = .conference
      default: break
      }
    }
    if type.lowercased().contains("proceedings paper") { kind = .conference }
    // OI and RI name the author each id belongs to ("Lang, Xiaona/0009-0002-7037-4406").
    let authors = names.map(ExportedNames.readingOrder)
    var identifiers = Array(repeating: AuthorIdentifiers(), count: authors.count)
    for (tag, kind) in [("OI", AuthorIdentifierFields.NamedKind.orcid), ("RI", .researcherID)] {
      guard let field = fields[tag]?.joined(separator: "; ") else { continue }
      // Matched against the names as WoS writes them ("Family, Given"), so that a
      // family name of several words stays one family name.
      AuthorIdentifierFields.attach(
        field, kind: kind, to: names, identifiers: &identifiers,
        at: tagLines[tag].map { InputLocation(file: location.file, line: $0) } ?? location,
        diagnostics: &diagnostics)
    }
    return Publication(
      title: title, authors: authors,
      year: (first("PY") ?? first("EA")).flatMap(RecordIdentifiers.year(in:)),
      venue: venue, kind: kind, abstract: first("AB"),
      doi: first("DI").flatMap(RecordIdentifiers.doi(in:)),
      keywords: first("DE").map(RecordIdentifiers.keywords) ?? [],
      authorIdentifiers: identifiers, location: location)
  }
}
