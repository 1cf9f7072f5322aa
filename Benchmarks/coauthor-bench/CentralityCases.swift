import GraphKit

/// A short, stable checksum of a score vector (sum and maximum), printed beside the
/// time so that peers' results can be compared and the work cannot be optimised away.
func checksum(_ values: [Double]) -> String {
  let sum = values.reduce(0, +)
  let top = values.max() ?? 0
  return "sum=\(sum) max=\(top)"
}

/// Checksum, iterations and residual of an iterative method.
func iterative(_ run: () throws -> IterativeScores) -> String {
  do {
    let r = try run()
    return checksum(r.scores) + " iterations=\(r.iterations) residual=\(r.residual)"
  } catch {
    return "error: \(error)"
  }
}

/// Centrality and structure cases, numbered as in Benchmarks/README.md.
let centralityCases: [BenchCase] = [
  BenchCase(name: "degree") { g in checksum(g.strength()) },
  // Iterative cases print the iteration count and the residual (last L1 change) too.
  BenchCase(name: "pagerank") { g in iterative { try g.pageRank() } },
  BenchCase(name: "pagerank-networkx") { g in iterative { try g.pageRank(convergence: .networkx) } },
  BenchCase(name: "eigenvector") { g in iterative { try g.eigenvectorCentrality() } },
  BenchCase(name: "eigenvector-networkx") { g in
    iterative { try g.eigenvectorCentrality(convergence: .networkx) }
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
  BenchCase(name: "closeness-weighted") { g in checksum(g.closenessCentrality(distance: .inverseWeight)) },
  BenchCase(name: "harmonic-weighted") { g in checksum(g.harmonicCentrality(distance: .inverseWeight)) },
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
