/// One person after name resolution.
public struct ResolvedPerson: Sendable, Hashable, Codable {
  /// Dense id, in order of first appearance: the index into ``NameResolution/people``.
  public var id: Int
  /// The alias table's canonical name, else the most complete, then most frequent variant.
  public var displayName: String
  /// Every cleaned spelling seen for this person, in order of first appearance.
  public var variants: [String]
  /// How many times any variant occurred across the documents.
  public var occurrences: Int
  /// The ORCID iDs the sources gave for this person (one, unless the alias table joined
  /// people with different iDs), in order of first appearance.
  public var orcids: [String]
  /// The Scopus author ids the sources gave for this person, in order of first appearance.
  public var scopusIDs: [String]
  /// The OpenAlex author ids the sources gave for this person, in order of first appearance.
  public var openAlexIDs: [String]

  public init(
    id: Int, displayName: String, variants: [String], occurrences: Int, orcids: [String] = [],
    scopusIDs: [String] = [], openAlexIDs: [String] = []
  ) {
    self.id = id
    self.displayName = displayName
    self.variants = variants
    self.occurrences = occurrences
    self.orcids = orcids
    self.scopusIDs = scopusIDs
    self.openAlexIDs = openAlexIDs
  }
}

/// One spelling the resolver counted as another person's name, with the rule that
/// decided it, so a user can check every merge.
public struct NameMerge: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The alias table lists the variant under the canonical name.
    case aliasTable = "alias-table"
    /// Same name apart from case, punctuation, hyphens or diacritics.
    case spelling
    /// Same first and family name; the variant leaves out a middle name or initial.
    case fewerGivenNames = "fewer-given-names"
    /// The variant gives initials where the canonical name spells the given names
    /// out, and only one person in the corpus fits them.
    case initials
    /// The sources give the variant and the canonical name the same ORCID iD.
    case sameORCID = "same-orcid"
    /// The variant and the canonical name carry the same Scopus author id.
    case sameScopusID = "same-scopus-id"
    /// The variant and the canonical name carry the same OpenAlex author id.
    case sameOpenAlexID = "same-openalex-id"
  }

  /// The display name of the person the variant was merged into.
  public var canonical: String
  public var variant: String
  public var reason: Reason

  public init(canonical: String, variant: String, reason: Reason) {
    self.canonical = canonical
    self.variant = variant
    self.reason = reason
  }

  public var description: String {
    let why: String
    switch reason {
    case .aliasTable: why = "listed in the alias table"
    case .spelling: why = "same name apart from case, punctuation or diacritics"
    case .fewerGivenNames: why = "same first and family name, without a middle name or initial"
    case .initials: why = "initials fit only this person in the corpus"
    case .sameORCID: why = "same ORCID"
    case .sameScopusID: why = "same Scopus author id"
    case .sameOpenAlexID: why = "same OpenAlex author id"
    }
    return "'\(variant)' → '\(canonical)' (\(why))"
  }
}

/// A name that fits several people, so it was left as a person of its own.
public struct NameAmbiguity: Sendable, Hashable, Codable, CustomStringConvertible {
  public var name: String
  /// Display names of the people it could be.
  public var candidates: [String]

  public init(name: String, candidates: [String]) {
    self.name = name
    self.candidates = candidates
  }

  public var description: String {
    "'\(name)' could be any of \(candidates.map { "'\($0)'" }.joined(separator: ", ")); not merged"
  }
}

/// The people found in a set of documents and how every spelling maps to them.
public struct NameResolution: Sendable, Hashable, Codable {
  public var people: [ResolvedPerson]
  /// Every merge made, one per variant that differs from its person's display name.
  public var merges: [NameMerge]
  /// Names left unmerged because they fit more than one person.
  public var ambiguities: [NameAmbiguity]
  /// Cleaned name → person id. A spelling given with different ORCID iDs that stayed
  /// different people is here only when it also occurred without an iD (then it maps to
  /// that occurrence's person); use ``lookup(_:orcid:)`` for such names.
  public var idByName: [String: Int]
  /// Cleaned name and ORCID iD (joined by U+001F) → person id, for every name that
  /// occurred with an iD.
  public var idByNameAndORCID: [String: Int]
  /// Cleaned name, ORCID iD, Scopus and OpenAlex author ids (joined by U+001F, absent
  /// ones empty) → person id, for every name that occurred with any of them.
  public var idByNameAndIdentifiers: [String: Int]

  public init(
    people: [ResolvedPerson], merges: [NameMerge], ambiguities: [NameAmbiguity],
    idByName: [String: Int], idByNameAndORCID: [String: Int] = [:],
    idByNameAndIdentifiers: [String: Int] = [:]
  ) {
    self.people = people
    self.merges = merges
    self.ambiguities = ambiguities
    self.idByName = idByName
    self.idByNameAndORCID = idByNameAndORCID
    self.idByNameAndIdentifiers = idByNameAndIdentifiers
  }

  /// The id of the person a name (raw or cleaned) resolved to, or nil when the name
  /// was not among the resolved documents.
  public func lookup(_ name: String) -> Int? {
    Self.entry(for: name, in: idByName) { $0 }
  }

  /// The id of the person a name (raw or cleaned) given with `orcid` resolved to; the
  /// name alone decides when `orcid` is nil or was not seen with this name.
  public func lookup(_ name: String, orcid: String?) -> Int? {
    if let orcid {
      let key = { (name: String) in PersonResolver.State.nodeKey(name, orcid: orcid) }
      if let id = Self.entry(for: name, in: idByNameAndORCID, key: key) { return id }
    }
    return lookup(name)
  }

  /// The id of the person a name (raw or cleaned) given with `identifiers` resolved to;
  /// the name alone decides when `identifiers` is nil or was not seen with this name.
  /// Only the ORCID iD, Scopus and OpenAlex author ids count.
  public func lookup(_ name: String, identifiers: AuthorIdentifiers?) -> Int? {
    if let identifiers, let suffix = PersonResolver.State.identifierKey(identifiers),
      let id = Self.entry(for: name, in: idByNameAndIdentifiers, key: { $0 + suffix })
    {
      return id
    }
    return lookup(name, orcid: identifiers?.orcid)
  }

  /// The entry of `table` under the key of `name` as given, else of its cleaned form
  /// (cleaned only when the name as given is not there).
  private static func entry(
    for name: String, in table: [String: Int], key: (String) -> String
  ) -> Int? {
    table[key(name)] ?? table[key(NameNormalizer.clean(name))]
  }

  /// The id of the person a name (raw or cleaned) resolved to.
  ///
  /// - Precondition: `name` occurred in the documents given to
  ///   ``PersonResolver/resolve(_:)``; use ``lookup(_:)`` otherwise.
  public func person(for name: String) -> Int {
    guard let id = lookup(name) else {
      preconditionFailure("'\(name)' was not among the resolved names")
    }
    return id
  }
}
