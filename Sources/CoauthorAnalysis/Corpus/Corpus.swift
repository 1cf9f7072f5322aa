import Bibliography
import Foundation

/// A publication of the corpus after deduplication, with its authors resolved to people.
public struct CorpusPaper: Sendable, Hashable {
  public var publication: Publication
  /// Person ids in author order (each person once).
  public var authors: [Int]
  /// Every place the paper was listed (more than one when it was deduplicated).
  public var listings: [InputLocation]
}

/// Two listings of the same paper that were counted once.
public struct PaperMerge: Sendable, Hashable {
  public var kept: InputLocation
  public var dropped: InputLocation
  public var reason: String
}

/// Everything read from the inputs, with people resolved and papers deduplicated.
public struct Corpus: Sendable {
  public var documents: [SourceDocument]
  /// Display name of every person; the index is the person id.
  public var people: [String]
  /// Every spelling seen for each person.
  public var variants: [[String]]
  public var papers: [CorpusPaper]
  public var declared: [DeclaredCollaboration]
  /// Person ids of the documents' owners, in input order, without repeats.
  public var owners: [Int]
  /// Every name merge made, for the user to check.
  public var nameMerges: [NameMerge]
  /// Names that fit several people and were therefore left as people of their own.
  public var nameAmbiguities: [NameAmbiguity] = []
  public var paperMerges: [PaperMerge]
  /// Problems found in the inputs (file:line and why).
  public var diagnostics: [Diagnostic]
  /// Abstracts and titles for topic networks.
  public var abstracts: [AbstractText]
  /// Decisions read from the data folder's `name-review.tsv`.
  public var review = NameReview()

  /// Possible duplicate people the rules did not merge, for the review file.
  public var nameSuggestions: [NameSuggestion] {
    NameSuggester.suggest(people: people, papers: papers.map(\.authors), decided: review.decided)
  }

  /// The input to the coauthor network builder.
  public var coauthorInput: CoauthorInput {
    CoauthorInput(names: people, papers: papers.map(\.authors), declared: declared)
  }
}

extension Corpus {
  /// The person a name refers to: the same spelling (case, punctuation and diacritics
  /// ignored) as one of the person's variants; nil when none or several match.
  public func person(named name: String) -> Int? {
    let key = NameNormalizer.matchKey(name)
    var found: Int?
    for (id, spellings) in variants.enumerated()
    where NameNormalizer.matchKey(people[id]) == key
      || spellings.contains(where: { NameNormalizer.matchKey($0) == key })
    {
      if found != nil, found != id { return nil }
      found = id
    }
    return found
  }
}
