import Foundation

/// Reads a CSV or TSV table of publications with a header row.
///
/// Columns are found by name (case, spaces and punctuation ignored): title
/// (`title`, `paper title`, …), authors (`authors`, `author`, `creators`; names
/// separated by `;`, `|` or ` and `, "Last, First" turned to reading order), year
/// (`year`, `publication year`, `date`), venue (`venue`, `journal`, `source`,
/// `source title`, `booktitle`, `conference`), `doi`, `abstract`, `keywords`, `arxiv`,
/// `type`. A row without a title is kept and reported.
public struct CSVReader: RecordReader {
  public static let format = InputFormat.csv

  public init() {}

  static let titleColumns = [
    "title", "papertitle", "articletitle", "documenttitle", "publicationtitle", "name",
  ]
  static let authorColumns = [
    "authors", "author", "authornames", "authorfullnames", "creators", "creator", "by",
    "contributors",
  ]
  static let yearColumns = [
    "year", "publicationyear", "pubyear", "py", "date", "publicationdate", "issued",
  ]
  static let venueColumns = [
    "venue", "journal", "source", "sourcetitle", "booktitle", "publication", "containertitle",
    "conference", "journaltitle", "journalname", "so",
  ]
  static let kindColumns = ["type", "documenttype", "itemtype", "kind", "publicationtype"]

  /// 0.75 with a title and an author column, 0.5 with a title column only.
  public static func confidence(for text: String) -> Double {
    let names = DelimitedText.headerNames(of: text).map(DelimitedText.normalizedName)
    guard names.count >= 2 else { return 0 }
    let hasTitle = names.contains { titleColumns.contains($0) }
    let hasAuthors = names.contains { authorColumns.contains($0) }
    if hasTitle && hasAuthors { return 0.75 }
    return hasTitle ? 0.5 : 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let table = DelimitedText(parsing: text, file: file)
    var diagnostics = table.diagnostics
    let title = table.column(Self.titleColumns)
    let authors = table.column(Self.authorColumns)
    let year = table.column(Self.yearColumns)
    let venue = table.column(Self.venueColumns)
    let doi = table.column(["doi"])
    let abstract = table.column(["abstract", "summary"])
    let keywords = table.column(["keywords", "authorkeywords", "tags", "keyword"])
    let arxiv = table.column(["arxiv", "arxivid", "eprint"])
    let kind = table.column(Self.kindColumns)
    if title == nil {
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: 1),
          "no title column among: \(table.header.joined(separator: ", "))"))
    }
    var publications: [Publication] = []
    for row in table.rows {
      let location = InputLocation(file: file, line: row.line)
      let titleText = row.value(title) ?? ""
      if titleText.isEmpty {
        diagnostics.append(Diagnostic(.warning, at: location, "row has no title"))
      }
      let names = ExportedNames.split(row.value(authors) ?? "")
      let truncated =
        names.last.map { ["et al", "et al.", "others"].contains($0.lowercased()) } ?? false
      let venueText = row.value(venue)
      let arxivID = row.value(arxiv).flatMap(RecordIdentifiers.arxivID(in:))
      publications.append(
        Publication(
          title: titleText,
          authors: (truncated ? names.dropLast() : names[...]).map(ExportedNames.readingOrder),
          year: row.value(year).flatMap(RecordIdentifiers.year(in:)), venue: venueText,
          kind: Self.kind(named: row.value(kind), venue: venueText, arxiv: arxivID),
          abstract: row.value(abstract), doi: row.value(doi).flatMap(RecordIdentifiers.doi(in:)),
          arxivID: arxivID, keywords: row.value(keywords).map(RecordIdentifiers.keywords) ?? [],
          authorsTruncated: truncated, location: location))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  /// Maps a free-text document type ("Article", "Conference Paper", "book-chapter",
  /// "article-journal") to a kind; the venue decides for preprints.
  static func kind(named type: String?, venue: String?, arxiv: String?) -> PublicationKind {
    if arxiv != nil || RecordIdentifiers.namesPreprintServer(venue ?? "") { return .preprint }
    guard let type else { return venue == nil ? .other : .journal }
    let t = type.lowercased()
    if t.contains("preprint") || t.contains("posted-content") { return .preprint }
    if t.contains("workshop") { return .workshop }
    if t.contains("conference") || t.contains("proceeding") || t.contains("paper-conference")
      || t == "inproceedings"
    {
      return .conference
    }
    if t.contains("chapter") || t.contains("section") || t == "incollection" { return .chapter }
    if t.contains("book") || t == "monograph" { return .book }
    if t.contains("thesis") || t.contains("dissertation") { return .thesis }
    if t.contains("report") { return .report }
    if t.contains("patent") { return .patent }
    if t.contains("article") || t.contains("journal") || t.contains("review")
      || t.contains("letter") || t.contains("editorial") || t.contains("note")
    {
      return .journal
    }
    return .other
  }
}
