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
  /// Identifiers of the authors, parallel to ``authors`` (same count), or empty when
  /// the source gives none. Use ``identifiers(ofAuthorAt:)`` to read it.
  public var authorIdentifiers: [AuthorIdentifiers]
  /// Editor names in order (BibTeX/DBLP `editor`), kept apart from the authors. An
  /// entry with editors and no authors has the editors in ``authors`` too.
  public var editors: [String] = []
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
    authorsTruncated: Bool = false, authorIdentifiers: [AuthorIdentifiers] = [],
    location: InputLocation
  ) {
    self.title = title
    self.authors = authors
    // Parallel or nothing: a list that does not line up with the authors says nothing.
    self.authorIdentifiers =
      authorIdentifiers.count == authors.count && !authorIdentifiers.allSatisfy(\.isEmpty)
      ? authorIdentifiers : []
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

  /// The identifiers of author `index`, nil when none are known (or `index` is out of range).
  public func identifiers(ofAuthorAt index: Int) -> AuthorIdentifiers? {
    guard authorIdentifiers.indices.contains(index) else { return nil }
    let identifiers = authorIdentifiers[index]
    return identifiers.isEmpty ? nil : identifiers
  }
}
