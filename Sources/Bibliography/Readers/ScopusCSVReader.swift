import Foundation

/// Reads Scopus CSV exports ("Authors", "Author full names", "Author(s) ID",
/// "Title", "Year", "Source title", "DOI", "Abstract", "Author Keywords",
/// "Document Type", … ).
///
/// Authors come from "Author full names" ("Caffo, Brian (35069047000)" → "Brian
/// Caffo"), or from "Authors" ("Caffo B.") in older exports; when both are present
/// and name different numbers of people, that is reported. Scopus placeholders
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
    var publications: [Publication] = []
    for row in table.rows {
      let location = InputLocation(file: file, line: row.line)
      func clean(_ value: String?) -> String? {
        guard let value, !(value.hasPrefix("[No ") && value.hasSuffix("]")) else { return nil }
        return value
      }
      let short = clean(row.value(shortNames)).map { $0.components(separatedBy: ";") } ?? []
      let full = clean(row.value(fullNames)).map { $0.components(separatedBy: ";") } ?? []
      let authors = (full.isEmpty ? short : full).map(ExportedNames.readingOrder).filter {
        !$0.isEmpty
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
          location: location))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }
}
