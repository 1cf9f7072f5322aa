import Foundation

/// The committed stop-word lists used by ``TermExtractor``.
///
/// Two lists, one word per line, lower case, compared with a token's folded form
/// and with its singular: `english` holds function words (articles, pronouns,
/// auxiliaries, prepositions, conjunctions, common adverbs and quantifiers);
/// `academic` holds the boilerplate of titles and abstracts ("paper",
/// "propose", "show", "result", "novel", "approach", …) that says nothing about
/// a research topic. A stop word ends a candidate phrase: terms never contain
/// one. Users add their own with ``TermExtractionOptions/additionalStopWords`` or
/// remove terms with a ``Thesaurus``.
///
/// The lists are data: text files in the module's resources
/// (`Sources/Bibliography/Resources/`, one word per line, `#` comments), read
/// once, on first use.
public enum StopWords {
  /// English function words (`stop-words-english.txt`).
  public static let english: Set<String> = Set(bundledList(.english))
  /// Academic boilerplate words (`stop-words-academic.txt`).
  public static let academic: Set<String> = Set(bundledList(.academic))
  /// Both lists.
  public static let all: Set<String> = english.union(academic)
  /// General nouns that are not a topic on their own ("time", "analysis",
  /// "performance", "bound") but are part of topics ("running time", "principal
  /// component analysis", "lower bound"). Unlike stop words they do not split
  /// phrases; they are only never a single-word term (`generic-nouns.txt`).
  public static let generic: Set<String> = Set(bundledList(.generic))

  /// The word-list files bundled with the module.
  enum List: String, CaseIterable {
    case english = "stop-words-english"
    case academic = "stop-words-academic"
    case generic = "generic-nouns"

    /// The file's name in the module's `Resources` folder.
    var fileName: String { rawValue + ".txt" }
  }

  /// A bundled list could not be read.
  struct MissingList: Error, CustomStringConvertible {
    var list: List
    var description: String {
      "the word list Resources/\(list.fileName) is missing from the Bibliography resource bundle"
    }
  }

  /// The words of a bundled list, in file order (repeats kept).
  ///
  /// - Throws: ``MissingList`` when the file is not in the bundle or is not UTF-8.
  static func words(of list: List) throws(MissingList) -> [String] {
    guard
      let url = Bundle.module.url(
        forResource: list.rawValue, withExtension: "txt", subdirectory: "Resources"),
      let data = try? Data(contentsOf: url),
      let text = String(data: data, encoding: .utf8)
    else { throw MissingList(list: list) }
    return words(in: text)
  }

  /// The words of a list's text: one per line, trimmed; blank lines and lines
  /// starting with `#` skipped.
  static func words(in text: String) -> [String] {
    text.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
  }

  /// A bundled list for the `static let`s: a missing file is a broken build, not
  /// bad input, and would silently change every term list, so it stops the program.
  private static func bundledList(_ list: List) -> [String] {
    do {
      return try words(of: list)
    } catch {
      fatalError(error.description)
    }
  }
}
