import Testing

@testable import Bibliography

/// Abbreviation definitions (Schwartz & Hearst 2003) and their merge into the long form.
@Suite("Abbreviations defined in the text")
struct AbbreviationTests {
  @Test("long forms are found right to left from the short form's letters")
  func definitions() {
    let cases: [(String, [Abbreviations.Definition])] = [
      // The algorithm paper's own kind of example, and this corpus's.
      ("the heat shock transcription factor (HSF) binds", [.init(short: "HSF", long: "heat shock transcription factor")]),
      ("We use the Altmetric Attention Score (AAS) of each paper.", [.init(short: "AAS", long: "Altmetric Attention Score")]),
      ("records of the Web of Science (WoS) and Scopus", [.init(short: "WoS", long: "Web of Science")]),
      // Letters inside words count after the first ("Bibliometric-enhanced").
      ("Bibliometric-enhanced Information Retrieval (BIR) workshops", [.init(short: "BIR", long: "Bibliometric-enhanced Information Retrieval")]),
      ("work on artificial intelligence (AI) and on natural language processing (NLP).", [
        .init(short: "AI", long: "artificial intelligence"), .init(short: "NLP", long: "natural language processing"),
      ]),
    ]
    for (text, expected) in cases {
      #expect(Abbreviations.definitions(in: text) == expected, "\(text)")
    }
  }

  @Test("not definitions: no match, one-word long forms, a sentence boundary, no capitals, citations")
  func rejections() {
    for text in [
      "the results (RQ) differ",  // no "r … q" word sequence
      "Scopus (SC) data",  // the long form would be one word
      "data were collected (2019) from surveys",
      "as in earlier work (see) and",
      "a model (Smith) was used",  // one capital: a name, not an abbreviation
    ] {
      #expect(Abbreviations.definitions(in: text).isEmpty, "\(text)")
    }
    // The window stops at the sentence boundary: "shown" is not part of the long form.
    #expect(
      Abbreviations.definitions(in: "as shown. Support Vector (SV) machines")
        == [.init(short: "SV", long: "Support Vector")])
  }

  @Test("the most frequent long form of a short form wins; the term extractor merges them under the commoner spelling")
  func merge() {
    let documents = [
      "We study the Altmetric Attention Score (AAS) of papers in bibliometrics.",
      "The AAS of a paper grows with news coverage in bibliometrics.",
      "Papers with a high AAS are cited more often in bibliometrics.",
      "Altmetric Attention Score values differ between fields of bibliometrics.",
    ].map { TermDocument(text: $0) }
    #expect(Abbreviations.corpusLongForms(documents) == [.init(short: "AAS", long: "Altmetric Attention Score")])
    let merged = TermExtractor(options: TermExtractionOptions(minimumOccurrences: 2)).extract(from: documents)
    // One term in all four documents, labelled as the corpus writes it more often:
    // "AAS" three times, the long form twice.
    let term = merged.terms.first { $0.label == "AAS" }
    #expect(term?.occurrences == 4)
    #expect(term?.key == "altmetric attention score")
    #expect(!merged.terms.contains { $0.label == "Altmetric Attention Score" })
    let longer = TermExtractor(options: TermExtractionOptions(minimumOccurrences: 2)).extract(
      from: documents + [
        "The Altmetric Attention Score is a weighted count in bibliometrics.",
        "We regress the Altmetric Attention Score on citations in bibliometrics.",
      ].map { TermDocument(text: $0) })
    #expect(longer.terms.first { $0.key == "altmetric attention score" }?.label == "Altmetric Attention Score")
    var options = TermExtractionOptions(minimumOccurrences: 2)
    options.mergeAbbreviations = false
    let apart = TermExtractor(options: options).extract(from: documents)
    #expect(apart.terms.contains { $0.label == "AAS" })
  }
}
