import Testing

@testable import Bibliography

@Suite("Scopus and OpenAlex author ids in name resolution")
struct PersonResolverSourceIDTests {
  static let orcidA = "0000-0002-1825-0097"
  static let orcidB = "0000-0001-5109-3700"
  let resolver = PersonResolver()

  func scopus(_ ids: String?...) -> [AuthorIdentifiers] { ids.map { AuthorIdentifiers(scopusID: $0) } }
  func openAlex(_ ids: String?...) -> [AuthorIdentifiers] {
    ids.map { AuthorIdentifiers(openAlexID: $0) }
  }

  @Test("the same Scopus id joins name forms no name rule would join, and says why")
  func sameScopusID() throws {
    // "Tang Bohao" reads as given "Tang": no name rule joins it to "Bohao Tang".
    let resolution = resolver.resolve(
      [["Bohao Tang", "Ann Bee"], ["Tang Bohao"]], identifiers: [scopus("57221339990", nil), scopus("57221339990")])
    #expect(resolution.people.count == 2)
    let id = try #require(resolution.lookup("Bohao Tang", identifiers: AuthorIdentifiers(scopusID: "57221339990")))
    #expect(resolution.lookup("Tang Bohao", identifiers: AuthorIdentifiers(scopusID: "57221339990")) == id)
    #expect(resolution.people[id].scopusIDs == ["57221339990"])
    let merge = try #require(resolution.merges.first)
    #expect(merge.reason == .sameScopusID)
    #expect(merge.reason.rawValue == "same-scopus-id")
    #expect(merge.description.contains("same Scopus author id"))
  }

  @Test("the same OpenAlex id joins name forms; it is listed as the reason over a name rule")
  func sameOpenAlexID() throws {
    let resolution = resolver.resolve(
      [["Naveen Donthu"], ["N. Donthu"], ["Donthu Naveen"]],
      identifiers: [openAlex("A5074473734"), openAlex("A5074473734"), openAlex("A5074473734")])
    #expect(resolution.people.count == 1)
    #expect(resolution.people[0].openAlexIDs == ["A5074473734"])
    #expect(resolution.merges.map(\.reason) == [.sameOpenAlexID, .sameOpenAlexID])
    #expect(NameMerge.Reason(rawValue: "same-openalex-id") == .sameOpenAlexID)
  }

  @Test("two different ids of one system veto the spelling rule, as two ORCIDs do")
  func differentIDsVetoSpelling() throws {
    for ids in [scopus("1", "2", nil), openAlex("A1", "A2", nil)] {
      let resolution = resolver.resolve(
        [["Wei Zhang"], ["Wei Zhang"], ["Wei Zhang"]], identifiers: ids.map { [$0] })
      // Two id holders and the name without an id, which fits both and is reported.
      #expect(resolution.people.count == 3)
      let ambiguity = try #require(resolution.ambiguities.first)
      #expect(ambiguity.name == "Wei Zhang")
      #expect(ambiguity.candidates.count == 2)
    }
  }

  @Test("two different ids of one system veto the refinement rule")
  func differentIDsVetoRefinement() {
    let resolution = resolver.resolve(
      [["Jason Lee"], ["Jason D. Lee"]], identifiers: [scopus("1"), scopus("2")])
    #expect(resolution.people.count == 2)
    let same = resolver.resolve(
      [["Jason Lee"], ["Jason D. Lee"]], identifiers: [scopus("1"), scopus("1")])
    #expect(same.people.count == 1)
  }

  @Test("ids of different systems never contradict each other")
  func differentSystems() {
    let resolution = resolver.resolve(
      [["Wei Zhang"], ["Wei Zhang"], ["W. Zhang"]],
      identifiers: [
        [AuthorIdentifiers(orcid: Self.orcidA)], [AuthorIdentifiers(scopusID: "1")],
        [AuthorIdentifiers(openAlexID: "A9")],
      ])
    #expect(resolution.people.count == 1)
    #expect(resolution.people[0].orcids == [Self.orcidA])
    #expect(resolution.people[0].scopusIDs == ["1"])
    #expect(resolution.people[0].openAlexIDs == ["A9"])
    #expect(resolution.ambiguities.isEmpty)
  }

  @Test("a shared Scopus id does not join two different ORCID iDs")
  func orcidOverScopus() {
    let resolution = resolver.resolve(
      [["Wei Zhang"], ["Zhang Wei"]],
      identifiers: [
        [AuthorIdentifiers(orcid: Self.orcidA, scopusID: "1")],
        [AuthorIdentifiers(orcid: Self.orcidB, scopusID: "1")],
      ])
    #expect(resolution.people.count == 2)
  }

  @Test("an ORCID iD joins two OpenAlex ids (a split database profile)")
  func orcidJoinsProfiles() {
    let resolution = resolver.resolve(
      [["Vincent Larivière"], ["V. Larivière"]],
      identifiers: [
        [AuthorIdentifiers(orcid: Self.orcidA, openAlexID: "A1")],
        [AuthorIdentifiers(orcid: Self.orcidA, openAlexID: "A2")],
      ])
    #expect(resolution.people.count == 1)
    #expect(resolution.people[0].openAlexIDs == ["A1", "A2"])
    #expect(resolution.merges.map(\.reason) == [.sameORCID])
  }

  @Test("the same id twice on one paper is two people (coauthors)")
  func sameIDOnOnePaper() {
    let resolution = resolver.resolve([["Bohao Tang", "Tang Bohao"]], identifiers: [scopus("5", "5")])
    #expect(resolution.people.count == 2)
  }
}

/// Counts from `python3 Tests/Interop/identifier_counts.py ../shared/datasets/corpora/biblium`:
///
///     people openalex: distinct-ids 1066 id-holders 1066 spellings-of-several-holders 4 ids-with-several-spellings 0
///     people scopus: distinct-ids 665 id-holders 665 spellings-of-several-holders 0 ids-with-several-spellings 0
@Suite("Scopus and OpenAlex author ids across the biblium samples")
struct SourceIDCorpusTests {
  func resolve(_ path: String, _ reader: any RecordReader) throws -> (
    [Publication], NameResolution
  ) {
    let papers = reader.parse(try ReaderDatasets.text(path).text, file: path).publications
    return (
      papers,
      PersonResolver().resolve(papers.map(\.authors), identifiers: papers.map(\.authorIdentifiers))
    )
  }

  /// Spellings that stay with two or more id holders.
  func sharedSpellings(_ holders: [ResolvedPerson]) -> Int {
    var count: [String: Int] = [:]
    for person in holders { for name in Set(person.variants) { count[name, default: 0] += 1 } }
    return count.values.filter { $0 > 1 }.count
  }

  @Test("OpenAlex CSV: each author id is one person, one spelling under two ids stays two")
  func openAlex() throws {
    let (papers, resolution) = try resolve("corpora/biblium/openalex_dataset.csv.gz", OpenAlexReader())
    let holders = resolution.people.filter { !$0.openAlexIDs.isEmpty }
    #expect(holders.count == 1066)
    #expect(holders.allSatisfy { $0.openAlexIDs.count == 1 })
    #expect(sharedSpellings(holders) == 4)
    #expect(!resolution.merges.contains { $0.reason == .sameOpenAlexID })  // 0 ids with several spellings
    var holder: [String: Int] = [:]
    for paper in papers {
      for (index, name) in paper.authors.enumerated() {
        guard let ids = paper.identifiers(ofAuthorAt: index), let aid = ids.openAlexID else { continue }
        let id = try #require(resolution.lookup(name, identifiers: ids))
        #expect(holder[aid, default: id] == id)
        holder[aid] = id
      }
    }
  }

  @Test("Scopus CSV: each author id is one person and no person has two")
  func scopus() throws {
    let (_, resolution) = try resolve("corpora/biblium/scopus_dataset.csv.gz", ScopusCSVReader())
    let holders = resolution.people.filter { !$0.scopusIDs.isEmpty }
    #expect(holders.count == 665)
    #expect(holders.allSatisfy { $0.scopusIDs.count == 1 })
    #expect(sharedSpellings(holders) == 0)
  }
}
