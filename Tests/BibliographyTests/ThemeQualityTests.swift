import Foundation
import Testing

@testable import Bibliography

/// Whether the topic terms are ones people recognise, measured against the WoS sample's
/// own keywords (`DE` author keywords, `ID` Keywords Plus): the share of the first 60
/// terms that are keywords of the corpus, and how many of the 40 most frequent author
/// keywords are terms. `Benchmarks/themes.sh` prints the same numbers.
@Suite("Theme quality on the WoS sample")
struct ThemeQualityTests {
  struct Measure {
    var precision60: Double
    var recall40All: Double
    var recall40In60: Double
    var first: [String]
    var notKeywords: [String]
  }

  /// Keys compared without spaces, so "Web of Science" (one glued word) meets its keyword.
  static func glued(_ key: String) -> String { key.replacingOccurrences(of: " ", with: "") }

  /// Every keyword field of every record: `DE` and `ID` values, split on ";".
  static func keywordFields(_ text: String) -> (de: [[String]], id: [[String]]) {
    var de: [[String]] = []
    var id: [[String]] = []
    var tag = ""
    var current: [String: String] = [:]
    // "\r\n" is one Character: split on scalars.
    for line in text.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let l = String(String.UnicodeScalarView(line))
      if l.hasPrefix("ER") {
        de.append(split(current["DE"])); id.append(split(current["ID"]))
        current = [:]
        continue
      }
      if l.count >= 3, !l.hasPrefix("  ") {
        tag = String(l.prefix(2))
        current[tag] = String(l.dropFirst(3))
      } else if l.hasPrefix("   "), !tag.isEmpty {
        current[tag, default: ""] += " " + l.trimmingCharacters(in: .whitespaces)
      }
    }
    return (de, id)
  }

  static func split(_ field: String?) -> [String] {
    (field ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  static func measure(ranking: TermRanking) throws -> Measure {
    let decoded = try ReaderDatasets.text("corpora/biblium/wos_dataset.txt.gz")
    let document = WoSReader().parse(decoded.text, file: "wos_dataset.txt")
    let documents = document.publications.map { TermDocument($0) }
    // As the run's topic network: 60 terms, at least 3 documents each (500 records).
    let extractor = TermExtractor(
      options: TermExtractionOptions(minimumOccurrences: 3, maximumTermCount: 60, ranking: ranking))
    let extraction = extractor.extract(from: documents)
    let everything = TermExtractor(
      options: TermExtractionOptions(minimumOccurrences: 3, ranking: ranking)
    ).extract(from: documents)
    let fold = { (label: String) in
      glued(extractor.termKey(ofLabel: label, vocabulary: []) ?? label.lowercased())
    }
    let fields = keywordFields(decoded.text)
    var keywords: Set<String> = []
    var authorCounts: [String: Int] = [:]
    for (de, id) in zip(fields.de, fields.id) {
      for k in Set(de.map(fold)) {
        keywords.insert(k)
        authorCounts[k, default: 0] += 1
      }
      for k in id { keywords.insert(fold(k)) }
    }
    let first = extraction.terms.prefix(60)
    let precision = Double(first.filter { keywords.contains(glued($0.key)) }.count) / Double(max(first.count, 1))
    let top40 = authorCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(40).map(\.key)
    let all = Set(everything.terms.map { glued($0.key) })
    let in60 = Set(first.map { glued($0.key) })
    return Measure(
      precision60: precision,
      recall40All: Double(top40.filter(all.contains).count) / Double(max(top40.count, 1)),
      recall40In60: Double(top40.filter(in60.contains).count) / Double(max(top40.count, 1)),
      first: first.map(\.label),
      notKeywords: first.filter { !keywords.contains(glued($0.key)) }.map(\.label))
  }

  /// Before this change (TF-IDF ranking, names split at "of", no generic-word additions):
  /// keyword share of the first 60 terms 0.833; recall of the 40 most frequent author
  /// keywords 0.950 among all terms, 0.450 among the first 60.
  @Test("the first 60 terms are the corpus's keywords; the top author keywords are terms")
  func keywordsLead() throws {
    let m = try Self.measure(ranking: .relevance)
    if ProcessInfo.processInfo.environment["THEMES_PRINT"] != nil {
      let vos = try Self.measure(ranking: .cooccurrence)
      for (name, x) in [("tf-idf (the run's ranking)", m), ("VOSviewer co-occurrence selection", vos)] {
        print(
          "themes: \(name): keyword share of the first 60 terms \(String(format: "%.3f", x.precision60)); recall of the 40 most frequent author keywords: \(String(format: "%.3f", x.recall40All)) among all terms, \(String(format: "%.3f", x.recall40In60)) among the first 60")
        print("themes: \(name): first 60: \(x.first.joined(separator: ", "))")
        print("themes: \(name): not keywords: \(x.notKeywords.joined(separator: ", "))")
      }
    }
    // Before the abbreviation merge and "evaluation"/"correlation" as generic nouns:
    // 0.933, 0.950, 0.475. Now 0.967, 0.950 and 0.525 (the VOSviewer selection: 0.650,
    // 0.950, 0.325); the two terms left that are not keywords are real topics
    // ("AAS", the Altmetric Attention Score, and "BIR", Bibliometric-enhanced Information
    // Retrieval, labelled as the corpus writes them more often).
    #expect(m.precision60 >= 0.95, "\(m.notKeywords)")
    #expect(m.recall40All >= 0.95)
    #expect(m.recall40In60 >= 0.5)
  }

  @Test("a name with an inner 'of' stays whole; a line-break hyphen is not the label")
  func namesAndHyphens() {
    let texts = [
      "We searched the Web of Science database for bibliometric records.",
      "Records from the Web of Science database were screened by research teams.",
      "This re-search uses the Web of Science. Research methods vary.",
      "Research design matters.",
    ]
    let extraction = TermExtractor(options: TermExtractionOptions(minimumOccurrences: 2))
      .extract(from: texts.map { TermDocument(text: $0) })
    let labels = extraction.terms.map(\.label)
    #expect(labels.contains { $0.hasPrefix("Web of Science") }, "\(labels)")
    #expect(labels.contains("research"), "\(labels)")
    #expect(!labels.contains("re-search"))
    #expect(!labels.contains("web") && !labels.contains("Web") && !labels.contains("science"))
  }
}
