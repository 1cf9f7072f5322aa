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
  /// person page — in bounded memory: the file is read in pieces by ``DBLPScanner``,
  /// each record is handed to `body` as it ends and none is kept. dblp.dtd's character
  /// entities (`&uuml;`, `&eacute;`, …) are decoded without the DTD file, and the file's
  /// declared encoding (ISO-8859-1 for dblp.xml) holds. The records are those
  /// ``parse(_:file:)`` makes of the same text.
  ///
  /// - Returns: The owner of a person page (nil for dblp.xml), and the diagnostics
  ///   (entities DBLP does not declare, an XML error with its line).
  /// - Throws: a ``Diagnostic`` naming `url` when the file cannot be opened.
  public func read(
    contentsOf url: URL, body: (Publication) -> Void
  ) throws(Diagnostic) -> (owner: String?, diagnostics: [Diagnostic]) {
    try read(contentsOf: url, pieceSize: DBLPScanner.pieceSize, body: body)
  }

  /// ``read(contentsOf:body:)`` reading `pieceSize` bytes at a time (tests cut tokens
  /// with small pieces).
  func read(
    contentsOf url: URL, pieceSize: Int, body: (Publication) -> Void
  ) throws(Diagnostic) -> (owner: String?, diagnostics: [Diagnostic]) {
    let file = url.path
    guard let handle = FileHandle(forReadingAtPath: file) else {
      throw Diagnostic.file(.error, file, "cannot open the file")
    }
    defer { try? handle.close() }
    var scanner = DBLPScanner(file: file)
    var pending: [UInt8] = []
    pending.reserveCapacity(2 * pieceSize)
    while !scanner.isStopped {
      let piece = (try? handle.read(upToCount: pieceSize)) ?? nil
      let final = piece?.isEmpty ?? true
      if let piece { pending += piece }
      let used = pending.withUnsafeBufferPointer { scanner.scan($0, final: final, body: body) }
      pending.removeFirst(min(used, pending.count))
      if final { break }
    }
    var diagnostics: [Diagnostic] = scanner.error.map { [$0] } ?? []
    for name in scanner.unknown.sorted() {
      diagnostics.insert(
        Diagnostic(.warning, at: InputLocation(file: file, line: 1), "entity '&\(name);' is not one DBLP declares; dropped"),
        at: 0)
    }
    diagnostics += scanner.builder.diagnostics
    let owner =
      scanner.builder.personNames.isEmpty
      ? scanner.builder.personAttribute
      : OwnerDetection.fullestSpelling(scanner.builder.personNames, counts: [:])
    return (owner, diagnostics)
  }


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

  /// `XMLParser`'s callbacks, handed to the ``DBLPRecordBuilder`` that the streaming
  /// ``DBLPScanner`` uses too.
  final class Delegate: NSObject, XMLParserDelegate {
    var builder: DBLPRecordBuilder
    var publications: [Publication] = []

    init(file: String) { builder = DBLPRecordBuilder(file: file) }

    var diagnostics: [Diagnostic] { builder.diagnostics }
    var personNames: [String] { builder.personNames }
    var personAttribute: String? { builder.personAttribute }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      builder.start(elementName, attributes: attributes, line: parser.lineNumber)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      builder.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      builder.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      if let publication = builder.end(elementName) { publications.append(publication) }
    }
  }
}
