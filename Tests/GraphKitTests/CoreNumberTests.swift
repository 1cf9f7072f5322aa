import Testing

@testable import GraphKit

@Suite("Core number")
struct CoreNumberTests {
  @Test("a star is a 1-core")
  func star() {
    #expect(Graph.star(5).coreNumber() == [1, 1, 1, 1, 1, 1])
  }

  @Test("complete graph K5 is a 4-core")
  func complete() {
    #expect(Graph.complete(5).coreNumber() == [4, 4, 4, 4, 4])
  }

  @Test("a self-loop does not raise the core number")
  func selfLoops() {
    #expect(Graph.selfLoopExample.coreNumber() == [1, 1])
  }

  @Test("empty graph")
  func empty() {
    #expect(GraphBuilder().build().coreNumber().isEmpty)
  }

  @Test(arguments: Fixture.smallDatasets)
  func matchesNetworkx(dataset: String) throws {
    let g = try Fixture.graph(dataset)
    let ref = try Fixture.nodes(dataset)
    expectClose(g.coreNumber().map(Double.init), try ref.column("core_number", for: g), relative: 0)
  }

  @Test func matchesNetworkxOnGrQc() throws {
    let g = try Fixture.graph("ca-GrQc")
    let ref = try Fixture.nodes("ca-GrQc")
    expectClose(g.coreNumber().map(Double.init), try ref.column("core_number", for: g), relative: 0)
  }
}
