// The ``NameResolution`` a ``PersonResolver`` returns, assembled from its clusters: one
// person per cluster, the merge that explains each variant, the ambiguities.

extension PersonResolver.State {
  /// The people, merges and ambiguities of the clusters as they stand after the rules:
  /// people in order of first appearance, each shown under the alias table's canonical
  /// name or its most complete, then diacritic-richest, then most frequent spelling.
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
      let displayIDs = ClusterIdentifiers(
        ids.filter { names[$0] == display }.map { identifiers[$0] })
      var mergeIndex: [String: Int] = [:]
      for id in ids {
        peopleByName[names[id], default: []].insert(person)
        if let orcid = identifiers[id].orcid {
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

  /// The name rule that explains why a variant joined a person shown as `canonical`.
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

  /// How many characters of `text` are not ASCII: of two spellings otherwise equal, the
  /// one with diacritics is shown.
  static func nonASCII(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0 : 1) }
  }
}
