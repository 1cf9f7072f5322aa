import CoauthorBase
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
    "year", "publicationyear", "pubyear", "py", "date", "publicationdate", "issued", "pubdate",
  ]
  /// A formatted citation holding the authors (academicpages `publications.tsv`).
  static let citationColumns = ["citation", "reference", "formattedcitation", "fullcitation"]
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
    let hasAuthors = names.contains { authorColumns.contains($0) || citationColumns.contains($0) }
    if hasTitle && hasAuthors { return 0.75 }
    return hasTitle ? 0.5 : 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let text = Self.repairingMacRoman(text)
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
    let citation = authors == nil ? table.column(Self.citationColumns) : nil
    if title == nil {
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: 1),
          "no title column among: \(InputLimits.quote(table.header.joined(separator: ", ")))"))
    }
    var publications: [Publication] = []
    for row in table.rows {
      let location = InputLocation(file: file, line: row.line)
      let titleText = row.value(title) ?? ""
      if titleText.isEmpty {
        diagnostics.append(Diagnostic(.warning, at: location, "row has no title"))
      }
      var (names, truncated) = Self.authorNames(row.value(authors) ?? "")
      if authors == nil, let cited = row.value(citation) {
        (names, truncated) = PublicationNames.authors(ofCitation: cited, title: titleText)
      }
      let venueText = row.value(venue)
      let arxivID = row.value(arxiv).flatMap(RecordIdentifiers.arxivID(in:))
      publications.append(
        Publication(
          title: titleText,
          authors: names,
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

extension CSVReader {
  /// The names of an author cell, in reading order, and whether the list was cut short:
  /// lists with `;`, `|` or ` and ` as exports write them ("King, Jean-Rémi; Sitt, JD"),
  /// comma lists as people and Google Scholar write them ("AMV Fournier, AR Sullivan,
  /// ...", "Koptyra M, Ijaz H, Gaonkar K", "Smith, J., Doe, K.").
  static func authorNames(_ raw: String) -> (names: [String], truncated: Bool) {
    let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.contains(";") || trimmed.contains("|")
      || trimmed.range(of: " and ", options: .caseInsensitive) != nil
    {
      var names = ExportedNames.split(trimmed)
      var truncated = false
      while let last = names.last, PublicationNames.isElision(last) {
        names.removeLast()
        truncated = true
      }
      return (names.filter { !PublicationNames.isElision($0) }.map(ExportedNames.readingOrder), truncated)
    }
    return PublicationNames.splitList(trimmed)
  }

  // MARK: Mac Roman

  /// Lines that were decoded as Windows-1252 but read better as Mac Roman (an Excel for
  /// Mac export: "donÕt" is "don’t", "Ò" and "Ó" are curly quotes), re-decoded. A line is
  /// changed only when every character maps back to one Windows-1252 byte and the Mac
  /// Roman reading is clearly more plausible (letters inside words in the right case,
  /// typographic punctuation; not math symbols or capitals inside lower-case words).
  static func repairingMacRoman(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value <= 0x2122 }) else { return text }
    var changed = false
    var lines: [Substring] = []
    var out: [String] = []
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for line in lines {
      guard line.unicodeScalars.contains(where: { $0.value >= 0x80 }),
        let bytes = windows1252Bytes(line)
      else {
        out.append(String(line))
        continue
      }
      let mac = String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : macRoman[Int($0) - 0x80] }))
      if plausibility(mac) > plausibility(String(line)) + 1 {
        out.append(mac)
        changed = true
      } else {
        out.append(String(line))
      }
    }
    return changed ? out.joined(separator: "\n") : text
  }

  static let windows1252Specials: [Unicode.Scalar: UInt8] = {
    let high: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
      0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    var table: [Unicode.Scalar: UInt8] = [:]
    for (offset, value) in high.enumerated() { table[Unicode.Scalar(value)!] = UInt8(0x80 + offset) }
    return table
  }()

  static func windows1252Bytes(_ line: Substring) -> [UInt8]? {
    var bytes: [UInt8] = []
    for scalar in line.unicodeScalars {
      if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) {
        bytes.append(UInt8(scalar.value))
      } else if let byte = windows1252Specials[scalar] {
        bytes.append(byte)
      } else {
        return nil
      }
    }
    return bytes
  }

  /// Mac OS Roman, 0x80 … 0xFF.
  static let macRoman: [Unicode.Scalar] = Array(
    ("ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{A0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{F8FF}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ").unicodeScalars)

  /// How plausible the non-ASCII characters of `text` are as Western text.
  static func plausibility(_ text: String) -> Int {
    let characters = Array(text)
    var score = 0
    for (index, c) in characters.enumerated() where !c.isASCII {
      let previous: Character = index > 0 ? characters[index - 1] : " "
      let next: Character = index + 1 < characters.count ? characters[index + 1] : " "
      if "“”‘’–—…".contains(c) {
        score += 2
      } else if c.isLetter && c.isLowercase {
        score += (previous.isLetter || next.isLetter) ? 2 : 0
      } else if c.isLetter && c.isUppercase {
        score += previous.isLetter && previous.isLowercase ? -3 : 1
      } else if "≠∞≤≥∂∑∏π∫Ω√≈∆◊⁄ﬁﬂ¬ƒ‡·‚„‰¿¡¶ˆ˜¯˘˙˚¸˝˛ˇ\u{F8FF}".contains(c)
        || (c.unicodeScalars.first.map { (0x80...0x9F).contains($0.value) } ?? false)
      {
        score -= 3
      }
    }
    return score
  }
}
