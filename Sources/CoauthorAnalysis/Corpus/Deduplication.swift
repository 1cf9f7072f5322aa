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
    // Keys and folded titles are held as 128-bit digests, not strings (7 M DBLP records
    // held some 2 GB of key strings here); papers of one title are chained through
    // `nextWithTitle` in listing order.
    var byKey: [KeyDigest: Int] = [:]
    var byTitle: [KeyDigest: Int] = [:]
    var lastWithTitle: [KeyDigest: Int] = [:]
    var nextWithTitle: [Int32] = []
    for document in documents {
      for publication in document.publications {
        var match: (index: Int, reason: String)?
        let keys = PaperIdentity.identifierKeys(of: publication)
        for key in keys {
          if let existing = byKey[KeyDigest(key)] {
            match = (existing, PaperIdentity.reason(for: key))
            break
          }
        }
        let title = PaperIdentity.foldedTitle(publication.title)
        let titleDigest = KeyDigest(title)
        if match == nil, title.count >= 12 {
          var next = byTitle[titleDigest] ?? -1
          while next >= 0 {
            let existing = next
            if let reason = PaperIdentity.sameWork(papers[existing].publication, publication) {
              match = (existing, reason)
              break
            }
            next = Int(nextWithTitle[existing])
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
          for key in keys where byKey[KeyDigest(key)] == nil {
            byKey[KeyDigest(key)] = existing
          }
          continue
        }
        for key in keys { byKey[KeyDigest(key)] = papers.count }
        nextWithTitle.append(-1)
        if !title.isEmpty {
          if let last = lastWithTitle[titleDigest] {
            nextWithTitle[last] = Int32(papers.count)
          } else {
            byTitle[titleDigest] = papers.count
          }
          lastWithTitle[titleDigest] = papers.count
        }
        papers.append((publication, [publication.location]))
      }
    }
    return Result(papers: papers, merges: paperMerges, diagnostics: identifierDiagnostics)
  }
}

/// A 128-bit digest of a string's UTF-8 (two FNV-1a-64 passes with different offset
/// bases): the key of ``Deduplication``'s look-ups. Two different keys among 10⁷ collide
/// with probability about 10⁻²⁵, so digests stand in for the strings.
struct KeyDigest: Hashable {
  var a: UInt64
  var b: UInt64

  init(_ text: String) {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142
    for byte in text.utf8 {
      a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = b ^ (b >> 29)
    }
    self.a = a
    self.b = b
  }
}
