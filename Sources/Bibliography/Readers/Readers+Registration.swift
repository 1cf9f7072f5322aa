// The export-format readers take no owner: FormatDetector wraps them to set the owner a
// manifest gives.
extension BibTeXReader: DefaultInitializableReader {}
extension RISReader: DefaultInitializableReader {}
extension CSLJSONReader: DefaultInitializableReader {}
extension CSVReader: DefaultInitializableReader {}
extension WoSReader: DefaultInitializableReader {}
extension ScopusCSVReader: DefaultInitializableReader {}
extension OpenAlexReader: DefaultInitializableReader {}

// Publication lists as documents (Markdown, HTML, LaTeX and PDF CVs).
extension FormatDetector {
  /// The document-list readers, asked after the others; each takes an owner.
  static var textListReaders: [any RecordReader.Type] {
    [MarkdownReader.self, HTMLReader.self, LaTeXCVReader.self, PDFReader.self]
  }
}

// Structured publication lists (YAML data files, front-matter pages, DBLP, ORCID).
extension YAMLReader: DefaultInitializableReader {}
extension DBLPReader: DefaultInitializableReader {}
extension ORCIDReader: DefaultInitializableReader {}
extension FormatDetector {
  /// The structured-list readers, asked after the others (FrontMatterReader takes an owner).
  static var structuredListReaders: [any RecordReader.Type] {
    [FrontMatterReader.self, YAMLReader.self, DBLPReader.self, ORCIDReader.self]
  }
}

/// Why an input was read as the format it was (`coauthor parse --explain`).
public struct FormatExplanation: Sendable {
  /// Every registered reader's confidence, highest first.
  public var confidences: [(format: InputFormat, confidence: Double)]
  /// The detected format (nil: no reader reached ``FormatDetector/minimumConfidence``).
  public var winner: InputFormat?
  /// The owner the document names or its entries show, and how it was found.
  public var owner: String?
  public var ownerReason: String
  public var records: Int

  /// Explains the detection of `text` and the owner of `document` (parsed from it).
  public init(text: String, fileName: String, document: SourceDocument?, givenOwner: String? = nil) {
    let head = text.utf8.count > FormatDetector.detectionLimit ? String(text.prefix(FormatDetector.detectionLimit)) : text
    confidences = FormatDetector.readers.map { ($0.format, $0.confidence(for: head)) }
      .sorted { ($0.1, $1.0.rawValue) > ($1.1, $0.0.rawValue) }
    winner = document?.format ?? FormatDetector.detect(text, fileName: fileName)
    records = document?.publications.count ?? 0
    (owner, ownerReason) = Self.owner(of: document, givenOwner: givenOwner)
  }

  /// Explains a front-matter folder read as one source.
  public init(folder: SourceDocument, pages: Int, givenOwner: String? = nil) {
    confidences = [(.frontMatter, 1)]
    winner = .frontMatter
    records = folder.publications.count
    (owner, ownerReason) = Self.owner(of: folder, givenOwner: givenOwner)
    ownerReason += "; \(pages) page(s) with publication front matter"
  }

  static func owner(of document: SourceDocument?, givenOwner: String?) -> (String?, String) {
    guard let document else { return (nil, "not read") }
    let withAuthors = document.publications.filter { !$0.authors.isEmpty }.count
    func count(_ name: String) -> Int {
      document.publications.filter { $0.authors.contains { OwnerDetection.isVariant($0, of: name) } }.count
    }
    if let givenOwner { return (givenOwner, "given (manifest or --owner); on \(count(givenOwner)) of \(withAuthors) entries with authors") }
    if let owner = document.owner {
      return (owner, "named by the source (marked in bold/underline, or the record's holder); on \(count(owner)) of \(withAuthors) entries with authors")
    }
    if let found = OwnerDetection.detect(document.publications) {
      return (found.name, "the person on most entries: \(found.entries) of \(found.entriesWithAuthors) entries with authors, spelled \(found.variants.map { "'\($0)'" }.joined(separator: ", "))")
    }
    return (nil, "none: no one is on more than half of the \(withAuthors) entries with authors")
  }

  /// The explanation as lines of text.
  public var text: String {
    var lines: [String] = []
    lines.append("format: \(winner?.rawValue ?? "unknown")" + (winner == nil ? " (no reader reached \(FormatDetector.minimumConfidence))" : ""))
    lines.append("confidence of each reader (the highest wins; ties go to the earlier reader, or the one the file name's extension names):")
    for (format, confidence) in confidences {
      lines.append("  \(format.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%.2f", confidence))\(format == winner ? "  <- detected" : "")")
    }
    lines.append("records: \(records)")
    lines.append("owner: \(owner ?? "none") — \(ownerReason)")
    return lines.joined(separator: "\n") + "\n"
  }
}
