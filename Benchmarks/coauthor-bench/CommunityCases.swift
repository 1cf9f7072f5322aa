import Foundation
import GraphKit

// Community cases run seeds 0–9 each and report, per seed, the modularity (q), the
// community count (k), the wall seconds (s) and the CPU seconds of the process (c)
// as "q=…;k=…;s=…;c=…", comma-separated (CPU time is what stays comparable when
// other jobs share the cores; every case here is single-threaded), so
// that Benchmarks/peers_community.py can take medians beside igraph, leidenalg and
// NetworKit measured in the same run. The case's own time is the sum.

let communitySeeds: [UInt64] = Array(0..<10)

func seededCommunityCase(
  _ name: String, _ detect: @escaping @Sendable (Graph, UInt64) -> CommunityResult
) -> BenchCase {
  BenchCase(name: name) { graph in
    let clock = ContinuousClock()
    var q: [String] = []
    var k: [String] = []
    var s: [String] = []
    var c: [String] = []
    for seed in communitySeeds {
      var result: CommunityResult?
      let cpuStart = processCPUSeconds()
      let elapsed = clock.measure { result = detect(graph, seed) }
      let cpu = processCPUSeconds() - cpuStart
      guard let result else { return "no result" }
      let (seconds, attoseconds) = elapsed.components
      q.append(String(result.modularity))
      k.append(String(result.partition.communityCount))
      s.append(String(Double(seconds) + Double(attoseconds) * 1e-18))
      c.append(String(cpu))
    }
    return [("q", q), ("k", k), ("s", s), ("c", c)]
      .map { "\($0)=\($1.joined(separator: ","))" }.joined(separator: ";")
  }
}

/// CPU time of the whole process (all threads), as Python's time.process_time().
func processCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

let communityCases: [BenchCase] = [
  seededCommunityCase("leiden") { graph, seed in graph.leidenCommunities(seed: seed) },
  seededCommunityCase("leiden-stable") { graph, seed in
    graph.leidenCommunities(iterations: .max, seed: seed)
  },
  seededCommunityCase("louvain") { graph, seed in graph.louvainCommunities(seed: seed) },
  seededCommunityCase("label-propagation") { graph, seed in
    graph.labelPropagationCommunities(seed: seed)
  },
  BenchCase(name: "leiden-best-of-10") { graph in
    let runs = graph.bestOf(runs: 10, using: .leiden)
    return "q=\(runs.best.modularity);k=\(runs.best.partition.communityCount);"
      + "nmi=\(runs.meanNormalizedMutualInformation);ari=\(runs.meanAdjustedRandIndex)"
  },
]
