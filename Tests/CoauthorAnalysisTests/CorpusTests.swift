import Bibliography
import Foundation
import Testing

@testable import CoauthorAnalysis

@Suite("Corpus assembly")
struct CorpusTests {
  func location(_ line: Int) -> InputLocation { InputLocation(file: "t.bib", line: line) }

  func document(_ publications: [Publication], owner: String? = nil) -> SourceDocument {
    SourceDocument(file: "t.bib", format: .bibtex, owner: owner, publications: publications)
  }

  @Test("the same paper listed twice counts once, by DOI or by title and year")
  func deduplication() {
    let a = Publication(
      title: "Gradient Coding", authors: ["A B", "C D"], year: 2017, location: location(1))
    let b = Publication(
      title: "Gradient  coding!", authors: ["C D", "A B"], year: 2017, location: location(9))
    let c = Publication(
      title: "Other", authors: ["A B"], year: 2017, doi: "10.1/X", location: location(20))
    let d = Publication(
      title: "Other (preprint)", authors: ["A B"], year: 2016, doi: "10.1/x", location: location(30)
    )
    let corpus = Corpus.assemble([document([a, b, c, d])])
    #expect(corpus.papers.count == 2)
    #expect(corpus.paperMerges.count == 2)
    #expect(corpus.paperMerges[0].reason.hasPrefix("same title, 2 of 2 authors shared"))
    #expect(corpus.paperMerges[1].reason == "same DOI")
    #expect(corpus.papers[0].listings == [location(1), location(9)])
  }

  @Test("a year window keeps dated papers inside it and renumbers people")
  func yearWindow() {
    let papers = [
      Publication(title: "Old", authors: ["A B", "Old Friend"], year: 2010, location: location(1)),
      Publication(title: "New", authors: ["A B", "New Friend"], year: 2022, location: location(2)),
      Publication(title: "Undated", authors: ["A B", "Someone"], location: location(3)),
    ]
    let corpus = Corpus.assemble([document(papers, owner: "A B")])
    let recent = corpus.restricted(from: 2020, to: nil)
    #expect(recent.papers.map(\.publication.title) == ["New"])
    #expect(Set(recent.people) == ["A B", "New Friend"])
    #expect(recent.owners.map { recent.people[$0] } == ["A B"])
  }

  @Test("NSF COA table: coauthors of the last 48 months with their latest year")
  func collaborators() throws {
    let papers = [
      Publication(title: "P1", authors: ["Ann Lee", "Bo Chen"], year: 2019, location: location(1)),
      Publication(
        title: "P2", authors: ["Ann Lee", "Bo Chen", "Cy Dee"], year: 2023, location: location(2)),
      Publication(title: "P3", authors: ["Ann Lee", "Cy Dee"], year: 2024, location: location(3)),
      Publication(title: "P4", authors: ["Ann Lee", "Di Eve"], year: 2021, location: location(4)),
      Publication(title: "P5", authors: ["Ann Lee", "Ed Fox"], location: location(5)),
    ]
    let corpus = Corpus.assemble([document(papers)])
    let ann = try #require(corpus.person(named: "ann lee"))
    let table = CollaboratorsTable.make(corpus: corpus, person: ann, months: 48, asOf: 2024)
    #expect(table.fromYear == 2020)
    #expect(table.rows.map(\.name) == ["Bo Chen", "Cy Dee", "Di Eve"])
    #expect(table.rows.map(\.lastActive) == [2023, 2024, 2021])
    #expect(table.rows.map(\.jointWorks) == [1, 2, 1])
    #expect(table.undatedPapers == 1)
  }
}

@Suite("Corpus assembly with odd names")
struct CorpusOddNameTests {
  @Test("an author name with no letters is reported, not a crash, and the rest is kept")
  func emptyName() {
    let p = Publication(
      title: "T", authors: ["Ann Lee", "**", "*"], year: 2020,
      location: InputLocation(file: "x.txt", line: 4))
    let corpus = Corpus.assemble([SourceDocument(file: "x.txt", format: .cvText, publications: [p])]
    )
    #expect(corpus.papers.count == 1)
    #expect(corpus.papers[0].authors.count == 1)
    #expect(corpus.diagnostics.count == 2)
    #expect(corpus.diagnostics.allSatisfy { $0.location.line == 4 })
  }
}

@Suite("Preprint and published version")
struct PreprintMergeTests {
  func at(_ line: Int) -> InputLocation { InputLocation(file: "a.bib", line: line) }

  @Test("a preprint and its published version are one paper; the published one is kept")
  func preprint() {
    let arxiv = Publication(
      title: "Sample Efficient Neural Function Approximation", authors: ["B. Huang", "J. D. Lee"],
      year: 2021, kind: .preprint, arxivID: "2107.04518", location: at(1))
    let published = Publication(
      title: "Sample efficient neural function approximation",
      authors: ["Baihe Huang", "Jason D. Lee", "Qi Lei"],
      year: 2022, venue: "NeurIPS", kind: .conference, location: at(10))
    let other = Publication(
      title: "Sample Efficient Neural Function Approximation", authors: ["Someone Else"],
      year: 2022, location: at(20))
    let corpus = Corpus.assemble([
      SourceDocument(file: "a.bib", format: .bibtex, publications: [arxiv, published, other])
    ])
    #expect(corpus.papers.count == 2, "same title but no shared author is another work")
    #expect(corpus.papers[0].publication.kind == .conference)
    #expect(corpus.papers[0].publication.arxivID == "2107.04518")
    #expect(corpus.papers[0].listings == [at(1), at(10)])
  }
}

@Suite("Data folders")
struct DataFolderTests {
  @Test("a file the manifest does not list is still read, not ignored")
  func unlistedFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coauthor-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try #"{"sources": [{"file": "a.bib", "owner": "Ann Lee"}]}"#
      .write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    try
      "@article{a, author = {Lee, Ann and Chen, Bo}, title = {Listed Paper Title}, year = {2020}}\n"
      .write(to: folder.appendingPathComponent("a.bib"), atomically: true, encoding: .utf8)
    try
      "@article{b, author = {Lee, Ann and Dee, Cy}, title = {Unlisted Paper Title}, year = {2021}}\n"
      .write(to: folder.appendingPathComponent("b.bib"), atomically: true, encoding: .utf8)
    let corpus = try Corpus.load(dataDirectory: folder.path)
    #expect(
      Set(corpus.papers.map(\.publication.title)) == ["Listed Paper Title", "Unlisted Paper Title"])
    #expect(corpus.documents.count == 2)
  }

  @Test(
    "folders inside a data folder are read: an OpenAlex snapshot's updated_date=… part files, a link loop once"
  )
  func nestedFolders() throws {
    // The snapshot layout: data/works/updated_date=YYYY-MM-DD/part_NNN.gz. The part is
    // spark/tests/fixtures/openalex-sample.jsonl.gz (613 real works, see its README).
    let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "spark/tests/fixtures/openalex-sample.jsonl.gz")
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coauthor-snapshot-\(UUID().uuidString)")
    let part = root.appendingPathComponent("data/works/updated_date=2026-01-01")
    try FileManager.default.createDirectory(at: part, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.copyItem(at: sample, to: part.appendingPathComponent("part_000.gz"))
    try FileManager.default.createSymbolicLink(
      at: part.appendingPathComponent("back-up"),
      withDestinationURL: root.appendingPathComponent("data"))
    let read = try Inputs.read(InputRequest(paths: [root.path]))
    #expect(read.documents.map(\.publications.count) == [613])
    #expect(read.documents.first?.format == .openAlex)
    #expect(read.diagnostics.filter { $0.severity == .error }.isEmpty)
  }
}
