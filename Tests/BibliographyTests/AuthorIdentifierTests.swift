import Foundation
import Testing

@testable import Bibliography

@Suite("ORCID iDs")
struct ORCIDTests {
  // Valid iDs from ORCID's documentation ("Structure of the ORCID Identifier").
  @Test(
    "documented iDs are valid in every written form",
    arguments: [
      ("0000-0002-1825-0097", "0000-0002-1825-0097"),
      ("https://orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
      ("http://orcid.org/0000-0002-1694-233x", "0000-0002-1694-233X"),
      ("orcid:0000000218250097", "0000-0002-1825-0097"),
      (" 0000 0002 1825 0097 ", "0000-0002-1825-0097"),
    ])
  func valid(raw: String, canonical: String) {
    #expect(ORCID.validate(raw) == .valid(canonical))
    #expect(ORCID.normalized(raw) == canonical)
  }

  @Test("one changed digit breaks the checksum, and the right check character is named")
  func checksum() {
    #expect(ORCID.validate("0000-0002-1825-0098") == .wrongCheckCharacter(expected: "7"))
    #expect(ORCID.validate("0000-0002-1694-2330") == .wrongCheckCharacter(expected: "X"))
  }

  @Test(
    "wrong shapes are malformed",
    arguments: [
      "", "None", "0000-0002-1825", "0000-0002-1825-00977", "X000-0002-1825-0097",
      "0000-0002-1825-009Y",
    ])
  func malformed(raw: String) {
    #expect(ORCID.validate(raw) == .malformed)
  }
}

@Suite("Author identifiers in the readers")
struct AuthorIdentifierReaderTests {
  @Test("CSL-JSON: an author's ORCID is kept; an invalid one is a diagnostic at the item")
  func cslJSON() throws {
    let text = """
      [
        {"type": "article-journal", "title": "One", "issued": {"date-parts": [[2020]]},
         "container-title": "J",
         "author": [{"family": "Lei", "given": "Qi", "ORCID": "http://orcid.org/0000-0002-1825-0097"},
                    {"family": "Roe", "given": "Jo"}]},
        {"type": "article-journal", "title": "Two", "issued": {"date-parts": [[2021]]},
         "author": [{"family": "Doe", "given": "Jane", "ORCID": "0000-0002-1825-0098"}]}
      ]
      """
    let document = CSLJSONReader().parse(text, file: "c.json")
    try #require(document.publications.count == 2)
    let first = document.publications[0]
    #expect(first.authorIdentifiers.count == first.authors.count)
    #expect(first.identifiers(ofAuthorAt: 0)?.orcid == "0000-0002-1825-0097")
    #expect(first.identifiers(ofAuthorAt: 1) == nil)
    #expect(document.publications[1].authorIdentifiers.isEmpty)
    let problem = try #require(document.diagnostics.first { $0.message.contains("ORCID") })
    #expect(problem.location.file == "c.json")
    #expect(problem.location.line == 6)
    #expect(problem.message.contains("'Jane Doe'"))
    #expect(problem.message.contains("'7'"))
  }

  @Test("OpenAlex JSON: ORCID and author id from each authorship")
  func openAlexJSON() throws {
    let text = """
      {"results": [
        {"id": "https://openalex.org/W1", "title": "Graphs", "publication_year": 2021,
         "authorships": [
           {"author": {"id": "https://openalex.org/A5074473734", "display_name": "Naveen Donthu",
                       "orcid": "https://orcid.org/0000-0002-8525-3159"}},
           {"author": {"id": "https://openalex.org/A5045594204", "display_name": "Weng Marc Lim",
                       "orcid": null}}]}
      ]}
      """
    let document = OpenAlexReader().parse(text, file: "o.json")
    let p = try #require(document.publications.first)
    #expect(
      p.identifiers(ofAuthorAt: 0)
        == AuthorIdentifiers(orcid: "0000-0002-8525-3159", openAlexID: "A5074473734"))
    #expect(p.identifiers(ofAuthorAt: 1) == AuthorIdentifiers(openAlexID: "A5045594204"))
    #expect(document.diagnostics.isEmpty)
  }

  @Test("OpenAlex CSV: the '|' columns stay parallel when a name is empty; 'None' is no ORCID")
  func openAlexCSV() throws {
    let text = """
      id,title,publication_year,authorships.author.id,authorships.author.display_name,authorships.author.orcid
      https://openalex.org/W1,Graphs,2021,https://openalex.org/A1|https://openalex.org/A2|https://openalex.org/A3,Ann Bee| |Cy Dee,https://orcid.org/0000-0002-1825-0097|None|None
      https://openalex.org/W2,Trees,2022,https://openalex.org/A4,Ed Eff,https://orcid.org/0000-0002-1825-0090
      """
    let document = OpenAlexReader().parse(text, file: "o.csv")
    try #require(document.publications.count == 2)
    let p = document.publications[0]
    #expect(p.authors == ["Ann Bee", "Cy Dee"])
    #expect(
      p.authorIdentifiers == [
        AuthorIdentifiers(orcid: "0000-0002-1825-0097", openAlexID: "A1"),
        AuthorIdentifiers(openAlexID: "A3"),
      ])
    #expect(
      document.publications[1].identifiers(ofAuthorAt: 0) == AuthorIdentifiers(openAlexID: "A4"))
    let problem = try #require(document.diagnostics.first)
    #expect(problem.location.line == 3)
    #expect(problem.message.contains("checksum"))
  }

  @Test("Scopus CSV: 'Author(s) ID' gives each author's Scopus id")
  func scopus() throws {
    let text = """
      "Authors","Author full names","Author(s) ID","Title","Year","Source title","EID"
      "Tang B.; Caffo B.","Tang, Bohao (57221339990); Caffo, Brian (35069047000)","57221339990;35069047000;","T","2024","J","e1"
      "Tang B.; Caffo B.","Tang, Bohao (1); Caffo, Brian (2)","9","T2","2024","J","e2"
      """
    let document = ScopusCSVReader().parse(text, file: "s.csv")
    try #require(document.publications.count == 2)
    #expect(
      document.publications[0].authorIdentifiers.map(\.scopusID) == ["57221339990", "35069047000"])
    // A column that does not line up is reported; the ids in the full names are used.
    #expect(document.publications[1].authorIdentifiers.map(\.scopusID) == ["1", "2"])
    #expect(document.diagnostics.map(\.location.line) == [3])
  }

  @Test("Web of Science: OI and RI map names to ORCID and ResearcherID; problems at the tag's line")
  func wos() throws {
    let text = """
      FN Clarivate Analytics Web of Science
      VR 1.0
      PT J
      AU Lang, XN
         Li, L
         Feng, X
      AF Lang, Xiaona
         Li, Lu
         Feng, Xin
      TI A title
      RI Li, Lu/AAA-1034-2022; Feng,
         Xin/B-2425-2008
      OI LANG, XIAONA/0009-0002-7037-4406; Nobody, Here/0000-0002-1825-0097; Li,
         Lu/0000-0002-1825-0098
      PY 2024
      ER
      """
    let document = WoSReader().parse(text, file: "w.txt")
    let p = try #require(document.publications.first)
    #expect(p.authors == ["Xiaona Lang", "Lu Li", "Xin Feng"])
    #expect(
      p.authorIdentifiers == [
        AuthorIdentifiers(orcid: "0009-0002-7037-4406"),
        AuthorIdentifiers(researcherID: "AAA-1034-2022"),
        AuthorIdentifiers(researcherID: "B-2425-2008"),
      ])
    // Nobody is not an author; Li's ORCID fails its checksum: both reported at OI (line 13).
    #expect(document.diagnostics.count == 2)
    #expect(
      document.diagnostics.allSatisfy { $0.location.line == 13 && $0.location.file == "w.txt" })
    #expect(document.diagnostics.contains { $0.message.contains("'Nobody, Here'") })
    #expect(document.diagnostics.contains { $0.message.contains("checksum") })
  }

  @Test("BibTeX: 'orcid' one per author in order, WoS 'ORCID-Numbers' by name")
  func bibtex() throws {
    let text = """
      @article{a,
        author = {Lei, Qi and Roe, Jo and Doe, Jane},
        orcid = {0000-0002-1825-0097 and and https://orcid.org/0000-0001-5109-3700},
        title = {One}, year = 2020}
      @article{b,
        author = {Lang, Xiaona and Li, Lu},
        ORCID-Numbers = {Li, Lu/0000-0002-1694-233X},
        ResearcherID-Numbers = {Lang, Xiaona/AAA-1034-2022},
        title = {Two}, year = 2021}
      @article{c,
        author = {Ann Bee and Cy Dee},
        orcid = {0000-0002-1825-0097},
        title = {Three}, year = 2022}
      """
    let document = BibTeXReader().parse(text, file: "r.bib")
    try #require(document.publications.count == 3)
    #expect(
      document.publications[0].authorIdentifiers.map(\.orcid) == [
        "0000-0002-1825-0097", nil, "0000-0001-5109-3700",
      ])
    #expect(
      document.publications[1].authorIdentifiers == [
        AuthorIdentifiers(researcherID: "AAA-1034-2022"),
        AuthorIdentifiers(orcid: "0000-0002-1694-233X"),
      ])
    // One iD for two authors cannot be placed: reported at the entry, nothing guessed.
    #expect(document.publications[2].authorIdentifiers.isEmpty)
    #expect(document.diagnostics.map(\.location.line) == [10])
  }
}

/// Counts from `python3 Tests/Interop/identifier_counts.py ../shared/datasets/corpora/biblium`:
///
///     openalex: works 613 valid-orcids 1225 distinct 788 invalid 0 author-ids 1596
///     scopus: rows 200 author-ids 754
///     wos: records 500 distinct-ORCIDs-per-record 670 valid 670 distinct-ResearcherIDs-per-record 747
@Suite("Author identifiers in the biblium samples")
struct AuthorIdentifierDatasetTests {
  @Test("OpenAlex CSV: every ORCID and author id is read")
  func openAlex() throws {
    let decoded = try ReaderDatasets.text("corpora/biblium/openalex_dataset.csv.gz")
    let document = OpenAlexReader().parse(decoded.text, file: "openalex_dataset.csv")
    let all = document.publications.flatMap(\.authorIdentifiers)
    #expect(all.compactMap(\.orcid).count == 1225)
    #expect(Set(all.compactMap(\.orcid)).count == 788)
    #expect(all.compactMap(\.openAlexID).count == 1596)
    #expect(!document.diagnostics.contains { $0.message.contains("ORCID") })
    for p in document.publications where !p.authorIdentifiers.isEmpty {
      #expect(p.authorIdentifiers.count == p.authors.count)
    }
  }

  @Test("Scopus CSV: every author id is read, parallel to the authors")
  func scopus() throws {
    let decoded = try ReaderDatasets.text("corpora/biblium/scopus_dataset.csv.gz")
    let document = ScopusCSVReader().parse(decoded.text, file: "scopus_dataset.csv")
    #expect(document.publications.flatMap(\.authorIdentifiers).compactMap(\.scopusID).count == 754)
    #expect(!document.diagnostics.contains { $0.message.contains("Author(s) ID") })
  }

  @Test("WoS: every ORCID and ResearcherID of a record is placed on an author or reported")
  func wos() throws {
    let decoded = try ReaderDatasets.text("corpora/biblium/wos_dataset.txt.gz")
    let document = WoSReader().parse(decoded.text, file: "wos_dataset.txt")
    let records = document.publications
    // Each diagnostic belongs to the record it falls in (records start at their PT line).
    var mentioned = Array(repeating: Set<String>(), count: records.count)
    let ids = try Regex(#"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]|[A-Z]{1,4}-[0-9]{4}-[0-9]{4}"#)
    for diagnostic in document.diagnostics {
      guard let record = records.lastIndex(where: { $0.location.line <= diagnostic.location.line })
      else { continue }
      for match in diagnostic.message.matches(of: ids) { mentioned[record].insert(String(match.0)) }
    }
    var orcids = 0
    var researcherIDs = 0
    var placed = 0
    for (index, publication) in records.enumerated() {
      let placedORCIDs = Set(publication.authorIdentifiers.compactMap(\.orcid))
      let placedRIDs = Set(publication.authorIdentifiers.compactMap(\.researcherID))
      placed += placedORCIDs.count
      orcids +=
        placedORCIDs.union(mentioned[index].filter { $0.count == 19 && $0.first?.isNumber == true })
        .count
      researcherIDs +=
        placedRIDs.union(mentioned[index].filter { $0.first?.isLetter == true }).count
    }
    #expect(orcids == 670)
    #expect(researcherIDs == 747)
    // Most ORCIDs find their author; the rest are names WoS spells differently in OI
    // (this sample lost "dr" in OI/RI names: "Anea" for "Andrea").
    #expect(placed > 540, "\(placed)")
  }
}
