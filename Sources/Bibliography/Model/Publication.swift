/// What kind of work a publication is.
public enum PublicationKind: String, Sendable, Hashable, Codable, CaseIterable {
  case journal
  case conference
  case workshop
  case preprint
  case patent
  case book
  case chapter
  case thesis
  case report
  case other
}

/// One bibliographic record, as read from any source.
public struct Publication: Sendable, Hashable, Codable {
  public var title: String
  /// Author (or inventor) names in order, cleaned of markup and marks, spelled as
  /// the source spells them (diacritics kept).
  public var authors: [String]
  public var year: Int?
  public var venue: String?
  public var kind: PublicationKind
  /// The source marks the author list as alphabetical (e.g. a CV's `*`).
  public var alphabetical: Bool
  public var abstract: String?
  public var doi: String?
  public var arxivID: String?
  public var keywords: [String]
  /// True when the source truncated the author list ("and others", "et al.").
  public var authorsTruncated: Bool
  /// Where the record starts in its input.
  public var location: InputLocation

  public init(
    title: String, authors: [String], year: Int? = nil, venue: String? = nil,
    kind: PublicationKind = .other, alphabetical: Bool = false, abstract: String? = nil,
    doi: String? = nil, arxivID: String? = nil, keywords: [String] = [],
    authorsTruncated: Bool = false, location: InputLocation
  ) {
    self.title = title
    self.authors = authors
    self.year = year
    self.venue = venue
    self.kind = kind
    self.alphabetical = alphabetical
    self.abstract = abstract
    self.doi = doi
    self.arxivID = arxivID
    self.keywords = keywords
    self.authorsTruncated = authorsTruncated
    self.location = location
  }
}
