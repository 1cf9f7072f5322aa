import Foundation
import Testing

@testable import Bibliography

@Suite("Web of Science tagged text")
struct WoSReaderTests {
  @Test("a record with continuation lines")
  func record() throws {
    let text = """
      FN Clarivate Analytics Web of Science
      VR 1.0
      PT J
      AU Lang, XN
         Li, L
      AF Lang, Xiaona
         Li, Lu
      TI Effect of Diabetes on Wound Healing: A Bibliometrics
         and Visual Analysis
      SO JOURNAL OF MULTIDISCIPLINARY HEALTHCARE
      DT Article
      DE diabetes; wound healing
      AB Objective: something.
      PY 2024
      DI 10.2147/JMDH.S123
      ER

      PT J
      AU Solo, A
      TI Second
      PY 2020
      EF
      """
    let document = WoSReader().parse(text, file: "w.txt")
    try #require(document.publications.count == 2)
    let p = document.publications[0]
    #expect(p.authors == ["Xiaona Lang", "Lu Li"])
    #expect(p.title == "Effect of Diabetes on Wound Healing: A Bibliometrics and Visual Analysis")
    #expect(p.venue == "JOURNAL OF MULTIDISCIPLINARY HEALTHCARE")
    #expect(p.year == 2024)
    #expect(p.doi == "10.2147/JMDH.S123")
    #expect(p.keywords == ["diabetes", "wound healing"])
    #expect(p.kind == .journal)
    #expect(p.location.line == 3)
    #expect(document.publications[1].authors == ["A Solo"])
    // The second record has no ER: reported at its PT line.
    #expect(document.diagnostics.map(\.location.line) == [18])
    #expect(WoSReader.confidence(for: text) >= 0.9)
  }

  @Test("the tab-delimited export")
  func tabDelimited() throws {
    let text =
      "PT\tAU\tAF\tTI\tSO\tDE\tPY\tDI\n"
      + "J\tLang, XN; Li, L\tLang, Xiaona; Li, Lu\tEffect\tJ MULTI\ta; b\t2024\t10.2147/X.1\n"
    #expect(WoSReader.confidence(for: text) >= 0.9)
    let document = WoSReader().parse(text, file: "w.tsv")
    try #require(document.publications.count == 1)
    #expect(document.publications[0].authors == ["Xiaona Lang", "Lu Li"])
    #expect(document.publications[0].keywords == ["a", "b"])
    #expect(document.publications[0].year == 2024)
    #expect(document.publications[0].location.line == 2)
  }

  @Test("the biblium WoS sample: 500 records, all with authors, titles and abstracts")
  func biblium() throws {
    let decoded = try ReaderDatasets.text("corpora/biblium/wos_dataset.txt.gz")
    #expect(WoSReader.confidence(for: decoded.text) >= 0.9)
    let document = WoSReader().parse(decoded.text, file: "wos_dataset.txt")
    #expect(document.publications.count == 500)
    #expect(document.publications.allSatisfy { !$0.authors.isEmpty && !$0.title.isEmpty })
    #expect(document.publications.filter { $0.abstract != nil }.count == 500)
    #expect(document.publications.filter { !$0.keywords.isEmpty }.count == 438)
    #expect(document.publications.allSatisfy { ($0.year ?? 0) >= 1992 && ($0.year ?? 0) <= 2025 })
    // The only problems are OI/RI ids whose names fit no author (AuthorIdentifierTests
    // accounts for every one of them).
    let others = document.diagnostics.filter {
      !$0.message.contains("ORCID") && !$0.message.contains("ResearcherID")
    }
    #expect(others.isEmpty, "\(others.prefix(3))")
  }
}
