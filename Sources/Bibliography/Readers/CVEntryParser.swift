import Foundation

/// Splits one CV publication entry into authors, title, venue, year and kind.
enum CVEntryParser {
  enum Outcome {
    /// `ownerImplicit`: the entry lists only coauthors ("(With …)"); the owner is added
    /// by the reader.
    case publication(Publication, warnings: [Diagnostic], ownerImplicit: Bool)
    case failure(String)
  }

  static func parse(_ entry: CVTextReader.Entry) -> Outcome {
    let text = entry.text
    if text.isEmpty { return .failure("empty entry") }
    if let inverted = AuthorListScanner.invertedShape(text) {
      return build(entry, authorsText: inverted.authors, title: inverted.title, rest: inverted.rest)
    }
    if let quoted = quotedShape(text) {
      return build(entry, authorsText: quoted.authors, title: quoted.title, rest: quoted.rest)
    }
    if let open = text.firstIndex(where: { openingQuotes.contains($0) }),
      text[text.index(after: open)...].firstIndex(where: { closingQuotes.contains($0) }) == nil
    {
      return .failure("the title's quotation mark is never closed")
    }
    for shape in [slashShape, unquotedShape] {
      if let found = shape(text) {
        return build(entry, authorsText: found.authors, title: found.title, rest: found.rest)
      }
    }
    // Looser shapes need a date, a list number or an identifier, so that prose with a
    // list of names is not an entry.
    if firstYear(in: text) != nil || entry.number != nil || arxivID(in: text) != nil
      || doi(in: text) != nil
      || statusWords.contains(where: { text.lowercased().contains("(" + $0) })
    {
      for shape in [commaShape, titleFirstShape] {
        if let found = shape(text) {
          return build(entry, authorsText: found.authors, title: found.title, rest: found.rest)
        }
      }
    }
    return .failure(
      "no quoted title, and no author list found (shapes tried: 'Authors. Title. Venue', "
        + "'Authors (Year) Title. Venue', 'Authors / Title. Venue', 'Title, Authors, Venue')")
  }

  // MARK: - Shapes

  static let openingQuotes: Set<Character> = ["\"", "“", "„"]
  static let closingQuotes: Set<Character> = ["\"", "”", "“"]

  /// `Authors, "Title", Venue` or `"Title". Authors`: the first quoted span is the title.
  static func quotedShape(_ text: String) -> (authors: String, title: String, rest: String)? {
    guard let open = text.firstIndex(where: { openingQuotes.contains($0) }) else { return nil }
    let afterOpen = text.index(after: open)
    guard let close = text[afterOpen...].firstIndex(where: { closingQuotes.contains($0) }),
      close > afterOpen
    else { return nil }
    let title = String(text[afterOpen..<close])
    let before = String(text[..<open])
    let after = String(text[text.index(after: close)...])
    if before.trimmingCharacters(in: separators).isEmpty {
      // Title first: names follow, then (maybe) a venue.
      let (names, venue) = splitLeadingNames(after)
      return (names, title, venue)
    }
    return (before, title, after)
  }

  /// `Authors. Title. Venue, Year` and `Authors (Year) Title. Venue`.
  static func unquotedShape(_ text: String) -> (authors: String, title: String, rest: String)? {
    // The first parenthetical that is a year or a status ("(co-first author)" is neither).
    var searchFrom = text.startIndex
    search: while let open = text[searchFrom...].firstIndex(of: "("),
      let close = text[open...].firstIndex(of: ")")
    {
      searchFrom = text.index(after: close)
      let inside = text[text.index(after: open)..<close]
      let lower = inside.lowercased()
      let isYear = inside.count >= 4 && inside.prefix(4).allSatisfy { $0.isASCII && $0.isNumber }
      guard isYear || statusWords.contains(lower) else { continue }
      do {  // the parenthetical found
        let authors = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        let after = text[text.index(after: close)...].drop { $0 == "." || $0 == " " }
        // Not names before the year ("Authors. Title. Venue (2022)."): the sentences
        // decide below.
        guard !authors.isEmpty,
          authorChunks(TextScanning.removingParentheticals(authors)).allSatisfy(looksLikeName)
        else { break search }
        let (title, venue) = titleSentence(String(after))
        guard !title.isEmpty else { return nil }
        return (authors, title, venue + " (" + inside + ")")
      }
    }
    let (authors, remainder) = splitSentence(text)
    guard !authors.isEmpty, !remainder.isEmpty,
      authorChunks(authors).count >= 1, authorChunks(authors).allSatisfy(looksLikeName)
    else { return nil }
    let (title, venue) = titleSentence(remainder)
    guard title.split(separator: " ").count >= 2 else { return nil }
    return (authors, title, venue)
  }

  /// The title sentence and what follows. A title that asks a question goes on when the
  /// sentence after the mark is a subtitle, not the venue ("Does X? A test using Y.
  /// Journal of Z"): that sentence is followed by more and does not read as a venue.
  static func titleSentence(_ text: String) -> (head: String, tail: String) {
    var (head, tail) = splitSentence(text)
    while let last = head.last, "?!".contains(last) {
      let (next, after) = splitSentence(tail)
      guard !after.isEmpty, !next.isEmpty, !isVenueLike(next) else { break }
      head += " " + next
      tail = after
    }
    return (head, tail)
  }

  /// A sentence that reads as a venue: venue, journal or conference words, numbers, an
  /// "In …" or three words or fewer ("PLoS One", "Genetics").
  static func isVenueLike(_ sentence: String) -> Bool {
    let words = TextScanning.lowercaseWords(sentence)
    if words.count <= 3 || sentence.contains(where: \.isNumber) { return true }
    if words.first == "in" { return true }
    return words.contains {
      venueWords.contains($0) || journalWords.contains($0) || conferenceWords.contains($0)
    }
  }

  /// `SURNAME, Given; SURNAME, Given / Title. Date; In: Venue.` (repository exports).
  static func slashShape(_ text: String) -> (authors: String, title: String, rest: String)? {
    guard let slash = text.range(of: " / ") else { return nil }
    let authors = String(text[..<slash.lowerBound])
    let chunks = authorChunks(authors)
    guard !chunks.isEmpty, chunks.allSatisfy(looksLikeName) else { return nil }
    let (title, rest) = splitSentence(String(text[slash.upperBound...]))
    guard !title.isEmpty else { return nil }
    return (authors, title, rest)
  }

  /// Comma-separated text with a run of names in it: `Authors, Title, Venue` when the
  /// run starts the entry, `Title, Authors, Venue` otherwise. The run must be at least
  /// two names, or one name with an initial, so that a short title is not taken for one.
  static func commaShape(_ text: String) -> (authors: String, title: String, rest: String)? {
    // "Radia et al., Title": the elision is a chunk of its own.
    let chunks = text.split(separator: ",", omittingEmptySubsequences: false).flatMap {
      chunk -> [String] in
      let lower = chunk.lowercased()
      for elision in [" et al.", " et al", " et. al."] where lower.hasSuffix(elision) {
        let name = String(chunk.dropLast(elision.count))
        if !name.trimmingCharacters(in: .whitespaces).isEmpty { return [name, " et al."] }
      }
      return [String(chunk)]
    }
    guard chunks.count >= 2 else { return nil }
    var start = 0
    while start < chunks.count {
      guard looksLikeName(chunks[start]) else {
        start += 1
        continue
      }
      var end = start
      while end < chunks.count, looksLikeName(chunks[end]) { end += 1 }
      let run = chunks[start..<end]
      if isStrongRun(run) {
        let authors = run.joined(separator: ",")
        if start == 0 {
          guard end < chunks.count else { return nil }
          var authors = authors
          var chunk = chunks[end].trimmingCharacters(in: separators)
          // "…, Pretorius, et. al. Title. Venue": the elision ends the names.
          for elision in ["et. al.", "et al.", "et al"] where chunk.lowercased().hasPrefix(elision) {
            chunk = String(chunk.dropFirst(elision.count)).trimmingCharacters(in: separators)
            authors += ", et al."
            break
          }
          // "Names, Title. Venue (2024)": the title is one sentence.
          let (head, tail) = splitSentence(chunk)
          let title = head.trimmingCharacters(in: separators)
          guard title.split(separator: " ").count >= 2 else { return nil }
          let rest = ([tail] + chunks[(end + 1)...]).joined(separator: ",")
          return (authors, title, rest)
        }
        let title = chunks[..<start].joined(separator: ",").trimmingCharacters(in: separators)
        // A title is one sentence of modest length.
        guard title.split(separator: " ").count >= 2, title.split(separator: " ").count <= 40,
          splitSentence(title).tail.isEmpty
        else { return nil }
        return (authors, title, chunks[end...].joined(separator: ","))
      }
      start = end
    }
    return nil
  }

  /// Splits at the first ". " (or "? ", "! ") that does not follow an initial.
  static func splitSentence(_ text: String) -> (head: String, tail: String) {
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if ".?!".contains(character), next == text.endIndex || text[next] == " " {
        let head = text[..<index]
        let lastWord = head.split(separator: " ").last.map(String.init) ?? ""
        let isInitial = character == "." && NameNormalizer.isInitial(lastWord + ".")
        // "et. al.": one elision, not a sentence end.
        let isEt = character == "." && lastWord.lowercased() == "et" && text[next...].hasPrefix(" al")
        if !isInitial && !isEt {
          let keep = character == "." ? head : text[...index]
          return (
            String(keep).trimmingCharacters(in: .whitespaces),
            String(text[next...]).trimmingCharacters(in: separators)
          )
        }
      }
      index = next
    }
    return (text.trimmingCharacters(in: .whitespaces), "")
  }

  /// Leading comma-separated chunks that look like names, and what follows them.
  static func splitLeadingNames(_ text: String) -> (names: String, rest: String) {
    let trimmed = text.trimmingCharacters(in: separators)
    let chunks = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var names: [String] = []
    for chunk in chunks {
      let name = chunk.trimmingCharacters(in: separators)
      guard looksLikeName(name) else { break }
      names.append(chunk)
    }
    // One bare name could be a venue ("VoxDevLit"); unless nothing follows, ask for more.
    guard isStrongRun(names[...]) || names.count == chunks.count else { return ("", trimmed) }
    let rest = chunks.dropFirst(names.count).joined(separator: ",")
    return (names.joined(separator: ","), rest)
  }

  /// Two or more names, or one with an initial: enough to call a run of chunks authors.
  static func isStrongRun(_ run: ArraySlice<String>) -> Bool {
    run.count >= 2
      || run.contains {
        NameNormalizer.tokens(NameNormalizer.clean($0)).contains(where: NameNormalizer.isInitial)
      }
  }

  /// `Title. Authors, Venue`: a sentence, then a run of names.
  static func titleFirstShape(_ text: String) -> (authors: String, title: String, rest: String)? {
    var remainder = text
    var title = ""
    for _ in 0..<6 {
      let (head, tail) = splitSentence(remainder)
      guard !tail.isEmpty else { return nil }
      title = title.isEmpty ? head : title + ". " + head
      let (names, rest) = splitLeadingNames(tail)
      if !names.isEmpty, (2...40).contains(title.split(separator: " ").count) {
        return (names, title, rest)
      }
      remainder = tail
    }
    return nil
  }

  // MARK: - Fields

  static let separators = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",.;:-–—•"))

  static func build(
    _ entry: CVTextReader.Entry, authorsText: String, title rawTitle: String, rest: String
  ) -> Outcome {
    let title = TextScanning.collapseWhitespace(TextScanning.removing(["*"], from: rawTitle))
      .replacingOccurrences(of: "__", with: "")
      .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",.;:")))
    guard !title.isEmpty else { return .failure("the quoted title is empty") }
    var warnings: [Diagnostic] = []
    // Role notes ("(co-first author)") would split "Surname, I." pairs apart.
    let chunks = authorChunks(
      authorsText.contains("(") && !authorsText.lowercased().contains("(with ")
        ? TextScanning.removingParentheticals(authorsText) : authorsText)
    var authors: [String] = []
    var starred = 0
    var truncated = false
    var ownerImplicit = false
    for chunk in chunks {
      let name = NameNormalizer.clean(TextScanning.removingParentheticals(chunk))
      if isEtAl(chunk.trimmingCharacters(in: .whitespaces)) {
        truncated = true
        continue
      }
      if name.isEmpty { continue }
      if isEtAl(name) {
        truncated = true
        continue
      }
      // `**Qi Lei**` is bold; a `*` left after removing bold pairs is the CV's mark.
      if chunk.replacingOccurrences(of: "**", with: "").contains("*") { starred += 1 }
      authors.append(name)
    }
    if authors.isEmpty, let with = withList(entry.text) {
      // "(With A, B, and C.)": coauthors of an owner the page does not name.
      authors = authorChunks(with).map { NameNormalizer.clean($0) }.filter { !$0.isEmpty }
      ownerImplicit = true
    }
    if authors.isEmpty {
      warnings.append(Diagnostic(.warning, at: entry.location, "no authors found for \"\(title)\""))
    }
    let (venue, year) = venueAndYear(rest, fallback: entry.text)
    let alphabetical =
      authors.count >= 2
      && (entry.starMeansAlphabetical ? starred > 0 : starred == authors.count)
    let kind = classify(venue: venue ?? "", entryText: entry.text, section: entry.sectionKind)
    let publication = Publication(
      title: title, authors: authors, year: year, venue: venue, kind: kind,
      alphabetical: alphabetical,
      doi: doi(in: entry.text),
      arxivID: arxivID(in: entry.text),
      authorsTruncated: truncated, location: entry.location)
    return .publication(publication, warnings: warnings, ownerImplicit: ownerImplicit)
  }

  /// Author chunks: split on ";" when present, else on "," and "and"/"&".
  static func authorChunks(_ text: String) -> [String] {
    // Leading punctuation goes; a trailing period may end an initial ("Doe, A. B.").
    var trimmed = Substring(text).drop { $0.unicodeScalars.allSatisfy(separators.contains) }
    while let last = trimmed.last, last != ".", last.unicodeScalars.allSatisfy(separators.contains)
    {
      trimmed = trimmed.dropLast()
    }
    let trimmedText = String(trimmed)
    // "R. Aly et al.": an elision glued to the last name without a comma.
    let lower = trimmedText.lowercased()
    for elision in [" et al.", " et al", " et. al."] where lower.hasSuffix(elision) {
      let head = String(trimmedText.dropLast(elision.count))
      if !head.hasSuffix(",") && !head.trimmingCharacters(in: .whitespaces).isEmpty {
        return splitAuthorChunks(head) + ["et al."]
      }
    }
    return splitAuthorChunks(trimmedText)
  }

  static func splitAuthorChunks(_ trimmed: String) -> [String] {
    if trimmed.isEmpty { return [] }
    // "Broer, L, Evans, DS, et al.": pair the names without the elision, then keep it.
    if trimmed.contains(","),
      let last = trimmed.split(separator: ",").last.map({ String($0) }),
      isEtAl(last.trimmingCharacters(in: .whitespaces)),
      let cut = trimmed.range(of: last, options: .backwards)
    {
      let head = String(trimmed[..<cut.lowerBound]).trimmingCharacters(
        in: CharacterSet(charactersIn: ", "))
      if !head.isEmpty, head.contains(",") {
        return splitAuthorChunks(head) + [last.trimmingCharacters(in: .whitespaces)]
      }
    }
    let separator: Character = trimmed.contains(";") ? ";" : ","
    var chunks = trimmed.replacingOccurrences(of: ", and ", with: String(separator))
      .replacingOccurrences(of: " and ", with: String(separator))
      .replacingOccurrences(of: " & ", with: String(separator))
      .split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    // "McKenzie, David and Dean Yang" (MLA): only the first author is inverted.
    if separator == ",", chunks.count >= 2, !trimmed.contains(";"),
      chunks[0].split(separator: " ").count == 1, chunks[1].split(separator: " ").count == 1,
      !initialsOnly(chunks[0]), !initialsOnly(chunks[1]),
      // Two words: "Yang, Dean" is one person, "Smith and Jones" two.
      chunks.count == 2
        ? trimmed.contains(",") && !trimmed.contains(" and ") && !trimmed.contains(" & ")
        : chunks[2...].allSatisfy({ $0.split(separator: " ").count >= 2 })
    {
      chunks = [chunks[1] + " " + chunks[0]] + chunks[2...]
    }
    // "Smith, J., Doe, A. B." — a family name then its initials.
    if separator == ",", chunks.count >= 2, chunks.count % 2 == 0,
      stride(from: 1, to: chunks.count, by: 2).allSatisfy({ initialsOnly(chunks[$0]) }),
      stride(from: 0, to: chunks.count, by: 2).allSatisfy({ !initialsOnly(chunks[$0]) })
    {
      chunks = stride(from: 0, to: chunks.count, by: 2).map { chunks[$0 + 1] + " " + chunks[$0] }
    }
    return chunks
  }

  static func initialsOnly(_ chunk: String) -> Bool {
    let tokens = NameNormalizer.tokens(NameNormalizer.clean(chunk))
    // "AS", "JD" (run-together initials, "Evans, DS") count as initials too.
    return !tokens.isEmpty
      && tokens.allSatisfy {
        NameNormalizer.isInitial($0)
          || ((2...3).contains($0.count) && $0.allSatisfy { $0.isUppercase && $0.isLetter })
      }
  }

  /// One to six words, each capitalised, an initial or a family particle; no digits and
  /// no venue words.
  static func looksLikeName(_ chunk: String) -> Bool {
    let name = NameNormalizer.clean(chunk)
    let tokens = name.split(separator: " ")
    guard (1...6).contains(tokens.count), name.count <= 60,
      !name.contains(where: { $0.isNumber || "()[]:/@".contains($0) })
    else { return false }
    if isEtAl(name) { return true }
    // Degrees and posts ("Ph.D", "Assistant Professor") are not names.
    let folded = name.lowercased().filter { $0.isLetter || $0 == " " }
    if folded.split(separator: " ").contains(where: { nonNameWords.contains(String($0)) }) {
      return false
    }
    for word in TextScanning.words(name) {
      // Venue words in any case; function words only in lower case ("A" is an initial).
      let lower = word.lowercased()
      if venueWords.contains(lower) || journalWords.contains(lower) || scienceWords.contains(lower)
        || conferenceWords.contains(lower) || functionWords.contains(word)
      {
        return false
      }
    }
    return tokens.allSatisfy { token in
      // An abbreviation ("Chem.", "Phys.") belongs to a venue; initials and "Jr." do not.
      if token.hasSuffix("."), token.count > 2, !NameNormalizer.isInitial(String(token)),
        !NameNormalizer.suffixes.contains(NameNormalizer.fold(String(token)))
      {
        return false
      }
      // "deBettencourt", "McDougle": a capital somewhere; "van", "de": a particle.
      return token.contains(where: \.isUppercase) || NameNormalizer.isParticle(String(token))
    }
  }

  /// "64.21", "151-160", "Vol. 4", "No. 2", "pp. 63-91", "May", "22 May": not a venue name.
  static func isVolumeOrPages(_ chunk: Substring) -> Bool {
    let words = TextScanning.lowercaseWords(String(chunk))
    let onlyNumbers = chunk.allSatisfy { ($0.isASCII && $0.isNumber) || " .:-–()".contains($0) }
    let numbered = chunk.contains(where: \.isNumber)
    if onlyNumbers { return numbered }
    return words.allSatisfy { volumeWords.contains($0) || monthWords.contains($0) }
      && (numbered || words.allSatisfy(monthWords.contains))
  }

  static let volumeWords: Set<String> = [
    "vol", "volume", "no", "issue", "pp", "p", "pages", "art", "article", "suppl",
  ]

  static let monthWords: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "spring", "summer", "fall", "autumn", "winter",
  ]
  static let statusWords: Set<String> = [
    "submitted", "in press", "in preparation", "under review", "accepted", "forthcoming",
  ]
  static let venueWords: Set<String> = [
    "conference", "journal", "proceedings", "university", "institute", "workshop",
    "transactions", "arxiv", "preprint", "press",
  ]
  /// Degrees, posts and page furniture: words that are in no person's name.
  static let nonNameWords: Set<String> = [
    "phd", "msc", "bsc", "mba", "professor", "assistant", "associate", "lecturer", "department",
    "phone", "email", "fax", "contact", "download", "postdoctoral", "faculty",
  ]
  static let functionWords: Set<String> = [
    "in", "on", "of", "the", "for", "via", "with", "a", "an", "to", "from", "using", "is", "are",
  ]

  static func isEtAl(_ name: String) -> Bool {
    let original = name.lowercased().trimmingCharacters(in: .whitespaces)
    // "…", "...", ". . .": an elision.
    if !original.isEmpty, original.allSatisfy({ $0 == "." || $0 == "…" || $0 == " " }),
      original.contains("…") || original.filter({ $0 == "." }).count >= 2
    {
      return true
    }
    var lower = original
    while lower.hasSuffix(".") { lower.removeLast() }
    if lower == "et al" || lower == "others" || lower == "and others" { return true }
    // "et. al.", "et al.,"
    return lower.hasPrefix("et") && lower.filter(\.isLetter) == "etal" && lower.count <= 8
  }

  /// The names in "(With A, B, and C.)".
  static func withList(_ text: String) -> String? {
    guard let open = text.range(of: "(with ", options: .caseInsensitive),
      let close = text[open.upperBound...].firstIndex(of: ")")
    else { return nil }
    // "(With Sharon Maccini. Click here for the appendix)": the names end the sentence.
    return splitSentence(String(text[open.upperBound..<close])).head
  }

  /// "doi:10.1016/x", "https://doi.org/10.1016/x" → "10.1016/x".
  static func doi(in text: String) -> String? {
    guard
      let range = text.range(of: "doi.org/", options: .caseInsensitive)
        ?? text.range(of: "doi:", options: .caseInsensitive)
    else { return nil }
    let id = text[range.upperBound...].drop(while: \.isWhitespace)
    guard id.hasPrefix("10.") else { return nil }
    // The DOI's own rule: it may hold brackets and `<…>` (SICI DOIs).
    return RecordIdentifiers.doi(in: String(id))
  }

  /// "arXiv:2101.01234" → "2101.01234".
  static func arxivID(in text: String) -> String? {
    guard let range = text.range(of: "arxiv:", options: .caseInsensitive) else { return nil }
    let rest = text[range.upperBound...].drop(while: \.isWhitespace)
    let id = rest.prefix(while: { ($0.isASCII && $0.isNumber) || $0 == "." })
    return id.count >= 9 && id.contains(".") ? String(id) : nil
  }

  /// The first year 1800–2099 standing alone: not inside a longer number, not after a
  /// period ("64.21") and not part of a page range ("1229-1247"). A letter may follow
  /// ("2020a").
  static func firstYear(in text: String) -> (year: Int, range: Range<String.Index>)? {
    let characters = Array(text.indices)
    func isDigit(_ i: Int) -> Bool { text[characters[i]].isASCII && text[characters[i]].isNumber }
    var i = 0
    while i + 4 <= characters.count {
      if (i..<(i + 4)).allSatisfy(isDigit),
        let year = Int(
          text[characters[i]..<(i + 4 < characters.count ? characters[i + 4] : text.endIndex)]),
        (1800...2099).contains(year)
      {
        let before: Character? = i > 0 ? text[characters[i - 1]] : nil
        var end = i + 4
        if end < characters.count, text[characters[end]].isLowercase,
          end + 1 == characters.count || !text[characters[end + 1]].isLetter
        {
          end += 1
        }
        let after: Character? = end < characters.count ? text[characters[end]] : nil
        let beforeOK = before.map { !($0.isNumber || ".-–".contains($0)) } ?? true
        let afterOK = after.map { !($0.isNumber || "-–".contains($0)) } ?? true
        if beforeOK && afterOK {
          let upper = end < characters.count ? characters[end] : text.endIndex
          return (year, characters[i]..<upper)
        }
      }
      i += 1
    }
    return nil
  }

  /// The venue (markdown and "to appear at" removed, year and pages cut off) and the
  /// first year (see ``firstYear(in:)``), from the text after the title or, failing
  /// that, from the whole entry.
  static func venueAndYear(_ rest: String, fallback: String) -> (String?, Int?) {
    var text = TextScanning.collapseWhitespace(TextScanning.removing(["*"], from: rest))
      .replacingOccurrences(of: "__", with: "")
      .trimmingCharacters(in: separators)
    for prefix in [
      "to appear at ", "to appear in ", "accepted at ", "accepted to ", "accepted in ", "in: ",
      "in ",
    ]
    where text.lowercased().hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count))
      break
    }
    let found = firstYear(in: text)
    let year = found?.year ?? firstYear(in: fallback)?.year
    var venue = text
    if let found {
      let head = text[..<found.range.lowerBound]
      let tail = text[found.range.upperBound...].trimmingCharacters(in: .whitespaces)
      let headWords = TextScanning.lowercaseWords(String(head))
      let headIsDate = headWords.allSatisfy(monthWords.contains)
      if headIsDate && !tail.trimmingCharacters(in: separators).isEmpty {
        // "September 2020; In: Production and Operations Management."
        venue = tail.trimmingCharacters(in: separators)
        for prefix in ["in: ", "in "] where venue.lowercased().hasPrefix(prefix) {
          venue = String(venue.dropFirst(prefix.count))
        }
      } else if tail.isEmpty || tail.first.map({ ":,;.()".contains($0) }) == true {
        venue = String(head)
      } else if head.trimmingCharacters(in: separators).isEmpty {
        venue = tail
      } else {
        // The year sits inside the venue's name ("ICML 2021 Workshop on …").
        venue = text
      }
    }
    venue = venue.trimmingCharacters(in: separators.union(CharacterSet(charactersIn: "(")))
    // Trailing volume and pages ("…Processing, 64.21", "…Chem. 1051, 151-160") and
    // links are not part of the name.
    if let link = venue.range(of: "http") {
      venue = String(venue[..<link.lowerBound]).trimmingCharacters(in: separators)
    }
    while let comma = venue.lastIndex(of: ","), isVolumeOrPages(venue[venue.index(after: comma)...])
    {
      venue = String(venue[..<comma]).trimmingCharacters(
        in: separators.union(CharacterSet(charactersIn: "(")))
    }
    return (venue.isEmpty ? nil : venue, year)
  }

  // MARK: - Kind

  static func classify(venue: String, entryText: String, section: PublicationKind?)
    -> PublicationKind
  {
    if section == .patent || section == .workshop { return section ?? .other }
    let lower = venue.lowercased()
    let words = Set(TextScanning.lowercaseWords(venue))
    if words.contains(where: { $0.hasPrefix("workshop") }) { return .workshop }
    if words.contains(where: preprintVenueWords.contains) || lower.contains("under review")
      || lower.contains("in preparation")
    {
      return .preprint
    }
    if words.contains(where: journalWords.contains) { return .journal }
    if words.contains(where: conferenceWords.contains)
      || lower.contains("neural information processing")
      || TextScanning.words(venue).contains(where: conferenceAcronyms.contains)
    {
      return .conference
    }
    if words.contains(where: scienceWords.contains) || lower.contains("j.")
      || lower.contains("phys.") || lower.contains("chem.") || lower.contains("lett.")
    {
      return .journal
    }
    let entryLower = entryText.lowercased()
    if entryLower.contains("to appear at") || entryLower.contains("accepted at") {
      return .conference
    }
    if let section { return section }
    return .other
  }

  static let preprintVenueWords: Set<String> = [
    "arxiv", "preprint", "submitted", "manuscript", "biorxiv", "medrxiv", "psyarxiv", "ssrn",
    "openreview", "corr",
  ]
  static let journalWords: Set<String> = [
    "journal", "transactions", "letters", "review", "reviews", "magazine", "annals", "bulletin",
    "quarterly", "trans", "lett", "rev", "acta",
  ]
  static let conferenceWords: Set<String> = [
    "conference", "proceedings", "symposium", "congress", "colloquium", "findings", "proc",
    "conf", "symp",
  ]
  static let scienceWords: Set<String> = [
    "science", "sciences", "nature", "physics", "chemistry", "biology", "mathematics",
    "statistics",
  ]
  static let conferenceAcronyms: Set<String> = [
    "NeurIPS", "NIPS", "ICML", "ICLR", "AISTATS", "COLT", "ALT", "UAI", "IJCAI", "AAAI", "KDD",
    "EMNLP", "ACL", "NAACL", "EACL", "COLING", "CVPR", "ICCV", "ECCV", "WACV", "MLSys", "SysML",
    "SODA", "STOC", "FOCS", "ICALP", "ITCS", "PODC", "SPAA", "WWW", "SIGIR", "WSDM", "CIKM",
    "ICDM", "SDM", "ISIT", "INFOCOM", "MICCAI", "ICASSP", "INTERSPEECH", "SIGMOD", "VLDB", "ICDE",
    "CCS", "RecSys", "CHI", "ICRA", "IROS", "RSS", "CoRL", "EC", "ISSAC",
  ]
}
