import Foundation

/// Reading a source file failed as a whole (it could not be opened, or its format
/// could not be told); one bad record never throws, it becomes a ``Diagnostic``.
public struct SourceReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path as given.
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}

/// Reads a bibliographic source file from disk: decodes its bytes, detects its format
/// from the content and parses it with the matching ``RecordReader``.
public enum SourceReader {
  /// Reads, detects and parses the file at `path`.
  ///
  /// - Parameters:
  ///   - path: The file to read.
  ///   - format: The format, when known; detected from the content otherwise.
  ///   - owner: Whose document it is (from a manifest); overrides detection.
  /// - Returns: The parsed document; a decoding fallback is reported in its diagnostics.
  /// - Throws: ``SourceReadError`` naming `path` when the file cannot be read or its
  ///   format cannot be told.
  public static func read(
    contentsOf path: String, format: InputFormat? = nil, owner: String? = nil
  ) throws(SourceReadError) -> SourceDocument {
    let decoded = try readDecoded(contentsOf: path)
    let fileName = (path as NSString).lastPathComponent
    guard let format = format ?? FormatDetector.detect(decoded.text, fileName: fileName) else {
      throw SourceReadError(
        path: path,
        message: "cannot tell the input format from the content; give it with --input-format "
          + "(known: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    var document = FormatDetector.reader(for: format, owner: owner).parse(decoded.text, file: path)
    document.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
    return document
  }

  /// The text of the file at `path`, decoded as described in ``decode(_:file:)``.
  /// - Throws: ``SourceReadError`` naming `path` when the file cannot be read.
  public static func readText(contentsOf path: String) throws(SourceReadError) -> String {
    try readDecoded(contentsOf: path).text
  }

  /// Decodes file bytes without losing any, through ``TextDecoding/decode(_:file:)``:
  /// UTF-8 (a byte-order mark is dropped), UTF-16 with or without a byte-order mark,
  /// otherwise Windows-1252/Latin-1 with a warning saying so.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public static func decode(_ bytes: [UInt8], file: String) -> (text: String, diagnostics: [Diagnostic]) {
    let decoded = TextDecoding.decode(Data(bytes), file: file)
    return (decoded.text, decoded.diagnostics)
  }

  private static func readDecoded(
    contentsOf path: String
  ) throws(SourceReadError) -> (text: String, diagnostics: [Diagnostic]) {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
      throw SourceReadError(path: path, message: "cannot read file: \(reason)")
    }
    return decode([UInt8](data), file: path)
  }
}
