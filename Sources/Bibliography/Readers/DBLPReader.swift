import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads DBLP XML: a person's page (`https://dblp.org/pid/…xml`, `<dblpperson>`, one
/// `<r>` per record) or the full `dblp.xml` (records directly under `<dblp>`).
///
/// Records are `article`, `inproceedings`, `proceedings`, `book`, `incollection`,
/// `phdthesis`, `mastersthesis` (`www` person pages and `data` are not publications).
/// Authors (`<author>`, else `<editor>`) are kept as DBLP writes them, homonym numbers
/// included ("Xu Liu 0001": DBLP's own disambiguation); an `orcid` attribute becomes
/// the author's ORCID iD. Titles lose DBLP's final period; markup inside them (`<i>`,
/// `<sub>`) is kept as text. The owner of a person page is the person (the fullest
/// of their DBLP names).
///
/// Parsed with `XMLParser` (external entities off). dblp.xml uses the character
/// entities its DTD declares (`&eacute;`, `&Ouml;`, …: HTML's Latin-1 names); the DTD
/// is never loaded, so they are mapped here before parsing.
public struct DBLPReader: RecordReader {
  public static let format = InputFormat.dblpXML

  public init() {}

  /// 0.95 for a `<dblpperson` or `<dblp>` root, 0.9 for DBLP record elements with
  /// DBLP's `key="journals/…"`-style keys.
  public static func confidence(for text: String) -> Double {
    let head = text.prefix(8_192)
    if head.contains("<dblpperson") || head.contains("<!DOCTYPE dblp") || head.contains("<dblp>") {
      return 0.95
    }
    if head.range(of: #"<(article|inproceedings|incollection)[^>]*key="(journals|conf|books)/"#, options: .regularExpression) != nil {
      return 0.9
    }
    return 0
  }

  static let recordElements: Set<String> = [
    "article", "inproceedings", "proceedings", "book", "incollection", "phdthesis",
    "mastersthesis",
  ]

  public func parse(_ text: String, file: String) -> SourceDocument {
    var document = SourceDocument(file: file, format: Self.format)
    let (prepared, unknown) = Self.replacingEntities(text)
    for name in unknown.sorted() {
      document.diagnostics.append(
        Diagnostic(.warning, at: InputLocation(file: file, line: 1), "entity '&\(name);' is not one DBLP declares; dropped"))
    }
    let delegate = Delegate(file: file)
    // The text is decoded already: its bytes are UTF-8 whatever the declaration says
    // (dblp.xml declares ISO-8859-1).
    let parser = XMLParser(data: Data(Self.declaringUTF8(prepared).utf8))
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    if !parser.parse() {
      let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
      document.diagnostics.append(
        Diagnostic(.error, at: InputLocation(file: file, line: parser.lineNumber),
          "XML error: \(error); the records before this point are read"))
    }
    document.publications = delegate.publications
    document.diagnostics += delegate.diagnostics
    if !delegate.personNames.isEmpty {
      document.owner = OwnerDetection.fullestSpelling(delegate.personNames, counts: [:])
    } else if let name = delegate.personAttribute {
      document.owner = name
    }
    return document
  }

  // MARK: Streaming

  /// Reads a DBLP XML file of any size — the full `dblp.xml` (several GB) as well as a
  /// person page — in bounded memory: the file is read in pieces through an
  /// `InputStream` that `XMLParser` pulls from, each record is handed to `body` as it
  /// ends and none is kept. dblp.dtd's character entities (`&uuml;`, `&eacute;`, …) are
  /// rewritten to numeric references (`&#252;`) on the way, so the DTD file need not be
  /// present and the file's declared encoding (ISO-8859-1 for dblp.xml) still holds.
  ///
  /// - Returns: The owner of a person page (nil for dblp.xml), and the diagnostics
  ///   (entities DBLP does not declare, an XML error with its line).
  /// - Throws: a ``Diagnostic`` naming `url` when the file cannot be opened.
  public func read(
    contentsOf url: URL, body: @escaping (Publication) -> Void
  ) throws(Diagnostic) -> (owner: String?, diagnostics: [Diagnostic]) {
    let file = url.path
    guard let handle = FileHandle(forReadingAtPath: file) else {
      throw Diagnostic.file(.error, file, "cannot open the file")
    }
    defer { try? handle.close() }
    let stream = EntityRewritingStream(handle)
    let delegate = Delegate(file: file)
    delegate.onRecord = body
    let parser = XMLParser(stream: stream)
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    var diagnostics: [Diagnostic] = []
    if !parser.parse() {
      let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
      diagnostics.append(
        Diagnostic(
          .error, at: InputLocation(file: file, line: parser.lineNumber),
          "XML error: \(error); the records before this point are read"))
    }
    for name in stream.unknown.sorted() {
      diagnostics.insert(
        Diagnostic(.warning, at: InputLocation(file: file, line: 1), "entity '&\(name);' is not one DBLP declares; dropped"),
        at: 0)
    }
    diagnostics += delegate.diagnostics
    let owner =
      delegate.personNames.isEmpty
      ? delegate.personAttribute
      : OwnerDetection.fullestSpelling(delegate.personNames, counts: [:])
    return (owner, diagnostics)
  }

  /// The bytes of a file, read a piece at a time, with DBLP's named character entities
  /// rewritten as numeric references; an entity cut by a piece boundary waits for the
  /// next piece.
  final class EntityRewritingStream: InputStream {
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var output: [UInt8] = []
    private var outputStart = 0
    private var atEnd = false
    private var status: Stream.Status = .notOpen
    /// Entity names that DBLP does not declare (removed from the text).
    private(set) var unknown: Set<String> = []
    static let pieceSize = 256 * 1024

    init(_ handle: FileHandle) {
      self.handle = handle
      super.init(data: Data())
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var hasBytesAvailable: Bool { !atEnd || outputStart < output.count || !pending.isEmpty }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
      while outputStart >= output.count {
        output.removeAll(keepingCapacity: true)
        outputStart = 0
        if atEnd {
          guard !pending.isEmpty else {
            status = .atEnd
            return 0
          }
          output = rewrite(pending, final: true)
          pending = []
          continue
        }
        let piece = (try? handle.read(upToCount: Self.pieceSize)) ?? nil
        guard let piece, !piece.isEmpty else {
          atEnd = true
          continue
        }
        pending += piece
        output = rewrite(pending, final: false)
      }
      let count = min(len, output.count - outputStart)
      output.withUnsafeBufferPointer { source in
        buffer.update(from: source.baseAddress! + outputStart, count: count)
      }
      outputStart += count
      return count
    }

    /// Rewrites `bytes` up to the last complete entity; what may be the start of one
    /// stays in `pending` unless `final`.
    private func rewrite(_ bytes: [UInt8], final: Bool) -> [UInt8] {
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 64)
      var i = 0
      let amp = UInt8(ascii: "&")
      let semicolon = UInt8(ascii: ";")
      while i < bytes.count {
        let b = bytes[i]
        guard b == amp else {
          out.append(b)
          i += 1
          continue
        }
        // An entity name: letters and digits (or '#') up to ';' within 12 bytes.
        var j = i + 1
        while j < bytes.count, j - i <= 12, bytes[j] != semicolon, bytes[j] != amp,
          bytes[j] > 0x20, bytes[j] != UInt8(ascii: "<")
        {
          j += 1
        }
        if j >= bytes.count, !final, j - i <= 12 {
          // Cut by the piece boundary: wait for the rest.
          pending = Array(bytes[i...])
          return out
        }
        guard j < bytes.count, bytes[j] == semicolon else {
          out.append(b)
          i += 1
          continue
        }
        let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        if name.hasPrefix("#") || DBLPReader.xmlEntities.contains(name) {
          out += bytes[i...j]
        } else if let value = DBLPReader.entities[name] {
          for scalar in value.unicodeScalars { out += Array("&#\(scalar.value);".utf8) }
        } else if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) {
          unknown.insert(name)
        } else {
          out += Array("&amp;".utf8)
          i += 1
          continue
        }
        i = j + 1
      }
      pending = []
      return out
    }
  }

  static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

  // MARK: Entities

  /// The text with its XML declaration's encoding set to UTF-8.
  static func declaringUTF8(_ text: String) -> String {
    guard let range = text.range(of: #"^\s*<\?xml[^>]*?encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression) else {
      return text
    }
    let declaration = text[range].replacingOccurrences(
      of: #"encoding\s*=\s*["'][^"']*["']"#, with: "encoding=\"UTF-8\"", options: .regularExpression)
    return declaration + text[range.upperBound...]
  }

  /// HTML 4's Latin-1 entity names, U+00A0 … U+00FF in order (the ones dblp.dtd declares).
  static let latin1Names = """
    nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg \
    plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest \
    Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute \
    Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml \
    Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc \
    euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash \
    ugrave uacute ucirc uuml yacute thorn yuml
    """.split(separator: " ").map(String.init)

  static let entities: [String: String] = {
    var table: [String: String] = [:]
    for (offset, name) in latin1Names.enumerated() {
      table[name] = String(Character(Unicode.Scalar(UInt8(0xA0 + offset))))
    }
    for (name, value) in [
      ("ndash", "–"), ("mdash", "—"), ("hellip", "…"), ("lsquo", "‘"), ("rsquo", "’"),
      ("ldquo", "“"), ("rdquo", "”"), ("trade", "™"), ("euro", "€"), ("OElig", "Œ"), ("oelig", "œ"),
      ("Scaron", "Š"), ("scaron", "š"), ("Yuml", "Ÿ"),
    ] {
      table[name] = value
    }
    return table
  }()

  /// The text with every named entity other than XML's five replaced by its character;
  /// the names of unknown entities (removed).
  static func replacingEntities(_ text: String) -> (String, Set<String>) {
    guard text.contains("&") else { return (text, []) }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var unknown: Set<String> = []
    var index = text.startIndex
    let xml: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
    while let amp = text[index...].firstIndex(of: "&") {
      out += text[index..<amp]
      let after = text.index(after: amp)
      if let semicolon = text[after...].prefix(12).firstIndex(of: ";") {
        let name = String(text[after..<semicolon])
        if name.hasPrefix("#") || xml.contains(name) {
          out += text[amp...semicolon]
        } else if let value = entities[name] {
          out += value
        } else if name.allSatisfy({ $0.isLetter || $0.isNumber }) && !name.isEmpty {
          unknown.insert(name)
        } else {
          out += "&amp;"
          index = after
          continue
        }
        index = text.index(after: semicolon)
      } else {
        out += "&amp;"
        index = after
      }
    }
    out += text[index...]
    return (out, unknown)
  }

  // MARK: Parsing

  final class Delegate: NSObject, XMLParserDelegate {
    let file: String
    var publications: [Publication] = []
    /// Streaming: each record goes here instead of `publications`.
    var onRecord: ((Publication) -> Void)?
    var diagnostics: [Diagnostic] = []
    var personNames: [String] = []
    var personAttribute: String?

    private var inPerson = false
    private var skipDepth = 0
    private var record: (type: String, attributes: [String: String], line: Int)?
    private var fields: [String: String] = [:]
    private var authors: [String] = []
    private var orcids: [String?] = []
    private var editors: [String] = []
    private var field: String?
    private var fieldAttributes: [String: String] = [:]
    private var textBuffer = ""

    init(file: String) { self.file = file }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      if elementName == "dblpperson" { personAttribute = attributes["name"] }
      if skipDepth > 0 { skipDepth += 1; return }
      if record == nil {
        if elementName == "person" { inPerson = true }
        if inPerson && elementName == "author" { field = "author"; textBuffer = "" }
        if Self.recordElements.contains(elementName) {
          record = (elementName, attributes, parser.lineNumber)
          fields = [:]
          authors = []
          orcids = []
          editors = []
        } else if ["coauthors", "homonyms"].contains(elementName) {
          skipDepth = 1
        }
        return
      }
      if field == nil {
        field = elementName
        fieldAttributes = attributes
        textBuffer = ""
      }
      // Markup inside a field (<i>, <sub>) adds its text to the field.
    }

    static var recordElements: Set<String> { DBLPReader.recordElements }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if field != nil { textBuffer += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      if field != nil { textBuffer += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      if skipDepth > 0 { skipDepth -= 1; return }
      let value = textBuffer.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard let current = record else {
        if inPerson, elementName == "author", field == "author" {
          if !value.isEmpty { personNames.append(value) }
          field = nil
        }
        if elementName == "person" { inPerson = false }
        return
      }
      if elementName == field {
        switch elementName {
        case "author":
          authors.append(value)
          orcids.append(fieldAttributes["orcid"])
        case "editor":
          editors.append(value)
        case "ee":
          if fields["ee"] == nil || value.contains("doi.org") { fields["ee"] = value }
        default:
          if fields[elementName] == nil { fields[elementName] = value }
        }
        field = nil
        return
      }
      if elementName == current.type {
        let publication = makePublication(current)
        if let onRecord { onRecord(publication) } else { publications.append(publication) }
        record = nil
        field = nil
      }
    }

    func makePublication(_ current: (type: String, attributes: [String: String], line: Int)) -> Publication {
      let location = InputLocation(file: file, line: current.line)
      var title = fields["title"] ?? ""
      while title.hasSuffix(".") && !title.hasSuffix("..") { title.removeLast() }
      let venue = fields["journal"] ?? fields["booktitle"] ?? fields["publisher"] ?? fields["school"]
      let informal = current.attributes["publtype"]?.contains("informal") == true
      var arxiv: String?
      if venue == "CoRR", let volume = fields["volume"] { arxiv = RecordIdentifiers.arxivID(in: volume) }
      if arxiv == nil, let ee = fields["ee"], ee.contains("arxiv") { arxiv = RecordIdentifiers.arxivID(in: ee) }
      let kind: PublicationKind
      switch current.type {
      case "article": kind = informal || arxiv != nil ? .preprint : .journal
      case "inproceedings":
        kind = (venue ?? "").lowercased().contains("workshop") ? .workshop : .conference
      case "incollection": kind = .chapter
      case "book", "proceedings": kind = .book
      case "phdthesis", "mastersthesis": kind = .thesis
      default: kind = .other
      }
      let names = authors.isEmpty ? editors : authors
      if title.isEmpty { diagnostics.append(Diagnostic(.warning, at: location, "record has no title")) }
      if names.isEmpty { diagnostics.append(Diagnostic(.warning, at: location, "record has no authors or editors")) }
      var publication = Publication(
        title: title, authors: names, year: fields["year"].flatMap(RecordIdentifiers.year(in:)),
        venue: venue, kind: kind, doi: fields["ee"].flatMap { $0.contains("doi.org") ? RecordIdentifiers.doi(in: $0) : nil },
        arxivID: arxiv,
        authorIdentifiers: authors.isEmpty ? [] : orcids.map { AuthorIdentifiers(orcid: $0) },
        location: location)
      publication.editors = authors.isEmpty ? [] : editors
      return publication
    }
  }
}
