/// One unit of text for term extraction: a title, an abstract, or both.
///
/// Term occurrences are counted per document (VOSviewer's binary counting), so
/// a publication's title and abstract belong in one document, not two.
public struct TermDocument: Sendable, Hashable, Codable {
  /// The text: title and abstract, possibly with LaTeX markup.
  public var text: String
  /// The authors, for author–topic networks and topic profiles.
  public var authors: [String]
  public var year: Int?
  /// Where the text comes from.
  public var location: InputLocation?

  public init(
    text: String, authors: [String] = [], year: Int? = nil, location: InputLocation? = nil
  ) {
    self.text = text
    self.authors = authors
    self.year = year
    self.location = location
  }

  /// The title of `publication`, followed by its abstract when there is one and
  /// `includeAbstract` is true.
  public init(_ publication: Publication, includeAbstract: Bool = true) {
    var text = publication.title
    if includeAbstract, let abstract = publication.abstract, !abstract.isEmpty {
      // A full stop keeps a phrase from running from the title into the abstract.
      text += ".\n" + abstract
    }
    self.init(
      text: text, authors: publication.authors, year: publication.year,
      location: publication.location)
  }

  /// A free-standing abstract paragraph (from a homepage), with its authors when known.
  public init(_ abstract: AbstractText, authors: [String] = []) {
    self.init(text: abstract.text, authors: authors, location: abstract.location)
  }
}

extension TermDocument {
  /// The documents of one source: each publication (title, plus its abstract
  /// when `includeAbstracts`), then each free-standing abstract with the
  /// source's owner, when known, as its author (a homepage's abstracts are its
  /// owner's).
  public static func documents(from source: SourceDocument, includeAbstracts: Bool = true)
    -> [TermDocument]
  {
    var out = source.publications.map { TermDocument($0, includeAbstract: includeAbstracts) }
    if includeAbstracts {
      let owner = source.owner.map { [$0] } ?? []
      out += source.abstracts.map { TermDocument($0, authors: owner) }
    }
    return out
  }
}
