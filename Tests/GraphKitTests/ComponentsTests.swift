import Testing

@testable import GraphKit

@Suite("Connected components")
struct ComponentsTests {
  @Test("components are numbered largest first")
  func components() {
    let g = Graph.fromEdges(6, [(0, 1, 1), (2, 3, 1), (3, 4, 1)])
    let p = g.connectedComponents()
    #expect(p.communityCount == 3)
    #expect(p.sizes == [3, 2, 1])
    #expect(p.membership == [1, 1, 0, 0, 0, 2])
    #expect(g.largestComponentNodes() == [2, 3, 4])
  }
}
