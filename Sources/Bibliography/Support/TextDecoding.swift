import Foundation

/// The character encoding a file's bytes were read in.
public enum TextEncoding: String, Sendable, Hashable, Codable {
  case utf8 = "UTF-8"
  case utf8WithBOM = "UTF-8 (BOM)"
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"
  /// Windows-1252, which agrees with ISO 8859-1 (Latin-1) outside 0x80–0x9F.
  case windows1252 = "Windows-1252"
}

/// Text decoded from a file's bytes, with the encoding that was used.
public struct DecodedText: Sendable, Hashable {
  public var text: String
  public var encoding: TextEncoding
  /// A note when the bytes were not plain UTF-8 (a fallback was used).
  public var diagnostics: [Diagnostic]

  public init(text: String, encoding: TextEncoding, diagnostics: [Diagnostic] = []) {
    self.text = text
    self.encoding = encoding
    self.diagnostics = diagnostics
  }
}

/// Turns the bytes of an input file into text, whatever common encoding it uses.
public enum TextDecoding {
  /// Decodes `data`: UTF-8 with or without a byte-order mark, UTF-16 LE/BE with a
  /// byte-order mark (or without one, when every other byte of the start is zero),
  /// and otherwise Windows-1252 (a superset of the printable Latin-1 range).
  ///
  /// Never fails: every byte sequence is valid Windows-1252 once the five bytes it
  /// leaves undefined are read as the Latin-1 C1 controls. A fallback is reported as
  /// a warning at the first byte that was not UTF-8.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: Names the file in diagnostics.
  /// - Returns: The text without its byte-order mark, and the encoding used.
  /// - Complexity: O(*n*) time and O(*n*) extra memory for *n* bytes.
  public static func decode(_ data: Data, file: String = "") -> DecodedText {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      if let text = String(validating: bytes[3...], as: UTF8.self) {
        return DecodedText(text: text, encoding: .utf8WithBOM)
      }
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return utf16(bytes[2...], littleEndian: true, encoding: .utf16LittleEndian, file: file)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return utf16(bytes[2...], littleEndian: false, encoding: .utf16BigEndian, file: file)
    }
    // NUL bytes are valid UTF-8, so BOM-less UTF-16 must be recognised first.
    if bytes.prefix(512).contains(0), let littleEndian = looksLikeBOMlessUTF16(bytes) {
      return utf16(
        bytes[...], littleEndian: littleEndian,
        encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian, file: file)
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return DecodedText(text: text, encoding: .utf8)
    }
    let firstBad = firstInvalidUTF8Offset(bytes)
    let line = bytes[..<firstBad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    for byte in body { scalars.append(windows1252Scalar(byte)) }
    return DecodedText(
      text: String(scalars), encoding: .windows1252,
      diagnostics: [
        Diagnostic(
          .warning, at: InputLocation(file: file, line: line),
          "not valid UTF-8 (byte 0x\(String(bytes[firstBad], radix: 16, uppercase: true)) "
            + "at offset \(firstBad)); read as Windows-1252/Latin-1")
      ])
  }

  /// Reads a file and decodes it with ``decode(_:file:)``.
  /// - Throws: The error Foundation gives when the file cannot be read.
  public static func read(contentsOf url: URL) throws -> DecodedText {
    try decode(Data(contentsOf: url), file: url.path)
  }

  private static func utf16(
    _ body: ArraySlice<UInt8>, littleEndian: Bool, encoding: TextEncoding, file: String
  ) -> DecodedText {
    var units: [UInt16] = []
    units.reserveCapacity(body.count / 2)
    var index = body.startIndex
    while index + 1 < body.endIndex {
      let a = UInt16(body[index])
      let b = UInt16(body[index + 1])
      units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
      index += 2
    }
    var diagnostics: [Diagnostic] = []
    if body.count % 2 != 0 {
      diagnostics.append(
        Diagnostic(
          .warning, at: InputLocation(file: file, line: 1),
          "\(encoding.rawValue) text has an odd number of bytes; the last byte was ignored"))
    }
    var repaired = false
    var scalars = String.UnicodeScalarView()
    var decoder = UTF16()
    var iterator = units.makeIterator()
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): scalars.append(scalar)
      case .emptyInput: break decoding
      case .error:
        repaired = true
        scalars.append("\u{FFFD}")
      }
    }
    if repaired {
      diagnostics.append(
        Diagnostic(
          .warning, at: InputLocation(file: file, line: 1),
          "\(encoding.rawValue) text has unpaired surrogates; replaced by U+FFFD"))
    }
    return DecodedText(text: String(scalars), encoding: encoding, diagnostics: diagnostics)
  }

  /// UTF-16 text of mostly ASCII has a zero in every other byte; returns the byte order
  /// when at least 90 % of the first 512 code units look that way.
  private static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool? {
    let count = min(bytes.count / 2, 256)
    guard count >= 2 else { return nil }
    var evenZero = 0
    var oddZero = 0
    for unit in 0..<count {
      if bytes[2 * unit] == 0 && bytes[2 * unit + 1] != 0 { evenZero += 1 }
      if bytes[2 * unit + 1] == 0 && bytes[2 * unit] != 0 { oddZero += 1 }
    }
    if oddZero * 10 >= count * 9 { return true }
    if evenZero * 10 >= count * 9 { return false }
    return nil
  }

  private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return min(offset, max(bytes.count - 1, 0))
      case .error: return min(offset, max(bytes.count - 1, 0))
      }
    }
  }

  /// Windows-1252 assigns printable characters to 0x80–0x9F where Latin-1 has C1
  /// controls; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay as the C1 code points.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    if (0x80...0x9F).contains(byte),
      let scalar = Unicode.Scalar(windows1252High[Int(byte) - 0x80])
    {
      return scalar
    }
    return Unicode.Scalar(byte)
  }
}
