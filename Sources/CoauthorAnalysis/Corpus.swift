import Bibliography
import Foundation

/// One entry of a data folder's `manifest.json`.
public struct ManifestSource: Sendable, Hashable, Codable {
  public var file: String
  public var owner: String?
  public var format: InputFormat?

  public init(file: String, owner: String? = nil, format: InputFormat? = nil) {
    self.file = file
    self.owner = owner
    self.format = format
  }
}

/// A data folder's `manifest.json`: whose each file is, and where the alias table is.
public struct Manifest: Sendable, Hashable, Codable {
  public var sources: [ManifestSource]
  public var aliases: String?
}

/// A publication of the corpus after deduplication, with its authors resolved to people.
public struct CorpusPaper: Sendable, Hashable {
  public var publication: Publication
  /// Person ids in author order (each person once).
  public var authors: [Int]
  /// Every place the paper was listed (more than one when it was deduplicated).
  public var listings: [InputLocation]
}

/// Two listings of the same paper that were counted once.
public struct PaperMerge: Sendable, Hashable {
  public var kept: InputLocation
  public var dropped: InputLocation
  public var reason: String
}

/// Everything read from the inputs, with people resolved and papers deduplicated.
public struct Corpus: Sendable {
  public var documents: [SourceDocument]
  /// Display name of every person; the index is the person id.
  public var people: [String]
  /// Every spelling seen for each person.
  public var variants: [[String]]
  public var papers: [CorpusPaper]
  public var declared: [DeclaredCollaboration]
  /// Person ids of the documents' owners, in input order, without repeats.
  public var owners: [Int]
  /// Every name merge made, for the user to check.
  public var nameMerges: [NameMerge]
  /// Names that fit several people and were therefore left as people of their own.
  public var nameAmbiguities: [NameAmbiguity] = []
  public var paperMerges: [PaperMerge]
  /// Problems found in the inputs (file:line and why).
  public var diagnostics: [Diagnostic]
  /// Abstracts and titles for topic networks.
  public var abstracts: [AbstractText]
  /// Decisions read from the data folder's `name-review.tsv`.
  public var review = NameReview()

  /// Possible duplicate people the rules did not merge, for the review file.
  public var nameSuggestions: [NameSuggestion] {
    NameSuggester.suggest(people: people, papers: papers.map(\.authors), decided: review.decided)
  }

  /// The input to the coauthor network builder.
  public var coauthorInput: CoauthorInput {
    CoauthorInput(names: people, papers: papers.map(\.authors), declared: declared)
  }
}

/// Why the inputs could not be read at all.
public struct InputError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Corpus {
  /// Reads a data folder: its `manifest.json` when present (file owners, formats, alias
  /// table), otherwise every regular file in it, formats detected from content.
  public static func load(dataDirectory: String) throws(InputError) -> Corpus {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dataDirectory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw InputError("\(dataDirectory): no such folder") }
    let folder = URL(fileURLWithPath: dataDirectory)
    let manifestURL = folder.appendingPathComponent("manifest.json")
    var sources: [ManifestSource] = []
    var aliasPath: String?
    if FileManager.default.fileExists(atPath: manifestURL.path) {
      let manifest: Manifest
      do {
        manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
      } catch {
        throw InputError("\(manifestURL.path): not a valid manifest: \(error)")
      }
      sources = manifest.sources
      aliasPath = manifest.aliases.map { folder.appendingPathComponent($0).path }
      // Files the manifest does not list are read too (formats detected), so a file
      // dropped into the folder is never ignored silently.
      let listed = Set(sources.map(\.file) + [manifest.aliases].compactMap { $0 })
      let others = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in others.sorted()
      where !name.hasPrefix(".") && !listed.contains(name)
        && !["manifest.json", "aliases.tsv", "name-review.tsv", "thesaurus.tsv"].contains(name)
      {
        sources.append(ManifestSource(file: name))
      }
    } else {
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      } catch {
        throw InputError("\(dataDirectory): cannot list folder: \(error.localizedDescription)")
      }
      for name in names where !name.hasPrefix(".") {
        if name == "aliases.tsv" {
          aliasPath = folder.appendingPathComponent(name).path
        } else {
          sources.append(ManifestSource(file: name, owner: nil, format: nil))
        }
      }
    }
    let resolved = sources.filter { $0.file != "name-review.tsv" }.map {
      ManifestSource(
        file: folder.appendingPathComponent($0.file).path, owner: $0.owner, format: $0.format)
    }
    let reviewPath = folder.appendingPathComponent("name-review.tsv").path
    var review = NameReview()
    if let data = FileManager.default.contents(atPath: reviewPath) {
      review = NameReview.parse(String(decoding: data, as: UTF8.self), file: reviewPath)
    }
    return try load(sources: resolved, aliasFile: aliasPath, review: review)
  }

  /// Reads the given files (formats detected from content unless given).
  public static func load(
    sources: [ManifestSource], aliasFile: String? = nil, review: NameReview = NameReview()
  ) throws(InputError) -> Corpus {
    var diagnostics: [Diagnostic] = review.diagnostics
    var aliases = AliasTable()
    if let aliasFile {
      do {
        let text = try String(contentsOfFile: aliasFile, encoding: .utf8)
        aliases = AliasTable.parse(text, file: aliasFile)
        diagnostics += aliases.diagnostics
      } catch {
        throw InputError("\(aliasFile): cannot read alias table: \(error.localizedDescription)")
      }
    }
    // A file that cannot be read is reported and the others are still read; only when
    // none can be read does loading fail.
    var documents: [SourceDocument] = []
    var failures: [String] = []
    for source in sources {
      do {
        documents.append(
          try SourceReader.read(contentsOf: source.file, format: source.format, owner: source.owner))
      } catch {
        failures.append(error.description)
        diagnostics.append(
          Diagnostic(.error, at: InputLocation(file: source.file, line: 1), error.message))
      }
    }
    if documents.isEmpty {
      throw InputError(failures.first ?? "no input files")
    }
    if !review.accepted.isEmpty {
      // Accepted review lines merge like alias-table entries.
      aliases = AliasTable(
        aliases.groups
          + review.accepted.map { AliasTable.Group(canonical: $0.keep, aliases: [$0.merge]) })
    }
    var corpus = assemble(documents, aliases: aliases, extraDiagnostics: diagnostics)
    corpus.review = review
    return corpus
  }

  /// Resolves people across documents, deduplicates papers and collects declared counts.
  public static func assemble(
    _ documents: [SourceDocument], aliases: AliasTable = AliasTable(),
    extraDiagnostics: [Diagnostic] = []
  ) -> Corpus {
    // 1. Deduplicate papers across and within documents: the same DOI or arXiv id, or the
    //    same title with overlapping authors and years at most 2 apart (a preprint and
    //    its published version). The published version is kept as the record.
    var papers: [(publication: Publication, listings: [InputLocation])] = []
    var byKey: [String: Int] = [:]
    var byTitle: [String: [Int]] = [:]
    var paperMerges: [PaperMerge] = []
    var identifierDiagnostics: [Diagnostic] = []
    for document in documents {
      for publication in document.publications {
        var match: (index: Int, reason: String)?
        for key in PaperIdentity.identifierKeys(of: publication) {
          if let existing = byKey[key] {
            match = (existing, PaperIdentity.reason(for: key))
            break
          }
        }
        let title = PaperIdentity.foldedTitle(publication.title)
        if match == nil, title.count >= 12 {
          for existing in byTitle[title] ?? [] {
            if let reason = PaperIdentity.sameWork(papers[existing].publication, publication) {
              match = (existing, reason)
              break
            }
          }
        }
        if let (existing, reason) = match {
          papers[existing].listings.append(publication.location)
          let kept = papers[existing].publication
          // Prefer the published version over a preprint, and fill missing identifiers.
          let preferNew = kept.kind == .preprint && publication.kind != .preprint
          var merged = preferNew ? publication : kept
          merged.doi = merged.doi ?? kept.doi ?? publication.doi
          merged.arxivID = merged.arxivID ?? kept.arxivID ?? publication.arxivID
          merged.abstract = merged.abstract ?? kept.abstract ?? publication.abstract
          // The kept record learns the authors' identifiers the other copy gives; a value
          // it already has is never replaced, and a disagreement is reported.
          for issue in merged.mergeAuthorIdentifiers(from: preferNew ? kept : publication) {
            identifierDiagnostics.append(
              Diagnostic(
                .warning, at: publication.location,
                "\(issue) (copies at \(kept.location) and \(publication.location))"))
          }
          papers[existing].publication = merged
          paperMerges.append(
            PaperMerge(kept: kept.location, dropped: publication.location, reason: reason))
          for key in PaperIdentity.identifierKeys(of: publication) where byKey[key] == nil {
            byKey[key] = existing
          }
          continue
        }
        for key in PaperIdentity.identifierKeys(of: publication) { byKey[key] = papers.count }
        if !title.isEmpty { byTitle[title, default: []].append(papers.count) }
        papers.append((publication, [publication.location]))
      }
    }
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
      nameDocuments, identifiers: papers.map(\.publication.authorIdentifiers))
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

/// When two listings are the same paper.
enum PaperIdentity {
  /// Keys that identify a work exactly: DOI and arXiv id (lower-cased).
  static func identifierKeys(of p: Publication) -> [String] {
    var keys: [String] = []
    if let doi = p.doi?.lowercased(), !doi.isEmpty { keys.append("doi:" + doi) }
    if let arxiv = p.arxivID?.lowercased(), !arxiv.isEmpty { keys.append("arxiv:" + arxiv) }
    return keys
  }

  /// The title folded for comparison: letters and digits only, no case or diacritics.
  static func foldedTitle(_ title: String) -> String {
    let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
    return String(String.UnicodeScalarView(folded))
  }

  /// Why two listings with the same folded title are one work, or nil when they are not:
  /// years at most 2 apart (or unknown) and at least half of the shorter author list
  /// shared (names compared by their match keys).
  static func sameWork(_ a: Publication, _ b: Publication) -> String? {
    if let ya = a.year, let yb = b.year, abs(ya - yb) > 2 { return nil }
    let keysA = Set(a.authors.map(NameNormalizer.matchKey))
    let keysB = Set(b.authors.map(NameNormalizer.matchKey))
    let shorter = min(keysA.count, keysB.count)
    let shared = keysA.intersection(keysB).count
    // Initials vs full names ("J. Lee" vs "Jason Lee") share family names at least.
    let familiesA = Set(a.authors.map { NameNormalizer.parse($0).familyKey })
    let familiesB = Set(b.authors.map { NameNormalizer.parse($0).familyKey })
    let sharedFamilies = familiesA.intersection(familiesB).count
    guard shorter == 0 || 2 * max(shared, sharedFamilies) >= shorter else { return nil }
    let years = a.year == b.year ? "same year" : "years \(a.year.map(String.init) ?? "?")/\(b.year.map(String.init) ?? "?")"
    return "same title, \(max(shared, sharedFamilies)) of \(shorter) authors shared, \(years)"
  }

  static func reason(for key: String) -> String {
    key.hasPrefix("doi:") ? "same DOI" : "same arXiv id"
  }
}

extension Corpus {
  /// The person a name refers to: the same spelling (case, punctuation and diacritics
  /// ignored) as one of the person's variants; nil when none or several match.
  public func person(named name: String) -> Int? {
    let key = NameNormalizer.matchKey(name)
    var found: Int?
    for (id, spellings) in variants.enumerated()
    where NameNormalizer.matchKey(people[id]) == key
      || spellings.contains(where: { NameNormalizer.matchKey($0) == key })
    {
      if found != nil, found != id { return nil }
      found = id
    }
    return found
  }
}
