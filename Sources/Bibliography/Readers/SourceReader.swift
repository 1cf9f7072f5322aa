import Foundation
import GzipSupport

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
  /// A gzip-compressed file (told by its first bytes, not its name) is decompressed
  /// first; when the compressed data is truncated or corrupt, what could be
  /// decompressed is read and an error diagnostic at its end says so.
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
    var fileName = (path as NSString).lastPathComponent
    // "refs.bib.gz": the name under the compression is the one that hints at the format.
    if fileName.lowercased().hasSuffix(".gz") { fileName = String(fileName.dropLast(3)) }
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

  /// The text of the file at `path` (gzip decompressed), decoded as described in
  /// ``decode(_:file:)``.
  /// - Throws: ``SourceReadError`` naming `path` when the file cannot be read or its
  ///   gzip data is truncated or corrupt.
  public static func readText(contentsOf path: String) throws(SourceReadError) -> String {
    let decoded = try readDecoded(contentsOf: path)
    // Text without its diagnostics must not be silently cut short.
    if let damage = decoded.diagnostics.first(where: { $0.severity == .error }) {
      throw SourceReadError(path: path, message: damage.message)
    }
    return decoded.text
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
    var bytes = [UInt8](data)
    var gzipDiagnostic: Diagnostic? = nil
    if Gzip.isCompressed(bytes) {
      let inflated = Gzip.inflate(bytes)
      if let failure = inflated.failure {
        guard !inflated.bytes.isEmpty else {
          throw SourceReadError(path: path, message: "\(failure); nothing could be read")
        }
        // The failure sits after the last decompressed line.
        let lines = inflated.bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        gzipDiagnostic = Diagnostic(
          .error, at: InputLocation(file: path, line: lines),
          "\(failure) after \(inflated.bytes.count) decompressed bytes; the records before "
            + "this point are read, the rest of the file is missing")
      }
      bytes = inflated.bytes
    }
    var decoded = decode(bytes, file: path)
    if let gzipDiagnostic { decoded.diagnostics.append(gzipDiagnostic) }
    return decoded
  }
}
