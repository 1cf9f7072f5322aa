import Foundation
import Testing

@testable import Bibliography

@Suite("Person resolver with ORCID iDs")
struct PersonResolverORCIDTests {
  let resolver = PersonResolver()
  static let a = "0000-0002-1825-0097"
  static let b = "0000-0001-5109-3700"

  func ids(_ orcids: String?...) -> [AuthorIdentifiers] {
    orcids.map { AuthorIdentifiers(orcid: $0) }
  }

  @Test("the same ORCID joins name forms the name rules keep apart, listed as 'same ORCID'")
  func sameORCID() throws {
    // "Lei Qi" parses as given name Lei, family Qi: no name rule joins it to "Qi Lei".
    let resolution = resolver.resolve(
      [["Qi Lei", "Wei Hu"], ["Lei Qi", "Jason Lee"]],
      identifiers: [ids(Self.a, nil), ids(Self.a, nil)])
    let id = try #require(resolution.lookup("Qi Lei", orcid: Self.a))
    #expect(resolution.lookup("Lei Qi", orcid: Self.a) == id)
    #expect(resolution.people[id].orcids == [Self.a])
    #expect(resolution.people.count == 3)
    #expect(resolution.merges.count == 1)
    let merge = try #require(resolution.merges.first)
    #expect(merge.reason == .sameORCID)
    #expect(merge.description.contains("same ORCID"))
    // Without the iDs they are two people.
    #expect(resolver.resolve([["Qi Lei", "Wei Hu"], ["Lei Qi", "Jason Lee"]]).people.count == 4)
  }

  @Test("two different ORCIDs veto every name rule")
  func veto() {
    for (general, specific) in [
      ("Jason Lee", "Jason D. Lee"), ("Q. Lei", "Qi Lei"), ("Qi Lei", "Qi Lei"),
    ] {
      let split = resolver.resolve(
        [[specific], [general]], identifiers: [ids(Self.a), ids(Self.b)])
      #expect(split.people.count == 2, "\(general) / \(specific)")
      #expect(split.merges.isEmpty)
      // The same names with one iD, or none, are merged by the name rules as before.
      #expect(
        resolver.resolve([[specific], [general]], identifiers: [ids(Self.a), ids(nil)]).people.count
          == 1)
      #expect(resolver.resolve([[specific], [general]]).people.count == 1)
    }
  }

  @Test("one spelling with two ORCIDs is two people; the bare spelling is reported, not guessed")
  func sharedSpelling() throws {
    let resolution = resolver.resolve(
      [["Wei Zhang", "Ann Bee"], ["Wei Zhang", "Cy Dee"], ["Wei Zhang"], ["W. Zhang"]],
      identifiers: [ids(Self.a, nil), ids(Self.b, nil)])
    let first = try #require(resolution.lookup("Wei Zhang", orcid: Self.a))
    let second = try #require(resolution.lookup("Wei Zhang", orcid: Self.b))
    #expect(first != second)
    let bare = try #require(resolution.lookup("Wei Zhang"))
    #expect(bare != first && bare != second)
    #expect(resolution.lookup("W. Zhang") != first && resolution.lookup("W. Zhang") != second)
    #expect(
      resolution.ambiguities.contains(
        NameAmbiguity(
          name: "Wei Zhang",
          candidates: ["Wei Zhang (ORCID \(Self.a))", "Wei Zhang (ORCID \(Self.b))"])))
    #expect(resolution.ambiguities.contains { $0.name == "W. Zhang" })
  }

  @Test("a bare name joins the only ORCID holder it fits")
  func bareJoinsHolder() {
    let resolution = resolver.resolve(
      [["Jason D. Lee", "Qi Lei"], ["Jason Lee"], ["Jason D Lee"]],
      identifiers: [ids(Self.a, nil)])
    #expect(resolution.people.count == 2)
    #expect(resolution.lookup("Jason Lee") == resolution.lookup("Jason D. Lee", orcid: Self.a))
    #expect(resolution.lookup("Jason D Lee") == resolution.lookup("Jason D. Lee", orcid: Self.a))
  }

  @Test("the same ORCID twice on one paper is not merged (coauthors are different people)")
  func sameORCIDOnOnePaper() {
    let resolution = resolver.resolve([["Qi Lei", "Lei Qi"]], identifiers: [ids(Self.a, Self.a)])
    #expect(resolution.people.count == 2)
  }

  @Test("the alias table still wins over an ORCID veto")
  func aliasWins() {
    let aliases = AliasTable([.init(canonical: "Jason D. Lee", aliases: ["Jason Lee"])])
    let resolution = PersonResolver(aliases: aliases).resolve(
      [["Jason D. Lee"], ["Jason Lee"]], identifiers: [ids(Self.a), ids(Self.b)])
    #expect(resolution.people.count == 1)
    #expect(resolution.merges.map(\.reason) == [.aliasTable])
  }
}

@Suite("ORCID iDs across the biblium samples")
struct ORCIDCorpusTests {
  /// `distinct 788` from `python3 Tests/Interop/identifier_counts.py`.
  @Test("OpenAlex CSV: every ORCID is exactly one person and no person has two")
  func openAlex() throws {
    let decoded = try ReaderDatasets.text("corpora/biblium/openalex_dataset.csv.gz")
    let document = OpenAlexReader().parse(decoded.text, file: "openalex_dataset.csv")
    let papers = document.publications
    let resolution = PersonResolver().resolve(
      papers.map(\.authors), identifiers: papers.map(\.authorIdentifiers))
    let holders = resolution.people.filter { !$0.orcids.isEmpty }
    #expect(holders.allSatisfy { $0.orcids.count == 1 })
    #expect(holders.count == 788)
    // Every occurrence of an iD resolves to its one holder.
    var holder: [String: Int] = [:]
    for paper in papers {
      for (index, name) in paper.authors.enumerated() {
        guard let orcid = paper.identifiers(ofAuthorAt: index)?.orcid else { continue }
        let id = try #require(resolution.lookup(name, orcid: orcid))
        #expect(holder[orcid, default: id] == id)
        holder[orcid] = id
      }
    }
  }

  @Test("WoS and OpenAlex together: an ORCID in both sources is one person")
  func acrossSources() throws {
    var papers: [Publication] = []
    for (path, reader) in [
      ("corpora/biblium/openalex_dataset.csv.gz", OpenAlexReader() as any RecordReader),
      ("corpora/biblium/wos_dataset.txt.gz", WoSReader()),
    ] {
      papers += reader.parse(try ReaderDatasets.text(path).text, file: path).publications
    }
    let resolution = PersonResolver().resolve(
      papers.map(\.authors), identifiers: papers.map(\.authorIdentifiers))
    var holders: [String: Set<Int>] = [:]
    var files: [String: Set<String>] = [:]
    for paper in papers {
      for (index, name) in paper.authors.enumerated() {
        guard let orcid = paper.identifiers(ofAuthorAt: index)?.orcid,
          let id = resolution.lookup(name, orcid: orcid)
        else { continue }
        holders[orcid, default: []].insert(id)
        files[orcid, default: []].insert(paper.location.file)
      }
    }
    #expect(holders.values.allSatisfy { $0.count == 1 })
    #expect(resolution.people.allSatisfy { $0.orcids.count <= 1 })
    // The two samples share authors (both are bibliometrics corpora).
    #expect(files.values.contains { $0.count == 2 })
  }
}
