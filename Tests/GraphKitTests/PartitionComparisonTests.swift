import Testing

@testable import GraphKit

/// Normalized mutual information and the adjusted Rand index.
@Suite("Partition comparison")
struct PartitionComparisonTests {
  @Test("NMI and adjusted Rand index equal igraph's compare_communities")
  func comparisonsMatchIgraph() throws {
    let fixture = try CommunityFixture.load()
    #expect(fixture.comparisons.count == 27)
    for c in fixture.comparisons {
      let entry = try #require(fixture.graphs.first { $0.name == c.graph })
      let a = Partition(membership: try entry.partition(c.a).membership)
      let b = Partition(membership: try entry.partition(c.b).membership)
      let label = "\(c.graph): \(c.a) vs \(c.b)"
      #expect(
        CommunityTestSupport.isClose(normalizedMutualInformation(a, b), c.nmi, tolerance: 1e-12),
        "\(label)")
      #expect(
        CommunityTestSupport.isClose(adjustedRandIndex(a, b), c.ari, tolerance: 1e-12), "\(label)")
      #expect(
        CommunityTestSupport.isClose(
          normalizedMutualInformation(a, b), normalizedMutualInformation(b, a), tolerance: 1e-14))
    }
  }

  @Test("NMI and ARI ignore community numbers and give 1 for the same grouping")
  func comparisonInvariance() {
    let a = Partition(membership: [0, 0, 1, 1, 2, 2, 2])
    let relabelled = Partition(membership: [5, 5, 9, 9, 1, 1, 1])
    #expect(normalizedMutualInformation(a, relabelled) == 1)
    #expect(adjustedRandIndex(a, relabelled) == 1)
    #expect(normalizedMutualInformation(.singletons(1), .singletons(1)) == 1)
    // By hand: a = {01}{23}{456}, b = {0123}{456}: pairs together in both = 1+1+3 = 5,
    // Σ C(a_i,2) = 5, Σ C(b_j,2) = 9, C(7,2) = 21 → ARI = (5 − 45/21) / (7 − 45/21).
    let b = Partition(membership: [0, 0, 0, 0, 1, 1, 1])
    let expected: Double = (5 - 45.0 / 21) / (7 - 45.0 / 21)
    #expect(CommunityTestSupport.isClose(adjustedRandIndex(a, b), expected))
  }
}
