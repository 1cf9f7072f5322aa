/// What DBLP's elements mean, whoever tokenizes them: `XMLParser` for text in memory
/// (``DBLPReader/parse(_:file:)``) and ``DBLPScanner`` for a file streamed from disk
/// both hand their start tags, text and end tags here, so the two paths build the same
/// records by construction.
///
/// Only the fields a ``Publication`` is made of are kept (`pages`, `url`, `crossref`, …
/// are dropped on the way). Author spellings and venues are interned: the 21 M
/// authorships of a whole dblp.xml name about 1.3 M people, and every copy of a
/// spelling shares one string's storage.
struct DBLPRecordBuilder {
  /// The fields of one record that ``Publication`` reads; the first of each wins, except
  /// `ee`, where a DOI link replaces an earlier non-DOI one.
  struct Fields {
    var title: String?
    var year: String?
    var journal: String?
    var booktitle: String?
    var publisher: String?
    var school: String?
    var volume: String?
    var ee: String?
  }

  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// The `<person>`'s `<author>` names of a person page.
  private(set) var personNames: [String] = []
  /// The `name` attribute of a person page's `<dblpperson>`.
  private(set) var personAttribute: String?

  private var inPerson = false
  private var skipDepth = 0
  private var record: (type: String, publicationType: String?, line: Int)?
  private var fields = Fields()
  private var authors: [String] = []
  private var orcids: [String?] = []
  private var editors: [String] = []
  private var field: String?
  private var fieldOrcid: String?
  /// The current field's text, UTF-8, markup inside it (`<i>`, `<sub>`) included as text.
  private var text: [UInt8] = []
  private var interned: Set<String> = []

  init(file: String) { self.file = file }

  /// True while text would be kept (inside a field of a record or a person's author).
  var wantsText: Bool { field != nil }

  /// True when no record, field or skipped element is open (a safe place to start
  /// another builder).
  var isBetweenRecords: Bool { record == nil && field == nil && skipDepth == 0 && !inPerson }

  mutating func start(_ name: String, attributes: [String: String], line: Int) {
    if name == "dblpperson" { personAttribute = attributes["name"] }
    if skipDepth > 0 {
      skipDepth += 1
      return
    }
    if record == nil {
      if name == "person" { inPerson = true }
      if inPerson && name == "author" {
        field = "author"
        text.removeAll(keepingCapacity: true)
      }
      if DBLPReader.recordElements.contains(name) {
        record = (name, attributes["publtype"], line)
        fields = Fields()
        authors = []
        orcids = []
        editors = []
      } else if name == "coauthors" || name == "homonyms" {
        skipDepth = 1
      }
      return
    }
    if field == nil {
      field = name
      fieldOrcid = attributes["orcid"]
      text.removeAll(keepingCapacity: true)
    }
    // Markup inside a field (<i>, <sub>) adds its text to the field.
  }

  mutating func characters(_ string: String) {
    if field != nil { text += string.utf8 }
  }

  mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
    if field != nil { text += bytes }
  }

  mutating func character(_ byte: UInt8) {
    if field != nil { text.append(byte) }
  }

  /// Ends element `name`; returns the record it closes, if it closes one.
  mutating func end(_ name: String) -> Publication? {
    if skipDepth > 0 {
      skipDepth -= 1
      return nil
    }
    guard let current = record else {
      if inPerson, name == "author", field == "author" {
        let value = collapsedText()
        if !value.isEmpty { personNames.append(value) }
        field = nil
      }
      if name == "person" { inPerson = false }
      return nil
    }
    if name == field {
      let value = collapsedText()
      switch name {
      case "author":
        authors.append(intern(value))
        orcids.append(fieldOrcid)
      case "editor": editors.append(intern(value))
      case "ee": if fields.ee == nil || value.contains("doi.org") { fields.ee = value }
      case "title": if fields.title == nil { fields.title = value }
      case "year": if fields.year == nil { fields.year = value }
      case "journal": if fields.journal == nil { fields.journal = value }
      case "booktitle": if fields.booktitle == nil { fields.booktitle = value }
      case "publisher": if fields.publisher == nil { fields.publisher = value }
      case "school": if fields.school == nil { fields.school = value }
      case "volume": if fields.volume == nil { fields.volume = value }
      default: break
      }
      field = nil
      return nil
    }
    if name == current.type {
      record = nil
      field = nil
      return makePublication(current)
    }
    return nil
  }

  /// The field's text with runs of whitespace made one space and the ends trimmed, as
  /// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` gives it; ASCII text
  /// (all of dblp.xml's names: it writes other letters as entities) without a `String`
  /// per piece.
  private func collapsedText() -> String {
    var ascii = true
    for byte in text where byte >= 0x80 {
      ascii = false
      break
    }
    guard ascii else {
      return String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        .joined(separator: " ")
    }
    return text.withUnsafeBufferPointer { bytes in
      String(unsafeUninitializedCapacity: bytes.count) { out in
        var count = 0
        var pendingSpace = false
        for byte in bytes {
          // Character.isWhitespace in ASCII: tab, line feed, vertical tab, form feed,
          // carriage return, space.
          if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
            pendingSpace = count > 0
            continue
          }
          if pendingSpace {
            out[count] = 0x20
            count += 1
            pendingSpace = false
          }
          out[count] = byte
          count += 1
        }
        return count
      }
    }
  }

  private mutating func intern(_ value: String) -> String {
    interned.insert(value).memberAfterInsert
  }

  private mutating func makePublication(_ current: (type: String, publicationType: String?, line: Int))
    -> Publication
  {
    let location = InputLocation(file: file, line: current.line)
    var title = fields.title ?? ""
    while title.hasSuffix(".") && !title.hasSuffix("..") { title.removeLast() }
    let venue = (fields.journal ?? fields.booktitle ?? fields.publisher ?? fields.school).map { intern($0) }
    let informal = current.publicationType?.contains("informal") == true
    var arxiv: String?
    if venue == "CoRR", let volume = fields.volume { arxiv = RecordIdentifiers.arxivID(in: volume) }
    if arxiv == nil, let ee = fields.ee, ee.contains("arxiv") { arxiv = RecordIdentifiers.arxivID(in: ee) }
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
      title: title, authors: names, year: fields.year.flatMap(RecordIdentifiers.year(in:)),
      venue: venue, kind: kind,
      doi: fields.ee.flatMap { $0.contains("doi.org") ? RecordIdentifiers.doi(in: $0) : nil },
      arxivID: arxiv,
      authorIdentifiers: authors.isEmpty ? [] : orcids.map { AuthorIdentifiers(orcid: $0) },
      location: location)
    publication.editors = authors.isEmpty ? [] : editors
    return publication
  }
}
