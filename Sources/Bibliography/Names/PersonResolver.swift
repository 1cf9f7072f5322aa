/// Decides which name spellings belong to the same person.
///
/// Rules, in order of strength:
/// 1. The alias table: listed names are one person, and a listed name is never moved
///    to another person by the rules below.
/// 1a. ORCID: names the sources give the same ORCID iD are one person ("same ORCID").
///    A spelling given with two different iDs is two people; the rules below never
///    merge two people with different iDs, and a name without an iD that fits several
///    people with iDs is reported as ambiguous.
/// 1b. Source-specific author ids: names carrying the same Scopus author id, or the
///    same OpenAlex author id, are one person ("same Scopus author id", "same OpenAlex
///    author id"), unless their ORCID iDs differ. Two different ids of one system veto
///    the name rules below exactly as two different ORCID iDs do; ids of different
///    systems never contradict each other (a Scopus id says nothing about an ORCID iD).
/// 2. Spelling: the same ``NameNormalizer/matchKey(_:)-(String)`` (case, punctuation,
///    hyphens and diacritics ignored): "Jason D. Lee" = "Jason D Lee".
/// 3. Refinement: a name whose given names are a less complete form of exactly one
///    other person's ("Jason Lee" → "Jason D. Lee", "Q. Lei" → "Qi Lei"). When
///    several people fit ("Jason D. Lee" and "Jason K. Lee"), nothing is merged and
///    the name is reported in ``NameResolution/ambiguities``.
///
/// Rules 1a, 2 and 3 never merge two names that occur in the same document: coauthors
/// of one paper are different people.
public struct PersonResolver: Sendable {
  public var aliases: AliasTable

  public init(aliases: AliasTable = AliasTable()) {
    self.aliases = aliases
  }

  /// Resolves the names of a corpus.
  ///
  /// - Parameters:
  ///   - documents: The names on each paper (or an owner and one collaborator),
  ///     raw or cleaned; empty names are ignored.
  ///   - identifiers: For each document, the authors' identifiers parallel to its
  ///     names (``Publication/authorIdentifiers``), or empty; missing documents have
  ///     none. ORCID iDs (canonical form), Scopus and OpenAlex author ids are used;
  ///     ResearcherIDs are not.
  /// - Returns: People in order of first appearance, every merge, every ambiguity.
  /// - Complexity: O(*N* + Σ *k*²) for *N* names and *k* distinct spellings per family
  ///   name.
  ///   - owners: The owners of the sources: every spelling of an owner that fits the
  ///     owner's name by initials (``OwnerDetection/isVariant(_:of:)``) is the owner.
  public func resolve(
    _ documents: [[String]], identifiers: [[AuthorIdentifiers]] = [], owners: [String] = []
  ) -> NameResolution {
    var state = State()
    var cleanedByRaw: [String: String] = [:]  // names repeat: clean each spelling once
    for (document, names) in documents.enumerated() {
      let ids =
        document < identifiers.count && identifiers[document].count == names.count
        ? identifiers[document] : []
      for (index, raw) in names.enumerated() {
        let cleaned: String
        if let known = cleanedByRaw[raw] {
          cleaned = known
        } else {
          cleaned = NameNormalizer.clean(raw)
          cleanedByRaw[raw] = cleaned
        }
        if cleaned.isEmpty { continue }
        state.add(
          cleaned, identifiers: ids.isEmpty ? AuthorIdentifiers() : ids[index],
          document: document, aliases: aliases)
      }
    }
    state.mergePinned()
    state.mergeIdentifiers(.orcid)
    state.mergeIdentifiers(.scopus)
    state.mergeIdentifiers(.openAlex)
    state.mergeSpellings()
    for owner in owners { state.mergeOwnerVariants(NameNormalizer.clean(owner)) }
    state.mergeRefinements()
    return state.result(aliases: aliases)
  }
}

extension PersonResolver {
  /// The resolver's working state: one node per distinct cleaned spelling and set of
  /// identifiers, joined into clusters by a ``UnionFind``, with the documents and
  /// identifiers of each cluster kept so that coauthors of one paper, and people with
  /// different ids, are never merged. The rules are in `PersonResolver+Rules.swift`,
  /// the assembly of the ``NameResolution`` in `PersonResolver+Result.swift`.
  struct State {
    /// The identifier systems the resolver uses, strongest first.
    static let systems: [AuthorIdentifiers.System] = [.orcid, .scopus, .openAlex]

    /// The spelling of each node: one per cleaned name and set of identifiers (or none).
    var names: [String] = []
    /// Each node's ORCID iD, Scopus and OpenAlex author ids (no ResearcherID).
    var identifiers: [AuthorIdentifiers] = []
    /// Identifiers in each cluster (valid at roots).
    var clusterIDs: [ClusterIdentifiers] = []
    var idByKey: [String: Int] = [:]
    var parsed: [PersonName] = []
    var forms: [NameForm] = []
    var keys: [String] = []
    var counts: [Int] = []
    var pins: [Int?] = []
    var clusters = UnionFind()
    var documents: [Set<Int>] = []
    var clusterPin: [Int?] = []
    /// Most specific spelling of each cluster (valid at roots).
    var best: [Int] = []
    var ambiguous: [(name: Int, candidates: [Int])] = []

    /// A node's key: the cleaned name, with its ORCID iD after U+001F when it has one.
    static func nodeKey(_ name: String, orcid: String?) -> String {
      guard let orcid else { return name }
      return name + "\u{1F}" + orcid
    }

    /// The identifiers' part of a node's key: U+001F, ORCID iD, U+001F, Scopus id, U+001F,
    /// OpenAlex id (absent ones empty); nil when none of the three is known.
    static func identifierKey(_ ids: AuthorIdentifiers) -> String? {
      guard ids.orcid != nil || ids.scopusID != nil || ids.openAlexID != nil else { return nil }
      return systems.reduce(into: "") { $0 += "\u{1F}" + (ids[$1] ?? "") }
    }

    /// Counts one occurrence of a cleaned name in `document`, adding a node the first
    /// time the name occurs with these identifiers.
    mutating func add(
      _ name: String, identifiers given: AuthorIdentifiers, document: Int, aliases: AliasTable
    ) {
      let id: Int
      let ids = AuthorIdentifiers(
        orcid: given.orcid, scopusID: given.scopusID, openAlexID: given.openAlexID)
      let key = Self.identifierKey(ids).map { name + $0 } ?? name
      if let existing = idByKey[key] {
        id = existing
      } else {
        let pin = aliases.groups.isEmpty ? nil : aliases.groupIndex(for: name)
        id = clusters.add()
        idByKey[key] = id
        names.append(name)
        identifiers.append(ids)
        clusterIDs.append(ClusterIdentifiers(ids))
        let person = NameNormalizer.parse(name)
        parsed.append(person)
        forms.append(NameForm(person))
        keys.append(NameNormalizer.matchKey(person))
        counts.append(0)
        pins.append(pin)
        documents.append([])
        clusterPin.append(pin)
        best.append(id)
      }
      counts[id] += 1
      documents[id].insert(document)
    }
  }
}
