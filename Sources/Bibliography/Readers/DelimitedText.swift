import CoauthorBase
import Foundation

/// Comma-, tab- or semicolon-separated text with a header row (RFC 4180 quoting:
/// fields in double quotes may hold the delimiter, line breaks and `""`).
public struct DelimitedText: Sendable, Hashable {
  /// One data row and the line it starts on.
  public struct Row: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
  }

  public var delimiter: Character
  /// Header names as written (trimmed; a byte-order mark removed).
  public var header: [String]
  public var rows: [Row]
  public var diagnostics: [Diagnostic]

  /// Parses `text`; the delimiter is the one of `,`, tab, `;` that occurs most often
  /// outside quotes in the first line, unless given.
  ///
  /// Rows with a different number of fields than the header are kept (short ones
  /// padded with empty fields) and reported; a quote left open at the end is reported.
  ///
  /// - Complexity: O(*n*) for *n* characters.
  public init(parsing text: String, file: String, delimiter: Character? = nil) {
    let bytes = Array(text.utf8)
    let d = delimiter.flatMap(\.asciiValue) ?? DelimitedRecords.guessDelimiter(bytes)
    self.delimiter = Character(Unicode.Scalar(d))
    var scanner = DelimitedRecords(bytes, delimiter: d)
    var records: [Row] = []
    while let record = scanner.next() { records.append(Row(line: record.line, fields: record.fields)) }
    var diagnostics: [Diagnostic] = []
    if let open = scanner.unclosedQuoteLine {
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: open),
          "quoted field opened here is not closed before the end of the file"))
    }

    let header =
      records.first.map { $0.fields.map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    self.header = header
    var rows = Array(records.dropFirst())
    for index in rows.indices where rows[index].fields.count != header.count {
      let count = rows[index].fields.count
      diagnostics.append(
        Diagnostic(
          .warning, at: InputLocation(file: file, line: rows[index].line),
          "row has \(count) fields, the header \(header.count)"))
      if count < header.count {
        rows[index].fields += Array(repeating: "", count: header.count - count)
      }
    }
    self.rows = rows
    self.diagnostics = diagnostics
  }

  /// The first line of `text` (without a byte-order mark) split on the delimiter
  /// that occurs most in it; quotes around names removed. For `confidence(for:)`.
  static func headerNames(of text: String) -> [String] {
    var firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
    if firstLine.first == "\u{FEFF}" { firstLine = firstLine.dropFirst() }
    let delimiter = Character(Unicode.Scalar(DelimitedRecords.guessDelimiter(Array(firstLine.utf8))))
    return firstLine.split(separator: delimiter, omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(
        in: CharacterSet(charactersIn: "\""))
    }
  }

  /// A header name reduced to lower-case letters and digits, for matching.
  static func normalizedName(_ name: String) -> String {
    String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
  }

  /// The index of the first column whose normalized name is one of `names`.
  public func column(_ names: [String]) -> Int? {
    let normalized = header.map(Self.normalizedName)
    for name in names {
      if let index = normalized.firstIndex(of: name) { return index }
    }
    return nil
  }
}

extension DelimitedText.Row {
  /// The trimmed field at `index`, or nil when the column is absent or the field empty.
  public func value(_ index: Int?) -> String? {
    guard let index, index < fields.count else { return nil }
    let value = fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
    return value.isEmpty ? nil : value
  }
}

/// Helpers for names as bibliographic exports write them.
enum ExportedNames {
  /// "Last, First" (or RIS's "Last, First, Suffix") in reading order; other forms
  /// unchanged. Scopus author ids in parentheses are removed.
  static func readingOrder(_ name: String) -> String {
    var name = name.trimmingCharacters(in: .whitespacesAndNewlines)
    if name.hasSuffix(")"), let open = name.lastIndex(of: "("),
      name[name.index(after: open)..<name.index(before: name.endIndex)].allSatisfy(\.isNumber)
    {
      name = String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }
    let parts = name.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count >= 2 else { return name }
    let last = parts[0]
    var first = parts[1]
    // "Lang, XN" (WoS AU) keeps saying initials once in reading order: "X. N. Lang".
    if let initials = NameNormalizer.runTogetherInitials(first, family: last) {
      first = initials.joined(separator: " ")
    }
    let suffix = parts.count > 2 ? parts[2...].joined(separator: " ") : ""
    return [first, last, suffix].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// Splits an author list on ";", "|" or " and " (or on "," when every piece has at
  /// least two words, as in "Jane Doe, John Roe").
  static func split(_ list: String) -> [String] {
    let trimmed = list.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return [] }
    var pieces: [String]
    if trimmed.contains(";") {
      pieces = trimmed.components(separatedBy: ";")
    } else if trimmed.contains("|") {
      pieces = trimmed.components(separatedBy: "|")
    } else if trimmed.range(of: " and ", options: .caseInsensitive) != nil {
      pieces = trimmed.replacingOccurrences(of: ", and ", with: " and ")
        .components(separatedBy: " and ")
    } else {
      let commaPieces = trimmed.components(separatedBy: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if commaPieces.count > 2, commaPieces.allSatisfy({ $0.split(separator: " ").count >= 2 }) {
        pieces = commaPieces
      } else if commaPieces.count == 2,
        commaPieces.allSatisfy({ $0.split(separator: " ").count >= 2 })
      {
        pieces = commaPieces
      } else if commaPieces.count >= 4, commaPieces.count % 2 == 0,
        stride(from: 1, to: commaPieces.count, by: 2).allSatisfy({
          looksLikeGivenNames(commaPieces[$0])
        })
      {
        // "Smith, J., Doe, K.": pairs of "Last, First".
        pieces = stride(from: 0, to: commaPieces.count, by: 2).map {
          commaPieces[$0] + ", " + commaPieces[$0 + 1]
        }
      } else {
        pieces = [trimmed]
      }
    }
    return pieces.map { $0.trimmingWhitespaceFast }.filter {
      !$0.isEmpty
    }
  }

  /// Initials ("J.", "K. L.", "J.-P.", "JD").
  static func looksLikeGivenNames(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard !words.isEmpty, words.count <= 2 else { return false }
    return words.allSatisfy { word in
      word.hasSuffix(".") || (word.count <= 3 && word.allSatisfy(\.isUppercase))
    }
  }
}
