import GraphKit
import Testing

@testable import CoauthorAnalysis

@Suite("Coauthor network counting")
struct CoauthorNetworkTests {
  /// VOSviewer manual 1.6.18, pp. 34–35: D1 = {A1, A2, A3}, D2 = {A1, A3}, D3 = {A2, A4}.
  let manualExample = CoauthorInput(
    names: ["A1", "A2", "A3", "A4"], papers: [[0, 1, 2], [0, 2], [1, 3]])

  @Test("full counting: A1–A3 = 2, every other link 1")
  func fullCounting() {
    let g = CoauthorNetwork.build(from: manualExample, weighting: .count).graph
    #expect(g.edgeCount == 4)
    #expect(g.weight(between: 0, and: 2) == 2)
    #expect(g.weight(between: 0, and: 1) == 1)
    #expect(g.weight(between: 1, and: 2) == 1)
    #expect(g.weight(between: 1, and: 3) == 1)
    #expect(g.weight(between: 0, and: 3) == nil)
  }

  @Test("fractional counting: A1–A3 = 1.5, A2–A4 = 1, A1–A2 = A2–A3 = 0.5")
  func fractionalCounting() {
    let g = CoauthorNetwork.build(from: manualExample, weighting: .fractional).graph
    #expect(g.weight(between: 0, and: 2) == 1.5)
    #expect(g.weight(between: 1, and: 3) == 1.0)
    #expect(g.weight(between: 0, and: 1) == 0.5)
    #expect(g.weight(between: 1, and: 2) == 0.5)
  }

  @Test("each author's fractional links from one paper sum to 1")
  func fractionalSumsToOne() {
    let input = CoauthorInput(names: ["a", "b", "c", "d", "e"], papers: [[0, 1, 2, 3, 4]])
    let g = CoauthorNetwork.build(from: input, weighting: .fractional).graph
    for u in 0..<5 {
      let total = g.row(u).reduce(0.0) { $0 + g.weights[$1] }
      #expect(abs(total - 1) < 1e-12)
    }
  }

  @Test("association strength 2m·a_ij/(k_i k_j) on the manual example")
  func association() {
    // Full counts: A1–A2 1, A1–A3 2, A2–A3 1, A2–A4 1 → strengths k = (3, 3, 3, 1), 2m = 10.
    let g = CoauthorNetwork.build(from: manualExample, weighting: .association).graph
    #expect(abs((g.weight(between: 0, and: 2) ?? 0) - 10.0 * 2 / 9) < 1e-12)
    #expect(abs((g.weight(between: 1, and: 3) ?? 0) - 10.0 * 1 / 3) < 1e-12)
    #expect(abs((g.weight(between: 0, and: 1) ?? 0) - 10.0 / 9) < 1e-12)
  }

  @Test("a declared count and the listed papers of the same pair are the same papers")
  func declaredMergesByMax() {
    // Owner 0 lists two papers with 1; a homepage says (3) for 0–1 and (1) for 0–2.
    let input = CoauthorInput(
      names: ["owner", "x", "y"], papers: [[0, 1], [1, 0]],
      declared: [
        DeclaredCollaboration(owner: 0, collaborator: 1, count: 3),
        DeclaredCollaboration(owner: 0, collaborator: 2, count: 1),
      ])
    let net = CoauthorNetwork.build(from: input)
    #expect(net.graph.weight(between: 0, and: 1) == 3)
    #expect(net.graph.weight(between: 0, and: 2) == 1)
    #expect(net.declaredExcess == 2)
    #expect(net.paperCounts == [2, 3, 1])
  }

  @Test("papers over the author limit are listed, not linked")
  func hyperauthorship() {
    let big = Array(0..<30)
    let input = CoauthorInput(names: (0..<30).map { "p\($0)" }, papers: [big, [0, 1]])
    let net = CoauthorNetwork.build(from: input, maxAuthors: 25)
    #expect(net.hyperauthoredPapers == [0])
    #expect(net.graph.edgeCount == 1)
    #expect(net.paperCounts[0] == 2)
  }
}
