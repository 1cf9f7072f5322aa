import Foundation

/// Reading author identifiers out of export fields, shared by the readers: ORCID
/// validation with a diagnostic, OpenAlex and Scopus id shapes, and the
/// "Family, Given/ID; …" lists Web of Science writes (`OI`, `RI`, BibTeX
/// `ORCID-Numbers`), which name the author instead of giving a position.
enum AuthorIdentifierFields {
  /// The canonical ORCID in `raw`, or nil when `raw` is empty or invalid; an invalid
  /// one is reported at `location`, naming the author.
  static func orcid(
    _ raw: String?, author: String?, at location: InputLocation,
    diagnostics: inout [Diagnostic]
  ) -> String? {
    guard let raw = raw?.trimmedWhitespace, !raw.isEmpty else {
      return nil
    }
    let whose = author.map { " of '\($0)'" } ?? ""
    switch ORCID.validate(raw) {
    case .valid(let canonical):
      return canonical
    case .malformed:
      diagnostics.append(
        Diagnostic(
          .warning, at: location,
          "ORCID '\(raw)'\(whose) is not an ORCID iD (16 digits, the last may be X); ignored"))
    case .wrongCheckCharacter(let expected):
      diagnostics.append(
        Diagnostic(
          .warning, at: location,
          "ORCID '\(raw)'\(whose) fails its checksum (the check character should be "
            + "'\(expected)'); ignored"))
    }
    return nil
  }

  /// `https://openalex.org/A5074473734` or `A5074473734` → `A5074473734`.
  static func openAlexAuthorID(_ raw: String?) -> String? {
    guard var text = raw?.trimmedWhitespace, !text.isEmpty else {
      return nil
    }
    if let slash = text.lastIndex(of: "/") { text = String(text[text.index(after: slash)...]) }
    guard text.count > 1, text.first == "A" || text.first == "a",
      text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return "A" + text.dropFirst()
  }

  /// A Scopus author id: digits only.
  static func scopusID(_ raw: String?) -> String? {
    guard let text = raw?.trimmedWhitespace, !text.isEmpty,
      text.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    return text
  }

  /// Splits "Family, Given/ID; Family, Given/ID" into pairs; empty items are skipped.
  /// An item without "/" comes back with an empty id.
  static func namedIDs(_ field: String) -> [(name: String, id: String)] {
    field.components(separatedBy: ";").compactMap { item in
      let item = item.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !item.isEmpty else { return nil }
      guard let slash = item.lastIndex(of: "/") else { return (item, "") }
      return (
        String(item[..<slash]).trimmingCharacters(in: .whitespaces),
        String(item[item.index(after: slash)...]).trimmingCharacters(in: .whitespaces)
      )
    }
  }

  /// The index of the author `name` ("Family, Given" or reading order) denotes, or nil
  /// when none or several fit: the same rule that pairs two listings of one paper
  /// (``NameForm/index(of:in:)``).
  static func authorIndex(of name: String, in authors: [String]) -> Int? {
    NameForm.index(of: name, in: authors)
  }

  /// Which identifier a name-mapped list carries.
  enum NamedKind {
    case orcid
    case researcherID

    var label: String { self == .orcid ? "ORCID" : "ResearcherID" }
  }

  /// Puts the ids of a name-mapped list on the authors they name. An author named
  /// twice keeps the first id; a name that fits no author (or several), an item
  /// without an id and an invalid ORCID are reported at `location`.
  static func attach(
    _ field: String, kind: NamedKind, to authors: [String],
    identifiers: inout [AuthorIdentifiers], at location: InputLocation,
    diagnostics: inout [Diagnostic]
  ) {
    var seen: Set<String> = []
    for (name, rawID) in namedIDs(field) {
      // WoS repeats some items word for word; the repeat says nothing new.
      guard seen.insert(name + "/" + rawID).inserted else { continue }
      guard !rawID.isEmpty else {
        diagnostics.append(
          Diagnostic(.warning, at: location, "\(kind.label) item '\(name)' has no id; ignored"))
        continue
      }
      guard let index = authorIndex(of: name, in: authors) else {
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            "\(kind.label) \(rawID) is given for '\(name)', who is not (or not uniquely) "
              + "among the authors; ignored"))
        continue
      }
      let id: String
      switch kind {
      case .orcid:
        guard let canonical = orcid(rawID, author: name, at: location, diagnostics: &diagnostics)
        else { continue }
        id = canonical
      case .researcherID:
        id = rawID
      }
      let known = kind == .orcid ? identifiers[index].orcid : identifiers[index].researcherID
      if let known {
        if known != id {
          diagnostics.append(
            Diagnostic(
              .warning, at: location,
              "'\(name)' has a second \(kind.label) \(id) besides \(known); the first is kept"))
        }
        continue
      }
      if kind == .orcid {
        identifiers[index].orcid = id
      } else {
        identifiers[index].researcherID = id
      }
    }
  }
}
