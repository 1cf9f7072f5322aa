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
    var cleanedByRaw: [String: String] = [:]  // names repeat: clean each spelling once
    for (document, names) in documents.enumerated() {
      for raw in names {
        let cleaned: String
        if let known = cleanedByRaw[raw] {
          cleaned = known
        } else {
          cleaned = NameNormalizer.clean(raw)
          cleanedByRaw[raw] = cleaned
        }
        if cleaned.isEmpty { continue }
        state.add(cleaned, document: document, aliases: aliases)
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

  mutating func add(_ name: String, document: Int, aliases: AliasTable) {
    let id: Int
    if let existing = idByName[name] {
      id = existing
    } else {
      let pin = aliases.groups.isEmpty ? nil : aliases.groupIndex(for: name)
      id = names.count
      idByName[name] = id
      names.append(name)
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
        if mayMerge(otherRoot, root) { candidates.append(otherRoot) }
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
    var idByName: [String: Int] = [:]
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
      people[person].variants = ids.map { names[$0] }
      people[person].occurrences = ids.reduce(0) { $0 + counts[$1] }
      for id in ids {
        idByName[names[id]] = person
        guard names[id] != display else { continue }
        merges.append(
          NameMerge(
            canonical: display, variant: names[id],
            reason: reason(
              variant: id, display: displayName, displayKey: displayKey, pinned: pins[id] != nil)))
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
