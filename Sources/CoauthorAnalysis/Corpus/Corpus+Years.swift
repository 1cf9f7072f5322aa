import Bibliography

extension Corpus {
  /// The corpus limited to papers published from `from` to `to` (inclusive).
  ///
  /// Papers without a year, free abstracts and collaborations stated without papers
  /// (homepage counts) have no date, so they are left out; the people are renumbered to
  /// those on the kept papers plus the owners.
  public func restricted(from: Int?, to: Int?) -> Corpus {
    let kept = papers.filter { paper in
      guard let year = paper.publication.year else { return false }
      return (from.map { year >= $0 } ?? true) && (to.map { year <= $0 } ?? true)
    }
    var newID = [Int](repeating: -1, count: people.count)
    var newPeople: [String] = []
    var newVariants: [[String]] = []
    func map(_ id: Int) -> Int {
      if newID[id] < 0 {
        newID[id] = newPeople.count
        newPeople.append(people[id])
        newVariants.append(variants[id])
      }
      return newID[id]
    }
    let newOwners = owners.map(map)
    let newPapers = kept.map { paper in
      var copy = paper
      copy.authors = paper.authors.map(map)
      return copy
    }
    return Corpus(
      documents: documents, people: newPeople, variants: newVariants, papers: newPapers,
      declared: [], owners: newOwners, nameMerges: nameMerges, nameAmbiguities: nameAmbiguities,
      paperMerges: paperMerges,
      diagnostics: diagnostics, abstracts: [])
  }
}
