import GraphKit

/// A short, stable checksum of a score vector (sum and maximum), printed beside the
/// time so that peers' results can be compared and the work cannot be optimised away.
func checksum(_ values: [Double]) -> String {
  let sum = values.reduce(0, +)
  let top = values.max() ?? 0
  return "sum=\(sum) max=\(top)"
}

/// Centrality and structure cases, numbered as in Benchmarks/README.md.
let centralityCases: [BenchCase] = [
  BenchCase(name: "degree") { g in checksum(g.strength()) },
  BenchCase(name: "pagerank") { g in
    do { return checksum(try g.pageRank()) } catch { return "error: \(error)" }
  },
  BenchCase(name: "eigenvector") { g in
    do { return checksum(try g.eigenvectorCentrality()) } catch { return "error: \(error)" }
  },
  BenchCase(name: "betweenness-hops") { g in checksum(g.betweennessCentrality()) },
  BenchCase(name: "betweenness-weighted") { g in
    checksum(g.betweennessCentrality(distance: .inverseWeight))
  },
  BenchCase(name: "approx-betweenness") { g in
    // NetworKit's ApproxBetweenness defaults: ε = 0.01, δ = 0.1.
    let r = g.approximateBetweennessCentrality(epsilon: 0.01, delta: 0.1, normalization: .normalized, seed: 1)
    return "max=\(r.scores.max() ?? 0) samples=\(r.sampleCount)"
  },
  BenchCase(name: "closeness") { g in checksum(g.closenessCentrality()) },
  BenchCase(name: "harmonic") { g in checksum(g.harmonicCentrality()) },
  BenchCase(name: "coreness") { g in "max=\(g.coreNumber().max() ?? 0)" },
  BenchCase(name: "clustering") { g in
    "avg=\(g.averageClustering()) transitivity=\(g.transitivity())"
  },
  BenchCase(name: "components") { g in
    let p = g.connectedComponents()
    return "count=\(p.communityCount) largest=\(p.sizes.first ?? 0)"
  },
  BenchCase(name: "summary") { g in
    let s = g.summary()
    return
      "components=\(s.componentCount) diameter=\(s.diameter) apl=\(s.averagePathLength) exact=\(s.isExact)"
  },
]
