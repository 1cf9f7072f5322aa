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
    idByName[name] ?? idByName[NameNormalizer.clean(name)]
  }

  /// The id of the person a name (raw or cleaned) given with `orcid` resolved to; the
  /// name alone decides when `orcid` is nil or was not seen with this name.
  public func lookup(_ name: String, orcid: String?) -> Int? {
    if let orcid {
      if let id = idByNameAndORCID[ResolverState.nodeKey(name, orcid: orcid)]
        ?? idByNameAndORCID[ResolverState.nodeKey(NameNormalizer.clean(name), orcid: orcid)]
      {
        return id
      }
    }
    return lookup(name)
  }

  /// The id of the person a name (raw or cleaned) given with `identifiers` resolved to;
  /// the name alone decides when `identifiers` is nil or was not seen with this name.
  /// Only the ORCID iD, Scopus and OpenAlex author ids count.
  public func lookup(_ name: String, identifiers: AuthorIdentifiers?) -> Int? {
    if let identifiers, let key = ResolverState.identifierKey(identifiers) {
      if let id = idByNameAndIdentifiers[name + key]
        ?? idByNameAndIdentifiers[NameNormalizer.clean(name) + key]
      {
        return id
      }
    }
    return lookup(name, orcid: identifiers?.orcid)
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
  public func resolve(
    _ documents: [[String]], identifiers: [[AuthorIdentifiers]] = []
  ) -> NameResolution {
    var state = ResolverState()
    var cleanedByRaw: [String: String] = [:]  // names repeat: clean each spelling once
    for (document, names) in documents.enumerated() {
      let ids = document < identifiers.count && identifiers[document].count == names.count
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
    state.mergeRefinements()
    return state.result(aliases: aliases)
  }
}

// MARK: - Internals

/// Union–find over distinct cleaned spellings, with the documents of each cluster kept
/// so that coauthors of one paper are never merged.
struct ResolverState {
  /// The identifier systems the resolver uses, strongest first.
  static let systems: [AuthorIdentifiers.System] = [.orcid, .scopus, .openAlex]

  /// The spelling of each node: one per cleaned name and set of identifiers (or none).
  var names: [String] = []
  var orcids: [String?] = []
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
  var idByName: [String: Int] = [:]
  var parent: [Int] = []
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

  mutating func add(_ name: String, orcid: String? = nil, document: Int, aliases: AliasTable) {
    add(name, identifiers: AuthorIdentifiers(orcid: orcid), document: document, aliases: aliases)
  }

  mutating func add(
    _ name: String, identifiers given: AuthorIdentifiers, document: Int, aliases: AliasTable
  ) {
    let id: Int
    let ids = AuthorIdentifiers(
      orcid: given.orcid, scopusID: given.scopusID, openAlexID: given.openAlexID)
    let key = Self.identifierKey(ids).map { name + $0 } ?? name
    let orcid = ids.orcid
    if let existing = idByKey[key] {
      id = existing
    } else {
      let pin = aliases.groups.isEmpty ? nil : aliases.groupIndex(for: name)
      id = names.count
      idByKey[key] = id
      if idByName[name] == nil { idByName[name] = id }
      names.append(name)
      orcids.append(orcid)
      identifiers.append(ids)
      clusterIDs.append(ClusterIdentifiers(ids))
      let person = NameNormalizer.parse(name)
      parsed.append(person)
      forms.append(NameForm(person))
      keys.append(NameNormalizer.matchKey(person))
      counts.append(0)
      pins.append(pin)
      parent.append(id)
      documents.append([])
      clusterPin.append(pin)
      best.append(id)
    }
    counts[id] += 1
    documents[id].insert(document)
  }

  mutating func find(_ x: Int) -> Int {
    var root = x
    while parent[root] != root { root = parent[root] }
    var node = x
    while parent[node] != root {
      let next = parent[node]
      parent[node] = root
      node = next
    }
    return root
  }

  /// Joins two clusters; the smaller id stays root so ids follow first appearance.
  mutating func union(_ a: Int, _ b: Int) {
    let ra = find(a)
    let rb = find(b)
    guard ra != rb else { return }
    let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
    parent[child] = root
    documents[root].formUnion(documents[child])
    clusterIDs[root].formUnion(clusterIDs[child])
    clusterPin[root] = clusterPin[root] ?? clusterPin[child]
    let (x, y) = (best[root], best[child])
    best[root] = (forms[y].specificity, -y) > (forms[x].specificity, -x) ? y : x
  }

  /// Automatic merges need disjoint documents and no two different alias groups.
  mutating func mayMerge(_ a: Int, _ b: Int) -> Bool {
    let ra = find(a)
    let rb = find(b)
    if ra == rb { return true }
    if let pa = clusterPin[ra], let pb = clusterPin[rb], pa != pb { return false }
    return documents[ra].isDisjoint(with: documents[rb])
  }

  /// Name rules also need the two clusters not to carry different ids of one system.
  mutating func mayMergeByName(_ a: Int, _ b: Int) -> Bool {
    let ra = find(a)
    let rb = find(b)
    if ra != rb, clusterIDs[ra].conflicts(with: clusterIDs[rb], in: Self.systems) {
      return false
    }
    return mayMerge(ra, rb)
  }

  /// Joins the nodes that carry the same id of `system`. A Scopus or OpenAlex id (a
  /// database's own disambiguation) does not join clusters with different ORCID iDs
  /// (the person's own claim); an ORCID iD joins whatever the databases say.
  mutating func mergeIdentifiers(_ system: AuthorIdentifiers.System) {
    var first: [String: Int] = [:]
    for id in names.indices {
      guard let value = identifiers[id][system] else { continue }
      if let other = first[value] {
        let (ra, rb) = (find(other), find(id))
        if mayMerge(ra, rb),
          system == .orcid || !clusterIDs[ra].conflicts(with: clusterIDs[rb], in: [.orcid])
        {
          union(ra, rb)
        }
      } else {
        first[value] = id
      }
    }
  }

  mutating func mergePinned() {
    var first: [Int: Int] = [:]
    for id in names.indices {
      guard let pin = pins[id] else { continue }
      if let other = first[pin] { union(other, id) } else { first[pin] = id }
    }
  }

  mutating func mergeSpellings() {
    var byKey: [String: [Int]] = [:]
    for id in names.indices { byKey[keys[id], default: []].append(id) }
    // A spelling shared by people with different ids of one system (ORCID, Scopus or
    // OpenAlex) is contested: its spellings without any id join each other but none of
    // those people, and are reported.
    var contested: [String: [Int]] = [:]
    for id in names.indices {
      guard let group = byKey[keys[id]], group.count > 1, group[0] == id else { continue }
      var tagged: [Int] = []
      for member in group {
        let root = find(member)
        if !clusterIDs[root].isEmpty && !tagged.contains(root) { tagged.append(root) }
      }
      let conflicting = tagged.indices.contains { i in
        tagged[(i + 1)...].contains {
          clusterIDs[tagged[i]].conflicts(with: clusterIDs[$0], in: Self.systems)
        }
      }
      if conflicting { contested[keys[id]] = tagged }
    }
    for id in names.indices {
      guard let group = byKey[keys[id]], group.count > 1, group[0] != id else { continue }
      if contested[keys[id]] != nil {
        guard clusterIDs[find(id)].isEmpty else { continue }
        for other in group
        where other != id && clusterIDs[find(other)].isEmpty && mayMerge(other, id) {
          union(other, id)
          break
        }
      } else {
        for other in group where other != id && mayMergeByName(other, id) {
          union(other, id)
          break
        }
      }
    }
    for id in names.indices {
      guard let tagged = contested[keys[id]], clusterIDs[find(id)].isEmpty,
        representative(id) == id
      else { continue }
      let candidates = tagged.filter { mayMergeByName($0, id) }
      if candidates.count > 1 { ambiguous.append((id, candidates)) }
    }
  }

  /// The most specific spelling in each cluster stands for it.
  mutating func representative(_ root: Int) -> Int { best[find(root)] }

  mutating func mergeRefinements() {
    // Candidates share the family name and either the first given name (for a mover
    // that spells it out) or its first letter (for a mover that gives an initial).
    var byFirstName: [String: [Int]] = [:]
    var byFirstLetter: [String: [Int]] = [:]
    var movers: [Int] = []
    for id in names.indices where !forms[id].given.isEmpty {
      let form = forms[id]
      if !form.initial[0] { byFirstName[form.family + "|" + form.given[0], default: []].append(id) }
      byFirstLetter[form.family + "|" + form.firstLetter, default: []].append(id)
      movers.append(id)
    }
    // Most specific first, so "Jason Lee" joins "Jason D. Lee" before "J. Lee" looks.
    movers.sort { (forms[$0].specificity, -$0) > (forms[$1].specificity, -$1) }
    for mover in movers {
      let root = find(mover)
      if clusterPin[root] != nil { continue }  // the alias table placed it
      if representative(root) != mover { continue }  // its cluster has a better form
      let form = forms[mover]
      let pool =
        form.initial[0]
        ? byFirstLetter[form.family + "|" + form.firstLetter] ?? []
        : byFirstName[form.family + "|" + form.given[0]] ?? []
      var candidates: [Int] = []
      var seen: Set<Int> = []
      for other in pool {
        let otherRoot = find(other)
        if otherRoot == root || seen.contains(otherRoot) { continue }
        seen.insert(otherRoot)
        guard forms[representative(otherRoot)].refines(form) else { continue }
        if mayMergeByName(otherRoot, root) { candidates.append(otherRoot) }
      }
      if candidates.count == 1 {
        union(candidates[0], root)
      } else if candidates.count > 1 {
        ambiguous.append((mover, candidates))
      }
    }
  }

  mutating func result(aliases: AliasTable) -> NameResolution {
    var personByRoot: [Int: Int] = [:]
    var people: [ResolvedPerson] = []
    var members: [[Int]] = []
    for id in names.indices {
      let root = find(id)
      if let person = personByRoot[root] {
        members[person].append(id)
      } else {
        personByRoot[root] = people.count
        members.append([id])
        people.append(
          ResolvedPerson(id: people.count, displayName: "", variants: [], occurrences: 0))
      }
    }
    var merges: [NameMerge] = []
    var idByNameAndORCID: [String: Int] = [:]
    var idByNameAndIdentifiers: [String: Int] = [:]
    var personOfPlainName: [String: Int] = [:]
    var peopleByName: [String: Set<Int>] = [:]
    for person in people.indices {
      let ids = members[person]
      let root = find(ids[0])
      let display: String
      let displayName: PersonName
      let displayKey: String
      if let pin = clusterPin[root] {
        display = aliases.groups[pin].canonical
        displayName = NameNormalizer.parse(display)
        displayKey = NameNormalizer.matchKey(displayName)
      } else {
        let best =
          ids.max { a, b in
            (forms[a].specificity, Self.nonASCII(names[a]), counts[a], -a)
              < (forms[b].specificity, Self.nonASCII(names[b]), counts[b], -b)
          } ?? ids[0]
        display = names[best]
        displayName = parsed[best]
        displayKey = keys[best]
      }
      people[person].displayName = display
      var variants: [String] = []
      var personIDs = Array(repeating: [String](), count: Self.systems.count)
      for id in ids {
        if !variants.contains(names[id]) { variants.append(names[id]) }
        for (index, system) in Self.systems.enumerated() {
          if let value = identifiers[id][system], !personIDs[index].contains(value) {
            personIDs[index].append(value)
          }
        }
      }
      people[person].variants = variants
      people[person].orcids = personIDs[0]
      people[person].scopusIDs = personIDs[1]
      people[person].openAlexIDs = personIDs[2]
      people[person].occurrences = ids.reduce(0) { $0 + counts[$1] }
      // The ids the display spelling itself was given: a variant given one of them is
      // the same person by that id.
      let displayIDs = ClusterIdentifiers(ids.filter { names[$0] == display }.map { identifiers[$0] })
      var mergeIndex: [String: Int] = [:]
      for id in ids {
        peopleByName[names[id], default: []].insert(person)
        if let orcid = orcids[id] {
          idByNameAndORCID[Self.nodeKey(names[id], orcid: orcid)] = person
        }
        if let key = Self.identifierKey(identifiers[id]) {
          idByNameAndIdentifiers[names[id] + key] = person
        } else {
          personOfPlainName[names[id]] = person
        }
        guard names[id] != display else { continue }
        let shared = Self.systems.first { system in
          identifiers[id][system].map { displayIDs[system].contains($0) } ?? false
        }
        let why: NameMerge.Reason
        if pins[id] == nil, let shared {
          why = Self.mergeReason(shared)
        } else {
          why = reason(
            variant: id, display: displayName, displayKey: displayKey, pinned: pins[id] != nil)
        }
        // One entry per spelling; an id match is the stronger evidence to list (ORCID first).
        if let index = mergeIndex[names[id]] {
          if Self.strength(why) > Self.strength(merges[index].reason)
            && merges[index].reason != .aliasTable
          {
            merges[index].reason = why
          }
          continue
        }
        mergeIndex[names[id]] = merges.count
        merges.append(NameMerge(canonical: display, variant: names[id], reason: why))
      }
    }
    var idByName: [String: Int] = [:]
    for (name, persons) in peopleByName {
      if let person = personOfPlainName[name] ?? (persons.count == 1 ? persons.first : nil) {
        idByName[name] = person
      }
    }
    var ambiguities: [NameAmbiguity] = []
    for (name, candidates) in ambiguous {
      // People with iDs are named with them: two of them may share a display name.
      let displays = candidates.map { candidate -> String in
        let person = people[personByRoot[find(candidate)] ?? 0]
        for (label, values) in [
          ("ORCID", person.orcids), ("Scopus", person.scopusIDs), ("OpenAlex", person.openAlexIDs),
        ] where !values.isEmpty {
          return "\(person.displayName) (\(label) \(values.joined(separator: ", ")))"
        }
        return person.displayName
      }
      var unique: [String] = []
      for display in displays where !unique.contains(display) { unique.append(display) }
      if unique.count > 1 {
        ambiguities.append(NameAmbiguity(name: names[name], candidates: unique))
      }
    }
    return NameResolution(
      people: people, merges: merges, ambiguities: ambiguities, idByName: idByName,
      idByNameAndORCID: idByNameAndORCID, idByNameAndIdentifiers: idByNameAndIdentifiers)
  }

  static func mergeReason(_ system: AuthorIdentifiers.System) -> NameMerge.Reason {
    switch system {
    case .orcid: .sameORCID
    case .scopus: .sameScopusID
    case .openAlex: .sameOpenAlexID
    case .researcherID: .sameORCID  // not used by the resolver
    }
  }

  /// How strongly a reason ties a variant to its person, among the automatic ones.
  static func strength(_ reason: NameMerge.Reason) -> Int {
    switch reason {
    case .sameORCID: 3
    case .sameScopusID: 2
    case .sameOpenAlexID: 1
    default: 0
    }
  }

  func reason(
    variant id: Int, display canonical: PersonName, displayKey: String, pinned: Bool
  ) -> NameMerge.Reason {
    if pinned { return .aliasTable }
    if displayKey == keys[id] { return .spelling }
    let variant = parsed[id]
    for index in variant.given.indices where index < canonical.given.count {
      if variant.isInitial(at: index) && !canonical.isInitial(at: index) { return .initials }
    }
    return .fewerGivenNames
  }

  // MARK: Name comparison

  static func nonASCII(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0 : 1) }
  }
}

/// The identifiers of one cluster of spellings, per system.
struct ClusterIdentifiers {
  var orcid: Set<String> = []
  var scopus: Set<String> = []
  var openAlex: Set<String> = []

  init(_ ids: AuthorIdentifiers) {
    self.init([ids])
  }

  init(_ all: [AuthorIdentifiers]) {
    for ids in all {
      if let value = ids.orcid { orcid.insert(value) }
      if let value = ids.scopusID { scopus.insert(value) }
      if let value = ids.openAlexID { openAlex.insert(value) }
    }
  }

  var isEmpty: Bool { orcid.isEmpty && scopus.isEmpty && openAlex.isEmpty }

  subscript(system: AuthorIdentifiers.System) -> Set<String> {
    switch system {
    case .orcid: orcid
    case .scopus: scopus
    case .openAlex: openAlex
    case .researcherID: []
    }
  }

  mutating func formUnion(_ other: ClusterIdentifiers) {
    orcid.formUnion(other.orcid)
    scopus.formUnion(other.scopus)
    openAlex.formUnion(other.openAlex)
  }

  /// True when both clusters carry ids of one of `systems` and those ids differ.
  func conflicts(with other: ClusterIdentifiers, in systems: [AuthorIdentifiers.System]) -> Bool {
    systems.contains { system in
      let (a, b) = (self[system], other[system])
      return !a.isEmpty && !b.isEmpty && a != b
    }
  }
}

/// A parsed name folded once for comparison.
struct NameForm {
  var family: String
  /// Folded given names ("jason", "d").
  var given: [String]
  var initial: [Bool]
  /// Initial letters of each given name ("hf" for "Hsiang-Fu").
  var initials: [String]
  /// Full given names count 2, initials 1.
  var specificity: Int

  init(_ name: PersonName) {
    family = name.familyKey
    given = name.given.map(NameNormalizer.fold)
    initial = name.given.indices.map(name.isInitial(at:))
    initials = name.given.indices.map(name.initials(at:))
    specificity = initial.reduce(0) { $0 + ($1 ? 1 : 2) }
  }

  var firstLetter: String { initials.first.map { String($0.prefix(1)) } ?? "" }

  /// True when `self` is a strictly more complete form of `general`: same family
  /// name, each given name of `general` agrees with the one at the same place in
  /// `self` (an initial agrees with a name it begins), and `self` has more given
  /// names or spells out one that `general` abbreviates.
  func refines(_ general: NameForm) -> Bool {
    guard !general.given.isEmpty, given.count >= general.given.count, family == general.family
    else { return false }
    var strictly = given.count > general.given.count
    for index in general.given.indices {
      if general.initial[index] {
        guard initials[index].hasPrefix(general.initials[index]) else { return false }
        if !initial[index] { strictly = true }
      } else {
        guard !initial[index], given[index] == general.given[index] else { return false }
      }
    }
    return strictly
  }
}
