import Bibliography
import GraphKit
import Testing

@testable import CoauthorAnalysis

/// The co-occurrence example of the VOSviewer manual (p. 34-35), with terms for
/// authors: D0 = {matroid, lattice, polytope}, D1 = {matroid, polytope},
/// D2 = {lattice, simplex}.
///
/// Counts by hand: matroid–lattice 1, matroid–polytope 2, lattice–polytope 1,
/// lattice–simplex 1. Total link strengths k: matroid 3, lattice 3, polytope 3,
/// simplex 1; 2m = 10. Association strength 2m·c/(k_i k_j): matroid–lattice
/// 10/9, matroid–polytope 20/9, lattice–polytope 10/9, lattice–simplex 10/3.
enum TopicExample {
  static let documents = [
    TermDocument(text: "Matroids, lattices and polytopes.", authors: ["Xu", "Yang"]),
    TermDocument(text: "Matroids and polytopes.", authors: ["Xu"]),
    TermDocument(text: "Lattices and simplices.", authors: ["Yang", "Zhou"]),
  ]

  static var extraction: TermExtraction {
    TermExtractor(options: TermExtractionOptions(minimumOccurrences: 1)).extract(from: documents)
  }
}

@Suite("Topic networks")
struct TopicNetworkTests {
  let extraction = TopicExample.extraction

  func node(_ key: String) throws -> Int {
    try #require(extraction.index(ofKey: key), "term \(key) not extracted")
  }

  @Test("the example's terms are the four nouns")
  func terms() {
    #expect(Set(extraction.terms.map(\.key)) == ["matroid", "lattice", "polytope", "simplex"])
  }

  @Test("co-occurrence counts on the hand example")
  func counts() throws {
    let net = TopicNetwork(extraction: extraction, weighting: .count)
    let (m, l, p, s) = (
      try node("matroid"), try node("lattice"), try node("polytope"), try node("simplex")
    )
    #expect(net.weighting == .count)
    #expect(net.graph.edgeCount == 4)
    #expect(net.graph.weight(between: m, and: l) == 1)
    #expect(net.graph.weight(between: m, and: p) == 2)
    #expect(net.graph.weight(between: l, and: p) == 1)
    #expect(net.graph.weight(between: l, and: s) == 1)
    #expect(net.graph.weight(between: m, and: s) == nil)
    #expect(net.graph.weight(between: p, and: s) == nil)
    #expect(net.totalLinkStrength[m] == 3)
    #expect(net.totalLinkStrength[s] == 1)
    #expect(net.graph.label(of: m) == "matroids")
  }

  @Test("association strength 2m·c_ij/(k_i k_j) on the hand example")
  func associationStrength() throws {
    let net = TopicNetwork(extraction: extraction, weighting: .associationStrength)
    let (m, l, p, s) = (
      try node("matroid"), try node("lattice"), try node("polytope"), try node("simplex")
    )
    #expect(net.weighting == .associationStrength)
    func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }
    #expect(close(net.graph.weight(between: m, and: l), 10.0 / 9))
    #expect(close(net.graph.weight(between: m, and: p), 20.0 / 9))
    #expect(close(net.graph.weight(between: l, and: p), 10.0 / 9))
    #expect(close(net.graph.weight(between: s, and: l), 10.0 / 3))
    // The raw counts stay available beside the normalised weights.
    #expect(net.cooccurrences.weight(between: m, and: p) == 2)
  }

  @Test("a document mentioning a term twice adds one co-occurrence, not two")
  func binaryCounting() {
    let ex = TermExtractor(options: TermExtractionOptions(minimumOccurrences: 1)).extract(from: [
      TermDocument(text: "Matroids; matroids; polytopes."),
      TermDocument(text: "Matroids and polytopes."),
    ])
    let net = TopicNetwork(extraction: ex)
    #expect(net.graph.edges.map(\.weight) == [2])
  }

  @Test("themes are named by their top terms and own their documents")
  func themes() throws {
    let net = TopicNetwork(extraction: extraction)
    let (m, l, p, s) = (
      try node("matroid"), try node("lattice"), try node("polytope"), try node("simplex")
    )
    var membership = [Int](repeating: 0, count: 4)
    membership[m] = 7
    membership[p] = 7
    membership[l] = 3
    membership[s] = 3
    let themes = net.themes(from: Partition(membership: membership), topTermCount: 1)
    #expect(themes.count == 2)
    let withMatroid = try #require(themes.first { $0.terms.contains(m) })
    let withLattice = try #require(themes.first { $0.terms.contains(l) })
    // matroid and polytope both occur twice; matroid has the same inside
    // strength (2) — the tie goes to the better-ranked term.
    #expect(withMatroid.topTerms == ["matroids"])
    #expect(withMatroid.documents == [0, 1])
    #expect(withLattice.topTerms == [extraction.terms[l].label])
    #expect(withLattice.documents == [2])
    #expect(withLattice.name == "lattices")
  }

  @Test("author–topic network: authors linked to the terms of their documents")
  func authorTopic() throws {
    let net = AuthorTopicNetwork(extraction: extraction, documents: TopicExample.documents)
    #expect(net.authors == ["Xu", "Yang", "Zhou"])
    #expect(net.nodeKinds == [.author, .author, .author, .term, .term, .term, .term])
    let xu = try #require(net.node(ofAuthor: "xu"))
    let yang = try #require(net.node(ofAuthor: "YANG"))
    let zhou = try #require(net.node(ofAuthor: "Zhou"))
    let (m, l, p, s) = (
      net.node(ofTerm: try node("matroid")), net.node(ofTerm: try node("lattice")),
      net.node(ofTerm: try node("polytope")), net.node(ofTerm: try node("simplex"))
    )
    #expect(net.graph.weight(between: xu, and: m) == 2)
    #expect(net.graph.weight(between: xu, and: p) == 2)
    #expect(net.graph.weight(between: xu, and: l) == 1)
    #expect(net.graph.weight(between: xu, and: s) == nil)
    #expect(net.graph.weight(between: yang, and: l) == 2)
    #expect(net.graph.weight(between: yang, and: s) == 1)
    #expect(net.graph.weight(between: zhou, and: s) == 1)
    #expect(net.graph.weight(between: xu, and: yang) == nil)
    #expect(net.graph.edgeCount == 9)
    let withoutXu = AuthorTopicNetwork(
      extraction: extraction, documents: TopicExample.documents, excluding: ["XU"])
    #expect(withoutXu.authors == ["Yang", "Zhou"])
  }

  @Test("topic profile: a person's term counts")
  func profile() throws {
    let xu = TopicProfile(person: "Xu", extraction: extraction, documents: TopicExample.documents)
    #expect(xu.documentCount == 2)
    let byKey = Dictionary(
      uniqueKeysWithValues: xu.entries.map { (extraction.terms[$0.term].key, $0.count) })
    #expect(byKey == ["matroid": 2, "polytope": 2, "lattice": 1])
    let everything = TopicProfile(person: "all", extraction: extraction)
    #expect(everything.documentCount == 3)
    #expect(everything.entries.map(\.count).reduce(0, +) == 7)
  }
}

@Suite("Topic networks, edge cases")
struct TopicNetworkEdgeTests {
  @Test("an empty extraction gives an empty network under both weightings")
  func empty() {
    let ex = TermExtractor().extract(from: [])
    for weighting in TopicLinkWeighting.allCases {
      let net = TopicNetwork(extraction: ex, weighting: weighting)
      #expect(net.graph.nodeCount == 0)
      #expect(net.themes(from: Partition(membership: [])).isEmpty)
    }
    let authors = AuthorTopicNetwork(extraction: ex, documents: [])
    #expect(authors.graph.nodeCount == 0)
  }

  @Test("a partition of another size is a precondition failure")
  func partitionSize() async {
    await #expect(processExitsWith: .failure) {
      let net = TopicNetwork(extraction: TopicExample.extraction)
      _ = net.themes(from: Partition(membership: [0, 1]))
    }
  }

  @Test("a term that co-occurs with nothing is an isolated node")
  func isolated() throws {
    let ex = TermExtractor(options: TermExtractionOptions(minimumOccurrences: 1)).extract(from: [
      TermDocument(text: "Matroids and polytopes."),
      TermDocument(text: "Lattices."),
    ])
    let net = TopicNetwork(extraction: ex, weighting: .associationStrength)
    let lattice = try #require(ex.index(ofKey: "lattice"))
    #expect(net.graph.nodeCount == 3)
    #expect(net.graph.neighborCount(of: lattice) == 0)
    #expect(net.totalLinkStrength[lattice] == 0)
    // One edge: 2m = 2, k = 1 and 1, so a' = 2·1/(1·1) = 2.
    #expect(net.graph.edges.map(\.weight) == [2])
  }
}
