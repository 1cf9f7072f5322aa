import Bibliography

/// Counting each paper once: the same DOI or arXiv id, or the same title with
/// overlapping authors and years at most 2 apart (a preprint and its published version),
/// is one work. The published version is kept as the record, and every merge is listed.
enum Deduplication {
  struct Result {
    var papers: [(publication: Publication, listings: [InputLocation])] = []
    var merges: [PaperMerge] = []
    /// Conflicting author identifiers between two copies of one paper.
    var diagnostics: [Diagnostic] = []
  }

  /// The distinct papers of `documents`, in first-listing order.
  ///
  /// - Complexity: O(*p*) hash look-ups for *p* listings, plus a comparison with each
  ///   earlier paper of the same folded title.
  static func deduplicate(_ documents: [SourceDocument]) -> Result {
    var papers: [(publication: Publication, listings: [InputLocation])] = []
    var paperMerges: [PaperMerge] = []
    var identifierDiagnostics: [Diagnostic] = []
    var byKey: [String: Int] = [:]
    var byTitle: [String: [Int]] = [:]
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
    return Result(papers: papers, merges: paperMerges, diagnostics: identifierDiagnostics)
  }
}
