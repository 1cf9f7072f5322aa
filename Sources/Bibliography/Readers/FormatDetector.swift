/// A reader that can be made for a given document owner.
///
/// ``FormatDetector/reader(for:owner:)`` builds registered readers through this
/// protocol; a reader that only has `init()` can conform to
/// ``DefaultInitializableReader`` instead and gets the owner set after parsing.
public protocol OwnerInitializableReader: RecordReader {
  init(owner: String?)
}

/// A reader with an argument-free initialiser.
public protocol DefaultInitializableReader: RecordReader {
  init()
}

/// Tells an input's format from its content and hands out the matching reader.
public enum FormatDetector {
  /// Every reader coauthor knows, asked in this order; on equal confidence the
  /// earlier one wins.
  public static var readers: [any RecordReader.Type] {
    [
      BibTeXReader.self, RISReader.self, CSLJSONReader.self, WoSReader.self,
      ScopusCSVReader.self, OpenAlexReader.self, CSVReader.self, CVTextReader.self,
      HomepageReader.self,
    ] + textListReaders + structuredListReaders
  }

  /// Characters of an input the readers see when detecting its format.
  public static let detectionLimit = 256 * 1024

  /// Confidence below which no format is claimed.
  public static let minimumConfidence = 0.25

  /// The format of `text`, decided by content: the registered reader with the highest
  /// ``RecordReader/confidence(for:)``, or nil when none reaches ``minimumConfidence``.
  ///
  /// - Parameters:
  ///   - text: The whole input.
  ///   - fileName: Used only to break a tie between equally confident readers (a
  ///     reader whose format name appears as the extension wins).
  /// - Complexity: the sum of the readers' confidence checks, each O(*n*).
  public static func detect(_ text: String, fileName: String) -> InputFormat? {
    // Every reader decides from the head of the input; asking them over a whole large
    // file (a 2 MB edge list took 6 s) buys nothing.
    let text = text.utf8.count > detectionLimit ? String(text.prefix(detectionLimit)) : text
    let fileExtension = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
    var best: (format: InputFormat, score: Double, hinted: Bool)?
    for reader in readers {
      let score = reader.confidence(for: text)
      guard score >= minimumConfidence else { continue }
      let hinted = reader.format.rawValue.contains(fileExtension) && !fileExtension.isEmpty
      if let current = best {
        if score > current.score || (score == current.score && hinted && !current.hinted) {
          best = (reader.format, score, hinted)
        }
      } else {
        best = (reader.format, score, hinted)
      }
    }
    return best?.format
  }

  /// A reader for `format`, set up for `owner` (nil: the reader detects it or leaves
  /// it unknown). A format with no registered reader gets one that reports so as a
  /// diagnostic instead of failing.
  public static func reader(for format: InputFormat, owner: String?) -> any RecordReader {
    switch format {
    case .cvText: return CVTextReader(owner: owner)
    case .homepage: return HomepageReader(owner: owner)
    default: break
    }
    for type in readers where type.format == format {
      if let type = type as? any OwnerInitializableReader.Type {
        return type.init(owner: owner)
      }
      if let type = type as? any DefaultInitializableReader.Type {
        guard let owner else { return type.init() }
        return OwnerSettingReader(base: type.init(), owner: owner)
      }
    }
    return UnsupportedFormatReader(format: format, owner: owner)
  }
}

/// Parses with another reader, then sets the owner the caller knows. Its static
/// `format` and `confidence` are placeholders: it is never registered for detection,
/// and the documents it returns carry the wrapped reader's format.
struct OwnerSettingReader: RecordReader {
  static var format: InputFormat { .csv }
  static func confidence(for text: String) -> Double { 0 }

  var base: any RecordReader
  var owner: String?

  func parse(_ text: String, file: String) -> SourceDocument {
    var document = base.parse(text, file: file)
    if let owner { document.owner = owner }
    return document
  }
}

/// Stands in for a format no registered reader handles; says so in a diagnostic.
struct UnsupportedFormatReader: RecordReader {
  static var format: InputFormat { .csv }
  static func confidence(for text: String) -> Double { 0 }

  var format: InputFormat
  var owner: String?

  func parse(_ text: String, file: String) -> SourceDocument {
    SourceDocument(
      file: file, format: format, owner: owner,
      diagnostics: [
        Diagnostic(
          .error, at: InputLocation(file: file, line: 1),
          "no reader is registered for format '\(format.rawValue)'; nothing was read")
      ])
  }
}
