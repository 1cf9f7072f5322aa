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
  /// and otherwise line by line: each line that is valid UTF-8 stays UTF-8, and only the
  /// lines that are not are read as Windows-1252 (a superset of the printable Latin-1
  /// range). One stray Latin-1 byte no longer turns every other line's UTF-8 into
  /// mojibake.
  ///
  /// Never fails: every byte sequence is valid Windows-1252 once the five bytes it
  /// leaves undefined are read as the Latin-1 C1 controls. A fallback is reported as
  /// one warning at the first line read as Windows-1252, naming those lines. A line
  /// longer than ``InputLimits/maxLineBytes`` (`COAUTHOR_MAX_LINE_BYTES`) is left out
  /// (an empty line keeps the numbering) with an error at its line.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: Names the file in diagnostics.
  /// - Returns: The text without its byte-order mark, and the encoding used
  ///   (``TextEncoding/windows1252`` when any line fell back).
  /// - Complexity: O(*n*) time and O(*n*) extra memory for *n* bytes.
  public static func decode(_ data: Data, file: String = "") -> DecodedText {
    decode(data, file: file, maxLineBytes: InputLimits.maxLineBytes)
  }

  /// ``decode(_:file:)`` on bytes already in an array (no copy into `Data`: a 1 GiB
  /// input is held once).
  public static func decode(bytes: [UInt8], file: String = "", maxLineBytes: Int = InputLimits.maxLineBytes)
    -> DecodedText
  {
    bytes.withUnsafeBufferPointer { decode($0, file: file, maxLineBytes: maxLineBytes) }
  }

  /// ``decode(_:file:)`` with an explicit line-length limit.
  public static func decode(_ data: Data, file: String = "", maxLineBytes: Int) -> DecodedText {
    data.withUnsafeBytes { raw in
      decode(raw.bindMemory(to: UInt8.self), file: file, maxLineBytes: maxLineBytes)
    }
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String, maxLineBytes: Int) -> DecodedText {
    if bytes.starts(with: [0xFF, 0xFE]) {
      return utf16(ArraySlice(bytes[2...]), littleEndian: true, encoding: .utf16LittleEndian, file: file)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return utf16(ArraySlice(bytes[2...]), littleEndian: false, encoding: .utf16BigEndian, file: file)
    }
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    // NUL bytes are valid UTF-8, so BOM-less UTF-16 must be recognised first.
    if !hasBOM, bytes.prefix(512).contains(0), let littleEndian = looksLikeBOMlessUTF16(Array(bytes.prefix(512))) {
      return utf16(
        ArraySlice(bytes), littleEndian: littleEndian,
        encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian, file: file)
    }
    let body = UnsafeBufferPointer(rebasing: bytes[(hasBOM ? 3 : 0)...])
    let encoding: TextEncoding = hasBOM ? .utf8WithBOM : .utf8
    let lines = lineLengths(body, limit: maxLineBytes)
    if lines.longest <= maxLineBytes, let text = String(validating: body, as: UTF8.self) {
      return DecodedText(text: text, encoding: encoding)
    }
    // Line by line: UTF-8 runs kept as they are, bad lines as Windows-1252, overlong
    // lines left out (and not reserved for: a 1 GiB line costs no second gigabyte).
    var text = ""
    text.reserveCapacity(body.count - lines.overlongBytes)
    var diagnostics: [Diagnostic] = []
    var fallbackLines: [Int] = []
    var fallbackCount = 0
    var overlong = 0
    var runStart = 0
    var lineStart = 0
    var line = 1
    // A run of valid lines goes into `text` in pieces of about 1 MiB cut after a line
    // break, so no temporary string as large as the run is ever made.
    func flush(to end: Int) {
      var start = runStart
      while start < end {
        var stop = end
        if end - start > 1 << 20 {
          var i = start + (1 << 20) - 1
          while i > start, body[i] != 0x0A { i -= 1 }
          if body[i] == 0x0A { stop = i + 1 }
        }
        text += String(decoding: UnsafeBufferPointer(rebasing: body[start..<stop]), as: UTF8.self)
        start = stop
      }
    }
    while lineStart < body.count {
      var lineEnd = lineStart
      if let base = body.baseAddress,
        let hit = memchr(base + lineStart, 0x0A, body.count - lineStart)
      {
        lineEnd = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      } else {
        lineEnd = body.count
      }
      let next = min(lineEnd + 1, body.count)
      let content = UnsafeBufferPointer(rebasing: body[lineStart..<lineEnd])
      if content.count > maxLineBytes {
        flush(to: lineStart)
        overlong += 1
        if overlong <= 10 {
          diagnostics.append(
            Diagnostic(
              .error, at: InputLocation(file: file, line: line),
              "line is \(InputLimits.describe(bytes: content.count)) long, over the limit of "
                + "\(InputLimits.describe(bytes: maxLineBytes)) (COAUTHOR_MAX_LINE_BYTES); left out"))
        }
        if lineEnd < body.count { text += "\n" }
        runStart = next
      } else if String(validating: content, as: UTF8.self) == nil {
        flush(to: lineStart)
        var scalars = String.UnicodeScalarView()
        for byte in body[lineStart..<next] { scalars.append(windows1252Scalar(byte)) }
        text += String(scalars)
        fallbackCount += 1
        if fallbackLines.count < 10 { fallbackLines.append(line) }
        runStart = next
      }
      line += 1
      lineStart = next
    }
    flush(to: body.count)
    if overlong > 10 {
      diagnostics.append(
        .file(.error, file, "\(overlong) lines over the limit of \(InputLimits.describe(bytes: maxLineBytes)) left out"))
    }
    if let first = fallbackLines.first {
      let listed = fallbackLines.map(String.init).joined(separator: ", ")
      let more = fallbackCount > fallbackLines.count ? " and \(fallbackCount - fallbackLines.count) more" : ""
      diagnostics.insert(
        Diagnostic(
          .warning, at: InputLocation(file: file, line: first),
          fallbackCount == 1
            ? "line \(first) is not valid UTF-8; that line read as Windows-1252/Latin-1, the others as UTF-8"
            : "\(fallbackCount) lines are not valid UTF-8 (\(listed)\(more)); those lines read as "
              + "Windows-1252/Latin-1, the others as UTF-8"),
        at: 0)
    }
    return DecodedText(text: text, encoding: fallbackCount > 0 ? .windows1252 : encoding, diagnostics: diagnostics)
  }

  /// The length in bytes of the longest line (without its newline).
  static func longestLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    lineLengths(bytes, limit: .max).longest
  }

  /// The longest line's length, and the bytes in lines longer than `limit`.
  static func lineLengths(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (longest: Int, overlongBytes: Int) {
    guard let base = bytes.baseAddress else { return (0, 0) }
    var longest = 0
    var overlong = 0
    var start = 0
    while start < bytes.count {
      let end: Int
      if let hit = memchr(base + start, 0x0A, bytes.count - start) {
        end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      } else {
        end = bytes.count
      }
      longest = max(longest, end - start)
      if end - start > limit { overlong += end - start }
      start = end + 1
    }
    return (longest, overlong)
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

  /// Windows-1252 assigns printable characters to 0x80–0x9F where Latin-1 has C1
  /// controls; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay as the C1 code points.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  public static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    if (0x80...0x9F).contains(byte),
      let scalar = Unicode.Scalar(windows1252High[Int(byte) - 0x80])
    {
      return scalar
    }
    return Unicode.Scalar(byte)
  }
}
