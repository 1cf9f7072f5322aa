import Foundation

/// Reads a publication page in HTML: a homepage's `publications.html`, a page made by
/// Word or a generator, a saved Google Scholar profile.
///
/// The page is read as a tree of blocks (`<p>`, `<li>`, `<div>`, `<tr>`, `<td>`,
/// headings, …); `<style>`, `<script>`, `<head>`, `<pre>`, `<nav>`, comments and the
/// like are skipped, entities (named and numeric) decoded. Inline marks become the
/// marks ``ListEntryParser`` reads (`<b>` strong, `<i>`/`<em>` emphasis, `<a>` a link,
/// `<br>` a hard line break). An entry is the innermost block that reads as one:
/// a block whose own text is an entry (authors `<br>` title `<br>` venue), otherwise the
/// entries of its child blocks, otherwise the block with its children as lines (one
/// `<div>` per field). A saved Google Scholar profile is read row by row from Scholar's
/// own markup (``scholarProfile(_:file:owner:)``). Headings (`<h1>`–`<h6>`, or a
/// block that is only bold text) open and close publication sections as in a text CV
/// (the page starts in one); a block that is only a year gives its entries the year.
/// A block that looks like an entry (a year, a comma, six words) but reads as none is
/// an error diagnostic with its line.
public struct HTMLReader: RecordReader, OwnerInitializableReader {
  public static var format: InputFormat { .html }

  public var owner: String?

  public init(owner: String? = nil) {
    self.owner = owner
  }

  /// 0.95 for a document that says it is HTML (`<!DOCTYPE html`, `<html`); 0.7 for a
  /// fragment with at least five block tags (`<p>`, `<li>`, `<div`, `<tr`, `<br`) and
  /// closing tags; 0 otherwise.
  public static func confidence(for text: String) -> Double {
    let head = text.prefix(4096).lowercased()
    // Google Scholar's table of works, saved with or without the page around it.
    if head.contains("class=\"gsc_a_tr\"") || text.prefix(64 * 1024).contains("class=\"gsc_a_tr\"") {
      return 0.95
    }
    if head.contains("<!doctype html") || head.contains("<html") { return 0.95 }
    let sample = text.prefix(64 * 1024).lowercased()
    var tags = 0
    for tag in ["<p>", "<p ", "<li", "<div", "<tr", "<br", "<td"] {
      tags += sample.components(separatedBy: tag).count - 1
      if tags >= 5 { break }
    }
    return tags >= 5 && sample.contains("</") ? 0.7 : 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    // A page saved by Word on a Mac says `charset=macintosh`: its lines that were not
    // UTF-8 were decoded as Windows-1252 and read right as Mac Roman ("ResidentsÕ" is
    // "Residents’").
    let head = text.prefix(4096).lowercased()
    let text =
      head.contains("charset=macintosh") || head.contains("charset=x-mac-roman")
        || head.contains("charset=\"macintosh")
      ? CSVReader.repairingMacRoman(text) : text
    if let scholar = Self.scholarProfile(text, file: file, owner: owner) { return scholar }
    let root = HTMLTree.parse(text)
    var collector = Collector(file: file)
    collector.visitTopLevel(root)
    var document = CVTextReader.read(
      collector.entries, file: file, format: Self.format, owner: owner, markup: true)
    document.diagnostics += collector.diagnostics
    document.diagnostics.sort { $0.location.line < $1.location.line }
    return document
  }

  // MARK: - Entries from blocks

  struct Collector {
    var file: String
    var entries: [CVTextReader.Entry] = []
    var diagnostics: [Diagnostic] = []
    var section: PublicationKind?? = .some(nil)
    var yearHint: Int?

    mutating func visitTopLevel(_ node: HTMLTree.Node) {
      let found = visit(node)
      for candidate in found {
        if candidate.readable {
          entries.append(candidate.entry)
        } else {
          diagnostics.append(
            Diagnostic(
              .error, at: candidate.entry.location,
              "publication entry not read: no author list and title found: \"\(candidate.entry.preview)\""
            ))
        }
      }
    }

    struct Candidate {
      var entry: CVTextReader.Entry
      var readable: Bool
    }

    func makeEntry(_ lines: [String], line: Int) -> CVTextReader.Entry? {
      var lines = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard !lines.isEmpty, let kind = section else { return nil }
      var number: Int?
      if let item = CVTextReader.listItem(lines[0]) {
        lines[0] = item.text
        number = item.number
      } else if let marks = Optional(lines[0].prefix(while: { $0 == "*" })), !marks.isEmpty,
        let item = CVTextReader.listItem(String(lines[0].dropFirst(marks.count))), item.number != nil
      {
        // Word sets the number in the paragraph's italics: "*14. *Nakikj, D., …".
        var text = Substring(item.text)
        if text.hasPrefix(marks) { text = text.dropFirst(marks.count) }
        lines[0] = String(text).trimmingCharacters(in: .whitespaces)
        number = item.number
      }
      var entry = CVTextReader.Entry(
        lines: [lines.joined(separator: String(ListEntryParser.lineBreak))],
        location: InputLocation(file: file, line: line), number: number, sectionKind: kind,
        starMeansAlphabetical: false, yearHint: yearHint)
      entry.seal()
      return entry
    }

    static func readable(_ entry: CVTextReader.Entry) -> Bool {
      if case .publication(let publication, _, _) = ListEntryParser.parse(entry, markup: true) {
        return !publication.authors.isEmpty
      }
      return false
    }

    static func looksLikeEntry(_ text: String) -> Bool {
      CVEntryParser.firstYear(in: text) != nil && text.contains(",")
        && text.split(separator: " ").count >= 6 && text.utf8.count <= 2_000
    }

    /// Headings and year labels update the state; returns true when the text was one.
    mutating func heading(_ text: String, strongOnly: Bool, isHeadingTag: Bool) -> Bool {
      let plain = ListEntryParser.plain(text).trimmingCharacters(in: .whitespaces)
      let bare = plain.trimmingCharacters(in: CharacterSet(charactersIn: "#*_: ()"))
      if bare.count == 4, let year = Int(bare), (1800...2099).contains(year) {
        yearHint = year
        return true
      }
      guard isHeadingTag || strongOnly, let heading = CVTextReader.heading(plain) else {
        return false
      }
      switch heading {
      case .publications(let kind, _):
        section = .some(kind)
        yearHint = nil
      case .other:
        if isHeadingTag { section = nil }
      }
      return true
    }

    mutating func visit(_ node: HTMLTree.Node) -> [Candidate] {
      if node.isHeading {
        _ = heading(node.ownLines.joined(separator: " "), strongOnly: false, isHeadingTag: true)
        return []
      }
      let own = node.ownLines
      let ownText = own.joined(separator: " ")
      if node.children.isEmpty {
        if heading(ownText, strongOnly: node.isStrongOnly, isHeadingTag: false) { return [] }
        guard let entry = makeEntry(own, line: node.line) else { return [] }
        if Self.readable(entry) { return [Candidate(entry: entry, readable: true)] }
        // A numbered paragraph of a publication section is an entry, read or not.
        let numbered = entry.number != nil && entry.text.split(separator: " ").count >= 6
        return Self.looksLikeEntry(entry.text) || numbered
          ? [Candidate(entry: entry, readable: false)] : []
      }
      // Own text first: "authors <br> title <br> venue" beside collapsed extras.
      let ownWords = ListEntryParser.plain(ownText).split(separator: " ").count
      if ownWords >= 4, !heading(ownText, strongOnly: node.isStrongOnly, isHeadingTag: false),
        let entry = makeEntry(own, line: node.line), Self.readable(entry)
      {
        return [Candidate(entry: entry, readable: true)]
      }
      let saved = (section, yearHint)
      var found: [Candidate] = []
      for child in node.children { found += visit(child) }
      // One field read as an entry ("GSM-Identity: Evaluating …" from a title <div>)
      // while the block, one <div> per field, reads as one: the block is the entry.
      if found.filter(\.readable).count == 1, node.children.count >= 2,
        node.children.allSatisfy({ $0.children.isEmpty }), node.allLines.count <= 12,
        let entry = makeEntry(node.allLines, line: node.line), Self.readable(entry)
      {
        return found.filter { !$0.readable } + [Candidate(entry: entry, readable: true)]
      }
      if found.contains(where: \.readable) { return found }
      // One block per field.
      if let entry = makeEntry(node.allLines, line: node.line), Self.readable(entry) {
        (section, yearHint) = saved
        return [Candidate(entry: entry, readable: true)]
      }
      return found
    }
  }
}

/// A forgiving HTML block tree: just enough structure to find list entries.
enum HTMLTree {
  final class Node {
    var tag: String
    var line: Int
    /// Inline text of this block in order, with `lineBreak` marks; child blocks are
    /// recorded as positions in `parts`.
    var parts: [Part] = []
    var strongOnly = true

    enum Part {
      case text(String)
      case child(Node)
    }

    init(tag: String, line: Int) {
      self.tag = tag
      self.line = line
    }

    var children: [Node] {
      parts.compactMap { if case .child(let node) = $0 { return node } else { return nil } }
    }

    var isHeading: Bool { tag.count == 2 && tag.first == "h" && tag.last!.isNumber }

    /// A block whose text is all inside `<b>`/`<strong>` (a heading set in bold).
    var isStrongOnly: Bool {
      let text = ownLines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
      return text.hasPrefix("**") && text.hasSuffix("**")
        && text.dropFirst(2).dropLast(2).contains("**") == false
    }

    /// The block's own inline text, split at hard line breaks.
    var ownLines: [String] {
      var text = ""
      for part in parts { if case .text(let t) = part { text += t } }
      return split(text)
    }

    /// Own text and every descendant block's text, a line each.
    var allLines: [String] {
      var lines: [String] = []
      var text = ""
      for part in parts {
        switch part {
        case .text(let t): text += t
        case .child(let node):
          lines += split(text)
          text = ""
          // A heading inside a block labels it; it is not a field of an entry.
          if !node.isHeading { lines += node.allLines }
        }
      }
      return lines + split(text)
    }

    func split(_ text: String) -> [String] {
      text.split(separator: ListEntryParser.lineBreak).map {
        TextScanning.collapseWhitespace(String($0)).trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty && $0 != "|" }
    }
  }

  static let blockTags: Set<String> = [
    "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
    "tbody", "thead", "dl", "dt", "dd", "section", "article", "blockquote", "body", "main",
    "center", "form", "figure", "aside",
  ]
  static let skippedTags: Set<String> = [
    "style", "script", "head", "noscript", "pre", "xml", "svg", "button", "select", "textarea",
    "iframe", "nav", "header", "footer", "template", "math", "object",
  ]

  static let maximumDepth = 128

  static func parse(_ html: String) -> Node {
    let root = Node(tag: "#root", line: 1)
    var stack: [Node] = [root]
    var line = 1
    var scalars = Array(html.unicodeScalars)
    scalars.append(" ")
    var i = 0
    var text = String.UnicodeScalarView()
    var openLinks: [Bool] = []
    func flush() {
      guard !text.isEmpty else { return }
      let decoded = HTMLEntities.decode(String(text))
      var escaped = ""
      for c in decoded {
        if "*_\\".contains(c) { escaped.append("\\") }
        escaped.append(c.isNewline ? " " : c)
      }
      stack.last!.parts.append(.text(escaped))
      if !escaped.allSatisfy(\.isWhitespace) { stack.last!.strongOnly = false }
      text = String.UnicodeScalarView()
    }
    func emit(_ mark: String) {
      flush()
      stack.last!.parts.append(.text(mark))
    }
    func hasPrefix(_ s: String, at index: Int) -> Bool {
      var j = index
      for u in s.unicodeScalars {
        guard j < scalars.count, Character(scalars[j]).lowercased() == Character(u).lowercased()
        else { return false }
        j += 1
      }
      return true
    }
    func find(_ s: String, from index: Int) -> Int? {
      var j = index
      while j < scalars.count {
        if scalars[j] == "\n" { line += 1 }
        if hasPrefix(s, at: j) { return j }
        j += 1
      }
      return nil
    }
    while i < scalars.count - 1 {
      let c = scalars[i]
      if c == "\n" { line += 1 }
      guard c == "<" else {
        text.append(c)
        i += 1
        continue
      }
      if hasPrefix("<!--", at: i) {
        flush()
        i = (find("-->", from: i + 4) ?? scalars.count - 1) + 3
        continue
      }
      if hasPrefix("<![", at: i) || hasPrefix("<!", at: i) || hasPrefix("<?", at: i) {
        i = (find(">", from: i) ?? scalars.count - 1) + 1
        continue
      }
      // A tag: name, attributes, end.
      var j = i + 1
      let closing = scalars[j] == "/"
      if closing { j += 1 }
      var name = ""
      while j < scalars.count, scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) {
        name.unicodeScalars.append(scalars[j])
        j += 1
      }
      guard !name.isEmpty else {
        text.append(c)
        i += 1
        continue
      }
      name = name.lowercased()
      var attributes = ""
      var quote: Unicode.Scalar?
      while j < scalars.count {
        let s = scalars[j]
        if s == "\n" { line += 1 }
        if let q = quote {
          if s == q { quote = nil }
        } else if s == "\"" || s == "'" {
          quote = s
        } else if s == ">" {
          break
        }
        attributes.unicodeScalars.append(s)
        j += 1
      }
      i = j + 1
      if skippedTags.contains(name) && !closing {
        flush()
        if attributes.hasSuffix("/") { continue }
        i = (find("</" + name, from: i) ?? scalars.count - 1)
        i = (find(">", from: i) ?? scalars.count - 1) + 1
        continue
      }
      switch name {
      case "br":
        emit(String(ListEntryParser.lineBreak))
      case "b", "strong":
        emit("**")
      case "i", "em", "cite":
        emit("*")
      case "a":
        if closing {
          if openLinks.popLast() == true { emit("](#)") }
        } else {
          let isLink = attributes.lowercased().contains("href")
          openLinks.append(isLink)
          if isLink { emit("[") }
        }
      default:
        guard blockTags.contains(name) else { break }
        flush()
        if closing {
          if let index = stack.lastIndex(where: { $0.tag == name }), index > 0 {
            stack.removeSubrange(index...)
          }
        } else {
          // Implicitly closed: a new <p>, <li>, <tr>, <td> closes the open one.
          if ["p", "li", "tr", "td", "th", "dt", "dd"].contains(name),
            let index = stack.lastIndex(where: { $0.tag == name }), index > 0,
            !stack[(index + 1)...].contains(where: { ["ul", "ol", "table", "div"].contains($0.tag) })
          {
            stack.removeSubrange(index...)
          }
          if name == "p", stack.last?.tag == "p", stack.count > 1 { stack.removeLast() }
          // Unclosed blocks nest without end in broken pages; past this depth they are
          // read as part of the block they sit in.
          guard stack.count < maximumDepth else { break }
          let node = Node(tag: name, line: line)
          stack.last!.parts.append(.child(node))
          stack.append(node)
        }
      }
    }
    flush()
    return root
  }
}


/// Named character references of HTML pages beyond the few ``TextScanning`` knows:
/// Latin-1 letters (`&eacute;`, `&auml;`) and typographic marks (`&ndash;`, `&rsquo;`).
enum HTMLEntities {
  static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
        let name = String(text[text.index(after: index)..<semicolon])
        if let value = table[name], let scalar = Unicode.Scalar(value) {
          result.unicodeScalars.append(scalar)
          index = text.index(after: semicolon)
          continue
        }
      }
      result.append(text[index])
      index = text.index(after: index)
    }
    return TextScanning.decodingHTMLEntities(result)
  }

  static let table: [String: UInt32] = [
    "AElig": 0xC6, "Aacute": 0xC1, "Acirc": 0xC2, "Agrave": 0xC0, "Aring": 0xC5, "Atilde": 0xC3,
    "Auml": 0xC4, "Ccedil": 0xC7, "Dagger": 0x2021, "ETH": 0xD0, "Eacute": 0xC9, "Ecirc": 0xCA,
    "Egrave": 0xC8, "Euml": 0xCB, "Iacute": 0xCD, "Icirc": 0xCE, "Igrave": 0xCC, "Iuml": 0xCF,
    "Ntilde": 0xD1, "OElig": 0x152, "Oacute": 0xD3, "Ocirc": 0xD4, "Ograve": 0xD2, "Oslash":
    0xD8, "Otilde": 0xD5, "Ouml": 0xD6, "Prime": 0x2033, "Scaron": 0x160, "THORN": 0xDE,
    "Uacute": 0xDA, "Ucirc": 0xDB, "Ugrave": 0xD9, "Uuml": 0xDC, "Yacute": 0xDD, "Yuml": 0x178,
    "aacute": 0xE1, "acirc": 0xE2, "acute": 0xB4, "aelig": 0xE6, "agrave": 0xE0, "aring": 0xE5,
    "atilde": 0xE3, "auml": 0xE4, "bdquo": 0x201E, "brvbar": 0xA6, "bull": 0x2022, "ccedil":
    0xE7, "cedil": 0xB8, "cent": 0xA2, "copy": 0xA9, "curren": 0xA4, "dagger": 0x2020, "deg":
    0xB0, "divide": 0xF7, "eacute": 0xE9, "ecirc": 0xEA, "egrave": 0xE8, "emsp": 0x2003, "ensp":
    0x2002, "eth": 0xF0, "euml": 0xEB, "euro": 0x20AC, "frac12": 0xBD, "frac14": 0xBC, "frac34":
    0xBE, "hellip": 0x2026, "iacute": 0xED, "icirc": 0xEE, "iexcl": 0xA1, "igrave": 0xEC,
    "iquest": 0xBF, "iuml": 0xEF, "laquo": 0xAB, "ldquo": 0x201C, "lrm": 0x200E, "lsaquo":
    0x2039, "lsquo": 0x2018, "macr": 0xAF, "mdash": 0x2014, "micro": 0xB5, "middot": 0xB7,
    "nbsp": 0xA0, "ndash": 0x2013, "not": 0xAC, "ntilde": 0xF1, "oacute": 0xF3, "ocirc": 0xF4,
    "oelig": 0x153, "ograve": 0xF2, "ordf": 0xAA, "ordm": 0xBA, "oslash": 0xF8, "otilde": 0xF5,
    "ouml": 0xF6, "para": 0xB6, "plusmn": 0xB1, "pound": 0xA3, "prime": 0x2032, "raquo": 0xBB,
    "rdquo": 0x201D, "reg": 0xAE, "rlm": 0x200F, "rsaquo": 0x203A, "rsquo": 0x2019, "sbquo":
    0x201A, "scaron": 0x161, "sect": 0xA7, "shy": 0xAD, "sup1": 0xB9, "sup2": 0xB2, "sup3":
    0xB3, "szlig": 0xDF, "thinsp": 0x2009, "thorn": 0xFE, "times": 0xD7, "trade": 0x2122,
    "uacute": 0xFA, "ucirc": 0xFB, "ugrave": 0xF9, "uml": 0xA8, "uuml": 0xFC, "yacute": 0xFD,
    "yen": 0xA5, "yuml": 0xFF, "zwj": 0x200D, "zwnj": 0x200C
  ]
}
