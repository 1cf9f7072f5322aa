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
/// the first two letters of the family name, and pairs at or above a threshold
/// (default 0.85) are reported. Two people who are coauthors of one paper are never
/// suggested (they are different people).
public enum NameSuggester {
  /// Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4 characters).
  ///
  /// Reference: W. E. Winkler, "String Comparator Metrics and Enhanced Decision Rules in
  /// the Fellegi-Sunter Model of Record Linkage", 1990.
  /// - Complexity: O(|a| · |b|).
  public static func jaroWinkler(_ a: String, _ b: String) -> Double {
    let s = Array(a.unicodeScalars)
    let t = Array(b.unicodeScalars)
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

  /// Suggested merges among `people` (display names, index = person id).
  ///
  /// - Parameters:
  ///   - people: Display names.
  ///   - papers: Person ids per paper, for the never-on-the-same-paper veto and for the
  ///     more frequent name to be kept.
  ///   - threshold: Lowest similarity reported.
  ///   - decided: Pairs already accepted or rejected (not suggested again).
  /// - Complexity: O(Σ block²) comparisons.
  public static func suggest(
    people: [String], papers: [[Int]], threshold: Double = 0.85,
    decided: Set<Set<String>> = []
  ) -> [NameSuggestion] {
    var together = Set<Int64>()
    var counts = [Int](repeating: 0, count: people.count)
    for paper in papers {
      for a in paper { counts[a] += 1 }
      for i in paper.indices {
        for j in paper.indices where i < j {
          let (u, v) = (min(paper[i], paper[j]), max(paper[i], paper[j]))
          together.insert(Int64(u) << 32 | Int64(v))
        }
      }
    }
    let folded = people.map { NameNormalizer.fold($0) }
    var blocks: [String: [Int]] = [:]
    for (id, name) in people.enumerated() {
      let family = NameNormalizer.parse(name).familyKey
      guard family.count >= 2 else { continue }
      blocks[String(family.prefix(2)), default: []].append(id)
    }
    var out: [NameSuggestion] = []
    for key in blocks.keys.sorted() {
      let ids = blocks[key] ?? []
      for x in ids.indices {
        for y in ids.indices where x < y {
          let (u, v) = (ids[x], ids[y])
          guard !together.contains(Int64(min(u, v)) << 32 | Int64(max(u, v))) else { continue }
          guard !decided.contains([people[u], people[v]]) else { continue }
          let score = jaroWinkler(folded[u], folded[v])
          guard score >= threshold else { continue }
          let (keep, merge) = counts[u] >= counts[v] ? (u, v) : (v, u)
          out.append(
            NameSuggestion(
              keep: people[keep], merge: people[merge], score: score,
              evidence: "\(counts[keep]) and \(counts[merge]) papers, never on the same paper"))
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
      review.rows.append(Row(decision: decision, keep: fields[1], merge: fields[2]))
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

  static func field(_ s: String) -> String {
    String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}
