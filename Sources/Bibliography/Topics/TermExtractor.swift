import Foundation

/// How terms are ordered before the top-N cut.
public enum TermRanking: String, Sendable, Hashable, Codable, CaseIterable {
  /// Number of documents, then relevance.
  case occurrences
  /// TF-IDF relevance (see ``Term/relevance``), then number of documents.
  case relevance
  /// VOSviewer's selection (Van Eck & Waltman 2011): of the most frequent terms
  /// (`maximumTermCount / specificShare` of them), the share
  /// ``TermExtractionOptions/specificShare`` whose co-occurrences are most concentrated
  /// (see ``Term/specificity``) is kept, ranked by number of documents; the rest follow.
  case cooccurrence
}

/// Choices for ``TermExtractor``.
public struct TermExtractionOptions: Sendable, Hashable {
  /// A term is kept when it occurs in at least this many documents. The default,
  /// 2, suits one person's corpus (tens of documents); VOSviewer's 10 is meant for
  /// thousands of records.
  public var minimumOccurrences: Int
  /// Keep at most this many terms after ranking (nil: all above the threshold).
  public var maximumTermCount: Int?
  public var ranking: TermRanking
  /// Longest multi-word term, in words (2…4 as in VOSviewer and CiteSpace).
  public var maximumPhraseLength: Int
  /// A word sequence must occur at least this often in the corpus (all
  /// mentions) to become a multi-word term.
  public var minimumPhraseFrequency: Int
  /// A word sequence must reach this C-value to become a multi-word term
  /// (2 = a free-standing two-word phrase seen twice).
  public var minimumCValue: Double
  /// Whether single words may be terms (they are, when no phrase covers them).
  public var includeSingleWords: Bool
  /// Extra stop words (folded like terms: case, diacritics, hyphens, plural).
  public var additionalStopWords: Set<String>
  /// The user's merges and removals, applied to the terms found.
  public var thesaurus: Thesaurus
  /// Under ``TermRanking/cooccurrence``, the share of terms kept as specific (VOSviewer's
  /// default: 60 %).
  public var specificShare: Double = 0.6
  /// Whether an abbreviation the text defines ("Altmetric Attention Score (AAS)",
  /// ``Abbreviations``) is merged into its long form.
  public var mergeAbbreviations = true

  public init(
    minimumOccurrences: Int = 2, maximumTermCount: Int? = nil, ranking: TermRanking = .occurrences,
    maximumPhraseLength: Int = 4, minimumPhraseFrequency: Int = 2, minimumCValue: Double = 2,
    includeSingleWords: Bool = true, additionalStopWords: Set<String> = [],
    thesaurus: Thesaurus = Thesaurus()
  ) {
    self.minimumOccurrences = minimumOccurrences
    self.maximumTermCount = maximumTermCount
    self.ranking = ranking
    self.maximumPhraseLength = maximumPhraseLength
    self.minimumPhraseFrequency = minimumPhraseFrequency
    self.minimumCValue = minimumCValue
    self.includeSingleWords = includeSingleWords
    self.additionalStopWords = additionalStopWords
    self.thesaurus = thesaurus
  }
}

/// A term: one or more words that name a topic, with its spelling variants merged.
public struct Term: Sendable, Hashable, Codable {
  /// The merged form: folded words separated by spaces, last word singular
  /// ("neural network", "nonconvex optimization", "ksvd").
  public var key: String
  /// What to show: the most frequent surface form (a thesaurus replacement when
  /// one applied). A capitalised word is shown in lower case when the corpus
  /// also writes it in lower case, so sentence starts and title case do not win.
  public var label: String
  /// Number of documents that contain the term (VOSviewer's "occurrences" under
  /// binary counting).
  public var occurrences: Int
  /// Number of mentions in all documents.
  public var frequency: Int
  /// TF-IDF relevance: `frequency × (ln((1 + N) / (1 + occurrences)) + 1)` with
  /// N documents — summed term frequency times scikit-learn's smoothed inverse
  /// document frequency. High for terms mentioned often in few documents; a term
  /// in every document keeps weight `frequency`. (Not VOSviewer's relevance,
  /// which needs a clustering of the terms first.)
  public var relevance: Double
  /// The C-value of a multi-word term (nil for single words and thesaurus-made terms).
  public var cValue: Double?
  /// How unevenly the term's co-occurrences spread over the other terms above the
  /// threshold: the Kullback–Leibler divergence of its co-occurrence distribution from
  /// the distribution of all co-occurrences (VOSviewer's relevance, Van Eck & Waltman 2011).
  /// A generic word ("development", "approach") co-occurs with everything in proportion
  /// and scores low; a topic's name co-occurs with its own few terms and scores high.
  /// Nil unless the ranking is ``TermRanking/cooccurrence``.
  public var specificity: Double? = nil
  /// Words in the key.
  public var wordCount: Int
  /// The documents containing the term, ascending indices into the input.
  public var documents: [Int]
  /// Every spelling seen, most frequent first.
  public var variants: [String]

  public init(
    key: String, label: String, occurrences: Int, frequency: Int, relevance: Double,
    cValue: Double? = nil, wordCount: Int, documents: [Int], variants: [String]
  ) {
    self.key = key
    self.label = label
    self.occurrences = occurrences
    self.frequency = frequency
    self.relevance = relevance
    self.cValue = cValue
    self.wordCount = wordCount
    self.documents = documents
    self.variants = variants
  }
}

/// What ``TermExtractor/extract(from:)`` found.
public struct TermExtraction: Sendable, Hashable {
  /// The kept terms, ranked (best first).
  public var terms: [Term]
  /// For each input document, the indices into `terms` of the terms it contains, ascending.
  public var documentTerms: [[Int]]
  /// Number of terms above the occurrence threshold before the top-N cut.
  public var termsAboveThreshold: Int
  /// Number of distinct terms before the occurrence threshold.
  public var candidateCount: Int
  /// The options used.
  public var options: TermExtractionOptions

  public init(
    terms: [Term], documentTerms: [[Int]], termsAboveThreshold: Int, candidateCount: Int,
    options: TermExtractionOptions
  ) {
    self.terms = terms
    self.documentTerms = documentTerms
    self.termsAboveThreshold = termsAboveThreshold
    self.candidateCount = candidateCount
    self.options = options
  }

  /// Number of input documents.
  public var documentCount: Int { documentTerms.count }

  /// The index of the term with this key (see ``Term/key``).
  public func index(ofKey key: String) -> Int? {
    terms.firstIndex { $0.key == key }
  }
}

/// Finds the terms (topics) of a corpus of titles and abstracts.
///
/// 1. Tokenize (``TermDocument`` text): LaTeX math, referencing commands, URLs,
///    numbers and one-letter words are dropped and break phrases; formatting
///    commands keep their text; punctuation breaks phrases.
/// 2. Merge spellings: keys fold case, diacritics and hyphens, so "Non-convex",
///    "nonconvex" and "non-convex" are one word; a detached prefix is joined
///    ("non convex"), and two words are joined when the corpus also writes them
///    as one ("large scale" ↔ "largescale"). The last word of a term is made
///    singular ("neural networks" → "neural network").
/// 3. Stop words (``StopWords``, plus the user's) split the text into chunks.
/// 4. Multi-word terms: every 2…`maximumPhraseLength`-word sequence of a chunk
///    that does not start with an adverb nor end with an adjective, adverb or
///    participle is a candidate; a candidate seen at least
///    `minimumPhraseFrequency` times becomes a term when its C-value reaches
///    `minimumCValue`. The C-value discounts a sequence by the mean frequency
///    of the longer candidates that contain it, so "stochastic gradient" (only
///    ever inside "stochastic gradient descent") is not a term.
/// 5. Each chunk is read left to right, longest term first; words left over are
///    single-word terms when they can end a term.
/// 6. The thesaurus renames, merges and removes; terms in fewer than
///    `minimumOccurrences` documents are dropped; the rest are ranked and cut.
///
/// - Complexity: O(*L* · *p*²) for *L* words of text and longest phrase *p*,
///   plus sorting the candidates.
///
/// Reference: K. Frantzi, S. Ananiadou and H. Mima, "Automatic recognition of
/// multi-word terms: the C-value/NC-value method", Int. J. Digit. Libr. 3(2), 2000.
/// https://doi.org/10.1007/s007999900023 — and N. J. van Eck, L. Waltman et al.,
/// "Automatic term identification for bibliometric mapping", Scientometrics 82, 2010.
public struct TermExtractor: Sendable {
  public var options: TermExtractionOptions

  /// - Precondition: `minimumOccurrences ≥ 1`, `maximumPhraseLength ≥ 1`,
  ///   `maximumTermCount` nil or ≥ 0.
  public init(options: TermExtractionOptions = TermExtractionOptions()) {
    precondition(options.minimumOccurrences >= 1, "minimumOccurrences must be at least 1")
    precondition(options.maximumPhraseLength >= 1, "maximumPhraseLength must be at least 1")
    precondition((options.maximumTermCount ?? 0) >= 0, "maximumTermCount must not be negative")
    self.options = options
  }

  /// Extracts, merges, counts and ranks the terms of `documents`.
  public func extract(from documents: [TermDocument]) -> TermExtraction {
    let stopWords = StopWords.all.union(
      options.additionalStopWords.map { TermNormalization.singular(TermTokenizer.foldKey($0)) }
    ).union(options.additionalStopWords.map { TermTokenizer.foldKey($0) })

    // 1. Tokens, per document, per segment.
    let rawSegments = documents.map { TermTokenizer.segments(of: $0.text) }
    var vocabulary: Set<String> = []  // singular keys of single written words
    var properKeys: Set<String> = []  // keys capitalised inside a lower-case sentence
    for doc in rawSegments {
      for seg in doc {
        for t in seg {
          vocabulary.insert(t.singular)
          if t.capitalizedAfterLowercase { properKeys.insert(t.key) }
        }
      }
    }

    // 2. Names with an inner "of" ("Web of Science") become one word; joins, then stop
    // words split segments into chunks.
    let names = Self.ofNames(in: rawSegments)
    properKeys.formUnion(names.values)
    let chunksPerDoc: [[[Word]]] = rawSegments.map { doc in
      doc.flatMap { seg in
        chunks(
          of: join(Self.joinNames(seg, names), vocabulary: vocabulary), stopWords: stopWords,
          proper: properKeys)
      }
    }

    // 3. Thesaurus labels, folded like terms.
    var thesaurusMap: [String: String?] = [:]  // key → replacement label (nil = remove)
    var forcedPhrases: Set<String> = []
    for entry in options.thesaurus.entries {
      guard let key = termKey(ofLabel: entry.label, vocabulary: vocabulary, names: names) else { continue }
      thesaurusMap[key] = .some(entry.replacement)
      if key.contains(" ") { forcedPhrases.insert(key) }
      // The replacement is a term the user vouches for: find it in the text too.
      if let replacement = entry.replacement,
        let target = termKey(ofLabel: replacement, vocabulary: vocabulary, names: names), target.contains(" ")
      {
        forcedPhrases.insert(target)
      }
    }

    // 3b. Abbreviations the text defines ("Altmetric Attention Score (AAS)") join their
    // long form, unless the user's thesaurus says otherwise.
    var abbreviationKeys: Set<String> = []
    if options.mergeAbbreviations {
      for definition in Abbreviations.corpusLongForms(documents) {
        guard let key = termKey(ofLabel: definition.short, vocabulary: vocabulary), !key.contains(" "),
          thesaurusMap[key] == nil,
          let target = termKey(ofLabel: definition.long, vocabulary: vocabulary, names: names), target != key,
          !stopWords.contains(target.split(separator: " ").first.map(String.init) ?? "")
        else { continue }
        thesaurusMap[key] = .some(definition.long)
        abbreviationKeys.insert(key)
        if target.contains(" ") { forcedPhrases.insert(target) }
      }
    }

    // 4. Multi-word candidates and their C-values; "-ing" words used as nouns
    // somewhere in the corpus.
    let phrases = acceptedPhrases(in: chunksPerDoc, forced: forcedPhrases)
    var gerundNouns: Set<String> = []
    for chunks in chunksPerDoc {
      for chunk in chunks {
        for w in chunk where w.nounEvidence && w.key.hasSuffix("ing") { gerundNouns.insert(w.key) }
      }
    }

    // 5. Segment chunks into term occurrences.
    var stats: [String: TermStats] = [:]
    var order: [String] = []  // first-seen order, for deterministic ties
    for (d, chunks) in chunksPerDoc.enumerated() {
      for chunk in chunks {
        var i = 0
        while i < chunk.count {
          var matched = 0
          if options.maximumPhraseLength >= 2 {
            var n = min(options.maximumPhraseLength, chunk.count - i)
            while n >= 2 {
              if phrases[phraseKey(chunk[i..<(i + n)])] != nil {
                matched = n
                break
              }
              n -= 1
            }
          }
          let length = max(matched, 1)
          let words = chunk[i..<(i + length)]
          i += length
          if matched == 0 {
            guard options.includeSingleWords, let w = words.first, isSingleWordTerm(w),
              !w.key.hasSuffix("ing") || w.key.count <= 5 || gerundNouns.contains(w.key)
            else {
              continue
            }
          }
          let key = phraseKey(words)
          if stats[key] == nil {
            stats[key] = TermStats(wordCount: length, cValue: phrases[key] ?? nil)
            order.append(key)
          }
          stats[key]?.add(document: d, surface: words.map(\.display).joined(separator: " "))
        }
      }
    }

    // 6. Thesaurus: rename, merge, remove.
    var merged: [String: TermStats] = [:]
    var mergedOrder: [String] = []
    // An abbreviation merged into its long form: (its uses, its commonest spelling).
    var shortForms: [String: (frequency: Int, label: String)] = [:]
    for key in order {
      guard var s = stats[key] else { continue }
      var target = key
      if let replacement = thesaurusMap[key] {
        guard let label = replacement else { continue }  // removal
        target = termKey(ofLabel: label, vocabulary: vocabulary, names: names) ?? label.lowercased()
        if abbreviationKeys.contains(key) {
          let spelling = s.surfaces.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? label
          shortForms[target] = (s.frequency, spelling)
        }
        s.fixedLabel = label
        s.cValue = nil
        s.wordCount = target.split(separator: " ").count
      }
      if var existing = merged[target] {
        existing.absorb(s)
        merged[target] = existing
      } else {
        merged[target] = s
        mergedOrder.append(target)
      }
    }
    // The merged term is labelled as the corpus writes it more often: "MEDLINE" over
    // "Medical Literature Analysis and Retrieval System Online", "Altmetric Attention
    // Score" over "AAS".
    for (target, short) in shortForms {
      guard var s = merged[target], short.frequency > s.frequency - short.frequency else { continue }
      s.fixedLabel = short.label
      merged[target] = s
    }

    // 7. Threshold, relevance, ranking, top-N.
    let n = Double(documents.count)
    var terms: [Term] = []
    for key in mergedOrder {
      guard let s = merged[key] else { continue }
      let occurrences = s.documents.count
      guard occurrences >= options.minimumOccurrences else { continue }
      let idf = log((1 + n) / (1 + Double(occurrences))) + 1
      let variants = s.surfaces.sorted { a, b in
        a.value != b.value ? a.value > b.value : preferredSpelling(a.key, b.key)
      }.map(\.key)
      // The label spells out word boundaries when any source does ("Frank-Wolfe" over a
      // more frequent "FrankWolfe"); among equally separated spellings, the most frequent.
      let hyphens = { (v: String) in v.reduce(0) { $0 + ($1 == "-" ? 1 : 0) } }
      // A plain lower-case spelling seen more often wins, though: a hyphen there is a
      // line-break hyphenation ("re-search" for "research").
      let plainFirst = variants.first.map { !$0.contains("-") && $0 == $0.lowercased() } ?? false
      let labelSpelling =
        plainFirst
        ? variants.first
        : variants.enumerated().max { a, b in
          hyphens(a.element) != hyphens(b.element)
            ? hyphens(a.element) < hyphens(b.element) : a.offset > b.offset
        }?.element
      terms.append(
        Term(
          key: key, label: s.fixedLabel ?? displayLabel(labelSpelling ?? key, vocabulary),
          occurrences: occurrences, frequency: s.frequency,
          relevance: Double(s.frequency) * idf, cValue: s.cValue, wordCount: s.wordCount,
          documents: s.documents.sorted(), variants: variants))
    }
    let aboveThreshold = terms.count
    if options.ranking == .cooccurrence {
      // VOSviewer's workflow: the candidates are the most frequent terms, 1/specificShare
      // times as many as wanted (all when no count is set); of those, the most specific
      // `specificShare` are kept, ranked by documents. Rejected candidates follow (by
      // specificity), then the rest (by documents). Comparing terms of similar frequency
      // keeps rare terms, whose few co-occurrences always look concentrated, from winning.
      let specificity = Self.specificity(of: terms.map(\.documents), documentCount: documents.count)
      for i in terms.indices { terms[i].specificity = specificity[i] }
      let byDocuments = terms.indices.sorted { a, b in
        let (x, y) = (terms[a], terms[b])
        if x.occurrences != y.occurrences { return x.occurrences > y.occurrences }
        if x.relevance != y.relevance { return x.relevance > y.relevance }
        return x.key < y.key
      }
      let wanted = options.maximumTermCount ?? Int((Double(terms.count) * options.specificShare).rounded(.up))
      let poolSize = min(terms.count, Int((Double(wanted) / max(options.specificShare, 0.01)).rounded(.up)))
      let pool = byDocuments.prefix(poolSize)
      let bySpecificity = pool.sorted { a, b in
        specificity[a] != specificity[b] ? specificity[a] > specificity[b] : terms[a].key < terms[b].key
      }
      let kept = Set(bySpecificity.prefix(wanted))
      let head = pool.filter(kept.contains)
      let rejected = bySpecificity.dropFirst(wanted)
      terms = (head + rejected + byDocuments.dropFirst(poolSize)).map { terms[$0] }
    }
    if options.ranking != .cooccurrence {
    terms.sort { a, b in
      switch options.ranking {
      case .occurrences:
        if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
        if a.relevance != b.relevance { return a.relevance > b.relevance }
      case .relevance:
        if a.relevance != b.relevance { return a.relevance > b.relevance }
        if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
      case .cooccurrence: break
      }
      return a.key < b.key
    }
    }
    if let top = options.maximumTermCount, terms.count > top { terms.removeLast(terms.count - top) }

    var documentTerms = [[Int]](repeating: [], count: documents.count)
    for (t, term) in terms.enumerated() {
      for d in term.documents { documentTerms[d].append(t) }
    }
    return TermExtraction(
      terms: terms, documentTerms: documentTerms, termsAboveThreshold: aboveThreshold,
      candidateCount: mergedOrder.count, options: options)
  }

  /// VOSviewer's relevance of each term (see ``Term/specificity``) from the documents
  /// each term occurs in: binary co-occurrence counts c(i, j) over documents, p_i(j) =
  /// c(i, j) / Σ_j c(i, j), q(j) = Σ_i c(i, j) / Σ_ij c(i, j), and KL(p_i ‖ q) =
  /// Σ_j p_i(j) ln(p_i(j) / q(j)). A term without co-occurrences scores 0.
  ///
  /// Reference: N. J. van Eck, L. Waltman, "Text mining and visualization using
  /// VOSviewer", ISSI Newsletter 7(3), 2011 (arXiv:1109.2058).
  static func specificity(of termDocuments: [[Int]], documentCount: Int) -> [Double] {
    let t = termDocuments.count
    var perDocument = [[Int]](repeating: [], count: documentCount)
    for (i, docs) in termDocuments.enumerated() { for d in docs { perDocument[d].append(i) } }
    var rows = [[Int: Double]](repeating: [:], count: t)
    var column = [Double](repeating: 0, count: t)
    for terms in perDocument where terms.count > 1 {
      for a in terms {
        for b in terms where b != a {
          rows[a][b, default: 0] += 1
          column[b] += 1
        }
      }
    }
    let total = column.reduce(0, +)
    guard total > 0 else { return [Double](repeating: 0, count: t) }
    return rows.map { row in
      let sum = row.values.reduce(0, +)
      guard sum > 0 else { return 0 }
      var kl = 0.0
      for (j, c) in row.sorted(by: { $0.key < $1.key }) {
        let p = c / sum
        kl += p * log(p / (column[j] / total))
      }
      return kl
    }
  }

  /// Capitalised words around a lower-case "of" ("Web of Science", "Journal of
  /// Informetrics"), seen at least twice and at least once inside a lower-case sentence
  /// (so a title-case title's "Analysis of Data" is not a name): "a of b" → glued key.
  static func ofNames(in documents: [[TokenSegment]]) -> [String: String] {
    var seen: [String: (count: Int, inSentence: Bool)] = [:]
    for doc in documents {
      for seg in doc where seg.count >= 3 {
        for i in 0..<(seg.count - 2) where isOfName(seg, at: i) {
          let key = seg[i].key + " of " + seg[i + 2].key
          let inSentence = seg[i].capitalizedAfterLowercase || seg[i + 2].capitalizedAfterLowercase
          let old = seen[key] ?? (0, false)
          seen[key] = (old.count + 1, old.inSentence || inSentence)
        }
      }
    }
    var names: [String: String] = [:]
    for (key, value) in seen where value.count >= 2 && value.inSentence {
      names[key] = key.replacingOccurrences(of: " ", with: "")
    }
    return names
  }

  static func isOfName(_ seg: TokenSegment, at i: Int) -> Bool {
    seg[i + 1].surface == "of" && seg[i].surface.first?.isUppercase == true
      && seg[i + 2].surface.first?.isUppercase == true && seg[i].key.count >= 2
      && seg[i + 2].key.count >= 2 && !StopWords.english.contains(seg[i].key)
      && !StopWords.english.contains(seg[i + 2].key)
  }

  /// Replaces each name of ``ofNames(in:)`` by one word.
  static func joinNames(_ seg: TokenSegment, _ names: [String: String]) -> TokenSegment {
    guard !names.isEmpty, seg.count >= 3 else { return seg }
    var out: TokenSegment = []
    var i = 0
    while i < seg.count {
      if i + 2 < seg.count, isOfName(seg, at: i),
        let glued = names[seg[i].key + " of " + seg[i + 2].key]
      {
        out.append(
          WordToken(
            surface: seg[i].surface + " of " + seg[i + 2].surface, key: glued,
            singular: seg[i].key + "of" + seg[i + 2].singular, hyphenated: false,
            capitalizedAfterLowercase: true))
        i += 3
        continue
      }
      out.append(seg[i])
      i += 1
    }
    return out
  }

  // MARK: - Steps

  /// A content word inside a chunk.
  struct Word: Sendable, Hashable {
    var key: String
    /// Singular of `key`, used when the word ends a term.
    var singular: String
    /// The surface with sentence-start capitals folded (see ``Term/label``).
    var display: String
    /// All capitals (an acronym such as "PCA", "RL").
    var isAcronym: Bool
    /// False for an "-ing" word used here as a verb or adjective (see `chunks`).
    var nounEvidence: Bool
    /// An "-ing" word right after a preposition ("by constructing sparsifiers"):
    /// a verb with its object, so no term starts here.
    var verbAfterPreposition = false
  }

  /// Joins a detached prefix to its word, and two words the corpus also writes as one.
  func join(_ segment: TokenSegment, vocabulary: Set<String>) -> TokenSegment {
    var out: TokenSegment = []
    out.reserveCapacity(segment.count)
    var i = 0
    while i < segment.count {
      if i + 1 < segment.count {
        let a = segment[i]
        let b = segment[i + 1]
        let glued = a.key + b.key
        let prefixJoin =
          TermNormalization.detachedPrefixes.contains(a.key) && b.key.count >= 3
          && a.surface.first?.isLowercase == true && !StopWords.english.contains(b.key)
        // Function words are never half of a compound: "over the" stays apart
        // even where the text once lost a space ("overthe").
        let gluedSingular = a.key + b.singular
        let corpusJoin =
          glued.count >= 6 && a.key.count >= 2 && b.key.count >= 2
          && !Self.joinBlockers.contains(a.key) && !Self.joinBlockers.contains(b.key)
          && vocabulary.contains(gluedSingular)
        if prefixJoin || corpusJoin {
          out.append(
            WordToken(
              surface: a.surface + " " + b.surface, key: glued,
              singular: gluedSingular, hyphenated: false))
          i += 2
          continue
        }
      }
      out.append(segment[i])
      i += 1
    }
    return out
  }

  /// English function words other than numerals and ordinals ("first order"
  /// ↔ "firstorder" is a real compound).
  static let joinBlockers: Set<String> = StopWords.english.subtracting([
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
    "second", "third", "hundred", "thousand",
  ])

  /// Words after which an "-ing" word is read as a noun when a function word
  /// or the end of the phrase follows ("the ranking.", "this clustering of").
  static let determiners: Set<String> = [
    "the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her", "my",
    "your", "such", "any", "each", "every", "no",
  ]

  /// Prepositions after which an "-ing" word is a verb ("by constructing").
  static let prepositions: Set<String> = [
    "by", "for", "of", "in", "on", "after", "before", "without", "when", "while", "via",
    "through", "from", "to", "towards", "toward", "upon", "with", "at", "into", "about", "as",
    "since", "besides", "despite", "whilst",
  ]

  func chunks(of segment: TokenSegment, stopWords: Set<String>, proper: Set<String>)
    -> [[Word]]
  {
    var result: [[Word]] = []
    var current: [Word] = []
    let stop = segment.map { t in
      stopWords.contains(t.key)
        || stopWords.contains(t.singular)
    }
    for (i, t) in segment.enumerated() {
      let singular = t.singular
      if stop[i] {
        if !current.isEmpty { result.append(current) }
        current = []
        continue
      }
      // An "-ing" word is a noun ("graph clustering", "the ranking.") rather than
      // a verb or adjective ("by constructing", "the underlying graph") when a
      // content word precedes it, or a determiner precedes it and nothing
      // content-like follows.
      var nounEvidence = true
      var verbAfterPreposition = false
      // Compounds ("Q-learning", "large scale") are not English verb forms.
      if t.key.hasSuffix("ing"), t.key.count > 5, !t.surface.contains("-"),
        !t.surface.contains(" ")
      {
        // A plural or an adverb before it reads as subject or modifier of a
        // verb ("algorithms outperforming", "repeatedly applying").
        let afterContent =
          i > 0 && !stop[i - 1]
          && segment[i - 1].singular == segment[i - 1].key
          && TermNormalization.canStartTerm(segment[i - 1].key)
        let afterDeterminer =
          i > 0 && Self.determiners.contains(segment[i - 1].key)
          && (i + 1 == segment.count || stop[i + 1])
        nounEvidence = afterContent || afterDeterminer
        verbAfterPreposition = i > 0 && Self.prepositions.contains(segment[i - 1].key)
      }
      current.append(
        Word(
          key: t.key, singular: singular, display: foldedSurface(t, proper: proper),
          isAcronym: t.surface.filter(\.isLetter).allSatisfy(\.isUppercase),
          nounEvidence: nounEvidence, verbAfterPreposition: verbAfterPreposition))
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// "Learning" → "learning" unless the corpus capitalises the word inside a
  /// lower-case sentence (a name: "the classical Frank-Wolfe algorithm");
  /// acronyms and inner capitals ("SGD", "ResNet", "k-SVD") stay as written.
  func foldedSurface(_ t: WordToken, proper: Set<String>) -> String {
    guard !proper.contains(t.key) else { return t.surface }
    // Every part of a compound ("Non-convex", "Large scale") starts with at most
    // one capital followed by lower case.
    let parts = t.surface.split(whereSeparator: { $0 == "-" || $0 == " " })
    // A one-letter first part is a symbol, not a capitalised word ("Q-learning").
    let titleCase =
      (parts.first?.count ?? 0) >= 2
      && parts.allSatisfy { part in part.dropFirst().allSatisfy { !$0.isUppercase } }
    return titleCase ? t.surface.lowercased() : t.surface
  }

  func phraseKey(_ words: ArraySlice<Word>) -> String {
    guard let last = words.last else { return "" }
    return (words.dropLast().map(\.key) + [last.singular]).joined(separator: " ")
  }

  func isSingleWordTerm(_ w: Word) -> Bool {
    if w.isAcronym { return w.key.count >= 2 }
    return w.key.count >= 3 && !StopWords.generic.contains(w.singular)
      && TermNormalization.canEndTerm(w.singular)
      && TermNormalization.canStartTerm(w.key)
  }

  func isCandidatePhrase(_ words: ArraySlice<Word>) -> Bool {
    guard let first = words.first, let last = words.last else { return false }
    return TermNormalization.canStartTerm(first.key) && !first.verbAfterPreposition
      && (last.isAcronym || TermNormalization.canEndTerm(last.singular))
  }

  /// Multi-word terms with their C-values.
  func acceptedPhrases(in chunksPerDoc: [[[Word]]], forced: Set<String>) -> [String: Double?] {
    let maxLength = options.maximumPhraseLength
    guard maxLength >= 2 else { return [:] }
    var frequency: [String: Int] = [:]
    var words: [String: [Word]] = [:]
    for chunks in chunksPerDoc {
      for chunk in chunks where chunk.count >= 2 {
        for start in 0..<(chunk.count - 1) {
          for n in 2...min(maxLength, chunk.count - start) {
            let slice = chunk[start..<(start + n)]
            guard isCandidatePhrase(slice) else { continue }
            let key = phraseKey(slice)
            frequency[key, default: 0] += 1
            if words[key] == nil { words[key] = Array(slice) }
          }
        }
      }
    }
    // Candidates frequent enough; longer ones discount the shorter ones inside them.
    let candidates = frequency.filter { $0.value >= options.minimumPhraseFrequency }
    var nestedSum: [String: Int] = [:]
    var nestedCount: [String: Int] = [:]
    for (key, f) in candidates {
      guard let w = words[key], w.count > 2 else { continue }
      var inside: Set<String> = []
      for start in 0..<(w.count - 1) {
        for n in 2..<w.count where start + n <= w.count {
          let sub = phraseKey(w[start..<(start + n)])
          if candidates[sub] != nil { inside.insert(sub) }
        }
      }
      for sub in inside {
        nestedSum[sub, default: 0] += f
        nestedCount[sub, default: 0] += 1
      }
    }
    var accepted: [String: Double?] = [:]
    for (key, f) in candidates {
      let length = Double(key.split(separator: " ").count)
      var weight = Double(f)
      if let count = nestedCount[key], let sum = nestedSum[key] {
        weight -= Double(sum) / Double(count)
      }
      let cValue = log2(length) * weight
      if cValue >= options.minimumCValue { accepted[key] = cValue }
    }
    for key in forced where accepted[key] == nil { accepted[key] = .some(nil) }
    return accepted
  }

  /// The key a thesaurus label stands for, folded like a term; `names` are the corpus's
  /// "a of b" names (``ofNames(in:)``), glued as in the text.
  func termKey(ofLabel label: String, vocabulary: Set<String>, names: [String: String] = [:]) -> String? {
    let tokens = TermTokenizer.segments(of: label).flatMap {
      join(Self.joinNames($0, names), vocabulary: vocabulary)
    }
    guard let last = tokens.last else { return nil }
    let words =
      tokens.dropLast().map(\.key)
      + [last.singular]
    return words.joined(separator: " ")
  }

  /// Among spellings seen equally often, the hyphenated one, then the first in
  /// code-point order (so output does not depend on hashing).
  func preferredSpelling(_ a: String, _ b: String) -> Bool {
    let ha = a.contains("-")
    let hb = b.contains("-")
    if ha != hb { return ha }
    return a < b
  }

  /// A glued word that splits into a known prefix and a word of the corpus is
  /// shown hyphenated ("nonconvex" → "non-convex"); the key is unchanged.
  func displayLabel(_ label: String, _ vocabulary: Set<String>) -> String {
    label.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
      let w = String(word)
      guard w == w.lowercased(), !w.contains("-") else { return w }
      for prefix in TermNormalization.displayPrefixes where w.hasPrefix(prefix) {
        let rest = String(w.dropFirst(prefix.count))
        if rest.count >= 4, vocabulary.contains(TermNormalization.singular(rest)) {
          return prefix + "-" + rest
        }
      }
      return w
    }.joined(separator: " ")
  }
}

/// Counts for one term while extracting.
struct TermStats {
  var wordCount: Int
  var cValue: Double?
  var documents: Set<Int> = []
  var frequency = 0
  var surfaces: [String: Int] = [:]
  var fixedLabel: String?

  init(wordCount: Int, cValue: Double?) {
    self.wordCount = wordCount
    self.cValue = cValue
  }

  mutating func add(document: Int, surface: String) {
    documents.insert(document)
    frequency += 1
    surfaces[surface, default: 0] += 1
  }

  mutating func absorb(_ other: TermStats) {
    documents.formUnion(other.documents)
    frequency += other.frequency
    for (s, c) in other.surfaces { surfaces[s, default: 0] += c }
    if fixedLabel == nil { fixedLabel = other.fixedLabel }
    cValue = nil
    wordCount = max(wordCount, other.wordCount)
  }
}
