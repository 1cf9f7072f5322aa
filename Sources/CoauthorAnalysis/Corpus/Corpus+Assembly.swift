import Bibliography
import Foundation

extension Corpus {
  /// Resolves people across documents, deduplicates papers and collects declared counts.
  public static func assemble(
    _ documents: [SourceDocument], aliases: AliasTable = AliasTable(),
    extraDiagnostics: [Diagnostic] = []
  ) -> Corpus {
    // 0. A source without an owner (none in the manifest, none given) gets the one its
    //    entries show: marked, or on most entries (OwnerDetection).
    let documents = documents.map { document -> SourceDocument in
      var document = document
      if let owner = document.owner, owner.trimmingCharacters(in: .whitespaces).isEmpty { document.owner = nil }
      if document.owner == nil, document.collaborators.isEmpty,
        let found = OwnerDetection.detect(document.publications)
      {
        document.owner = found.name
      }
      return document
    }
    // 1. Deduplicate papers across and within documents.
    let deduplicated = Deduplication.deduplicate(documents)
    let papers = deduplicated.papers
    let paperMerges = deduplicated.merges
    let identifierDiagnostics = deduplicated.diagnostics
    // 2. Resolve names: every paper's author list is one document (names on one paper are
    //    never merged); every collaborator line entry is the pair (owner, collaborator).
    var nameDocuments: [[String]] = papers.map(\.publication.authors)
    for document in documents {
      if let owner = document.owner {
        nameDocuments.append([owner])
        for collaborator in document.collaborators {
          nameDocuments.append([owner, collaborator.name])
        }
      }
    }
    let resolver = PersonResolver(aliases: aliases)
    // Authors' ORCID iDs, Scopus and OpenAlex ids join name forms and keep apart people
    // who share a name.
    let resolution = resolver.resolve(
      nameDocuments, identifiers: papers.map(\.publication.authorIdentifiers),
      owners: documents.compactMap(\.owner))
    let people = resolution.people.map(\.displayName)
    let variants = resolution.people.map(\.variants)
    var diagnostics = extraDiagnostics + identifierDiagnostics
    var corpusPapers: [CorpusPaper] = []
    for paper in papers {
      var seen = Set<Int>()
      var ids: [Int] = []
      for (index, name) in paper.publication.authors.enumerated() {
        // A name that cleans to nothing ("*", "**") names no one: say so, keep the rest.
        guard
          let id = resolution.lookup(
            name, identifiers: paper.publication.identifiers(ofAuthorAt: index))
        else {
          diagnostics.append(
            Diagnostic(
              .warning, at: paper.publication.location,
              "author '\(name)' has no letters left after cleaning; left out"))
          continue
        }
        if seen.insert(id).inserted { ids.append(id) }
      }
      corpusPapers.append(
        CorpusPaper(publication: paper.publication, authors: ids, listings: paper.listings))
    }
    var declared: [DeclaredCollaboration] = []
    var owners: [Int] = []
    var abstracts: [AbstractText] = []
    for document in documents {
      diagnostics += document.diagnostics
      abstracts += document.abstracts
      guard let ownerName = document.owner else {
        if !document.collaborators.isEmpty {
          diagnostics.append(
            Diagnostic(
              .warning, at: document.collaborators[0].location,
              "collaborator counts without an owner: give the file's owner (--owner, or `owner` in manifest.json)"))
        }
        continue
      }
      guard let owner = resolution.lookup(ownerName) else {
        diagnostics.append(
          Diagnostic(
            .warning, at: InputLocation(file: document.file, line: 1),
            "owner '\(ownerName)' has no letters left after cleaning; collaborator counts left out"))
        continue
      }
      if !owners.contains(owner) { owners.append(owner) }
      for collaborator in document.collaborators {
        guard let id = resolution.lookup(collaborator.name) else {
          diagnostics.append(
            Diagnostic(
              .warning, at: collaborator.location,
              "collaborator '\(collaborator.name)' has no letters left after cleaning; left out"))
          continue
        }
        declared.append(DeclaredCollaboration(owner: owner, collaborator: id, count: collaborator.count))
      }
    }
    return Corpus(
      documents: documents, people: people, variants: variants, papers: corpusPapers,
      declared: declared, owners: owners, nameMerges: resolution.merges,
      nameAmbiguities: resolution.ambiguities, paperMerges: paperMerges,
      diagnostics: diagnostics, abstracts: abstracts)
  }
}
