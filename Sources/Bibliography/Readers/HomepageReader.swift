import CoauthorBase
import Foundation

/// Reads a researcher's homepage saved as text: a collaborator line
/// ("Name (count), Name (count), …") and paragraphs of abstracts.
///
/// Each non-blank line is a paragraph. The line with at least three "Name (count)"
/// items is the collaborator line. A paragraph is an abstract when it reads like one:
/// at least ``minimumAbstractWords`` words, not written in the first person singular
/// (biographies say "I" and "my"; abstracts say "we"), and not a title-case list such
/// as a list of research areas. A short line that stops mid-sentence and runs straight
/// into the next line ("We introduce" followed by the rest) is joined to it.
/// Biography lines produce no record; a collaborator item without a count is reported.
public struct HomepageReader: RecordReader, OwnerInitializableReader {
  public static var format: InputFormat { .homepage }

  /// Fewer words than this is a heading, a date line or a fragment, not an abstract.
  public static let minimumAbstractWords = 8

  /// Whose homepage it is; a homepage rarely names its owner, so this comes from a
  /// manifest.
  public var owner: String?

  public init(owner: String? = nil) {
    self.owner = owner
  }

  /// 0.9 when some line is a collaborator list of five or more items, 0.3 for text
  /// that is mostly prose paragraphs, 0 otherwise.
  public static func confidence(for text: String) -> Double {
    var paragraphs = 0
    var prose = 0
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      if TextScanning.parenthesizedCounts(in: trimmed).count >= 5 { return 0.9 }
      paragraphs += 1
      if trimmed.split(separator: " ").count >= 40 { prose += 1 }
    }
    return paragraphs > 0 && prose * 2 >= paragraphs && prose >= 3 ? 0.3 : 0
  }

  /// Reads the collaborator list(s) and the abstract paragraphs of `text`.
  ///
  /// - Parameters:
  ///   - text: The whole homepage as text.
  ///   - file: Names the input in locations and diagnostics.
  /// - Returns: Collaborators in list order (with line and column), abstracts in page
  ///   order (with their first line), a warning per list item without a count.
  /// - Complexity: O(*n*) in the length of `text`.
  public func parse(_ text: String, file: String) -> SourceDocument {
    var document = SourceDocument(file: file, format: Self.format, owner: owner)
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    var pending: (text: String, line: Int)?  // a fragment waiting for its continuation
    var inCollaboratorList = false
    for (offset, line) in lines.enumerated() {
      let lineNumber = offset + 1
      if line.isEmpty {
        pending = nil
        inCollaboratorList = false
        continue
      }
      let counts = TextScanning.parenthesizedCounts(in: line).count
      // A list wrapped over lines keeps going while its lines are mostly "Name (n)".
      let continuesList =
        inCollaboratorList && counts >= 1
        && counts * 2 >= line.split(whereSeparator: { $0 == "," || $0 == ";" }).count
      if counts >= 3 || continuesList {
        readCollaborators(line, lineNumber: lineNumber, file: file, into: &document)
        pending = nil
        inCollaboratorList = true
        continue
      }
      inCollaboratorList = false
      if let looksLike = Self.unreadCollaboratorLine(line, counts: counts) {
        document.diagnostics.append(
          Diagnostic(
            .warning, at: InputLocation(file: file, line: lineNumber),
            "this line looks like a collaborator list (\(looksLike) 'Name (…)' items) but only "
              + "\(counts) have a whole-number count; it is not read as collaborators"))
        pending = nil
        continue
      }
      let paragraph = pending.map { $0.text + " " + line } ?? line
      let start = pending?.line ?? lineNumber
      pending = nil
      let nextIsText = offset + 1 < lines.count && !lines[offset + 1].isEmpty
      switch Self.classify(paragraph) {
      case .abstract:
        if nextIsText, Self.continues(paragraph, into: lines[offset + 1]) {
          pending = (paragraph, start)
        } else {
          document.abstracts.append(
            AbstractText(text: paragraph, location: InputLocation(file: file, line: start)))
        }
      case .fragment where nextIsText:
        pending = (paragraph, start)
      case .fragment, .biography:
        continue
      }
    }
    return document
  }

  // MARK: - Internals

  enum ParagraphKind { case abstract, fragment, biography }

  static func classify(_ paragraph: String) -> ParagraphKind {
    let words = paragraph.split(whereSeparator: \.isWhitespace)
    if TextScanning.words(paragraph).contains(where: firstPersonSingular.contains) {
      return .biography
    }
    let endsSentence = paragraph.last.map { ".!?:\")”]".contains($0) } ?? false
    let lowercaseWords = words.filter { $0.first?.isLowercase == true }.count
    if words.count < minimumAbstractWords {
      // "We introduce" runs on; "Last Update: August 01, 2021." and area lists do not.
      return !endsSentence && lowercaseWords > 0 ? .fragment : .biography
    }
    if !endsSentence && lowercaseWords * 5 < words.count { return .biography }  // a title-case list
    return .abstract
  }

  /// A paragraph that stops without ending its sentence continues when the next line
  /// starts in lower case (a hard-wrapped paragraph).
  static func continues(_ paragraph: String, into next: String) -> Bool {
    let endsSentence = paragraph.last.map { ".!?:\")”]".contains($0) } ?? false
    return !endsSentence && next.first?.isLowercase == true
  }

  /// How many comma- or semicolon-separated items of `line` are a name and a
  /// parenthesis, when at least three are and more than half of the line's items are (a collaborator list whose
  /// counts did not parse: "A (two), B (n/a), C (1)"), else nil.
  static func unreadCollaboratorLine(_ line: String, counts: Int) -> Int? {
    guard counts < 3 else { return nil }
    let items = line.split(whereSeparator: { $0 == "," || $0 == ";" })
    guard items.count >= 3 else { return nil }
    let parenthesized = items.filter {
      let item = $0.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ".")))
      guard item.hasSuffix(")"), let open = item.lastIndex(of: "("), open > item.startIndex else { return false }
      // A name: one to five words, the first and the last capitalised ("Anna van Berg").
      let words = item[..<open].split(separator: " ")
      return (1...5).contains(words.count) && words.first?.first?.isUppercase == true
        && words.last?.first?.isUppercase == true
    }.count
    return parenthesized >= 3 && parenthesized * 2 > items.count ? parenthesized : nil
  }

  static let firstPersonSingular: Set<String> = ["I", "I'm", "I've", "my", "My", "me", "mine"]

  func readCollaborators(
    _ line: String, lineNumber: Int, file: String, into document: inout SourceDocument
  ) {
    // An introduction ("…my collaborators: A (2), …") ends at the colon before the list.
    var list = Substring(line)
    if let first = TextScanning.parenthesizedCounts(in: line).first,
      let colon = line[..<first.range.lowerBound].lastIndex(of: ":")
    {
      list = line[line.index(after: colon)...]
    }
    // Columns are counted forward from the previous segment: O(n) for the line, not
    // O(n) per segment (100,000 collaborators on one line took minutes).
    var column = line.distance(from: line.startIndex, to: list.startIndex) + 1
    var counted = list.startIndex
    for segment in list.split(whereSeparator: { $0 == "," || $0 == ";" }) {
      column += line.distance(from: counted, to: segment.startIndex)
      counted = segment.startIndex
      let location = InputLocation(file: file, line: lineNumber, column: column)
      let item = segment.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ".")))
      if item.isEmpty { continue }
      if let last = TextScanning.parenthesizedCounts(in: item).last,
        last.range.upperBound == item.endIndex
      {
        let count = last.count
        let name = NameNormalizer.clean(String(item[..<last.range.lowerBound]))
        if name.isEmpty {
          document.diagnostics.append(
            Diagnostic(.warning, at: location, "collaborator count (\(count)) without a name"))
        } else {
          document.collaborators.append(Collaborator(name: name, count: count, location: location))
        }
      } else {
        document.diagnostics.append(
          Diagnostic(
            .warning, at: location, "'\(InputLimits.quote(item, limit: 80))' in the collaborator line has no '(count)'; not read")
        )
      }
    }
  }
}
