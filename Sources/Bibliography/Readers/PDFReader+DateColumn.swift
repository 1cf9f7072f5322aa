import Foundation

extension PDFReader {
  /// A CV that sets one date per entry in a left margin ("09/18   Schneider, A. D.; …")
  /// with the entry's lines beside it, and maybe a right-aligned column on its lines
  /// ("…; Bitsch, B.        A & A, Volume 617, id.L7"): `pdftotext -layout` keeps the
  /// columns apart with wide gaps, and no blank line parts the entries. Each entry becomes
  /// one line of hard lines (``ListEntryParser/lineBreak``): authors, title, then the
  /// right column and the date's year as the rest; the entry's other lines are left
  /// blank, so line numbers stay those of the PDF text.
  ///
  /// The margin is a date column when three dated lines or more open their text at one
  /// column and (almost) no undated paragraph opens at it: dates that head groups of
  /// entries ("2023" then three blank-separated entries) are labels, read elsewhere.
  /// A wide gap (three spaces or more) inside a line is a column break. When the entry's
  /// lines open with a list of names that ends without a sentence end (where the right
  /// column starts, at a line end, or where a venue runs on after the last name:
  /// "…; Helling, C. A & A," / "Volume 666, id.L11"), the lines after it are the title;
  /// otherwise the entry's text is joined as it reads, the right column after it.
  static func dateColumnEntries(_ lines: [String]) -> [String] {
    let dated = lines.map(marginDate)
    var columns: [Int: Int] = [:]
    for found in dated.compactMap({ $0 }) { columns[found.column, default: 0] += 1 }
    guard let (column, count) = columns.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      count >= 3
    else { return lines }
    func indent(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }
    func blank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
    var undatedOpenings = 0
    for index in lines.indices.dropFirst()
    where dated[index] == nil && !blank(lines[index]) && blank(lines[index - 1]) && indent(lines[index]) == column {
      undatedOpenings += 1
    }
    guard undatedOpenings * 4 <= count else { return lines }
    var out = lines
    var index = 0
    while index < lines.count {
      guard let date = dated[index], date.column == column else {
        index += 1
        continue
      }
      var block = [String(lines[index].dropFirst(column))]
      var next = index + 1
      while next < lines.count, dated[next] == nil, !blank(lines[next]), indent(lines[next]) >= column {
        block.append(String(lines[next].dropFirst(column)))
        next += 1
      }
      out[index] = assembled(block, year: date.year)
      for blankIndex in (index + 1)..<next { out[blankIndex] = "" }
      index = next
    }
    return out
  }

  /// "09/18", "2019-2021", "10/15-08/18", "2022-", "05.2020" at the left margin (four
  /// columns at most), two spaces or more, then text: the last year named and the column
  /// the text starts at.
  static func marginDate(_ line: String) -> (year: Int, column: Int)? {
    let characters = Array(line)
    let lead = characters.prefix(while: { $0 == " " }).count
    guard lead <= 4 else { return nil }
    var end = lead
    while end < characters.count, characters[end] != " " { end += 1 }
    let token = String(characters[lead..<end])
    var gap = end
    while gap < characters.count, characters[gap] == " " { gap += 1 }
    guard gap - end >= 2, gap < characters.count,
      token.allSatisfy({ ($0.isASCII && $0.isNumber) || "/-–.".contains($0) })
    else { return nil }
    var year: Int?
    let parts = token.split(separator: "-", omittingEmptySubsequences: false)
      .flatMap { $0.split(separator: "–", omittingEmptySubsequences: false) }
    for (position, part) in parts.enumerated() {
      if part.isEmpty {
        guard position == parts.count - 1, position > 0 else { return nil }
        continue
      }
      let pieces = part.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." })
      guard let last = pieces.last, pieces.count <= 2,
        pieces.dropLast().allSatisfy({ (1...2).contains($0.count) }), let value = Int(last)
      else { return nil }
      switch last.count {
      case 4 where (1900...2099).contains(value): year = value
      case 2 where pieces.count == 2: year = value + (value <= 69 ? 2000 : 1900)
      default: return nil
      }
    }
    guard let year else { return nil }
    return (year, gap)
  }

  /// Splits a layout line at gaps of three spaces or more: the text at the line's left
  /// edge (maybe empty) and the columns right of it.
  static func columnSegments(_ line: String) -> (body: String, right: [String]) {
    let pieces = line.components(separatedBy: "   ")
      .map { $0.trimmingCharacters(in: .whitespaces) }
    let opensAtEdge = !line.hasPrefix(" ")
    var segments = pieces.filter { !$0.isEmpty }
    guard !segments.isEmpty else { return ("", []) }
    let body = opensAtEdge ? segments.removeFirst() : ""
    return (body, segments)
  }

  /// Lines joined as ``CVTextReader/Entry`` joins them ("Mor-" + "dasini": one word).
  static func joinedLines(_ lines: [String]) -> String {
    var joined = ""
    for line in lines where !line.isEmpty {
      if joined.hasSuffix("-"), joined.dropLast().last?.isLowercase == true, line.first?.isLowercase == true {
        joined.removeLast()
        joined += line
      } else {
        joined += joined.isEmpty ? line : " " + line
      }
    }
    return joined
  }

  /// A list of names only: every chunk a name, none a lone letter ("A" of "A & A"), no
  /// acronym in capitals among names written in mixed case ("MNRAS") and no volume word
  /// ("Volume"), no sentence end.
  static func isNameRun(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: ",; "))
    guard !trimmed.isEmpty, CVEntryParser.splitSentence(trimmed).tail.isEmpty,
      ListEntryParser.isNameList(trimmed)
    else { return false }
    let chunks = ListEntryParser.authorChunks(trimmed)
    if chunks.contains(where: { $0.filter(\.isLetter).count <= 1 }) { return false }
    let words = trimmed.split(separator: " ").map { $0.filter(\.isLetter) }
    // "Volume", "Issue": a venue run on after the names ("…; Helling, C. A & A, Volume").
    if words.contains(where: { $0.count >= 3 && CVEntryParser.volumeWords.contains($0.lowercased()) }) {
      return false
    }
    if words.contains(where: { $0.contains(where: \.isLowercase) }),
      words.contains(where: { $0.count >= 3 && $0.allSatisfy(\.isUppercase) })
    {
      return false
    }
    return true
  }

  /// One entry of a date column as one line of hard lines (see ``dateColumnEntries(_:)``).
  static func assembled(_ block: [String], year: Int) -> String {
    let split = block.map(columnSegments)
    let bodies = split.map(\.body)
    let right = split.flatMap(\.right).joined(separator: ", ")
    let rest = right.isEmpty ? String(year) : right + ", " + String(year)
    let plain = joinedLines(bodies) + ". " + rest
    let breakMark = String(ListEntryParser.lineBreak)
    func hardLines(_ authors: String, _ title: String, _ venue: String) -> String {
      [authors, title, venue].joined(separator: breakMark)
    }
    // The ordinary flow "Names. Title. Venue" reads as it is.
    let (head, tail) = CVEntryParser.splitSentence(joinedLines(bodies))
    if !tail.isEmpty, ListEntryParser.isNameList(head) { return plain }
    // The right column starts on the names' last line.
    if let last = split.indices.first(where: { !split[$0].right.isEmpty && !split[$0].body.isEmpty }) {
      let authors = joinedLines(Array(bodies[...last]))
      let title = joinedLines(Array(bodies[(last + 1)...]))
      if !title.isEmpty, isNameRun(authors) { return hardLines(authors, title, rest) }
      return plain
    }
    // The names end at a line end that does not continue the list.
    for end in bodies.indices.dropLast() {
      let line = bodies[end].trimmingCharacters(in: .whitespaces)
      if line.hasSuffix(",") || line.hasSuffix(";") || line.hasSuffix("-") || line.hasSuffix(" and") { continue }
      let authors = joinedLines(Array(bodies[...end]))
      if isNameRun(authors) {
        return hardLines(authors, joinedLines(Array(bodies[(end + 1)...])), rest)
      }
      break
    }
    // The names end inside a line, a venue running on after them; the lines after it
    // that are volume and pages go with the venue. The longest list of names wins.
    for line in bodies.indices.dropLast().reversed() {
      let words = bodies[line].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      for cut in stride(from: words.count - 1, through: 1, by: -1) {
        let leftover = words[cut...].joined(separator: " ")
        guard let first = leftover.first, first.isUppercase || first.isNumber else { continue }
        let authors = joinedLines(Array(bodies[..<line]) + [words[..<cut].joined(separator: " ")])
        guard isNameRun(authors) else { continue }
        var venue = [leftover]
        var titleStart = line + 1
        while titleStart < bodies.count - 1,
          let chunk = bodies[titleStart].split(separator: ",").first,
          CVEntryParser.isVolumeOrPages(chunk)
        {
          venue.append(bodies[titleStart])
          titleStart += 1
        }
        let title = joinedLines(Array(bodies[titleStart...]))
        guard !title.isEmpty else { continue }
        let venueText = venue.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ", "))
        return hardLines(authors, title, venueText + (right.isEmpty ? "" : ", " + right) + ", " + String(year))
      }
    }
    return plain
  }
}
