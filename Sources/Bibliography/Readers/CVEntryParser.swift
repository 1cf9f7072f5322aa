import Foundation

/// Splits one CV publication entry into authors, title, venue, year and kind.
enum CVEntryParser {
  enum Outcome {
    case publication(Publication, warnings: [Diagnostic])
    case failure(String)
  }

  static func parse(_ entry: CVTextReader.Entry) -> Outcome {
    let text = entry.text
    if text.isEmpty { return .failure("empty entry") }
    if let quoted = quotedShape(text) {
      return build(entry, authorsText: quoted.authors, title: quoted.title, rest: quoted.rest)
    }
    if let unquoted = unquotedShape(text) {
      return build(entry, authorsText: unquoted.authors, title: unquoted.title, rest: unquoted.rest)
    }
    if let open = text.firstIndex(where: { openingQuotes.contains($0) }),
      text[text.index(after: open)...].firstIndex(where: { closingQuotes.contains($0) }) == nil
    {
      return .failure("the title's quotation mark is never closed")
    }
    return .failure(
      "no quoted title, and not of the shape 'Authors. Title. Venue, Year' "
        + "or 'Authors (Year) Title. Venue'")
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
    if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
      let inside = text[text.index(after: open)..<close]
      let lower = inside.lowercased()
      let isYear = inside.count >= 4 && inside.prefix(4).allSatisfy { $0.isASCII && $0.isNumber }
      if isYear || statusWords.contains(lower) {
        let authors = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        let after = text[text.index(after: close)...].drop { $0 == "." || $0 == " " }
        guard !authors.isEmpty, authorChunks(authors).allSatisfy(looksLikeName) else { return nil }
        let (title, venue) = splitSentence(String(after))
        guard !title.isEmpty else { return nil }
        return (authors, title, venue + " (" + inside + ")")
      }
    }
    let (authors, remainder) = splitSentence(text)
    guard !authors.isEmpty, !remainder.isEmpty,
      authorChunks(authors).count >= 1, authorChunks(authors).allSatisfy(looksLikeName)
    else { return nil }
    let (title, venue) = splitSentence(remainder)
    guard title.split(separator: " ").count >= 2 else { return nil }
    return (authors, title, venue)
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
        if !isInitial {
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
    let chunks = trimmed.split(separator: ",", omittingEmptySubsequences: false)
    var names: [Substring] = []
    for chunk in chunks {
      let name = chunk.trimmingCharacters(in: separators)
      guard looksLikeName(name) else { break }
      names.append(chunk)
    }
    let rest = chunks.dropFirst(names.count).joined(separator: ",")
    return (names.joined(separator: ","), rest)
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
    let chunks = authorChunks(authorsText)
    var authors: [String] = []
    var starred = 0
    var truncated = false
    for chunk in chunks {
      let name = NameNormalizer.clean(TextScanning.removingParentheticals(chunk))
      if name.isEmpty { continue }
      if isEtAl(name) {
        truncated = true
        continue
      }
      // `**Qi Lei**` is bold; a `*` left after removing bold pairs is the CV's mark.
      if chunk.replacingOccurrences(of: "**", with: "").contains("*") { starred += 1 }
      authors.append(name)
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
      arxivID: arxivID(in: entry.text),
      authorsTruncated: truncated, location: entry.location)
    return .publication(publication, warnings: warnings)
  }

  /// Author chunks: split on ";" when present, else on "," and "and"/"&".
  static func authorChunks(_ text: String) -> [String] {
    let trimmed = text.trimmingCharacters(in: separators)
    if trimmed.isEmpty { return [] }
    let separator: Character = trimmed.contains(";") ? ";" : ","
    var chunks = trimmed.replacingOccurrences(of: ", and ", with: String(separator))
      .replacingOccurrences(of: " and ", with: String(separator))
      .replacingOccurrences(of: " & ", with: String(separator))
      .split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
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
    return !tokens.isEmpty && tokens.allSatisfy(NameNormalizer.isInitial)
  }

  /// One to six words, each capitalised, an initial or a family particle; no digits and
  /// no venue words.
  static func looksLikeName(_ chunk: String) -> Bool {
    let name = NameNormalizer.clean(chunk)
    let tokens = name.split(separator: " ")
    guard (1...6).contains(tokens.count), name.count <= 60, !name.contains(where: \.isNumber)
    else { return false }
    if isEtAl(name) { return true }
    for word in TextScanning.words(name) {
      // Venue words in any case; function words only in lower case ("A" is an initial).
      if venueWords.contains(word.lowercased()) || functionWords.contains(word) { return false }
    }
    return tokens.allSatisfy { token in
      // "deBettencourt", "McDougle": a capital somewhere; "van", "de": a particle.
      token.contains(where: \.isUppercase) || NameNormalizer.isParticle(String(token))
        || token.first?.isLetter == false
    }
  }

  static let statusWords: Set<String> = [
    "submitted", "in press", "in preparation", "under review", "accepted", "forthcoming",
  ]
  static let venueWords: Set<String> = [
    "conference", "journal", "proceedings", "university", "institute", "workshop",
    "transactions", "arxiv", "preprint", "press",
  ]
  static let functionWords: Set<String> = [
    "in", "on", "of", "the", "for", "via", "with", "a", "an", "to", "from", "using", "is", "are",
  ]

  static func isEtAl(_ name: String) -> Bool {
    var lower = name.lowercased()
    while lower.hasSuffix(".") { lower.removeLast() }
    return lower == "et al" || lower == "others" || lower == "and others"
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
        let year = Int(text[characters[i]..<(i + 4 < characters.count ? characters[i + 4] : text.endIndex)]),
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
    for prefix in ["to appear at ", "to appear in ", "accepted at ", "accepted to ", "accepted in ", "in: ", "in "]
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
      if tail.isEmpty || tail.first.map({ ":,;.()".contains($0) }) == true {
        venue = String(head)
      } else if head.trimmingCharacters(in: separators).isEmpty {
        venue = tail
      } else {
        // The year sits inside the venue's name ("ICML 2021 Workshop on …").
        venue = text
      }
    }
    venue = venue.trimmingCharacters(in: separators.union(CharacterSet(charactersIn: "(")))
    // A trailing volume ("…Processing, 64.21") is not part of the name.
    if let comma = venue.lastIndex(of: ","),
      venue[venue.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        .allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }),
      venue[venue.index(after: comma)...].contains(where: \.isNumber)
    {
      venue = String(venue[..<comma]).trimmingCharacters(in: separators)
    }
    return (venue.isEmpty ? nil : venue, year)
  }

  // MARK: - Kind

  static func classify(venue: String, entryText: String, section: PublicationKind?) -> PublicationKind {
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
    "quarterly",
  ]
  static let conferenceWords: Set<String> = [
    "conference", "proceedings", "symposium", "congress", "colloquium", "findings",
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
