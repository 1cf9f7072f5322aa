import Foundation

/// Finds the owner of a publication list — the person the list is about — and tells
/// which spellings in it are the owner's.
///
/// The owner is the person marked in bold, strong or underline on most entries
/// (`<strong>A. Name</strong>`, `**A. Name**`, `\textbf{A. Name}`), else the person on
/// most entries: spellings that fit one another by initials ("Art F Y Poon", "Art FY
/// Poon", "A F Poon", "AFY Poon", "A Poon", "Poon, A. F. Y.") count as one, and the
/// fullest spelling names the owner. A manifest's or `--owner`'s owner always wins; the
/// callers only ask when the document has none.
public enum OwnerDetection {
  /// What detection found.
  public struct Finding: Sendable, Hashable {
    /// The fullest spelling of the owner.
    public var name: String
    /// Entries that name the owner (in any spelling).
    public var entries: Int
    /// Entries that list any authors.
    public var entriesWithAuthors: Int
    /// The spellings of the owner found in the list, most frequent first.
    public var variants: [String]
  }

  /// The owner of `publications`: the person on more than half of the entries that list
  /// authors (and on at least two), in their fullest spelling; nil when no one is.
  public static func detect(_ publications: [Publication]) -> Finding? {
    var entries: [String: Int] = [:]
    var spellings: [String: [String: Int]] = [:]
    var withAuthors = 0
    // Names repeat (21 M authorships of 1.3 M names in DBLP): each spelling's key is
    // worked out once; nil when the name has no family name or letters.
    var keyOf: [String: String?] = [:]
    for publication in publications where !publication.authors.isEmpty {
      withAuthors += 1
      var seen: Set<String> = []
      for author in publication.authors {
        let cached: String?
        if let known = keyOf[author] {
          cached = known
        } else {
          let shape = Shape(author)
          cached = !shape.family.isEmpty && !shape.letters.isEmpty ? shape.family + " " + String(shape.letters.first!) : nil
          keyOf[author] = cached
        }
        guard let key = cached else { continue }
        spellings[key, default: [:]][author, default: 0] += 1
        if seen.insert(key).inserted { entries[key, default: 0] += 1 }
      }
    }
    // Candidates by entry count; the first whose spellings hold together is the owner.
    for (key, count) in entries.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
      guard count >= 2, count * 2 > withAuthors else { break }
      guard let forms = spellings[key] else { continue }
      let fullest = fullestSpelling(Array(forms.keys), counts: forms)
      let variants = forms.filter { isVariant($0.key, of: fullest) }
        .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
      // Entries of spellings that do not fit the fullest form are someone else's.
      let ownerEntries = publications.filter { publication in
        publication.authors.contains { variants.contains($0) }
      }.count
      guard ownerEntries >= 2, ownerEntries * 2 > withAuthors else { continue }
      return Finding(name: fullest, entries: ownerEntries, entriesWithAuthors: withAuthors, variants: variants)
    }
    return nil
  }

  /// The person marked on most entries (`marked`: the marked names, one per mark), in
  /// the fullest spelling the list gives them; nil unless marked at least twice (or on
  /// the only entry).
  public static func markedOwner(_ marked: [String], in publications: [Publication]) -> String? {
    guard !marked.isEmpty else { return nil }
    var counts: [String: Int] = [:]
    for name in marked {
      let shape = Shape(name)
      guard !shape.family.isEmpty else { continue }
      counts[shape.family + " " + (shape.letters.first.map(String.init) ?? ""), default: 0] += 1
    }
    guard let (key, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      count >= 2 || publications.count <= 1
    else { return nil }
    func matches(_ name: String) -> Bool {
      let shape = Shape(name)
      return shape.family + " " + (shape.letters.first.map(String.init) ?? "") == key
    }
    let listed = publications.flatMap(\.authors).filter(matches)
    let candidates = (listed.isEmpty ? marked : listed).filter {
      let shape = Shape($0)
      return shape.family + " " + (shape.letters.first.map(String.init) ?? "") == key
    }
    var frequency: [String: Int] = [:]
    for name in candidates { frequency[name, default: 0] += 1 }
    let fullest = fullestSpelling(Array(frequency.keys), counts: frequency)
    return fullest.isEmpty ? nil : fullest
  }

  /// True when `name` can be a spelling of `owner`: the same family name, initials
  /// that begin the owner's ("A F" of "Art F Y"), and every given name spelled out in
  /// both the same ("Andrew Poon" is not "Art Poon"). The middle initials may also come
  /// in another order when they are the same set and the first given name agrees: "Art
  /// Y F Poon" is "Art F Y Poon" (a transposition in one's own list), "Art Y G Poon" is
  /// not.
  public static func isVariant(_ name: String, of owner: String) -> Bool {
    let a = Shape(name)
    let b = Shape(owner)
    guard !a.family.isEmpty, a.family == b.family, !a.letters.isEmpty, !b.letters.isEmpty else {
      return a.family == b.family && !a.family.isEmpty && a.letters.isEmpty && b.letters.isEmpty
    }
    let (short, long) = a.letters.count <= b.letters.count ? (a, b) : (b, a)
    if !long.letters.starts(with: short.letters) {
      // The same first given name, the same middle initials reordered.
      guard short.letters.count == long.letters.count, short.letters.count >= 3,
        short.letters[0] == long.letters[0],
        short.letters.dropFirst().sorted() == long.letters.dropFirst().sorted()
      else { return false }
      if let x = short.full[0], let y = long.full[0], x != y { return false }
      // Spelled-out middle names must match wherever they sit.
      let middles = { (s: Shape) in Set(s.full.dropFirst().compactMap { $0 }) }
      return middles(short).isSubset(of: middles(long)) || middles(long).isSubset(of: middles(short))
    }
    for index in short.letters.indices {
      if let x = short.full[index], let y = long.full[index], x != y { return false }
    }
    return true
  }

  /// The spelling with the most given-name information (spelled-out names count more
  /// than initials), then the most frequent, then the first in order.
  static func fullestSpelling(_ spellings: [String], counts: [String: Int]) -> String {
    spellings.max { x, y in
      let (sx, sy) = (Shape(x), Shape(y))
      return (sx.specificity, counts[x] ?? 0, y) < (sy.specificity, counts[y] ?? 0, x)
    } ?? ""
  }

  /// A name reduced to what owner matching compares: the folded family name, the
  /// initial letter of each given name, and each given name spelled out (nil for an
  /// initial). "AFY Poon" and "Art F. Y. Poon" both have letters a f y.
  struct Shape {
    var family: String
    var letters: [Character] = []
    var full: [String?] = []

    init(_ raw: String) {
      let person = NameNormalizer.parse(raw)
      family = person.familyKey
      for token in person.given {
        let plain = token.filter { $0.isLetter }
        guard !plain.isEmpty else { continue }
        // Run-together capitals ("AFY", "FY") are initials, whatever their vowels.
        if plain.count <= 3, plain.allSatisfy(\.isUppercase) {
          for c in plain { letters.append(NameNormalizer.fold(String(c)).first ?? "?"); full.append(nil) }
          continue
        }
        if NameNormalizer.isInitial(token) {
          for c in plain { letters.append(NameNormalizer.fold(String(c)).first ?? "?"); full.append(nil) }
          continue
        }
        // "Jean-Rémi": J and R, both spelled out (as "Jean Remi").
        let parts = token.split(whereSeparator: { $0 == "-" || $0 == "‐" }).filter { !$0.isEmpty }
        for (offset, part) in parts.enumerated() {
          letters.append(NameNormalizer.fold(String(part.prefix(1))).first ?? "?")
          _ = offset
          full.append(NameNormalizer.fold(String(part)))
        }
      }
    }

    var specificity: Int { full.reduce(0) { $0 + ($1 == nil ? 1 : 3) } }
  }
}
