import Foundation

/// The coauthors of one person within a time window, for the NSF "Collaborators and
/// Other Affiliations" (COA) form, table 4: name, organizational affiliation, and the
/// year of the last joint work.
public struct CollaboratorsTable: Sendable {
  public struct Row: Sendable, Hashable {
    public var name: String
    public var lastActive: Int
    public var jointWorks: Int
  }

  public var person: String
  public var fromYear: Int
  public var toYear: Int
  public var rows: [Row]
  /// Joint papers without a year: they cannot be placed in the window and are counted
  /// here rather than dropped silently.
  public var undatedPapers: Int

  /// Coauthors of `person` on papers from `asOf − ⌈months / 12⌉` to `asOf` (years only:
  /// CVs and BibTeX rarely give months, so a 48-month window as of 2026 covers 2022–2026).
  public static func make(
    corpus: Corpus, person: Int, months: Int = 48, asOf: Int
  ) -> CollaboratorsTable {
    precondition(months > 0, "the window must be positive")
    let from = asOf - (months + 11) / 12
    var last: [Int: Int] = [:]
    var count: [Int: Int] = [:]
    var undated = 0
    for paper in corpus.papers where paper.authors.contains(person) {
      guard let year = paper.publication.year else {
        undated += 1
        continue
      }
      guard year >= from, year <= asOf else { continue }
      for author in paper.authors where author != person {
        last[author] = max(last[author] ?? year, year)
        count[author, default: 0] += 1
      }
    }
    let rows = last.keys.map { Row(name: corpus.people[$0], lastActive: last[$0] ?? 0, jointWorks: count[$0] ?? 0) }
      .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending || ($0.name == $1.name && $0.lastActive > $1.lastActive) }
    return CollaboratorsTable(
      person: corpus.people[person], fromYear: from, toYear: asOf, rows: rows, undatedPapers: undated)
  }

  /// CSV in the COA table-4 column order (affiliation left blank: sources do not give it).
  public var csv: String {
    var table = CSVTable(header: ["name", "organizational_affiliation", "last_active", "joint_works"])
    for row in rows {
      table.append([.text(row.name), .text(""), .number(row.lastActive), .number(row.jointWorks)])
    }
    return table.text
  }
}
