import Foundation
import GraphKit
import Testing

@testable import CoauthorAnalysis

/// `coauthor metrics --budget`: exact when the estimate fits, sampling sized to the budget
/// otherwise, and the choice stated in every output.
@Suite("Metrics budget")
struct MetricsBudgetTests {
  /// A ring of `n` nodes with chords: connected, every node on some shortest path.
  static func ring(_ n: Int) -> Graph {
    var b = GraphBuilder(labels: (0..<n).map { "p\($0)" })
    for u in 0..<n {
      b.addEdge(u, (u + 1) % n, weight: 1 + Double(u % 3))
      if u % 5 == 0 { b.addEdge(u, (u + n / 2) % n, weight: 2) }
    }
    return b.build()
  }

  @Test("ca-HepPh's size fits the default 60 s budget: exact, where ε = 0.01 sampling was chosen before")
  func hepPhIsExact() {
    let plan = MetricsBudget().plan(
      nodes: 12_008, edges: 118_521, largestComponent: 11_204, distance: .inverseWeight)
    #expect(plan.betweennessEpsilon == nil && plan.closenessSources == nil)
    // About 19 s of weighted betweenness on one core (the calibration: 4–7 s by hops).
    #expect(plan.estimatedExactBetweennessSeconds > 10 && plan.estimatedExactBetweennessSeconds < 30)
    let hops = MetricsBudget().exactSeconds(nodes: 12_008, edges: 118_521, distance: .hops)
    #expect(hops.betweenness > 4 && hops.betweenness < 10)
  }

  @Test("a budget too small for both samples betweenness; closeness stays exact while it fits half")
  func smallBudgets() throws {
    // By hops: about 7 s of betweenness and 1 s of closeness on one core.
    let budget = MetricsBudget(seconds: 5)
    let plan = budget.plan(nodes: 12_008, edges: 118_521, largestComponent: 11_204, distance: .hops)
    #expect(plan.closenessSources == nil)
    let epsilon = try #require(plan.betweennessEpsilon)
    #expect(epsilon > 0 && epsilon < 0.05)
    // Far too small: both sampled, closeness from at least 32 sources.
    let tiny = MetricsBudget(seconds: 0.5).plan(
      nodes: 12_008, edges: 118_521, largestComponent: 11_204, distance: .hops)
    #expect(tiny.betweennessEpsilon != nil)
    #expect((tiny.closenessSources ?? 0) >= 32)
    // A larger budget never gives a larger ε.
    let eps = [1.0, 3, 6].map {
      MetricsBudget(seconds: $0).plan(nodes: 50_000, edges: 500_000, largestComponent: 50_000, distance: .hops)
        .betweennessEpsilon ?? 0
    }
    #expect(eps[0] >= eps[1] && eps[1] >= eps[2] && eps[2] > 0)
  }

  @Test("ε from a sample count inverts Riondato–Kornaropoulos' sample size")
  func epsilonInverts() {
    let epsilon = MetricsBudget.epsilon(samples: 10_000, vertexDiameter: 34)
    let r = 0.5 / (epsilon * epsilon) * ((log2(32.0)).rounded(.down) + 1 + log(10))
    #expect(abs(r - 10_000) < 1)
  }

  @Test("every output says exact when the budget allows")
  func exactStated() {
    let report = MetricsReport.compute(Self.ring(40), budget: MetricsBudget(seconds: 60))
    #expect(report.conventions.betweennessMethod.exact && report.conventions.closenessMethod.exact)
    #expect(report.markdown().contains("| betweenness | exact"))
    #expect(report.csv.split(separator: "\n")[1].hasSuffix(",exact,exact"))
    #expect(report.json.contains("\"betweennessMethod\""))
  }

  @Test("with a tiny budget every output states the approximation and its bound against the top 20")
  func approximateStated() throws {
    let graph = Self.ring(400)
    let budget = MetricsBudget(seconds: 1e-6)
    let report = MetricsReport.compute(graph, budget: budget)
    let b = report.conventions.betweennessMethod
    #expect(!b.exact)
    let bound = try #require(b.errorBound)
    #expect(bound > 0)
    #expect(b.rankedScore != nil && b.nodesAboveTwiceBound != nil)
    #expect(b.text.contains("APPROXIMATE") && b.text.contains("20th highest score"))
    #expect(!report.conventions.closenessMethod.exact)
    #expect(report.markdown().contains("APPROXIMATE"))
    #expect(report.csv.contains("approximate ±"))
    #expect(report.json.contains("\"errorShareOfRankedScore\""))
    // The sampled scores are near the exact ones.
    let exact = graph.betweennessCentrality(distance: .inverseWeight, normalization: .normalized)
    let worst = zip(report.rows.map(\.betweenness), exact).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= bound * 1.5)
  }

  @Test("sampled closeness is exact when every node is a source, and close otherwise")
  func sampledCloseness() {
    let graph = Self.ring(120)
    for distance in [EdgeDistance.hops, .inverseWeight] {
      let exact = graph.closenessCentrality(distance: distance)
      let exactHarmonic = graph.harmonicCentrality(distance: distance)
      let all = SampledCloseness.compute(graph, distance: distance, sources: 1000)
      #expect(zip(all.closeness, exact).allSatisfy { abs($0 - $1) < 1e-9 })
      #expect(zip(all.harmonic, exactHarmonic).allSatisfy { abs($0 - $1) < 1e-9 })
      let some = SampledCloseness.compute(graph, distance: distance, sources: 60)
      let relative = zip(some.closeness, exact).map { abs($0 - $1) / $1 }.max() ?? 1
      #expect(relative < 0.3)
    }
  }
}
