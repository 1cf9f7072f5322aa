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

  public init(id: Int, displayName: String, variants: [String], occurrences: Int) {
    self.id = id
    self.displayName = displayName
    self.variants = variants
    self.occurrences = occurrences
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
  /// Cleaned name → person id.
  public var idByName: [String: Int]

  public init(
    people: [ResolvedPerson], merges: [NameMerge], ambiguities: [NameAmbiguity],
    idByName: [String: Int]
  ) {
    self.people = people
    self.merges = merges
    self.ambiguities = ambiguities
    self.idByName = idByName
  }

  /// The id of the person a name (raw or cleaned) resolved to, or nil when the name
  /// was not among the resolved documents.
  public func lookup(_ name: String) -> Int? {
    idByName[name] ?? idByName[NameNormalizer.clean(name)]
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
/// 2. Spelling: the same ``NameNormalizer/matchKey(_:)-(String)`` (case, punctuation,
///    hyphens and diacritics ignored): "Jason D. Lee" = "Jason D Lee".
/// 3. Refinement: a name whose given names are a less complete form of exactly one
///    other person's ("Jason Lee" → "Jason D. Lee", "Q. Lei" → "Qi Lei"). When
///    several people fit ("Jason D. Lee" and "Jason K. Lee"), nothing is merged and
///    the name is reported in ``NameResolution/ambiguities``.
///
/// Rules 2 and 3 never merge two names that occur in the same document: coauthors of
/// one paper are different people.
public struct PersonResolver: Sendable {
  public var aliases: AliasTable

  public init(aliases: AliasTable = AliasTable()) {
    self.aliases = aliases
  }

  /// Resolves the names of a corpus.
  ///
  /// - Parameter documents: The names on each paper (or an owner and one collaborator),
  ///   raw or cleaned; empty names are ignored.
  /// - Returns: People in order of first appearance, every merge, every ambiguity.
  /// - Complexity: O(*N* + Σ *k*²) for *N* names and *k* distinct spellings per family
  ///   name.
  public func resolve(_ documents: [[String]]) -> NameResolution {
    var state = ResolverState()
    for (document, names) in documents.enumerated() {
      for raw in names {
        let cleaned = NameNormalizer.clean(raw)
        if cleaned.isEmpty { continue }
        state.add(cleaned, document: document, pin: aliases.groupIndex(for: cleaned))
      }
    }
    state.mergePinned()
    state.mergeSpellings()
    state.mergeRefinements()
    return state.result(aliases: aliases)
  }
}

// MARK: - Internals

/// Union–find over distinct cleaned spellings, with the documents of each cluster kept
/// so that coauthors of one paper are never merged.
struct ResolverState {
  var names: [String] = []
  var parsed: [PersonName] = []
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

  mutating func add(_ name: String, document: Int, pin: Int?) {
    let id: Int
    if let existing = idByName[name] {
      id = existing
    } else {
      id = names.count
      idByName[name] = id
      names.append(name)
      let person = NameNormalizer.parse(name)
      parsed.append(person)
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
    clusterPin[root] = clusterPin[root] ?? clusterPin[child]
    let (x, y) = (best[root], best[child])
    best[root] =
      (Self.specificity(parsed[y]), -y) > (Self.specificity(parsed[x]), -x) ? y : x
  }

  /// Automatic merges need disjoint documents and no two different alias groups.
  mutating func mayMerge(_ a: Int, _ b: Int) -> Bool {
    let ra = find(a)
    let rb = find(b)
    if ra == rb { return true }
    if let pa = clusterPin[ra], let pb = clusterPin[rb], pa != pb { return false }
    return documents[ra].isDisjoint(with: documents[rb])
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
    for id in names.indices {
      guard let group = byKey[keys[id]], group.count > 1, group[0] != id else { continue }
      for other in group where other != id && mayMerge(other, id) {
        union(other, id)
        break
      }
    }
  }

  /// The most specific spelling in each cluster stands for it.
  mutating func representative(_ root: Int) -> Int { best[find(root)] }

  mutating func mergeRefinements() {
    var byFamily: [String: [Int]] = [:]
    for id in names.indices where !parsed[id].given.isEmpty {
      byFamily[parsed[id].familyKey, default: []].append(id)
    }
    for family in byFamily.keys.sorted() {
      guard let members = byFamily[family], members.count > 1 else { continue }
      // Most specific first, so "Jason Lee" joins "Jason D. Lee" before "J. Lee" looks.
      let order = members.sorted {
        (Self.specificity(parsed[$0]), -$0) > (Self.specificity(parsed[$1]), -$1)
      }
      for mover in order {
        let root = find(mover)
        if clusterPin[root] != nil { continue }  // the alias table placed it
        if representative(root) != mover { continue }  // its cluster has a better form
        var candidates: [Int] = []
        var seen: Set<Int> = []
        for other in members {
          let otherRoot = find(other)
          if otherRoot == root || seen.contains(otherRoot) { continue }
          let rep = representative(otherRoot)
          guard Self.refines(parsed[rep], parsed[mover]) else { continue }
          seen.insert(otherRoot)
          if mayMerge(otherRoot, root) { candidates.append(otherRoot) }
        }
        if candidates.count == 1 {
          union(candidates[0], root)
        } else if candidates.count > 1 {
          ambiguous.append((mover, candidates))
        }
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
    var idByName: [String: Int] = [:]
    for person in people.indices {
      let ids = members[person]
      let root = find(ids[0])
      let display: String
      if let pin = clusterPin[root] {
        display = aliases.groups[pin].canonical
      } else {
        let best = ids.max { a, b in
          (Self.specificity(parsed[a]), Self.nonASCII(names[a]), counts[a], -a)
            < (Self.specificity(parsed[b]), Self.nonASCII(names[b]), counts[b], -b)
        }
        display = best.map { names[$0] } ?? names[ids[0]]
      }
      people[person].displayName = display
      people[person].variants = ids.map { names[$0] }
      people[person].occurrences = ids.reduce(0) { $0 + counts[$1] }
      for id in ids {
        idByName[names[id]] = person
        guard names[id] != display else { continue }
        merges.append(
          NameMerge(
            canonical: display, variant: names[id],
            reason: reason(variant: id, display: display, pinned: pins[id] != nil)))
      }
    }
    var ambiguities: [NameAmbiguity] = []
    for (name, candidates) in ambiguous {
      let displays = candidates.map { people[personByRoot[find($0)] ?? 0].displayName }
      var unique: [String] = []
      for display in displays where !unique.contains(display) { unique.append(display) }
      if unique.count > 1 {
        ambiguities.append(NameAmbiguity(name: names[name], candidates: unique))
      }
    }
    return NameResolution(
      people: people, merges: merges, ambiguities: ambiguities, idByName: idByName)
  }

  func reason(variant id: Int, display: String, pinned: Bool) -> NameMerge.Reason {
    if pinned { return .aliasTable }
    let canonical = NameNormalizer.parse(display)
    if NameNormalizer.matchKey(canonical) == keys[id] { return .spelling }
    let variant = parsed[id]
    for index in variant.given.indices where index < canonical.given.count {
      if variant.isInitial(at: index) && !canonical.isInitial(at: index) { return .initials }
    }
    return .fewerGivenNames
  }

  // MARK: Name comparison

  /// Full given names count 2, initials 1.
  static func specificity(_ name: PersonName) -> Int {
    name.given.indices.reduce(0) { $0 + (name.isInitial(at: $1) ? 1 : 2) }
  }

  static func nonASCII(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0 : 1) }
  }

  /// True when `specific` is a strictly more complete form of `general`: same family
  /// name, each given name of `general` agrees with the one at the same place in
  /// `specific` (an initial agrees with a name it begins), and `specific` has more
  /// given names or spells out one that `general` abbreviates.
  static func refines(_ specific: PersonName, _ general: PersonName) -> Bool {
    guard !general.given.isEmpty, specific.given.count >= general.given.count,
      specific.familyKey == general.familyKey
    else { return false }
    var strictly = specific.given.count > general.given.count
    for index in general.given.indices {
      let generalInitial = general.isInitial(at: index)
      let specificInitial = specific.isInitial(at: index)
      if generalInitial {
        guard specific.initials(at: index).hasPrefix(general.initials(at: index)) else {
          return false
        }
        if !specificInitial { strictly = true }
      } else {
        guard !specificInitial,
          NameNormalizer.fold(specific.given[index]) == NameNormalizer.fold(general.given[index])
        else { return false }
      }
    }
    return strictly
  }
}
