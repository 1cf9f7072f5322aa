/// One BibTeX entry as written: its type, key and fields, after `@string` macros and
/// `#` concatenation are expanded. Values are still LaTeX (braces kept).
public struct BibTeXEntry: Sendable, Hashable {
  /// The entry type in lower case (`article`, `inproceedings`, …).
  public var type: String
  /// The citation key as written (may be empty when the entry has none).
  public var key: String
  /// Field names in lower case, in the order they appear.
  public var fieldNames: [String]
  /// Values by lower-case field name.
  public var fields: [String: String]
  /// Where the entry's `@` is.
  public var location: InputLocation

  public init(
    type: String, key: String, fields: [(String, String)] = [], location: InputLocation
  ) {
    self.type = type
    self.key = key
    self.fieldNames = []
    self.fields = [:]
    self.location = location
    for (name, value) in fields { set(name, value) }
  }

  public subscript(field: String) -> String? { fields[field] }

  /// Sets a field, keeping the first-appearance order of names.
  public mutating func set(_ name: String, _ value: String) {
    if fields.updateValue(value, forKey: name) == nil { fieldNames.append(name) }
  }
}

/// A BibTeX parser over UTF-8 bytes that can be fed a file piece by piece.
///
/// It follows BibTeX's grammar (`@type{key, name = value, …}` or with parentheses;
/// values in braces, in quotes or bare numbers/macro names, joined by `#`;
/// `@string`, `@preamble`, `@comment`) with the leniency of biber: a `%` starts a
/// comment outside entries and between fields, field names and types are read in
/// any case, a key may contain spaces. A broken entry is reported with its line and
/// the reason, keeps the fields read so far, and parsing resumes at the next entry
/// (an `@` at the start of a line ends a runaway brace or quote).
///
/// - Complexity: O(*n*) time for *n* bytes; memory is the macro table plus the
///   largest entry (``BibTeXReader/read(contentsOf:chunkSize:body:)`` feeds it 1 MiB
///   pieces).
public struct BibTeXParser: Sendable {
  /// The file named in diagnostics.
  public var file: String
  /// `@string` macros by lower-case name; starts with the month abbreviations.
  public var macros: [String: String]
  /// Problems found so far.
  public var diagnostics: [Diagnostic] = []
  /// `@preamble` contents, in order.
  public var preambles: [String] = []

  /// Line of the first byte of the next piece fed to the parser.
  var line = 1
  var reportedEncoding = false

  public static let monthMacros: [String: String] = [
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
    "nov": "November", "dec": "December",
  ]

  public init(file: String) {
    self.file = file
    self.macros = Self.monthMacros
  }

  /// Parses the complete entries in `bytes` and hands each to `body`.
  ///
  /// - Parameters:
  ///   - bytes: The next piece of the file, starting where the previous call stopped.
  ///   - isFinal: True when no more bytes follow; an entry cut off by the end is then
  ///     reported and returned as far as it goes.
  ///   - body: Receives each entry in file order.
  /// - Returns: How many bytes were consumed. When `isFinal` is false, the bytes
  ///   after that (an entry not yet complete) must be passed again with more behind.
  public mutating func parse(
    _ bytes: [UInt8], isFinal: Bool, body: (BibTeXEntry) throws -> Void
  ) rethrows -> Int {
    var scanner = _BibTeXScanner(bytes: bytes, line: line, isFinal: isFinal, parser: self)
    var consumed = 0
    while true {
      let startLine = scanner.line
      let start = scanner.pos
      let next: BibTeXEntry?
      do {
        next = try scanner.nextEntry()
      } catch {
        // The piece ends inside an entry: roll back to its start.
        line = startLine
        return start
      }
      guard let entry = next else {
        consumed = scanner.pos
        break
      }
      consumed = scanner.pos
      // Commit the state the scanner built up to this entry.
      if let bad = scanner.invalidUTF8Line, !reportedEncoding {
        reportedEncoding = true
        diagnostics.append(
          Diagnostic(
            .warning, at: InputLocation(file: file, line: bad),
            "not valid UTF-8; such bytes read as Windows-1252/Latin-1"))
      }
      macros = scanner.macros
      diagnostics.append(contentsOf: scanner.diagnostics)
      scanner.diagnostics.removeAll(keepingCapacity: true)
      preambles.append(contentsOf: scanner.preambles)
      scanner.preambles.removeAll()
      line = scanner.line
      try body(entry)
    }
    if let bad = scanner.invalidUTF8Line, !reportedEncoding {
      reportedEncoding = true
      diagnostics.append(
        Diagnostic(
          .warning, at: InputLocation(file: file, line: bad),
          "not valid UTF-8; such bytes read as Windows-1252/Latin-1"))
    }
    macros = scanner.macros
    diagnostics.append(contentsOf: scanner.diagnostics)
    preambles.append(contentsOf: scanner.preambles)
    line = scanner.line
    return consumed
  }
}

/// The byte-level scanner behind ``BibTeXParser``; one per piece of input.
struct _BibTeXScanner {
  struct NeedMoreInput: Error {}

  let bytes: [UInt8]
  let isFinal: Bool
  let file: String
  var pos = 0
  var line: Int
  var macros: [String: String]
  var diagnostics: [Diagnostic] = []
  var preambles: [String] = []
  /// Where bytes that are not UTF-8 were first met.
  var invalidUTF8Line: Int? = nil
  /// Set when the last value read was cut off by the end of the file.
  var cutByEnd = false

  init(bytes: [UInt8], line: Int, isFinal: Bool, parser: BibTeXParser) {
    self.bytes = bytes
    self.line = line
    self.isFinal = isFinal
    self.file = parser.file
    self.macros = parser.macros
  }

  // MARK: Characters

  static let at = UInt8(ascii: "@")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")
  static let openParen = UInt8(ascii: "(")
  static let closeParen = UInt8(ascii: ")")
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let equals = UInt8(ascii: "=")
  static let hash = UInt8(ascii: "#")
  static let percent = UInt8(ascii: "%")
  static let newline = UInt8(ascii: "\n")

  @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C
  }

  /// Characters allowed in types, field names and macro names (BibTeX excludes
  /// `" # % ' ( ) , = { }` and white space).
  @inline(__always) static func isNameByte(_ c: UInt8) -> Bool {
    !(isSpace(c) || c == quote || c == hash || c == percent || c == UInt8(ascii: "'")
      || c == openParen || c == closeParen || c == comma || c == equals || c == openBrace
      || c == closeBrace || c == at)
  }

  func location(line: Int) -> InputLocation { InputLocation(file: file, line: line) }

  mutating func warn(_ message: String, line: Int? = nil) {
    diagnostics.append(Diagnostic(.warning, at: location(line: line ?? self.line), message))
  }

  mutating func error(_ message: String, line: Int? = nil) {
    diagnostics.append(Diagnostic(.error, at: location(line: line ?? self.line), message))
  }

  /// Throws when the piece ends but more input will follow.
  @inline(__always) func checkEnd() throws(NeedMoreInput) -> Bool {
    if pos < bytes.count { return false }
    if isFinal { return true }
    throw NeedMoreInput()
  }

  @inline(__always) mutating func advance() {
    if bytes[pos] == Self.newline { line += 1 }
    pos += 1
  }

  /// Skips white space and `%` comments (to the end of the line); returns the line
  /// of the first comment skipped, if any.
  @discardableResult
  mutating func skipSpaceAndComments() throws(NeedMoreInput) -> Int? {
    var commentLine: Int? = nil
    while try !checkEnd() {
      let c = bytes[pos]
      if Self.isSpace(c) {
        advance()
      } else if c == Self.percent {
        if commentLine == nil { commentLine = line }
        while try !checkEnd(), bytes[pos] != Self.newline { pos += 1 }
      } else {
        return commentLine
      }
    }
    return commentLine
  }

  /// True when `pos` holds an `@` that begins a line (after optional blanks) and is
  /// followed by a name and an opening delimiter: where a new entry most likely starts.
  func entryStartsHere() -> Bool {
    guard pos < bytes.count, bytes[pos] == Self.at else { return false }
    var back = pos - 1
    while back >= 0, bytes[back] == 0x20 || bytes[back] == 0x09 { back -= 1 }
    guard back < 0 || bytes[back] == Self.newline else { return false }
    var k = pos + 1
    let nameStart = k
    while k < bytes.count, Self.isNameByte(bytes[k]) { k += 1 }
    guard k > nameStart else { return false }
    while k < bytes.count, Self.isSpace(bytes[k]) { k += 1 }
    return k < bytes.count && (bytes[k] == Self.openBrace || bytes[k] == Self.openParen)
  }

  /// Bytes as text; bytes that are not UTF-8 are read as Windows-1252.
  mutating func text(_ range: Range<Int>) -> String {
    if let text = String(validating: bytes[range], as: UTF8.self) { return text }
    if invalidUTF8Line == nil { invalidUTF8Line = line }
    var scalars = String.UnicodeScalarView()
    for byte in bytes[range] { scalars.append(TextDecoding.windows1252Scalar(byte)) }
    return String(scalars)
  }

  // MARK: Entries

  /// Reads up to and including the next entry; nil at the end of the piece.
  mutating func nextEntry() throws(NeedMoreInput) -> BibTeXEntry? {
    while true {
      // Outside entries everything but `@` is commentary; `%` lines are skipped so an
      // `@` inside them (an e-mail address, a commented-out entry) starts nothing.
      while try !checkEnd() {
        let c = bytes[pos]
        if c == Self.at { break }
        if c == Self.percent {
          while try !checkEnd(), bytes[pos] != Self.newline { pos += 1 }
          continue
        }
        advance()
      }
      if try checkEnd() { return nil }
      let entryLine = line
      pos += 1  // @
      try skipSpaceAndComments()
      let typeStart = pos
      while try !checkEnd(), Self.isNameByte(bytes[pos]) { pos += 1 }
      let type = text(typeStart..<pos).lowercased()
      if type.isEmpty { continue }  // A lone `@` in commentary.
      try skipSpaceAndComments()
      if try checkEnd() {
        error("'@\(type)' at the end of the file has no body", line: entryLine)
        return nil
      }
      let open = bytes[pos]
      guard open == Self.openBrace || open == Self.openParen else {
        warn("'@\(type)' is not followed by '{' or '('; ignored", line: entryLine)
        continue
      }
      let close = open == Self.openBrace ? Self.closeBrace : Self.closeParen
      pos += 1
      switch type {
      case "comment":
        try skipComment(close: close, line: entryLine)
        continue
      case "preamble":
        try skipSpaceAndComments()
        let value = try readValue(field: "@preamble", entryLine: entryLine)
        preambles.append(value)
        try finishSimple(close: close, what: "@preamble", line: entryLine)
        continue
      case "string":
        try readStringMacros(close: close, line: entryLine)
        continue
      default:
        return try readEntry(type: type, close: close, line: entryLine)
      }
    }
  }

  mutating func skipComment(close: UInt8, line entryLine: Int) throws(NeedMoreInput) {
    var depth = 1
    let open = close == Self.closeBrace ? Self.openBrace : Self.openParen
    while try !checkEnd() {
      let c = bytes[pos]
      if c == open {
        depth += 1
      } else if c == close {
        depth -= 1
        if depth == 0 {
          pos += 1
          return
        }
      }
      advance()
    }
    warn("@comment not closed before the end of the file", line: entryLine)
  }

  mutating func finishSimple(close: UInt8, what: String, line entryLine: Int)
    throws(NeedMoreInput)
  {
    try skipSpaceAndComments()
    if try checkEnd() {
      error("\(what) not closed before the end of the file", line: entryLine)
      return
    }
    if bytes[pos] == close {
      pos += 1
    } else {
      error("\(what) has text after its value; skipped to the closing delimiter")
      try skipToEndOfEntry(close: close)
    }
  }

  /// Skips to just after the entry's closing delimiter at depth 0, or to the start of
  /// the next entry.
  mutating func skipToEndOfEntry(close: UInt8) throws(NeedMoreInput) {
    var depth = 0
    while try !checkEnd() {
      let c = bytes[pos]
      if c == Self.openBrace {
        depth += 1
      } else if c == Self.closeBrace && depth > 0 {
        depth -= 1
      } else if c == close && depth == 0 {
        pos += 1
        return
      } else if c == Self.at && entryStartsHere() {
        return
      }
      advance()
    }
  }

  mutating func readStringMacros(close: UInt8, line entryLine: Int) throws(NeedMoreInput) {
    while true {
      try skipSpaceAndComments()
      if try checkEnd() {
        error("@string not closed before the end of the file", line: entryLine)
        return
      }
      let c = bytes[pos]
      if c == close {
        pos += 1
        return
      }
      if c == Self.comma {
        pos += 1
        continue
      }
      let nameStart = pos
      while try !checkEnd(), Self.isNameByte(bytes[pos]) { pos += 1 }
      let name = text(nameStart..<pos).lowercased()
      try skipSpaceAndComments()
      guard !name.isEmpty, try !checkEnd(), bytes[pos] == Self.equals else {
        error("@string has no 'name = value'; skipped", line: entryLine)
        try skipToEndOfEntry(close: close)
        return
      }
      pos += 1
      try skipSpaceAndComments()
      macros[name] = try readValue(field: "@string{\(name)}", entryLine: entryLine)
    }
  }

  mutating func readEntry(type: String, close: UInt8, line entryLine: Int)
    throws(NeedMoreInput) -> BibTeXEntry
  {
    var entry = BibTeXEntry(type: type, key: "", location: location(line: entryLine))
    try skipSpaceAndComments()
    // The key: everything up to the first comma (biber allows spaces in keys).
    let keyStart = pos
    var sawEquals = false
    while try !checkEnd() {
      let c = bytes[pos]
      if c == Self.comma || c == close || c == Self.equals || c == Self.openBrace
        || c == Self.closeBrace || (c == Self.at && entryStartsHere())
      {
        sawEquals = c == Self.equals
        break
      }
      advance()
    }
    var keyText = text(keyStart..<pos).trimmingWhitespaceFast
    if sawEquals {
      // `@type{key title = …` (missing comma) or `@type{title = …` (no key).
      let words = keyText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
      if words.count >= 2, let first = words.first {
        keyText = String(first)
        // Rewind to the start of the field name.
        let fieldName = Array(words[words.count - 1].utf8)
        var back = pos - 1
        while back > keyStart, Self.isSpace(bytes[back]) { back -= 1 }
        let fieldStart = max(keyStart, back - fieldName.count + 1)
        for k in fieldStart..<pos where bytes[k] == Self.newline { line -= 1 }
        pos = fieldStart
        error("entry '\(keyText)': missing comma after the key")
      } else {
        for k in keyStart..<pos where bytes[k] == Self.newline { line -= 1 }
        pos = keyStart
        keyText = ""
        error("@\(type) entry has no citation key", line: entryLine)
      }
    }
    entry.key = keyText
    let label = keyText.isEmpty ? "@\(InputLimits.quote(type, limit: 40)) entry" : "entry '\(InputLimits.quote(keyText, limit: 80))'"
    if keyText.unicodeScalars.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      warn("\(label): the citation key contains spaces", line: entryLine)
    }

    // Fields.
    var lastField: String? = nil
    var reportedComment = false
    while true {
      if let commentLine = try skipSpaceAndComments(), !reportedComment {
        reportedComment = true
        warn(
          "\(label): '%' line inside the entry read as a comment (BibTeX itself would "
            + "stop at it)", line: commentLine)
      }
      if try checkEnd() {
        error("\(label) is not closed before the end of the file", line: entryLine)
        return entry
      }
      let c = bytes[pos]
      if c == close {
        pos += 1
        return entry
      }
      if c == Self.comma {
        pos += 1
        continue
      }
      if c == Self.at && entryStartsHere() {
        error("\(label) is not closed before the next entry (line \(line))", line: entryLine)
        return entry
      }
      let fieldLine = line
      let nameStart = pos
      while try !checkEnd(), Self.isNameByte(bytes[pos]) { pos += 1 }
      let name = text(nameStart..<pos).lowercased()
      if name.isEmpty {
        error("\(label): unexpected '\(Unicode.Scalar(c))'; skipped to the next field")
        try skipToNextField(close: close)
        continue
      }
      if let lastField, nameStart > 0, !sawComma(before: nameStart) {
        error("\(label): missing comma after field '\(lastField)'", line: fieldLine)
      }
      try skipSpaceAndComments()
      if try checkEnd() {
        error("\(label) is not closed before the end of the file", line: entryLine)
        return entry
      }
      guard bytes[pos] == Self.equals else {
        error("\(label): field name '\(InputLimits.quote(name, limit: 80))' is not followed by '='; skipped", line: fieldLine)
        try skipToNextField(close: close)
        continue
      }
      pos += 1
      try skipSpaceAndComments()
      let value = try readValue(field: "\(label), field '\(name)'", entryLine: fieldLine)
      if cutByEnd {
        // The file ends inside this value: what was read of it is not the value.
        cutByEnd = false
        error("\(label) is not closed before the end of the file", line: entryLine)
        return entry
      }
      if let previous = entry.fields[name] {
        if previous != value {
          warn("\(label): field '\(name)' given twice; the first value is kept", line: fieldLine)
        }
      } else {
        entry.set(name, value)
      }
      lastField = name
    }
  }

  /// Whether the last non-blank, non-comment byte before `index` is a comma or the
  /// entry's opening (a field may follow either).
  func sawComma(before index: Int) -> Bool {
    var k = index - 1
    while k >= 0 {
      let c = bytes[k]
      if Self.isSpace(c) {
        k -= 1
        continue
      }
      // A `%` comment line between the fields: step over it.
      var lineStart = k
      while lineStart > 0, bytes[lineStart - 1] != Self.newline { lineStart -= 1 }
      if let percent = bytes[lineStart...k].firstIndex(of: Self.percent),
        bytes[lineStart..<percent].allSatisfy(Self.isSpace)
      {
        k = lineStart - 1
        continue
      }
      return c == Self.comma || c == Self.openBrace || c == Self.openParen
    }
    return true
  }

  mutating func skipToNextField(close: UInt8) throws(NeedMoreInput) {
    var depth = 0
    while try !checkEnd() {
      let c = bytes[pos]
      if c == Self.openBrace {
        depth += 1
      } else if c == Self.closeBrace && depth > 0 {
        depth -= 1
      } else if depth == 0 && (c == Self.comma || c == close) {
        return
      } else if c == Self.at && entryStartsHere() {
        return
      }
      advance()
    }
  }

  // MARK: Values

  /// Reads `part # part # …` where a part is `{…}`, `"…"`, a number or a macro name.
  mutating func readValue(field: String, entryLine: Int) throws(NeedMoreInput) -> String {
    var value = ""
    var parts = 0
    while true {
      if try checkEnd() { break }
      let c = bytes[pos]
      if c == Self.openBrace {
        value += try readDelimited(quote: false, field: field)
      } else if c == Self.quote {
        value += try readDelimited(quote: true, field: field)
      } else if Self.isNameByte(c) {
        let start = pos
        while try !checkEnd(), Self.isNameByte(bytes[pos]) { pos += 1 }
        let word = text(start..<pos)
        if word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
          value += word
        } else if let expansion = macros[word.lowercased()] {
          value += expansion
        } else {
          warn("\(field): undefined macro '\(InputLimits.quote(word, limit: 80))' kept as text")
          value += word
        }
      } else {
        if parts == 0 { error("\(field) has no value") }
        break
      }
      parts += 1
      try skipSpaceAndComments()
      if try !checkEnd(), bytes[pos] == Self.hash {
        pos += 1
        try skipSpaceAndComments()
        continue
      }
      break
    }
    return value
  }

  /// Reads a braced or quoted part and returns its content without the delimiters.
  /// An `@` that starts a line and looks like an entry ends a runaway value.
  ///
  /// A value cut off by the end of the file sets ``cutByEnd``: its text is not real
  /// (a cut author list would make up a person), so the caller drops the field. Braces
  /// nested deeper than ``InputLimits/maxNestingDepth`` are reported once per value and
  /// read flat by ``LaTeXText``.
  mutating func readDelimited(quote: Bool, field: String) throws(NeedMoreInput) -> String {
    let startLine = line
    pos += 1
    let start = pos
    var depth = 0
    var reportedDepth = false
    while true {
      if try checkEnd() {
        error(
          "\(field): value opened on line \(startLine) is not closed before the end of the file; "
            + "the field is dropped", line: startLine)
        cutByEnd = true
        return ""
      }
      let c = bytes[pos]
      if c == Self.openBrace {
        depth += 1
        if depth == InputLimits.maxNestingDepth, !reportedDepth {
          reportedDepth = true
          warn(
            "\(field): braces nested more than \(InputLimits.maxNestingDepth) levels deep; the "
              + "inner braces are read as plain text")
        }
      } else if c == Self.closeBrace {
        if depth == 0 {
          if !quote {
            let content = text(start..<pos)
            pos += 1
            return content
          }
          // `}` with no `{` inside quotes: unbalanced, keep it as text.
          warn("\(field): unbalanced '}' in a quoted value")
        } else {
          depth -= 1
        }
      } else if c == Self.quote && quote && depth == 0 {
        let content = text(start..<pos)
        pos += 1
        return content
      } else if c == Self.newline {
        line += 1
        pos += 1
        // Look ahead for a runaway value: the next entry's `@` at a line start.
        var k = pos
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        if k < bytes.count, bytes[k] == Self.at {
          let saved = pos
          pos = k
          let runaway = entryStartsHere()
          pos = saved
          if runaway {
            error(
              "\(field): value opened on line \(startLine) is not closed before the next entry",
              line: startLine)
            return text(start..<pos)
          }
        } else if k >= bytes.count && !isFinal {
          throw NeedMoreInput()
        }
        continue
      }
      pos += 1
    }
  }
}
