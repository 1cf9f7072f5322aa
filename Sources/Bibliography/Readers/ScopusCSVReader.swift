import Foundation

/// Reads Scopus CSV exports ("Authors", "Author full names", "Author(s) ID",
/// "Title", "Year", "Source title", "DOI", "Abstract", "Author Keywords",
/// "Document Type", … ).
///
/// Authors come from "Author full names" ("Caffo, Brian (35069047000)" → "Brian
/// Caffo"), or from "Authors" ("Caffo B.") in older exports; when both are present
/// and name different numbers of people, that is reported. Each author's Scopus id
/// comes from "Author(s) ID" (or the parentheses in "Author full names"). Scopus placeholders
/// ("[No abstract available]", "[No author name available]") become empty values.
public struct ScopusCSVReader: RecordReader {
  public static let format = InputFormat.scopusCSV

  public init() {}

  /// 0.95 for a header with Scopus's own column names.
  public static func confidence(for text: String) -> Double {
    let names = Set(DelimitedText.headerNames(of: text).map(DelimitedText.normalizedName))
    guard names.contains("authors"), names.contains("title"), names.contains("sourcetitle")
    else { return 0 }
    if names.contains("eid") || names.contains("authorsid") || names.contains("authorfullnames") {
      return 0.95
    }
    return 0.6
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let table = DelimitedText(parsing: text, file: file)
    var diagnostics = table.diagnostics
    let shortNames = table.column(["authors"])
    let fullNames = table.column(["authorfullnames"])
    let title = table.column(["title"])
    let year = table.column(["year"])
    let source = table.column(["sourcetitle"])
    let doi = table.column(["doi"])
    let abstract = table.column(["abstract"])
    let keywords = table.column(["authorkeywords"])
    let type = table.column(["documenttype"])
    let link = table.column(["link"])
    let authorIDs = table.column(["authorsid"])
    var publications: [Publication] = []
    for row in table.rows {
      let location = InputLocation(file: file, line: row.line)
      func clean(_ value: String?) -> String? {
        guard let value, !(value.hasPrefix("[No ") && value.hasSuffix("]")) else { return nil }
        return value
      }
      let short = clean(row.value(shortNames)).map { $0.components(separatedBy: ";") } ?? []
      let full = clean(row.value(fullNames)).map { $0.components(separatedBy: ";") } ?? []
      let listed = full.isEmpty ? short : full
      // Author ids: "Author(s) ID" ("1; 2", older exports end it with ";"), else the
      // ids in parentheses of "Author full names".
      var ids = (row.value(authorIDs) ?? "").components(separatedBy: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if ids.last == "" { ids.removeLast() }
      if ids.count != listed.count {
        let fromFullNames = full.map { Self.parenthesizedID(in: $0) }
        if !ids.isEmpty && !listed.isEmpty {
          diagnostics.append(
            Diagnostic(
              .warning, at: location,
              "'Author(s) ID' lists \(ids.count) ids for \(listed.count) authors; "
                + (fromFullNames.contains { $0 != nil }
                  ? "the ids in 'Author full names' are used" : "ids ignored")))
        }
        ids = fromFullNames.count == listed.count ? fromFullNames.map { $0 ?? "" } : []
      }
      var authors: [String] = []
      var identifiers: [AuthorIdentifiers] = []
      for (index, raw) in listed.enumerated() {
        let name = ExportedNames.readingOrder(raw)
        guard !name.isEmpty else { continue }
        authors.append(name)
        identifiers.append(
          AuthorIdentifiers(
            scopusID: ids.indices.contains(index)
              ? AuthorIdentifierFields.scopusID(ids[index]) : nil))
      }
      if !full.isEmpty, !short.isEmpty, full.count != short.count {
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            "'Authors' names \(short.count) people, 'Author full names' \(full.count); "
              + "the full names are used"))
      }
      if authors.isEmpty {
        let raw = row.value(shortNames) ?? ""
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            raw.isEmpty ? "record has no authors" : "no author names: '\(raw)'"))
      }
      let titleText = row.value(title) ?? ""
      if titleText.isEmpty {
        diagnostics.append(Diagnostic(.warning, at: location, "row has no title"))
      }
      let venue = row.value(source)
      publications.append(
        Publication(
          title: titleText, authors: authors,
          year: row.value(year).flatMap(RecordIdentifiers.year(in:)), venue: venue,
          kind: CSVReader.kind(named: row.value(type), venue: venue, arxiv: nil),
          abstract: clean(row.value(abstract)),
          doi: row.value(doi).flatMap(RecordIdentifiers.doi(in:)),
          arxivID: row.value(link).flatMap {
            $0.contains("arxiv") ? RecordIdentifiers.arxivID(in: $0) : nil
          },
          keywords: clean(row.value(keywords)).map(RecordIdentifiers.keywords) ?? [],
          authorIdentifiers: identifiers, location: location))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  /// The Scopus author id in "Caffo, Brian (35069047000)".
  static func parenthesizedID(in name: String) -> String? {
    let name = name.trimmingCharacters(in: .whitespaces)
    guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
    return AuthorIdentifierFields.scopusID(
      String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
  }
}
