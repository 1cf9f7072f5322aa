import Foundation

/// Reads OpenAlex works: the API's JSON (`{"results": […]}`, an array of works, one
/// work, or JSON Lines) and the flattened CSV export (`authorships.author.display_name`
/// with names joined by `|`).
///
/// Title from `title`/`display_name`, authors from `authorships[].author.display_name`
/// (or `raw_author_name`), year `publication_year`, venue
/// `primary_location.source.display_name`, DOI (resolver prefix removed), abstract
/// from `abstract` or rebuilt from `abstract_inverted_index`, keywords, `type`; each
/// author's ORCID (validated) and OpenAlex author id (`authorships[].author.orcid`/`.id`,
/// or the CSV's `authorships.author.orcid`/`.id` columns).
public struct OpenAlexReader: RecordReader {
  public static let format = InputFormat.openAlex

  public init() {}

  /// 0.95 for OpenAlex JSON or CSV.
  public static func confidence(for text: String) -> Double {
    let sample = text.prefix(65_536)
    guard let first = sample.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else {
      return 0
    }
    if first == "[" || first == "{" {
      return sample.contains("\"authorships\"") || sample.contains("https://openalex.org/W")
        ? 0.95 : 0
    }
    let names = Set(DelimitedText.headerNames(of: text))
    if names.contains("authorships.author.display_name") { return 0.95 }
    if names.contains("publication_year"), names.contains("display_name") || names.contains("title")
    {
      return 0.6
    }
    return 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    guard let first = text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else {
      return SourceDocument(file: file, format: Self.format)
    }
    if first == "[" || first == "{" { return parseJSON(text, file: file) }
    return parseCSV(text, file: file)
  }

  func parseCSV(_ text: String, file: String) -> SourceDocument {
    let table = DelimitedText(parsing: text, file: file)
    var diagnostics = table.diagnostics
    func column(_ name: String) -> Int? { table.header.firstIndex(of: name) }
    let title = column("title") ?? column("display_name")
    let authors = column("authorships.author.display_name") ?? column("authorships.raw_author_name")
    let year = column("publication_year")
    let venue = column("primary_location.source.display_name") ?? column("host_venue.display_name")
    let doi = column("doi") ?? column("ids.doi")
    let abstract = column("abstract")
    let keywords = column("keywords.display_name")
    let type = column("type")
    let arxiv = column("ids.arxiv")
    let orcid = column("authorships.author.orcid")
    let authorID = column("authorships.author.id")
    var publications: [Publication] = []
    for row in table.rows {
      let location = InputLocation(file: file, line: row.line)
      let titleText = row.value(title) ?? ""
      if titleText.isEmpty {
        diagnostics.append(Diagnostic(.warning, at: location, "work has no title"))
      }
      // The author columns are parallel lists joined by "|": split them together and
      // drop the empty names from all of them.
      let allNames = (row.value(authors) ?? "").components(separatedBy: "|").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let orcids = Self.parallel(row.value(orcid), count: allNames.count)
      let authorIDs = Self.parallel(row.value(authorID), count: allNames.count)
      var names: [String] = []
      var identifiers: [AuthorIdentifiers] = []
      for (index, name) in allNames.enumerated() where !name.isEmpty {
        names.append(name)
        identifiers.append(
          AuthorIdentifiers(
            orcid: AuthorIdentifierFields.orcid(
              orcids[index], author: name, at: location, diagnostics: &diagnostics),
            openAlexID: AuthorIdentifierFields.openAlexAuthorID(authorIDs[index])))
      }
      for (column, name) in [
        (orcid, "authorships.author.orcid"), (authorID, "authorships.author.id"),
      ] {
        guard let value = row.value(column), !value.isEmpty else { continue }
        let count = value.components(separatedBy: "|").count
        if count != allNames.count {
          diagnostics.append(
            Diagnostic(
              .warning, at: location,
              "\(name) lists \(count) values for \(allNames.count) authors; ignored"))
        }
      }
      let venueText = row.value(venue)
      let arxivID = row.value(arxiv).flatMap(RecordIdentifiers.arxivID(in:))
      publications.append(
        Publication(
          title: titleText, authors: names,
          year: row.value(year).flatMap(RecordIdentifiers.year(in:)),
          venue: venueText,
          kind: CSVReader.kind(named: row.value(type), venue: venueText, arxiv: arxivID),
          abstract: row.value(abstract), doi: row.value(doi).flatMap(RecordIdentifiers.doi(in:)),
          arxivID: arxivID,
          keywords: (row.value(keywords) ?? "").components(separatedBy: "|").map {
            $0.trimmingCharacters(in: .whitespaces)
          }.filter { !$0.isEmpty },
          authorIdentifiers: identifiers, location: location))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  func parseJSON(_ text: String, file: String) -> SourceDocument {
    var diagnostics: [Diagnostic] = []
    var publications: [Publication] = []
    _ = JSONRecords.forEachItem(
      in: text, file: file, keys: ["results", "works"], diagnostics: &diagnostics
    ) {
      item, index, line, diagnostics in
      let location = InputLocation(file: file, line: line)
      guard let work = item as? [String: Any] else {
        diagnostics.append(
          Diagnostic(.error, at: location, "work \(index + 1) is not a JSON object; skipped"))
        return
      }
      publications.append(Self.publication(work, location: location, diagnostics: &diagnostics))
    }
    return SourceDocument(
      file: file, format: Self.format, publications: publications, diagnostics: diagnostics)
  }

  /// One OpenAlex work object as a publication.
  static func publication(
    _ work: [String: Any], location: InputLocation, diagnostics: inout [Diagnostic]
  )
    -> Publication
  {
    var authors: [String] = []
    var identifiers: [AuthorIdentifiers] = []
    for authorship in (work["authorships"] as? [Any]) ?? [] {
      guard let authorship = authorship as? [String: Any] else { continue }
      let author = authorship["author"] as? [String: Any]
      if let name = JSONRecords.string(author?["display_name"])
        ?? JSONRecords.string(authorship["raw_author_name"])
      {
        authors.append(name)
        identifiers.append(
          AuthorIdentifiers(
            orcid: AuthorIdentifierFields.orcid(
              JSONRecords.string(author?["orcid"]), author: name, at: location,
              diagnostics: &diagnostics),
            openAlexID: AuthorIdentifierFields.openAlexAuthorID(
              JSONRecords.string(author?["id"]))))
      } else {
        diagnostics.append(Diagnostic(.warning, at: location, "an authorship has no name"))
      }
    }
    let title =
      JSONRecords.string(work["title"]) ?? JSONRecords.string(work["display_name"]) ?? ""
    if title.isEmpty {
      diagnostics.append(Diagnostic(.warning, at: location, "work has no title"))
    }
    let source = ((work["primary_location"] as? [String: Any])?["source"] as? [String: Any])
    let venue = JSONRecords.string(source?["display_name"])
    let ids = work["ids"] as? [String: Any]
    let doi = (JSONRecords.string(work["doi"]) ?? JSONRecords.string(ids?["doi"])).flatMap(
      RecordIdentifiers.doi(in:))
    var arxiv = JSONRecords.string(ids?["arxiv"]).flatMap(RecordIdentifiers.arxivID(in:))
    if arxiv == nil, let doi, doi.lowercased().hasPrefix("10.48550/arxiv.") {
      arxiv = RecordIdentifiers.arxivID(in: doi)
    }
    var abstract = JSONRecords.string(work["abstract"])
    if abstract == nil, let index = work["abstract_inverted_index"] as? [String: Any] {
      abstract = Self.abstract(fromInvertedIndex: index)
    }
    let keywords = ((work["keywords"] as? [Any]) ?? []).compactMap {
      JSONRecords.string(($0 as? [String: Any])?["display_name"]) ?? JSONRecords.string($0)
    }
    var year = (work["publication_year"] as? Int)
    if year == nil {
      year = JSONRecords.string(work["publication_year"] ?? work["publication_date"]).flatMap(
        RecordIdentifiers.year(in:))
    }
    return Publication(
      title: title, authors: authors, year: year, venue: venue,
      kind: CSVReader.kind(named: JSONRecords.string(work["type"]), venue: venue, arxiv: arxiv),
      abstract: abstract, doi: doi, arxivID: arxiv, keywords: keywords,
      authorIdentifiers: identifiers, location: location)
  }

  /// The `count` values of a "|"-joined column parallel to the author names, or
  /// `count` nils when the column is missing or does not line up.
  static func parallel(_ value: String?, count: Int) -> [String?] {
    guard let value, !value.isEmpty else { return Array(repeating: nil, count: count) }
    let items = value.components(separatedBy: "|")
    guard items.count == count else { return Array(repeating: nil, count: count) }
    // Exports made with pandas write "None" (or "nan") where an author has no value.
    return items.map {
      let item = $0.trimmingCharacters(in: .whitespaces)
      return item.isEmpty || item == "None" || item == "null" || item == "nan" ? nil : item
    }
  }

  /// OpenAlex stores abstracts as word → positions; this puts the words back in order.
  static func abstract(fromInvertedIndex index: [String: Any]) -> String? {
    var positioned: [(Int, String)] = []
    for (word, positions) in index {
      for position in (positions as? [Any]) ?? [] {
        if let position = position as? Int { positioned.append((position, word)) }
      }
    }
    guard !positioned.isEmpty else { return nil }
    return positioned.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " ")
  }
}
