import Foundation

/// A user's own term merges and removals, in VOSviewer's thesaurus format.
///
/// The file is tab-separated with the header `label<TAB>replace by`; each
/// further line maps a label to its replacement. An empty replacement removes
/// the term. Labels are matched the way terms are (case, diacritics, hyphens and
/// the plural of the last word folded), so `neural nets<TAB>neural network` also
/// catches "Neural Nets". A multi-word label is always considered a candidate
/// phrase, even where the statistics alone would not have found it.
///
/// ```
/// label	replace by
/// neural nets	neural network
/// deep neural network	neural network
/// theorem
/// ```
///
/// Reference: N. J. van Eck and L. Waltman, *VOSviewer Manual* 1.6.18 (2022),
/// section 4.4 "Thesaurus files".
public struct Thesaurus: Sendable, Hashable {
  /// One line of a thesaurus.
  public struct Entry: Sendable, Hashable {
    /// The term to replace, as the user wrote it.
    public var label: String
    /// The replacement, or nil to remove the term.
    public var replacement: String?
    /// Where the line is, when read from a file.
    public var location: InputLocation?

    public init(label: String, replacement: String?, location: InputLocation? = nil) {
      self.label = label
      self.replacement = replacement
      self.location = location
    }
  }

  /// The entries in file order; a later entry for the same label wins.
  public var entries: [Entry]
  /// Problems found while reading (lines without a tab, empty labels); the
  /// other lines were still read.
  public var diagnostics: [Diagnostic]

  public init(entries: [Entry] = [], diagnostics: [Diagnostic] = []) {
    self.entries = entries
    self.diagnostics = diagnostics
  }

  /// Reads a thesaurus already in memory; `file` names it in diagnostics.
  ///
  /// A first line that reads `label<TAB>replace by` (any case) is the header
  /// and is skipped. A line with no tab (common in hand-edited files) is read
  /// as a removal of that label and reported as a warning; extra fields are
  /// reported and ignored; blank lines are skipped.
  public static func parse(_ text: String, file: String) -> Thesaurus {
    var entries: [Entry] = []
    var diagnostics: [Diagnostic] = []
    var lineNumber = 0
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      let location = InputLocation(file: file, line: lineNumber)
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      let label = fields[0].trimmingCharacters(in: .whitespaces)
      if entries.isEmpty, diagnostics.isEmpty, label.lowercased() == "label",
        fields.count >= 2,
        fields[1].trimmingCharacters(in: .whitespaces).lowercased() == "replace by"
      {
        continue
      }
      if label.isEmpty {
        diagnostics.append(Diagnostic(.warning, at: location, "empty label; line skipped"))
        continue
      }
      if fields.count == 1 {
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            "no tab between label and replacement; read as a removal of \"\(label)\""))
        entries.append(Entry(label: label, replacement: nil, location: location))
        continue
      }
      if fields.count > 2 {
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            "\(fields.count - 2) extra tab-separated field(s) after the replacement ignored"))
      }
      let replacement = fields[1].trimmingCharacters(in: .whitespaces)
      entries.append(
        Entry(
          label: label, replacement: replacement.isEmpty ? nil : replacement, location: location))
    }
    return Thesaurus(entries: entries, diagnostics: diagnostics)
  }

  /// Reads a thesaurus file (UTF-8).
  /// - Throws: ``ThesaurusReadError`` when the file cannot be read or is not UTF-8.
  public static func read(contentsOf url: URL) throws(ThesaurusReadError) -> Thesaurus {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ThesaurusReadError(
        file: url.path, message: "cannot read: \(error.localizedDescription)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ThesaurusReadError(file: url.path, message: "not UTF-8 text")
    }
    return parse(text, file: url.path)
  }
}

/// A thesaurus file could not be read at all.
public struct ThesaurusReadError: Error, Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var message: String

  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  public var description: String { "\(file): \(message)" }
}
