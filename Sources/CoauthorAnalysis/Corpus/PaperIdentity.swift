import Bibliography
import Foundation

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
