import Testing

@testable import Bibliography

@Suite("Merging author identifiers of two copies of one paper")
struct PublicationAuthorIdentifierMergeTests {
  static let a = "0000-0002-1825-0097"
  static let b = "0000-0001-5109-3700"
  let here = InputLocation(file: "a.bib", line: 1)
  let there = InputLocation(file: "b.json", line: 4)

  @Test("same length and agreeing names: identifiers are added by position")
  func byPosition() {
    var kept = Publication(title: "T", authors: ["Q. Lei", "J. D. Lee"], location: here)
    let other = Publication(
      title: "T", authors: ["Qi Lei", "Jason D. Lee"],
      authorIdentifiers: [AuthorIdentifiers(orcid: Self.a), AuthorIdentifiers(scopusID: "7")],
      location: there)
    let issues = kept.mergeAuthorIdentifiers(from: other)
    #expect(issues.isEmpty)
    #expect(
      kept.authorIdentifiers == [AuthorIdentifiers(orcid: Self.a), AuthorIdentifiers(scopusID: "7")])
  }

  @Test("different order or length: identifiers follow the matching name")
  func byName() {
    var kept = Publication(title: "T", authors: ["Jason Lee", "Qi Lei", "Ann Bee"], location: here)
    let other = Publication(
      title: "T", authors: ["Lei, Qi", "Lee, J."],
      authorIdentifiers: [AuthorIdentifiers(orcid: Self.a), AuthorIdentifiers(orcid: Self.b)],
      location: there)
    #expect(kept.mergeAuthorIdentifiers(from: other).isEmpty)
    #expect(kept.authorIdentifiers.map(\.orcid) == [Self.b, Self.a, nil])
  }

  @Test("a different value is never overwritten: it is reported as a conflict")
  func conflict() throws {
    var kept = Publication(
      title: "T", authors: ["Qi Lei", "Ann Bee"],
      authorIdentifiers: [AuthorIdentifiers(orcid: Self.a), AuthorIdentifiers()], location: here)
    let other = Publication(
      title: "T", authors: ["Qi Lei", "Ann Bee"],
      authorIdentifiers: [
        AuthorIdentifiers(orcid: Self.b, openAlexID: "A1"), AuthorIdentifiers(openAlexID: "A2"),
      ],
      location: there)
    let issues = kept.mergeAuthorIdentifiers(from: other)
    #expect(
      issues == [.conflict(author: "Qi Lei", system: .orcid, kept: Self.a, other: Self.b)])
    #expect(
      kept.authorIdentifiers == [
        AuthorIdentifiers(orcid: Self.a, openAlexID: "A1"), AuthorIdentifiers(openAlexID: "A2"),
      ])
    let message = try #require(issues.first).description
    #expect(message.contains(Self.a) && message.contains(Self.b) && message.contains("'Qi Lei'"))
  }

  @Test("a name that fits no author, or two, places nothing and says so")
  func unplaced() {
    var kept = Publication(title: "T", authors: ["Wei Zhang", "Wei Zhang", "Qi Lei"], location: here)
    let other = Publication(
      title: "T", authors: ["Zhang, Wei", "Roe, Jo"],
      authorIdentifiers: [AuthorIdentifiers(orcid: Self.a), AuthorIdentifiers(orcid: Self.b)],
      location: there)
    let issues = kept.mergeAuthorIdentifiers(from: other)
    #expect(issues.count == 2)
    #expect(issues.allSatisfy { if case .unplaced = $0 { true } else { false } })
    #expect(kept.authorIdentifiers.isEmpty)
  }

  @Test("an iD another author of the kept record holds is not given twice")
  func heldByCoauthor() {
    var kept = Publication(
      title: "T", authors: ["Qi Lei", "Ann Bee"],
      authorIdentifiers: [AuthorIdentifiers(orcid: Self.a), AuthorIdentifiers()], location: here)
    let other = Publication(
      title: "T", authors: ["Ann Bee"], authorIdentifiers: [AuthorIdentifiers(orcid: Self.a)],
      location: there)
    let issues = kept.mergeAuthorIdentifiers(from: other)
    #expect(
      issues == [.heldByCoauthor(author: "Ann Bee", system: .orcid, value: Self.a, holder: "Qi Lei")])
    #expect(kept.authorIdentifiers.map(\.orcid) == [Self.a, nil])
  }

  @Test("names that disagree at one position are matched by name, not by position")
  func positionNeedsAgreement() {
    var kept = Publication(title: "T", authors: ["Ann Bee", "Qi Lei"], location: here)
    let other = Publication(
      title: "T", authors: ["Qi Lei", "Ann Bee"],
      authorIdentifiers: [AuthorIdentifiers(orcid: Self.a), AuthorIdentifiers()], location: there)
    #expect(kept.mergeAuthorIdentifiers(from: other).isEmpty)
    #expect(kept.authorIdentifiers.map(\.orcid) == [nil, Self.a])
  }
}
