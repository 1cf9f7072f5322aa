import Testing

@testable import GraphKit

@Suite("Ego networks")
struct EgoNetworkTests {
  @Test("ego network keeps the center, its neighbors and the edges among them")
  func ego() {
    var b = GraphBuilder(nodeCount: 5, labels: ["c", "a", "b", "far", "lone"])
    b.addEdge(0, 1)
    b.addEdge(0, 2)
    b.addEdge(1, 2, weight: 2)
    b.addEdge(2, 3)
    let (sub, nodes) = b.build().egoNetwork(of: 0)
    #expect(nodes == [0, 1, 2])
    #expect(sub.labels == ["c", "a", "b"])
    #expect(sub.edgeCount == 3)
    #expect(sub.weight(between: 1, and: 2) == 2)
  }

  @Test("radius 2 reaches neighbors of neighbors")
  func radiusTwo() {
    var b = GraphBuilder(nodeCount: 4)
    b.addEdge(0, 1)
    b.addEdge(1, 2)
    b.addEdge(2, 3)
    let (sub, nodes) = b.build().egoNetwork(of: 0, radius: 2)
    #expect(nodes == [0, 1, 2])
    #expect(sub.edgeCount == 2)
  }
}
