/// The formats coauthor reads as bibliographic sources.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// A CV's publication list as plain text (numbered or bulleted entries).
  case cvText = "cv-text"
  /// A homepage: a "Name (count)" collaborator line and abstract paragraphs.
  case homepage
  case bibtex
  case ris
  case cslJSON = "csl-json"
  case csv
  case wosTagged = "wos"
  case scopusCSV = "scopus-csv"
  case openAlex = "openalex"
  /// A publication list in Markdown (`publications.md`).
  case markdown
  /// A publication page in HTML (a homepage, a saved Google Scholar profile).
  case html
  /// A CV or publication list in LaTeX.
  case latex
  /// A CV as PDF, read through `pdftotext -layout`.
  case pdf
  /// A YAML publication list (Jekyll `_data/publications.yml`).
  case yaml
  /// Publication pages with YAML front matter (academicpages, Hugo), a folder as one source.
  case frontMatter = "frontmatter"
  /// DBLP XML: a person's `<dblpperson>` page or the full `dblp.xml`.
  case dblpXML = "dblp-xml"
  /// An ORCID record or works export (JSON or XML).
  case orcid
}

/// Everything read from one input file.
public struct SourceDocument: Sendable, Hashable, Codable {
  public var file: String
  public var format: InputFormat
  /// The person the document belongs to, when known (from a manifest or detected).
  public var owner: String?
  public var publications: [Publication]
  public var collaborators: [Collaborator]
  public var abstracts: [AbstractText]
  public var diagnostics: [Diagnostic]

  public init(
    file: String, format: InputFormat, owner: String? = nil, publications: [Publication] = [],
    collaborators: [Collaborator] = [], abstracts: [AbstractText] = [],
    diagnostics: [Diagnostic] = []
  ) {
    self.file = file
    self.format = format
    self.owner = owner
    self.publications = publications
    self.collaborators = collaborators
    self.abstracts = abstracts
    self.diagnostics = diagnostics
  }
}

/// A reader for one input format.
public protocol RecordReader: Sendable {
  /// The format this reader reads.
  static var format: InputFormat { get }
  /// How sure the reader is that `text` is in its format, from 0 (not at all) to 1.
  static func confidence(for text: String) -> Double
  /// Parses text already in memory; `file` names it in diagnostics.
  func parse(_ text: String, file: String) -> SourceDocument
}
