/// Something that kept an identifier of another listing of the same work from being
/// added to a publication's ``Publication/authorIdentifiers``.
public enum AuthorIdentifierMergeIssue: Sendable, Hashable, CustomStringConvertible {
  /// The kept record already gives the author a different identifier of this system;
  /// the kept value stays.
  case conflict(author: String, system: AuthorIdentifiers.System, kept: String, other: String)
  /// The other listing's author matches no author of the kept record, or several.
  case unplaced(author: String, identifiers: AuthorIdentifiers)
  /// The identifier already belongs to another author of the kept record.
  case heldByCoauthor(author: String, system: AuthorIdentifiers.System, value: String, holder: String)

  public var description: String {
    switch self {
    case .conflict(let author, let system, let kept, let other):
      return "\(system) of '\(author)' differs between copies of the same paper: "
        + "kept \(kept), other copy \(other)"
    case .unplaced(let author, let identifiers):
      return "identifiers of '\(author)' (\(identifiers.summary)) in another copy of the same "
        + "paper fit no single author of the kept record; not added"
    case .heldByCoauthor(let author, let system, let value, let holder):
      return "\(system) \(value) of '\(author)' in another copy of the same paper already "
        + "belongs to '\(holder)' in the kept record; not added"
    }
  }
}

extension AuthorIdentifiers {
  /// An identifier system.
  public enum System: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case orcid = "ORCID"
    case scopus = "Scopus author id"
    case openAlex = "OpenAlex author id"
    case researcherID = "ResearcherID"

    public var description: String { rawValue }
  }

  /// The value of one system's identifier.
  public subscript(system: System) -> String? {
    get {
      switch system {
      case .orcid: orcid
      case .scopus: scopusID
      case .openAlex: openAlexID
      case .researcherID: researcherID
      }
    }
    set {
      switch system {
      case .orcid: orcid = newValue
      case .scopus: scopusID = newValue
      case .openAlex: openAlexID = newValue
      case .researcherID: researcherID = newValue
      }
    }
  }

  /// "ORCID 0000-…, Scopus author id 57…": the known identifiers, for messages.
  var summary: String {
    System.allCases.compactMap { system in self[system].map { "\(system) \($0)" } }
      .joined(separator: ", ")
  }
}

extension Publication {
  /// Adds to ``authorIdentifiers`` what another listing of the same work knows about
  /// its authors, never replacing a value already known.
  ///
  /// Authors are paired by position when both lists have the same length and every pair
  /// of names agrees (same family name, given names or initials compatible: "J. D. Lee"
  /// and "Jason D. Lee"); otherwise each author of `other` that has identifiers is
  /// paired with the one author of `self` whose name agrees (an exact spelling first).
  ///
  /// - Parameter other: Another listing of the same work.
  /// - Returns: Every identifier that was not added and why: a different value already
  ///   known (a conflict), no single matching author, or a value another author holds.
  /// - Complexity: O(*a*·*b*) name comparisons for *a* and *b* authors when the lists do
  ///   not line up, O(*a*) otherwise.
  @discardableResult
  public mutating func mergeAuthorIdentifiers(from other: Publication)
    -> [AuthorIdentifierMergeIssue]
  {
    guard !other.authorIdentifiers.isEmpty, !authors.isEmpty else { return [] }
    let mine = authors.map { NameForm(NameNormalizer.parse($0)) }
    let theirs = other.authors.map { NameForm(NameNormalizer.parse($0)) }
    let byPosition =
      authors.count == other.authors.count
      && zip(mine, theirs).allSatisfy { $0.agrees(with: $1) }
    var merged =
      authorIdentifiers.isEmpty
      ? Array(repeating: AuthorIdentifiers(), count: authors.count) : authorIdentifiers
    let myKeys = byPosition ? [] : authors.map(NameNormalizer.matchKey)
    var issues: [AuthorIdentifierMergeIssue] = []
    for (index, name) in other.authors.enumerated() {
      guard let known = other.identifiers(ofAuthorAt: index) else { continue }
      let target: Int
      if byPosition {
        target = index
      } else {
        if let found = NameForm.index(
          of: NameNormalizer.matchKey(name), theirs[index], keys: myKeys, forms: mine)
        {
          target = found
        } else {
          issues.append(.unplaced(author: name, identifiers: known))
          continue
        }
      }
      for system in AuthorIdentifiers.System.allCases {
        guard let value = known[system] else { continue }
        if let current = merged[target][system] {
          if current != value {
            issues.append(
              .conflict(author: authors[target], system: system, kept: current, other: value))
          }
          continue
        }
        if let holder = merged.indices.first(where: { $0 != target && merged[$0][system] == value })
        {
          issues.append(
            .heldByCoauthor(author: name, system: system, value: value, holder: authors[holder]))
          continue
        }
        merged[target][system] = value
      }
    }
    authorIdentifiers = merged.allSatisfy(\.isEmpty) ? [] : merged
    return issues
  }
}
