// The merge rules of ``PersonResolver``, in the order `resolve` applies them: the alias
// table, shared identifiers (ORCID, Scopus, OpenAlex), equal spellings, refinements.

extension PersonResolver.State {
  /// The root of the cluster holding node `x`.
  mutating func find(_ x: Int) -> Int { clusters.find(x) }

  /// Joins two clusters and their documents, identifiers, alias pin and best form; the
  /// smaller id stays root so ids follow first appearance.
  mutating func union(_ a: Int, _ b: Int) {
    guard let (root, child) = clusters.union(a, b) else { return }
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

  /// Rules 1a and 1b: joins the nodes that carry the same id of `system`. A Scopus or OpenAlex id (a
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

  /// Rule 1: joins the names the alias table lists under one canonical name.
  mutating func mergePinned() {
    var first: [Int: Int] = [:]
    for id in names.indices {
      guard let pin = pins[id] else { continue }
      if let other = first[pin] { union(other, id) } else { first[pin] = id }
    }
  }

  /// Rule 2: joins names with the same match key (case, punctuation, hyphens and
  /// diacritics ignored), unless ids or shared documents forbid it.
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

  /// Rule 3: joins a name to the one person whose name is a more complete form of it;
  /// records it as ambiguous when several people fit.
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
    // A form that refines another is strictly more specific, and a candidate cluster's
    // representative (its most specific form) sits in the mover's pool (same family,
    // same first name or letter): so only the pool's more specific members can lead to
    // a candidate. Skipping the rest by one integer compare turns the scan of a large
    // pool of one spelling ("Wang J", 10^3–10^4 people told apart by their ids) from
    // a find, a hash and a form comparison per member into almost nothing.
    let specificity = forms.map(\.specificity)
    for mover in movers {
      let root = find(mover)
      if clusterPin[root] != nil { continue }  // the alias table placed it
      if representative(root) != mover { continue }  // its cluster has a better form
      let form = forms[mover]
      let pool =
        form.initial[0]
        ? byFirstLetter[form.family + "|" + form.firstLetter] ?? []
        : byFirstName[form.family + "|" + form.given[0]] ?? []
      var candidates = refiningCandidates(
        of: root, form: form, in: pool, where: { specificity[$0] > form.specificity })
      if candidates.count > 1 {
        // Ambiguous: list the candidates in the order of the whole pool, as found by
        // their first member (the same set: the skipped members lead to none).
        candidates = refiningCandidates(of: root, form: form, in: pool, where: { _ in true })
      }
      if candidates.count == 1 {
        union(candidates[0], root)
      } else if candidates.count > 1 {
        ambiguous.append((mover, candidates))
      }
    }
  }

  /// The clusters of `pool`'s members that `scanned` admits whose representative
  /// refines `form` and that may join `root`, in the order their first admitted member
  /// comes in `pool`.
  private mutating func refiningCandidates(
    of root: Int, form: NameForm, in pool: [Int], where scanned: (Int) -> Bool
  ) -> [Int] {
    var candidates: [Int] = []
    var seen: Set<Int> = []
    for other in pool where scanned(other) {
      let otherRoot = find(other)
      if otherRoot == root || seen.contains(otherRoot) { continue }
      seen.insert(otherRoot)
      guard forms[representative(otherRoot)].refines(form) else { continue }
      if mayMergeByName(otherRoot, root) { candidates.append(otherRoot) }
    }
    return candidates
  }
}

extension PersonResolver.State {
  /// Rule 2a: every spelling that fits a source's owner by initials ("A F Poon", "AFY
  /// Poon", "A Poon" for "Art F Y Poon") joins the owner, unless ids, aliases or a
  /// shared paper forbid it. The owner's list names the owner on most entries, so a
  /// near spelling there is the owner far more often than a namesake.
  mutating func mergeOwnerVariants(_ owner: String) {
    guard
      let ownerNode = idByKey[owner]
        ?? names.firstIndex(where: { NameNormalizer.matchKey($0) == NameNormalizer.matchKey(owner) }
        )
    else { return }
    for id in names.indices where find(id) != find(ownerNode) {
      guard OwnerDetection.isVariant(names[id], of: owner), clusterPin[find(id)] == nil else {
        continue
      }
      if mayMergeByName(ownerNode, id) { union(ownerNode, id) }
    }
  }
}
