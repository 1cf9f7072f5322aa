import Foundation
import CoauthorBase

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
  /// - Throws: a ``Diagnostic`` naming `path` when the file cannot be read or its
  ///   format cannot be told.
  public static func read(
    contentsOf path: String, format: InputFormat? = nil, owner: String? = nil
  ) throws(Diagnostic) -> SourceDocument {
    // DBLP XML (the full dblp.xml is several GB) is streamed, never held as text.
    if isStreamedDBLP(path, format: format) {
      var document = SourceDocument(file: path, format: .dblpXML, owner: owner)
      var publications: [Publication] = []
      let result = try DBLPReader().read(contentsOf: URL(fileURLWithPath: path)) {
        publications.append($0)
      }
      document.publications = publications
      document.diagnostics = result.diagnostics
      if document.owner == nil { document.owner = result.owner }
      return document
    }
    let decoded = try readDecoded(contentsOf: path)
    var fileName = (path as NSString).lastPathComponent
    // "refs.bib.gz": the name under the compression is the one that hints at the format.
    if fileName.lowercased().hasSuffix(".gz") { fileName = String(fileName.dropLast(3)) }
    guard let format = format ?? FormatDetector.detect(decoded.text, fileName: fileName) else {
      throw Diagnostic.file(.error, path, "cannot tell the input format from the content; give it with --input-format "
          + "(known: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let text = format == .pdf ? binaryText((try? InputFile.bytes(atPath: path)) ?? []).text : decoded.text
    var document = FormatDetector.reader(for: format, owner: owner).parse(text, file: path)
    document.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
    return document
  }

  /// True when ``read(contentsOf:format:owner:)`` streams the file at `path` as DBLP XML
  /// (not gzip; the format given as DBLP XML, or none given and a DBLP head), without
  /// ever holding its text: callers that would read the file's bytes first (a data
  /// folder) hand such a file to that function instead.
  public static func isStreamedDBLP(_ path: String, format: InputFormat?) -> Bool {
    guard format == nil || format == .dblpXML, let head = head(ofFile: path, bytes: 8_192),
      !Gzip.isCompressed(head)
    else { return false }
    return format == .dblpXML || DBLPReader.confidence(for: String(decoding: head, as: UTF8.self)) >= 0.9
  }

  /// The first `bytes` bytes of the file at `path`, or nil when it cannot be opened.
  static func head(ofFile path: String, bytes: Int) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return ((try? handle.read(upToCount: bytes)) ?? nil).map { [UInt8]($0) }
  }

  /// Detects and parses a source already in memory (standard input, a member of a
  /// folder); `file` names it in diagnostics.
  /// - Throws: a ``Diagnostic`` when the format cannot be told.
  public static func read(
    bytes: [UInt8], file: String, format: InputFormat? = nil, owner: String? = nil
  ) throws(Diagnostic) -> SourceDocument {
    var decoded = try decoded(bytes, file: file)
    guard let format = format ?? FormatDetector.detect(decoded.text, fileName: file) else {
      throw Diagnostic.file(.error, file, "unknown format: not a bibliographic source this tool reads")
    }
    if format == .pdf { decoded = binaryText(bytes) }
    var document = FormatDetector.reader(for: format, owner: owner).parse(decoded.text, file: file)
    document.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
    return document
  }

  /// A binary file (a PDF) as text with one character per byte (Windows-1252), so the
  /// reader can recover its exact bytes; per-line UTF-8 decoding would mix the two.
  static func binaryText(_ input: [UInt8]) -> (text: String, diagnostics: [Diagnostic]) {
    let bytes = Gzip.isCompressed(input) ? Gzip.inflate(input).bytes : input
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: bytes.map(TextDecoding.windows1252Scalar))
    return (String(scalars), [])
  }

  /// The text of the file at `path` (gzip decompressed), decoded as described in
  /// ``decode(_:file:)``.
  /// - Throws: a ``Diagnostic`` naming `path` when the file cannot be read or its
  ///   gzip data is truncated or corrupt.
  public static func readText(contentsOf path: String) throws(Diagnostic) -> String {
    let decoded = try readDecoded(contentsOf: path)
    // Text without its diagnostics must not be silently cut short.
    if let damage = decoded.diagnostics.first(where: { $0.severity == .error }) {
      throw Diagnostic.file(.error, path, damage.message)
    }
    return decoded.text
  }

  /// Decodes file bytes without losing any, through ``TextDecoding/decode(_:file:)``:
  /// UTF-8 (a byte-order mark is dropped), UTF-16 with or without a byte-order mark,
  /// otherwise Windows-1252/Latin-1 with a warning saying so.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public static func decode(_ bytes: [UInt8], file: String) -> (text: String, diagnostics: [Diagnostic]) {
    let decoded = TextDecoding.decode(bytes: bytes, file: file)
    return (decoded.text, decoded.diagnostics)
  }

  private static func readDecoded(
    contentsOf path: String
  ) throws(Diagnostic) -> (text: String, diagnostics: [Diagnostic]) {
    return try decoded(InputFile.bytes(atPath: path), file: path)
  }

  /// Inflates gzip (told by the magic bytes) and decodes, as ``decode(_:file:)``.
  private static func decoded(
    _ input: [UInt8], file path: String
  ) throws(Diagnostic) -> (text: String, diagnostics: [Diagnostic]) {
    var bytes = input
    var gzipDiagnostic: Diagnostic? = nil
    if Gzip.isCompressed(bytes) {
      let inflated = Gzip.inflate(bytes)
      if let failure = inflated.failure {
        guard !inflated.bytes.isEmpty else {
          throw Diagnostic.file(.error, path, "\(failure); nothing could be read")
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
