import Foundation

/// Identifiers a source gives for one author of a publication.
///
/// Every field is optional: most sources give none, some give one kind. ``orcid`` is
/// the only identifier shared across sources, so it is the one ``PersonResolver``
/// uses; the source-specific ids are kept for export and review.
public struct AuthorIdentifiers: Sendable, Hashable, Codable {
  /// The ORCID iD in its canonical form, `0000-0002-1825-0097` (checksum verified).
  public var orcid: String?
  /// The Scopus author id (digits), from a Scopus export's "Author(s) ID".
  public var scopusID: String?
  /// The OpenAlex author id without its URL prefix, `A5074473734`.
  public var openAlexID: String?
  /// The Web of Science ResearcherID (Publons), `AAA-1034-2022`.
  public var researcherID: String?

  public init(
    orcid: String? = nil, scopusID: String? = nil, openAlexID: String? = nil,
    researcherID: String? = nil
  ) {
    self.orcid = orcid
    self.scopusID = scopusID
    self.openAlexID = openAlexID
    self.researcherID = researcherID
  }

  /// True when no identifier is known.
  public var isEmpty: Bool {
    orcid == nil && scopusID == nil && openAlexID == nil && researcherID == nil
  }
}

/// ORCID iDs: recognising the forms sources write and verifying the check character.
///
/// An ORCID iD is 16 characters, 15 digits and a check character (a digit or `X`),
/// written in four groups of four. The check character is ISO 7064 MOD 11-2 over the
/// first 15 digits.
///
/// Reference: ORCID, "Structure of the ORCID Identifier",
/// https://support.orcid.org/hc/en-us/articles/360006897674
public enum ORCID {
  /// What a string holding an ORCID iD turned out to be.
  public enum Validation: Sendable, Hashable {
    /// A well-formed iD with a correct check character, in canonical form.
    case valid(String)
    /// Not 16 digits (the last possibly `X`) after removing the URL, hyphens and spaces.
    case malformed
    /// Well formed, but the check character is not the one the digits give.
    case wrongCheckCharacter(expected: Character)
  }

  /// Validates and normalises an ORCID iD written as `0000-0002-1825-0097`,
  /// `https://orcid.org/0000-0002-1825-0097`, `orcid:0000000218250097` or with a
  /// lower-case `x`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func validate(_ text: String) -> Validation {
    var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    if let range = body.range(of: "orcid.org/", options: .caseInsensitive) {
      body = body[range.upperBound...]
    } else if body.lowercased().hasPrefix("orcid:") {
      body = body.dropFirst(6)
    }
    var characters: [Character] = []
    for character in body where character != "-" && character != " " {
      characters.append(character)
      if characters.count > 16 { return .malformed }
    }
    guard characters.count == 16,
      characters.prefix(15).allSatisfy({ $0.isASCII && $0.isNumber })
    else { return .malformed }
    let last = characters[15] == "x" ? "X" : characters[15]
    guard last == "X" || (last.isASCII && last.isNumber) else { return .malformed }
    let expected = checkCharacter(of: characters.prefix(15).compactMap(\.wholeNumberValue))
    guard expected == last else { return .wrongCheckCharacter(expected: expected) }
    let digits = String(characters.prefix(15)) + String(last)
    var canonical = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && index % 4 == 0 { canonical.append("-") }
      canonical.append(character)
    }
    return .valid(canonical)
  }

  /// The canonical form of a valid iD, nil otherwise.
  public static func normalized(_ text: String) -> String? {
    if case .valid(let canonical) = validate(text) { return canonical }
    return nil
  }

  /// ISO 7064 MOD 11-2 check character of the base digits.
  static func checkCharacter(of digits: [Int]) -> Character {
    var total = 0
    for digit in digits { total = (total + digit) * 2 }
    let result = (12 - total % 11) % 11
    return result == 10 ? "X" : Character(String(result))
  }
}
