/// A byte-level tokenizer for DBLP XML read from disk a piece at a time: start and end
/// tags, text, character and entity references, CDATA, comments, processing
/// instructions and the DOCTYPE, handed to a ``DBLPRecordBuilder`` as they come.
///
/// `XMLParser` cost about 80 µs of CPU per dblp.xml record (a Foundation string per
/// element, attribute and piece of text, and its UTF-16 copies): 20 CPU s for 250,000
/// records, ten minutes for the whole dblp.xml. This reads the bytes where they lie;
/// the only strings made are the values a ``Publication`` keeps.
///
/// It accepts what dblp.xml and DBLP's person pages are: well-formed XML in UTF-8, ASCII
/// or ISO-8859-1 (as declared), with dblp.dtd's named entities (the DTD is never read).
/// It stops with an error diagnostic where that XML is broken — a tag left open at the
/// end, an end tag that closes another element, a `&` that starts no reference — as
/// `XMLParser` does; the records before that point are kept.
struct DBLPScanner {
  /// Bytes read from the file at a time.
  static let pieceSize = 256 * 1024

  private(set) var builder: DBLPRecordBuilder
  /// Entity names that DBLP does not declare (removed from the text).
  private(set) var unknown: Set<String> = []
  /// The XML error that stopped scanning, if any.
  private(set) var error: Diagnostic?
  private var line = 1
  private var latin1 = false
  private var sawDeclaration = false
  private var open: [String] = []
  private var nameScratch: [UInt8] = []

  init(file: String) { builder = DBLPRecordBuilder(file: file) }

  var isStopped: Bool { error != nil }

  /// Scans as much of `bytes` as forms complete tokens, handing each record that ends to
  /// `body`; returns how many bytes were used (the rest starts a token cut by the end
  /// of the piece: give it again with more bytes after it). With `final`, everything is
  /// used and what is left open is an error.
  mutating func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, body: (Publication) -> Void
  ) -> Int {
    var i = 0
    let n = bytes.count
    while i < n, error == nil {
      let byte = bytes[i]
      if byte == UInt8(ascii: "<") {
        guard let next = markup(bytes, at: i, final: final, body: body) else { return i }
        i = next
      } else if byte == UInt8(ascii: "&") {
        guard let next = reference(bytes, at: i, final: final) else { return i }
        i = next
      } else {
        // A run of text up to the next markup or reference.
        var j = i
        while j < n, bytes[j] != UInt8(ascii: "<"), bytes[j] != UInt8(ascii: "&") {
          if bytes[j] == 0x0A { line += 1 }
          j += 1
        }
        if builder.wantsText { appendText(UnsafeBufferPointer(rebasing: bytes[i..<j])) }
        i = j
      }
    }
    if final, error == nil, let element = open.last {
      fail("Premature end of data: element '\(element)' is not closed")
    }
    return error == nil ? i : n
  }

  // MARK: Tokens

  /// The markup starting at `start` (`<`); the index after it, or nil when the piece
  /// ends inside it.
  private mutating func markup(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, final: Bool, body: (Publication) -> Void
  ) -> Int? {
    let n = bytes.count
    guard start + 1 < n else { return incomplete(final, "a tag") }
    switch bytes[start + 1] {
    case UInt8(ascii: "!"):
      if matches(bytes, at: start, "<!--") {
        guard let end = find(bytes, "-->", from: start + 4) else { return incomplete(final, "a comment") }
        countLines(bytes, start, end)
        return end + 3
      }
      if matches(bytes, at: start, "<![CDATA[") {
        guard let end = find(bytes, "]]>", from: start + 9) else { return incomplete(final, "a CDATA section") }
        countLines(bytes, start, end)
        if builder.wantsText { appendText(UnsafeBufferPointer(rebasing: bytes[(start + 9)..<end])) }
        return end + 3
      }
      guard start + 9 <= n || final else { return nil }
      // <!DOCTYPE …>, with an internal subset in brackets if there is one.
      var depth = 0
      var j = start + 2
      while j < n {
        let b = bytes[j]
        if b == UInt8(ascii: "[") { depth += 1 }
        if b == UInt8(ascii: "]") { depth -= 1 }
        if b == UInt8(ascii: ">") && depth <= 0 {
          countLines(bytes, start, j)
          return j + 1
        }
        j += 1
      }
      return incomplete(final, "a DOCTYPE declaration")
    case UInt8(ascii: "?"):
      guard let end = find(bytes, "?>", from: start + 2) else { return incomplete(final, "a processing instruction") }
      if !sawDeclaration, matches(bytes, at: start, "<?xml") {
        let declaration = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          .lowercased()
        latin1 = declaration.contains("iso-8859-1") || declaration.contains("latin1")
      }
      sawDeclaration = true
      countLines(bytes, start, end)
      return end + 2
    default:
      break
    }
    // A start or end tag: up to the '>' outside quotes.
    var j = start + 1
    var quote: UInt8 = 0
    while j < n {
      let b = bytes[j]
      if quote != 0 {
        if b == quote { quote = 0 }
      } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
        quote = b
      } else if b == UInt8(ascii: ">") {
        break
      }
      j += 1
    }
    guard j < n else { return incomplete(final, "a tag") }
    sawDeclaration = true
    countLines(bytes, start, j)
    let tag = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<j])
    if tag.first == UInt8(ascii: "/") {
      let name = elementName(UnsafeBufferPointer(rebasing: tag[(tag.startIndex + 1)...]))
      guard let last = open.popLast(), last == name else {
        fail("Opening and ending tag mismatch: '\(open.last ?? "")' and '\(name)'")
        return j + 1
      }
      if let publication = builder.end(name) { body(publication) }
      return j + 1
    }
    let selfClosing = tag.last == UInt8(ascii: "/")
    let inner = selfClosing ? UnsafeBufferPointer(rebasing: tag[..<(tag.endIndex - 1)]) : tag
    var nameEnd = inner.startIndex
    while nameEnd < inner.endIndex, !isSpace(inner[nameEnd]) { nameEnd += 1 }
    let name = elementName(UnsafeBufferPointer(rebasing: inner[..<nameEnd]))
    guard !name.isEmpty else {
      fail("StartTag: invalid element name")
      return j + 1
    }
    let attributes =
      nameEnd < inner.endIndex ? self.attributes(UnsafeBufferPointer(rebasing: inner[nameEnd...])) : [:]
    guard error == nil else { return j + 1 }
    builder.start(name, attributes: attributes, line: line)
    if selfClosing {
      if let publication = builder.end(name) { body(publication) }
    } else {
      open.append(name)
    }
    return j + 1
  }

  /// The character or entity reference starting at `start` (`&`), its text given to the
  /// builder; the index after it, or nil when the piece ends inside it.
  private mutating func reference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, final: Bool) -> Int? {
    var decoded: [UInt8] = []
    guard let next = decodeReference(bytes, at: start, final: final, into: &decoded) else { return nil }
    if builder.wantsText {
      decoded.withUnsafeBufferPointer { builder.characters($0) }
    }
    return next
  }

  /// Decodes the reference at `start` into `out`, as the DBLP reader always has: XML's
  /// five and numeric references as XML reads them, dblp.dtd's names as their characters,
  /// other names dropped (and listed in ``unknown``), a `&` before something that is not
  /// a name (`&a-b;`) as itself.
  private mutating func decodeReference(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, final: Bool, into out: inout [UInt8]
  ) -> Int? {
    let n = bytes.count
    var j = start + 1
    while j < n, j - start <= 12, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"),
      bytes[j] > 0x20, bytes[j] != UInt8(ascii: "<")
    {
      j += 1
    }
    if j >= n, !final, j - start <= 12 { return nil }
    guard j < n, bytes[j] == UInt8(ascii: ";") else {
      fail("EntityRef: expecting ';'")
      return n
    }
    let nameBytes = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<j])
    let name = String(decoding: nameBytes, as: UTF8.self)
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value =
        digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
      guard let value, let scalar = Unicode.Scalar(value), value != 0 else {
        fail("xmlParseCharRef: invalid xmlChar value")
        return n
      }
      out += String(Character(scalar)).utf8
    } else if let value = Self.xmlEntities[name] {
      out.append(value)
    } else if let value = DBLPReader.entities[name] {
      out += value.utf8
    } else if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) {
      unknown.insert(name)
    } else {
      out.append(UInt8(ascii: "&"))
      return start + 1
    }
    return j + 1
  }

  static let xmlEntities: [String: UInt8] = [
    "amp": UInt8(ascii: "&"), "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"),
    "quot": UInt8(ascii: "\""), "apos": UInt8(ascii: "'"),
  ]

  /// `name="value"` pairs (either quote), values with references decoded and
  /// whitespace characters made spaces, as XML normalises attribute values.
  private mutating func attributes(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: String] {
    var result: [String: String] = [:]
    var i = bytes.startIndex
    let end = bytes.endIndex
    while i < end {
      while i < end, isSpace(bytes[i]) { i += 1 }
      guard i < end else { break }
      let nameStart = i
      while i < end, bytes[i] != UInt8(ascii: "="), !isSpace(bytes[i]) { i += 1 }
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
      while i < end, isSpace(bytes[i]) { i += 1 }
      guard i < end, bytes[i] == UInt8(ascii: "=") else {
        fail("Specification mandates value for attribute \(name)")
        return result
      }
      i += 1
      while i < end, isSpace(bytes[i]) { i += 1 }
      guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
        fail("AttValue: \" or ' expected")
        return result
      }
      let quote = bytes[i]
      i += 1
      var value: [UInt8] = []
      while i < end, bytes[i] != quote {
        let b = bytes[i]
        if b == UInt8(ascii: "&") {
          // The whole tag is in `bytes`, so a reference is never cut here.
          let window = UnsafeBufferPointer(rebasing: bytes[i..<end])
          guard let next = decodeReference(window, at: 0, final: true, into: &value), error == nil else {
            return result
          }
          i += next
        } else {
          value.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b)
          i += 1
        }
      }
      i += 1
      result[name] = decodedText(value)
    }
    return result
  }

  // MARK: Helpers

  /// Text bytes in the document's encoding, given to the builder as UTF-8.
  private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard latin1 else {
      builder.characters(bytes)
      return
    }
    for byte in bytes {
      if byte < 0x80 {
        builder.character(byte)
      } else {
        builder.character(0xC0 | (byte >> 6))
        builder.character(0x80 | (byte & 0x3F))
      }
    }
  }

  private func decodedText(_ bytes: [UInt8]) -> String {
    guard latin1 else { return String(decoding: bytes, as: UTF8.self) }
    return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
  }

  /// The element name: the common ones without making a string.
  private mutating func elementName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var end = bytes.endIndex
    while end > bytes.startIndex, isSpace(bytes[end - 1]) { end -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[bytes.startIndex..<end])
    for (known, name) in Self.knownNames where known.count == trimmed.count {
      if known.elementsEqual(trimmed) { return name }
    }
    return String(decoding: trimmed, as: UTF8.self)
  }

  static let knownNames: [([UInt8], String)] = [
    "author", "title", "year", "pages", "ee", "url", "journal", "booktitle", "volume", "number",
    "crossref", "article", "inproceedings", "editor", "i", "sub", "sup", "note", "publisher",
    "isbn", "series", "proceedings", "incollection", "book", "www", "school", "month", "cite",
    "phdthesis", "mastersthesis", "r", "dblp", "person", "dblpperson", "cdrom", "address",
  ].map { (Array($0.utf8), $0) }

  private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard start + count <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for k in 0..<count where bytes[start + k] != pointer[k] { return false }
    return true
  }

  private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from start: Int) -> Int? {
    var i = start
    while i < bytes.count {
      if matches(bytes, at: i, literal) { return i }
      i += 1
    }
    return nil
  }

  private mutating func countLines(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
    for k in start..<end where bytes[k] == 0x0A { line += 1 }
  }

  /// nil (wait for more bytes), or at the end of the file the error of a cut token.
  private mutating func incomplete(_ final: Bool, _ what: String) -> Int? {
    guard final else { return nil }
    fail("Premature end of data in \(what)")
    return Int.max
  }

  private mutating func fail(_ message: String) {
    guard error == nil else { return }
    error = Diagnostic(
      .error, at: InputLocation(file: builder.file, line: line),
      "XML error: \(message); the records before this point are read")
  }
}
