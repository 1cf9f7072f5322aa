import Bibliography
import Foundation
import GraphKit
import Testing

@testable import CoauthorAnalysis

/// The seeds in `Data/`, split locally (titles between quotes, authors before
/// them; homepage abstracts = long paragraphs after the collaborator line).
enum TopicNetworkSeed {
  static func text(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("Data").appendingPathComponent(name)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw SeedMissing(path: url.path)
    }
    return text
  }

  struct SeedMissing: Error, CustomStringConvertible {
    var path: String
    var description: String { "seed file missing: \(path) (Data/ is part of the repository)" }
  }

  /// CV entries as documents: title text, authors from before the title (or the
  /// line before, where the CV wrapped the entry).
  static func cvPublications() throws -> [TermDocument] {
    let lines = try text("qi-lei-cv.txt").split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    var inside = false
    var out: [TermDocument] = []
    for (i, line) in lines.enumerated() {
      if line.hasPrefix("Publications") {
        inside = true
        continue
      }
      if line.hasPrefix("Patents") { break }
      guard inside, let open = line.firstIndex(of: "\"") else { continue }
      let rest = line[line.index(after: open)...]
      guard let close = rest.firstIndex(of: "\"") else { continue }
      var names = authors(String(line[..<open]))
      if names.isEmpty, i > 0 { names = authors(lines[i - 1]) }
      out.append(TermDocument(text: String(rest[..<close]), authors: names))
    }
    return out
  }

  static func authors(_ prefix: String) -> [String] {
    var s = prefix.trimmingCharacters(in: .whitespaces)
    if s.hasPrefix("- ") { s.removeFirst(2) }
    // "12. " entry numbers.
    if let dot = s.firstIndex(of: "."), s[..<dot].allSatisfy(\.isNumber), !s[..<dot].isEmpty {
      s = String(s[s.index(after: dot)...])
    }
    return s.split(separator: ",").map {
      $0.filter { $0 != "*" }.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
    }.filter { !$0.isEmpty }
  }

  static func homepageAbstracts() throws -> [TermDocument] {
    let lines = try text("allen-zhu-homepage.txt").split(
      separator: "\n", omittingEmptySubsequences: false)
    guard let collaborators = lines.firstIndex(where: { $0.contains("(1), ") }) else { return [] }
    return lines.enumerated().filter { $0.offset > collaborators && $0.element.count >= 200 }
      .map { TermDocument(text: String($0.element)) }
  }
}

@Suite("Topic networks on the seeds")
struct TopicNetworkSeedTests {
  @Test("CV: every title is Qi Lei's, so her profile is the term occurrences")
  func ownerProfile() throws {
    let docs = try TopicNetworkSeed.cvPublications()
    #expect(docs.count == 47)
    #expect(docs.allSatisfy { $0.authors.contains("Qi Lei") })
    let ex = TermExtractor().extract(from: docs)
    let profile = TopicProfile(person: "Qi Lei", extraction: ex, documents: docs)
    #expect(profile.documentCount == 47)
    #expect(profile.entries.count == ex.terms.count)
    for entry in profile.entries { #expect(entry.count == ex.terms[entry.term].occurrences) }
  }

  @Test("CV: author–topic weights counted by hand from the seed")
  func authorTopicCV() throws {
    let docs = try TopicNetworkSeed.cvPublications()
    let ex = TermExtractor().extract(from: docs)
    let net = AuthorTopicNetwork(extraction: ex, documents: docs, excluding: ["Qi Lei"])
    #expect(net.node(ofAuthor: "Qi Lei") == nil)
    let frankWolfe = try #require(ex.index(ofKey: "frankwolfe"))
    // Entries 25 and 27 are the two Frank-Wolfe titles; Zhuo, Dimakis and
    // Caramanis are on both, Dhillon on 27 only.
    for name in ["Jiacheng Zhuo", "Alexandros G. Dimakis", "Constantine Caramanis"] {
      let a = try #require(net.node(ofAuthor: name), "\(name) missing")
      #expect(net.graph.weight(between: a, and: net.node(ofTerm: frankWolfe)) == 2, "\(name)")
    }
    let dhillon = try #require(net.node(ofAuthor: "Inderjit S. Dhillon"))
    #expect(net.graph.weight(between: dhillon, and: net.node(ofTerm: frankWolfe)) == 1)
    // Two-mode: no author–author or term–term edge.
    for (u, v, _) in net.graph.edges { #expect(net.nodeKinds[u] != net.nodeKinds[v]) }
  }

  @Test("homepage: association strengths satisfy Σ_j a'_ij k_j = 2m for every linked term")
  func associationIdentity() throws {
    let ex = TermExtractor().extract(from: try TopicNetworkSeed.homepageAbstracts())
    let net = TopicNetwork(extraction: ex, weighting: .associationStrength)
    let twiceM = net.totalLinkStrength.reduce(0, +)
    #expect(twiceM == 2 * net.cooccurrences.totalWeight)
    for u in 0..<net.graph.nodeCount where net.totalLinkStrength[u] > 0 {
      var sum = 0.0
      for i in net.graph.row(u) {
        sum += net.graph.weights[i] * net.totalLinkStrength[Int(net.graph.neighbors[i])]
      }
      #expect(abs(sum - twiceM) < 1e-9 * twiceM)
    }
    // Counts: each document with t kept terms adds t(t-1)/2 links.
    let pairs = ex.documentTerms.map { Double($0.count * ($0.count - 1) / 2) }.reduce(0, +)
    #expect(net.cooccurrences.totalWeight == pairs)
  }

  @Test("homepage: themes cover every document that has a term exactly once")
  func themesCoverDocuments() throws {
    let ex = TermExtractor().extract(from: try TopicNetworkSeed.homepageAbstracts())
    let net = TopicNetwork(extraction: ex)
    let partition = Partition(membership: (0..<net.graph.nodeCount).map { $0 % 4 })
    let themes = net.themes(from: partition)
    #expect(themes.count == 4)
    let assigned = themes.flatMap(\.documents).sorted()
    #expect(assigned == ex.documentTerms.indices.filter { !ex.documentTerms[$0].isEmpty })
    #expect(themes.allSatisfy { $0.topTerms.count == 5 })
  }
}
