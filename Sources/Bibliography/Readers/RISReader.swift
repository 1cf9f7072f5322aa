import Foundation

/// Reads RIS files (Zotero, EndNote, Mendeley, Scopus, Web of Science exports).
///
/// A record runs from `TY  - ` to `ER  - `; each line is a two-character tag, two
/// spaces, a hyphen and the value (one space before the hyphen is accepted too). A
/// line without a tag continues the previous value. Authors come from `AU`/`A1`
/// ("Last, First" or "Last, First, Suffix" → reading order), the title from
/// `TI`/`T1`, the year from `PY`/`Y1`/`DA`, the venue from `T2`/`JO`/`JF`/`JA`/`BT`,
/// the abstract from `AB`/`N2`, keywords from `KW`, the DOI from `DO` (or a doi.org
/// URL in `UR`).
public struct RISReader: RecordReader {
  public static let format = InputFormat.ris

  public init() {}

  /// 0.95 when a `TY  - ` line opens a record (and an `ER  -` closes one).
  public static func confidence(for text: String) -> Double {
    let sample = text.prefix(65_536)
    var sawType = false
    var sawEnd = false
    var tagged = 0
    for line in sample.split(whereSeparator: \.isNewline).prefix(400) {
      let line = line.hasPrefix("\u{FEFF}") ? line.dropFirst() : line[...]
      guard let tag = Self.tag(of: line) else { continue }
      tagged += 1
      if tag == "TY" { sawType = true }
      if tag == "ER" { sawEnd = true }
    }
    if sawType && sawEnd { return 0.95 }
    if sawType && tagged >= 3 { return 0.8 }
    return 0
  }

  /// The tag of a line `XY  - value` (also `XY - value`, and `ER  -` without value).
  static func tag(of line: Substring) -> String? {
    let scalars = Array(line.unicodeScalars.prefix(6))
    guard scalars.count >= 5 else {
      if scalars.count >= 4, scalars[2] == " ", scalars[3] == "-" || scalars.count == 5 {
        return isTagStart(scalars) ? String(String.UnicodeScalarView(scalars[0..<2])) : nil
      }
      return nil
    }
    guard isTagStart(scalars) else { return nil }
    if scalars[2] == " ", scalars[3] == " ", scalars[4] == "-" {
      return String(String.UnicodeScalarView(scalars[0..<2]))
    }
    if scalars[2] == " ", scalars[3] == "-", scalars.count == 4 || scalars[4] == " " {
      return String(String.UnicodeScalarView(scalars[0..<2]))
    }
    return nil
  }

  private static func isTagStart(_ s: [Unicode.Scalar]) -> Bool {
    (s[0] >= "A" && s[0] <= "Z") && ((s[1] >= "A" && s[1] <= "Z") || (s[1] >= "0" && s[1] <= "9"))
  }

  static func value(of line: Substring) -> String {
    guard let dash = line.firstIndex(of: "-") else { return "" }
    return line[line.index(after: dash)...].trimmingCharacters(in: .whitespaces)
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    var diagnostics: [Diagnostic] = []
    var publications: [Publication] = []
    var fields: [(tag: String, value: String)] = []
    var recordLine = 0
    var inRecord = false
    var lineNumber = 0
    var strayLines = 0
    var firstStray = 0

    func finish() {
      publications.append(
        publication(
          fields, location: InputLocation(file: file, line: recordLine), diagnostics: &diagnostics))
      fields = []
      inRecord = false
    }

    for rawLine in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    ) {
      lineNumber += 1
      let line = lineNumber == 1 && rawLine.hasPrefix("\u{FEFF}") ? rawLine.dropFirst() : rawLine
      if let tag = Self.tag(of: line) {
        let value = Self.value(of: line)
        if tag == "TY" {
          if inRecord {
            diagnostics.append(
              Diagnostic(
                .error, at: InputLocation(file: file, line: recordLine),
                "record has no 'ER  -' before the next 'TY  -' (line \(lineNumber))"))
            finish()
          }
          inRecord = true
          recordLine = lineNumber
          fields = [("TY", value)]
        } else if tag == "ER" {
          if inRecord {
            finish()
          } else {
            diagnostics.append(
              Diagnostic(
                .warning, at: InputLocation(file: file, line: lineNumber),
                "'ER  -' outside a record"))
          }
        } else if inRecord {
          fields.append((tag, value))
        } else {
          if strayLines == 0 { firstStray = lineNumber }
          strayLines += 1
        }
      } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
        if inRecord, !fields.isEmpty {
          // A continuation of the previous value.
          fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
        } else {
          if strayLines == 0 { firstStray = lineNumber }
          strayLines += 1
        }
      }
    }
    if inRecord {
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: recordLine),
          "record has no 'ER  -' before the end of the file"))
      finish()
    }
    if strayLines > 0 {
      diagnostics.append(
        Diagnostic(
          .warning, at: InputLocation(file: file, line: firstStray),
          "\(strayLines) line(s) outside any TY…ER record ignored (first here)"))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  func publication(
    _ fields: [(tag: String, value: String)], location: InputLocation,
    diagnostics: inout [Diagnostic]
  ) -> Publication {
    func all(_ tags: String...) -> [String] {
      fields.filter { tags.contains($0.tag) }.map(\.value).filter { !$0.isEmpty }
    }
    func first(_ tags: String...) -> String? {
      for tag in tags {
        if let value = fields.first(where: { $0.tag == tag && !$0.value.isEmpty })?.value {
          return value
        }
      }
      return nil
    }
    var authors = all("AU", "A1")
    // Some exporters put several names on one AU line, separated by ';'.
    authors = authors.flatMap { $0.contains(";") ? $0.components(separatedBy: ";") : [$0] }
      .map(ExportedNames.readingOrder).filter { !$0.isEmpty }
    let title = first("TI", "T1", "CT", "BT") ?? ""
    if title.isEmpty {
      diagnostics.append(Diagnostic(.warning, at: location, "record has no title (TI/T1)"))
    }
    let type = first("TY") ?? ""
    var venue = first("T2", "JO", "JF", "JA", "J2", "BT")
    if venue == title, first("BT") == venue, first("T2", "JO", "JF", "JA", "J2") == nil {
      venue = nil
    }
    let urls = all("UR", "L1", "L2")
    let doi =
      first("DO").flatMap(RecordIdentifiers.doi(in:))
      ?? urls.first(where: { $0.contains("doi.org/") }).flatMap(RecordIdentifiers.doi(in:))
    var arxiv = urls.first(where: { $0.contains("arxiv.org") }).flatMap(
      RecordIdentifiers.arxivID(in:))
    if arxiv == nil, let venue, venue.lowercased().contains("arxiv") {
      arxiv = RecordIdentifiers.arxivID(in: venue)
    }
    if arxiv == nil, let doi, doi.lowercased().hasPrefix("10.48550/arxiv.") {
      arxiv = RecordIdentifiers.arxivID(in: doi)
    }
    let keywords = all("KW").flatMap { $0.contains(";") ? RecordIdentifiers.keywords($0) : [$0] }
    return Publication(
      title: title, authors: authors,
      year: first("PY", "Y1", "DA", "Y2").flatMap(RecordIdentifiers.year(in:)), venue: venue,
      kind: Self.kind(type: type, venue: venue, arxiv: arxiv), abstract: first("AB", "N2"),
      doi: doi, arxivID: arxiv, keywords: keywords, location: location)
  }

  static func kind(type: String, venue: String?, arxiv: String?) -> PublicationKind {
    if arxiv != nil || RecordIdentifiers.namesPreprintServer(venue ?? "") { return .preprint }
    switch type.uppercased() {
    case "JOUR", "JFULL", "EJOUR", "MGZN", "NEWS", "INPR": return .journal
    case "CONF", "CPAPER", "CPROCEEDINGS": return .conference
    case "BOOK", "EBOOK", "EDBOOK", "ANCIENT", "CLASSIC": return .book
    case "CHAP", "ECHAP": return .chapter
    case "THES": return .thesis
    case "RPRT", "GOVDOC", "STAND": return .report
    case "PAT": return .patent
    case "UNPB", "MANSCPT": return .preprint
    default: return .other
    }
  }
}
