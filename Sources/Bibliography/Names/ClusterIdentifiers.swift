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
