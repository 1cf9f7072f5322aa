import Foundation

/// A user's list of names that belong to one person, which overrides every automatic
/// name rule (both merging and keeping apart).
///
/// The file format is one person per line, fields separated by tabs:
///
/// ```
/// # comment
/// canonical name<TAB>alias<TAB>alias…
/// ```
///
/// Names are matched by ``NameNormalizer/matchKey(_:)-(String)``, so case, diacritics
/// and punctuation in the table do not matter; the canonical name is displayed as
/// written.
public struct AliasTable: Sendable, Hashable {
  /// One person: the display name and the other spellings that mean them.
  public struct Group: Sendable, Hashable, Codable {
    public var canonical: String
    public var aliases: [String]
    public var location: InputLocation?

    public init(canonical: String, aliases: [String], location: InputLocation? = nil) {
      self.canonical = canonical
      self.aliases = aliases
      self.location = location
    }
  }

  public private(set) var groups: [Group] = []
  /// Lines that could not be read, or that contradict an earlier line.
  public private(set) var diagnostics: [Diagnostic] = []
  /// Match key of every listed name → index into `groups`.
  private var index: [String: Int] = [:]

  /// An empty table.
  public init() {}

  /// A table from groups given in code; a name listed under two canonical names keeps
  /// its first group and yields a diagnostic.
  public init(_ groups: [Group]) {
    for group in groups { add(group) }
  }

  /// Parses alias-table text.
  ///
  /// Bad lines become diagnostics and are skipped: a line without a tab (a name with
  /// no alias), empty fields, and a name already listed under another canonical name.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func parse(_ text: String, file: String = "<memory>") -> AliasTable {
    var table = AliasTable()
    for (offset, rawLine) in text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline
    ).enumerated() {
      let location = InputLocation(file: file, line: offset + 1)
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        .map { NameNormalizer.clean(String($0)) }
      guard fields.count >= 2 else {
        table.diagnostics.append(
          Diagnostic(
            .warning, at: location,
            "alias line has no tab-separated alias after '\(fields.first ?? "")'; skipped"))
        continue
      }
      if fields.contains(where: \.isEmpty) {
        table.diagnostics.append(
          Diagnostic(.warning, at: location, "empty field in alias line; empty fields ignored"))
      }
      let names = fields.filter { !$0.isEmpty }
      guard names.count >= 2 else {
        table.diagnostics.append(
          Diagnostic(.warning, at: location, "alias line names only one person; skipped"))
        continue
      }
      table.add(Group(canonical: names[0], aliases: Array(names.dropFirst()), location: location))
    }
    return table
  }

  /// Reads an alias table file (UTF-8).
  /// - Throws: ``Diagnostic`` naming the path when the file cannot be read.
  public static func read(contentsOf path: String) throws -> AliasTable {
    let text = try SourceReader.readText(contentsOf: path)
    return parse(text, file: path)
  }

  /// The canonical name for `name` when the table lists it (as canonical or alias).
  public func canonical(for name: String) -> String? {
    index[NameNormalizer.matchKey(name)].map { groups[$0].canonical }
  }

  /// The index in ``groups`` of the person `name` belongs to, if listed.
  public func groupIndex(for name: String) -> Int? {
    index[NameNormalizer.matchKey(name)]
  }

  private mutating func add(_ group: Group) {
    let location = group.location ?? InputLocation(file: "<aliases>", line: 0)
    let groupID: Int
    if let existing = index[NameNormalizer.matchKey(group.canonical)] {
      // The same canonical name twice: extend the earlier group.
      groupID = existing
    } else {
      groupID = groups.count
      groups.append(Group(canonical: group.canonical, aliases: [], location: group.location))
      index[NameNormalizer.matchKey(group.canonical)] = groupID
    }
    for alias in group.aliases {
      let key = NameNormalizer.matchKey(alias)
      if let other = index[key], other != groupID {
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            "'\(alias)' is already an alias of '\(groups[other].canonical)'; kept there"))
        continue
      }
      if index[key] == nil || !groups[groupID].aliases.contains(alias) {
        if key != NameNormalizer.matchKey(groups[groupID].canonical) {
          groups[groupID].aliases.append(alias)
        }
      }
      index[key] = groupID
    }
  }
}
