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
    if let match = text.wholeMatch(
      of: /(.+?)\s*\(((?:19|20)\d\d[a-z]?|submitted|in press|in preparation|under review|accepted|forthcoming)\)\.?\s+(.+)/
        .ignoresCase())
    {
      let authors = String(match.1)
      guard authorChunks(authors).allSatisfy(looksLikeName) else { return nil }
      let (title, venue) = splitSentence(String(match.3))
      guard !title.isEmpty else { return nil }
      return (authors, title, venue + " (" + match.2 + ")")
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
      guard looksLikeName(name.replacing(/^(?:and|&)\s+/, with: "")) else { break }
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
    let title = rawTitle.replacing(/\*+|__/, with: "").replacing(/\s+/, with: " ")
      .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ",.;:")))
    guard !title.isEmpty else { return .failure("the quoted title is empty") }
    var warnings: [Diagnostic] = []
    let chunks = authorChunks(authorsText)
    var authors: [String] = []
    var starred = 0
    var truncated = false
    for chunk in chunks {
      let name = NameNormalizer.clean(chunk.replacing(/\([^)]*\)/, with: ""))
      if name.isEmpty { continue }
      if name.lowercased().contains(/^(et al|others|and others)\.?$/) {
        truncated = true
        continue
      }
      // `**Qi Lei**` is bold; a `*` left after removing bold pairs is the CV's mark.
      if chunk.replacing(/\*\*([^*]+)\*\*/, with: { $0.1 }).contains("*") { starred += 1 }
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
      arxivID: entry.text.firstMatch(of: /arXiv:\s*(\d{4}\.\d{4,5})/.ignoresCase()).map {
        String($0.1)
      },
      authorsTruncated: truncated, location: entry.location)
    return .publication(publication, warnings: warnings)
  }

  /// Author chunks: split on ";" when present, else on "," and "and"/"&".
  static func authorChunks(_ text: String) -> [String] {
    let trimmed = text.trimmingCharacters(in: separators)
    if trimmed.isEmpty { return [] }
    let separator: Character = trimmed.contains(";") ? ";" : ","
    var chunks = trimmed.replacing(/,?\s+(?:and|&)\s+/, with: String(separator))
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
    if name.lowercased().contains(/^(et al|others)\.?$/) { return true }
    if name.lowercased().contains(
      /\b(conference|journal|proceedings|university|institute|workshop|transactions|arxiv|preprint|press|in|on|of|the|for|via|with)\b/)
    {
      return false
    }
    return tokens.allSatisfy { token in
      token.first?.isUppercase == true || NameNormalizer.isParticle(String(token))
        || token.first?.isLetter == false
    }
  }

  /// The venue (markdown and "to appear at" removed, year and pages cut off) and the
  /// first year 1950–2049 that is not part of a page range.
  static func venueAndYear(_ rest: String, fallback: String) -> (String?, Int?) {
    var text = rest.replacing(/\*+|__/, with: "").replacing(/\s+/, with: " ")
      .trimmingCharacters(in: separators)
    text = text.replacing(/^(?:to appear (?:at|in)|accepted (?:at|to|in)|in:?)\s+/.ignoresCase(), with: "")
    let yearPattern = /(?:^|[^\d.\-–])((?:19[5-9]|20[0-4])\d)[a-z]?(?![\d\-–])/
    let year = (text.firstMatch(of: yearPattern) ?? fallback.firstMatch(of: yearPattern))
      .flatMap { Int($0.1) }
    var venue = text
    if let match = text.firstMatch(of: yearPattern) {
      let head = text[..<match.output.1.startIndex]
      let tail = text[match.range.upperBound...].trimmingCharacters(in: .whitespaces)
      if tail.isEmpty || tail.first.map({ ":,;.()".contains($0) }) == true {
        venue = String(head)
      } else if head.trimmingCharacters(in: separators).isEmpty {
        venue = tail
      } else {
        // The year sits inside the venue's name ("ICML 2021 Workshop on …").
        venue = text
      }
    }
    venue = venue.replacing(/,\s*\d+(?:\.\d+)?\s*\(?\s*$/, with: "")  // ", 64.21 (" volume
      .trimmingCharacters(in: separators.union(CharacterSet(charactersIn: "(")))
    return (venue.isEmpty ? nil : venue, year)
  }

  // MARK: - Kind

  static func classify(venue: String, entryText: String, section: PublicationKind?) -> PublicationKind {
    if section == .patent || section == .workshop { return section ?? .other }
    let lower = venue.lowercased()
    if lower.contains("workshop") { return .workshop }
    if lower.contains(/arxiv|preprint|submitted|under review|in preparation|manuscript|biorxiv|medrxiv|psyarxiv|ssrn|openreview/) {
      return .preprint
    }
    if lower.contains(/\b(journal|transactions|letters|review|reviews|magazine|annals|bulletin|quarterly)\b/) {
      return .journal
    }
    if lower.contains(/\b(conference|proceedings|symposium|congress|colloquium|findings|neural information processing)\b/)
      || venue.contains(conferenceAcronyms)
    {
      return .conference
    }
    if lower.contains(/\b(science|sciences|nature|physics|chemistry|biology|mathematics|statistics|j\.|phys\.|chem\.|lett\.|rev\.)/) {
      return .journal
    }
    if entryText.lowercased().contains(/to appear at|accepted at/) { return .conference }
    if let section { return section }
    return .other
  }

  nonisolated(unsafe) static let conferenceAcronyms =
    /\b(NeurIPS|NIPS|ICML|ICLR|AISTATS|COLT|ALT|UAI|IJCAI|AAAI|KDD|EMNLP|ACL|NAACL|EACL|COLING|CVPR|ICCV|ECCV|WACV|MLSys|SysML|SODA|STOC|FOCS|ICALP|ITCS|PODC|SPAA|WWW|SIGIR|WSDM|CIKM|ICDM|SDM|ISIT|INFOCOM|MICCAI|ICASSP|INTERSPEECH|SIGMOD|VLDB|ICDE|CCS|RecSys|CHI|ICRA|IROS|RSS|CoRL|EC|ISSAC)\b/
}
