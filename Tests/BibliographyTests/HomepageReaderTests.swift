import Foundation
import Testing

@testable import Bibliography

@Suite("Homepage reader")
struct HomepageReaderTests {
  static func seed() throws -> SourceDocument {
    HomepageReader(owner: "Zeyuan Allen-Zhu")
      .parse(try TestData.text("Data/allen-zhu-homepage.txt"), file: "allen-zhu-homepage.txt")
  }

  @Test("the collaborator line gives 56 collaborators whose counts sum to 128")
  func collaborators() throws {
    let document = try Self.seed()
    #expect(document.collaborators.count == 56)
    #expect(document.collaborators.reduce(0) { $0 + $1.count } == 128)
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    #expect(document.owner == "Zeyuan Allen-Zhu")
    #expect(
      document.collaborators.first
        == Collaborator(
          name: "Edward J. Hu", count: 1,
          location: InputLocation(file: "allen-zhu-homepage.txt", line: 6, column: 1)))
    #expect(document.collaborators.last?.name == "Weizhu Chen")
    #expect(document.collaborators.last?.count == 6)
    #expect(document.collaborators.allSatisfy { $0.location.line == 6 })
  }

  @Test(
    "names are read as written",
    arguments: [
      ("Yingyu Liang", 1),  // "Yingyu Liang(1)": no space before the count
      ("Zhao Song", 2),  // "Zhao Song(2)"
      ("Sébastien Bubeck", 2),  // diacritics kept
      ("Peter Richtárik", 1),
      ("Yuanzhi Li", 21),
      ("Lorenzo Orecchia", 8),
      ("David SimchiLevi", 1),
      ("Yin Tat Lee", 1),
    ])
  func collaborator(name: String, count: Int) throws {
    let matches = try Self.seed().collaborators.filter { $0.name == name }
    #expect(matches.map(\.count) == [count])
  }

  @Test(
    "54 abstracts: every non-blank line but the 5 biography lines and the collaborator line, with one split abstract joined"
  )
  func abstracts() throws {
    // Hand count: 70 lines, 9 blank → 61 paragraphs; lines 1–5 are biography, line 6 the
    // collaborator line; line 36 ("We introduce") runs into line 37 → 61 − 6 − 1 = 54.
    let abstracts = try Self.seed().abstracts
    #expect(abstracts.count == 54)
    #expect(abstracts.first?.location.line == 7)
    #expect(
      abstracts.first?.text.hasPrefix("The dominant paradigm of natural language processing")
        == true)
    #expect(abstracts.last?.location.line == 70)
    let lines = abstracts.map(\.location.line)
    #expect(!lines.contains { (1...6).contains($0) })
    #expect(!lines.contains(37))
  }

  @Test("biography lines are not abstracts")
  func biography() throws {
    let texts = try Self.seed().abstracts.map(\.text)
    for start in [
      "Last Update", "Deep Learning, Machine Learning", "In recent years, I work",
      "As part of my research", "I would love to thank", "Edward J. Hu (1)",
    ] {
      #expect(!texts.contains { $0.hasPrefix(start) }, "\(start)")
    }
  }

  @Test("a fragment that runs into the next line is joined to it")
  func fragment() throws {
    let joined = try Self.seed().abstracts.first { $0.location.line == 36 }
    #expect(
      joined?.text.hasPrefix("We introduce Unlike previous results, The main ingredient") == true)
    #expect(joined?.text.hasSuffix("give Katyusha a hug.") == true)
  }

  @Test("collaborators after an introduction on the same line; an item without a count is reported")
  func inlineList() {
    let text = """
      My wonderful collaborators: Ada Lovelace (3), Alan Turing(2), Grace Hopper, Kurt Gödel ( 1 ).

      We study the problem of reading homepages, and we show that it can be done in linear time with a simple scanner.
      """
    let document = HomepageReader().parse(text, file: "h.txt")
    #expect(document.collaborators.map(\.name) == ["Ada Lovelace", "Alan Turing", "Kurt Gödel"])
    #expect(document.collaborators.map(\.count) == [3, 2, 1])
    #expect(document.diagnostics.count == 1)
    #expect(document.diagnostics.first?.location.line == 1)
    #expect(document.diagnostics.first?.message.contains("Grace Hopper") == true)
    #expect(document.abstracts.count == 1)
    #expect(document.abstracts.first?.location.line == 3)
    #expect(document.owner == nil)
  }

  @Test("a hard-wrapped abstract is one paragraph")
  func wrapped() {
    let text = """
      We consider the fundamental problem of reading text that was wrapped
      at a fixed width, and we show that lines which end mid-sentence continue
      on the next line.
      """
    let abstracts = HomepageReader().parse(text, file: "h").abstracts
    #expect(abstracts.count == 1)
    #expect(abstracts.first?.text.hasSuffix("continue on the next line.") == true)
  }

  @Test("a collaborator list wrapped over lines is read whole")
  func wrappedList() {
    let text = """
      Ada Lovelace (3), Alan Turing (2), Grace Hopper (1),
      Kurt Gödel (4), Emmy Noether (1)

      Nothing (1) else here is a list, only a sentence that happens to hold a count in it.
      """
    let document = HomepageReader().parse(text, file: "h")
    #expect(
      document.collaborators.map(\.name) == [
        "Ada Lovelace", "Alan Turing", "Grace Hopper", "Kurt Gödel", "Emmy Noether",
      ])
    #expect(document.collaborators.map(\.location.line) == [1, 1, 1, 2, 2])
    #expect(document.abstracts.count == 1)
  }
}
