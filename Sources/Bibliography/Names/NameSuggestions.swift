import Foundation

/// A possible duplicate person that the automatic rules did not merge, for a person to
/// accept or reject.
public struct NameSuggestion: Sendable, Hashable, Codable {
  public var keep: String
  public var merge: String
  /// Jaro–Winkler similarity of the folded names, 0…1.
  public var score: Double
  public var evidence: String

  public init(keep: String, merge: String, score: Double, evidence: String) {
    self.keep = keep
    self.merge = merge
    self.score = score
    self.evidence = evidence
  }
}

/// Fuzzy name matching that only suggests: nothing it finds is merged until a person
/// accepts it in the review file (see ``NameReview``).
///
/// As in Sci2's "Detect Duplicate Nodes": names are compared only within blocks sharing
/// the first two letters of the family name (a block of more than 101 names: each name
/// with its 100 neighbours in sorted order, so the cost stays linear), and pairs at or above a threshold
/// (default 0.85) are reported. Two people who are coauthors of one paper are never
/// suggested (they are different people).
public enum NameSuggester {
  /// Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4 characters).
  ///
  /// Reference: W. E. Winkler, "String Comparator Metrics and Enhanced Decision Rules in
  /// the Fellegi-Sunter Model of Record Linkage", 1990.
  /// - Complexity: O(|a| · |b|).
  public static func jaroWinkler(_ a: String, _ b: String) -> Double {
    jaroWinkler(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  /// ``jaroWinkler(_:_:)`` on scalars already split (the suggester splits each name once).
  static func jaroWinkler(_ s: [Unicode.Scalar], _ t: [Unicode.Scalar]) -> Double {
    if s.isEmpty && t.isEmpty { return 1 }
    if s.isEmpty || t.isEmpty { return 0 }
    let window = max(0, max(s.count, t.count) / 2 - 1)
    var sMatched = [Bool](repeating: false, count: s.count)
    var tMatched = [Bool](repeating: false, count: t.count)
    var matches = 0
    for i in s.indices {
      let lo = max(0, i - window)
      let hi = min(t.count - 1, i + window)
      guard lo <= hi else { continue }
      for j in lo...hi where !tMatched[j] && s[i] == t[j] {
        sMatched[i] = true
        tMatched[j] = true
        matches += 1
        break
      }
    }
    guard matches > 0 else { return 0 }
    var transpositions = 0
    var k = 0
    for i in s.indices where sMatched[i] {
      while !tMatched[k] { k += 1 }
      if s[i] != t[k] { transpositions += 1 }
      k += 1
    }
    let m = Double(matches)
    let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions / 2)) / m) / 3
    var prefix = 0
    while prefix < min(4, s.count, t.count), s[prefix] == t[prefix] { prefix += 1 }
    return jaro + Double(prefix) * 0.1 * (1 - jaro)
  }

  /// The most names one name is compared with in a block larger than this plus one
  /// (the sorted-neighbourhood window); smaller blocks compare every pair.
  public static let maxBlockComparisons = 100

  /// Suggested merges among `people` (display names, index = person id).
  ///
  /// - Parameters:
  ///   - people: Display names.
  ///   - papers: Person ids per paper, for the never-on-the-same-paper veto and for the
  ///     more frequent name to be kept.
  ///   - threshold: Lowest similarity reported.
  ///   - decided: Pairs already accepted or rejected (not suggested again).
  /// - Complexity: O(Σ min(block², block · ``maxBlockComparisons``)) comparisons — O(*N*)
  ///   for *N* names however they fall into blocks — each veto O(papers of the two people);
  ///   O(Σ authors per paper) memory (a hyperauthored paper costs O(*N*), not O(*N*²)).
  public static func suggest(
    people: [String], papers: [[Int]], threshold: Double = 0.85,
    decided: Set<Set<String>> = []
  ) -> [NameSuggestion] {
    // Each person's papers, in paper order: O(total authorships) memory, so one paper
    // with 100,000 authors costs 100,000 entries, not 5·10⁹ pairs. The "never coauthors"
    // veto is checked per candidate pair by merging two sorted lists.
    var papersOf = [[Int32]](repeating: [], count: people.count)
    var counts = [Int](repeating: 0, count: people.count)
    for (index, paper) in papers.enumerated() {
      for a in paper where a >= 0 && a < people.count {
        counts[a] += 1
        if papersOf[a].last != Int32(index) { papersOf[a].append(Int32(index)) }
      }
    }
    func together(_ u: Int, _ v: Int) -> Bool {
      let (a, b) = (papersOf[u], papersOf[v])
      var (x, y) = (0, 0)
      while x < a.count, y < b.count {
        if a[x] == b[y] { return true }
        if a[x] < b[y] { x += 1 } else { y += 1 }
      }
      return false
    }
    let folded = people.map { Array(NameNormalizer.fold($0).unicodeScalars) }
    var blocks: [String: [Int]] = [:]
    var familyOf = [String](repeating: "", count: people.count)
    for (id, name) in people.enumerated() {
      let family = NameNormalizer.parse(name).familyKey
      guard family.count >= 2 else { continue }
      familyOf[id] = family
      blocks[String(family.prefix(2)), default: []].append(id)
    }
    var out: [NameSuggestion] = []
    func consider(_ u: Int, _ v: Int) {
      // The veto first: it is a merge of two short lists, and on a hyperauthored paper
      // it rules out every pair without a string comparison.
      guard !together(u, v) else { return }
      let score = jaroWinkler(folded[u], folded[v])
      guard score >= threshold else { return }
      guard !decided.contains([people[u], people[v]]) else { return }
      let (keep, merge) = counts[u] >= counts[v] ? (u, v) : (v, u)
      out.append(
        NameSuggestion(
          keep: people[keep], merge: people[merge], score: score,
          evidence: "\(counts[keep]) and \(counts[merge]) papers, never on the same paper"))
    }
    for key in blocks.keys.sorted() {
      let ids = blocks[key] ?? []
      if ids.count <= maxBlockComparisons + 1 {
        for x in ids.indices {
          for y in ids.indices where x < y { consider(ids[x], ids[y]) }
        }
      } else {
        // A large block (one 100,000-author paper, the "Wang"s of DBLP): the sorted
        // neighbourhood — by family name, then the whole folded name — each name
        // compared with the next `maxBlockComparisons`, so O(N · window), not O(N²).
        let keys = ids.map { (familyOf[$0] + "\u{0}" + String(String.UnicodeScalarView(folded[$0])), $0) }
        let sorted = keys.sorted { $0 < $1 }.map(\.1)
        for x in sorted.indices {
          for y in (x + 1)..<min(sorted.count, x + 1 + maxBlockComparisons) {
            let (u, v) = sorted[x] < sorted[y] ? (sorted[x], sorted[y]) : (sorted[y], sorted[x])
            consider(u, v)
          }
        }
      }
    }
    return out.sorted {
      $0.score != $1.score ? $0.score > $1.score : ($0.keep, $0.merge) < ($1.keep, $1.merge)
    }
  }
}

/// The review file: suggestions a person accepts or rejects, fed back on the next run.
///
/// Tab-separated, one suggestion per line: `decision keep merge score evidence`, where
/// decision is `accept`, `reject` or `?` (undecided). `#` starts a comment. Accepted
/// lines act as alias-table entries; rejected pairs are not suggested again.
public struct NameReview: Sendable, Hashable {
  public var accepted: [(keep: String, merge: String)] {
    entries.filter { $0.decision == "accept" }.map { ($0.keep, $0.merge) }
  }
  /// Every decided pair (accepted or rejected), as unordered name pairs.
  public var decided: Set<Set<String>> {
    Set(entries.filter { $0.decision != "?" }.map { [$0.keep, $0.merge] })
  }
  public var entries: [(decision: String, keep: String, merge: String)] {
    rows.map { ($0.decision, $0.keep, $0.merge) }
  }
  public private(set) var diagnostics: [Diagnostic] = []
  private var rows: [Row] = []

  private struct Row: Sendable, Hashable {
    var decision: String
    var keep: String
    var merge: String
  }

  public init() {}

  /// Parses a review file; malformed lines become diagnostics.
  public static func parse(_ text: String, file: String) -> NameReview {
    var review = NameReview()
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let decision = fields.first?.lowercased() ?? ""
      guard fields.count >= 3, ["accept", "reject", "?"].contains(decision),
        !fields[1].isEmpty, !fields[2].isEmpty
      else {
        review.diagnostics.append(
          Diagnostic(
            .error, at: InputLocation(file: file, line: index + 1),
            "expected 'accept|reject|?<TAB>keep<TAB>merge[<TAB>…]'"))
        continue
      }
      review.rows.append(
        Row(decision: decision, keep: unguarded(fields[1]), merge: unguarded(fields[2])))
    }
    return review
  }

  /// The review file text for `suggestions`, undecided, after the decisions already made.
  public func text(adding suggestions: [NameSuggestion]) -> String {
    var out = "# Possible duplicate people. Change '?' to 'accept' or 'reject', save this file as\n"
    out += "# name-review.tsv in the data folder and run again: accepted lines merge like aliases.\n"
    out += "# decision\tkeep\tmerge\tscore\tevidence\n"
    for row in rows { out += "\(row.decision)\t\(Self.field(row.keep))\t\(Self.field(row.merge))\n" }
    for s in suggestions {
      let score = (s.score * 1000).rounded() / 1000
      out += "?\t\(Self.field(s.keep))\t\(Self.field(s.merge))\t\(score)\t\(Self.field(s.evidence))\n"
    }
    return out
  }

  /// One field of the file, which people edit in a spreadsheet: tab, LF and CR become
  /// spaces, NUL, the other C0 controls and DEL are dropped, the bidirectional controls
  /// (U+202A–U+202E, U+2066–U+2069) become U+FFFD, and a field starting with `=`, `+`, `-`
  /// or `@` (possibly after apostrophes) gets a leading apostrophe, which ``parse(_:file:)``
  /// removes again (the same rules as Formats' `Escaping.spreadsheetField`).
  static func field(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
      if u == "\t" || u == "\n" || u == "\r" {
        out.append(" ")
      } else if u.value < 0x20 || u.value == 0x7F {
        continue
      } else if (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) {
        out.append("\u{FFFD}")
      } else {
        out.append(u)
      }
    }
    let text = String(out)
    return startsLikeFormula(text) ? "'" + text : text
  }

  /// A field of apostrophes followed by a formula character.
  private static func startsLikeFormula(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first(where: { $0 != "'" }) else { return false }
    return "=+-@".unicodeScalars.contains(first)
  }

  /// The name ``field(_:)`` wrote: one guarding apostrophe removed.
  static func unguarded(_ s: String) -> String {
    s.hasPrefix("'") && startsLikeFormula(String(s.dropFirst())) ? String(s.dropFirst()) : s
  }
}
