import Dispatch
import Synchronization

/// The best of several seeded runs, and how much the runs agree.
public struct CommunityRuns: Sendable {
  /// The run with the highest ``CommunityResult/quality`` (the earliest run on ties).
  public var best: CommunityResult
  /// The seed that produced `best`.
  public var bestSeed: UInt64
  /// Every run, in seed order.
  public var results: [CommunityResult]
  /// The seed of each run: `seed`, `seed + 1`, …
  public var seeds: [UInt64]
  /// Mean ``normalizedMutualInformation(_:_:)`` over all pairs of runs
  /// (1 for a single run): near 1 when every seed finds the same grouping.
  public var meanNormalizedMutualInformation: Double
  /// Mean ``adjustedRandIndex(_:_:)`` over all pairs of runs (1 for a single run).
  public var meanAdjustedRandIndex: Double
}

extension Graph {
  /// Runs a seeded community detection `runs` times and keeps the best result.
  ///
  /// Run *i* uses seed `seed + i`. Runs go in parallel, but each depends on its
  /// seed only and results are kept by run index, so the outcome is the same on
  /// any number of cores. Stability is the mean pairwise NMI and adjusted Rand
  /// index between the runs' partitions.
  ///
  /// ```swift
  /// let runs = graph.bestOf(runs: 10) { graph, seed in
  ///   graph.leidenCommunities(resolution: 0.8, seed: seed)
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - runs: Number of runs K ≥ 1.
  ///   - seed: Seed of the first run.
  ///   - detect: One run: the graph and a seed give a result.
  /// - Returns: The best run, every run, and the mean pairwise agreement.
  /// - Complexity: K runs of `detect` (spread over the cores) plus
  ///   O(K² *n* log *n*) for the agreement.
  /// - Precondition: `runs` ≥ 1.
  public func bestOf(
    runs: Int, seed: UInt64 = 0,
    _ detect: @Sendable (_ graph: Graph, _ seed: UInt64) -> CommunityResult
  ) -> CommunityRuns {
    precondition(runs >= 1, "runs must be ≥ 1")
    let seeds = (0..<runs).map { seed &+ UInt64($0) }
    let slots = Mutex([CommunityResult?](repeating: nil, count: runs))
    DispatchQueue.concurrentPerform(iterations: runs) { i in
      let result = detect(self, seeds[i])
      slots.withLock { $0[i] = result }
    }
    let results = slots.withLock { $0 }.compactMap { $0 }
    var bestIndex = 0
    for i in results.indices.dropFirst() where results[i].quality > results[bestIndex].quality {
      bestIndex = i
    }
    var nmi = 0.0
    var ari = 0.0
    var pairCount = 0
    for i in results.indices {
      for j in results.indices where j > i {
        nmi += normalizedMutualInformation(results[i].partition, results[j].partition)
        ari += adjustedRandIndex(results[i].partition, results[j].partition)
        pairCount += 1
      }
    }
    return CommunityRuns(
      best: results[bestIndex], bestSeed: seeds[bestIndex], results: results, seeds: seeds,
      meanNormalizedMutualInformation: pairCount == 0 ? 1 : nmi / Double(pairCount),
      meanAdjustedRandIndex: pairCount == 0 ? 1 : ari / Double(pairCount))
  }

  /// Runs the named algorithm `runs` times with seeds `seed`, `seed + 1`, … and
  /// keeps the best; see ``bestOf(runs:seed:_:)``.
  ///
  /// - Parameters:
  ///   - runs: Number of runs K ≥ 1.
  ///   - algorithm: Which algorithm (with its defaults).
  ///   - resolution: γ for Leiden and Louvain; ignored by label propagation.
  ///   - seed: Seed of the first run.
  /// - Returns: The best run, every run, and the mean pairwise agreement.
  /// - Complexity: K runs of the algorithm plus O(K² *n* log *n*).
  /// - Precondition: `runs` ≥ 1.
  public func bestOf(
    runs: Int, using algorithm: CommunityAlgorithm, resolution: Double = 1, seed: UInt64 = 0
  ) -> CommunityRuns {
    bestOf(runs: runs, seed: seed) { graph, seed in
      graph.communities(using: algorithm, resolution: resolution, seed: seed)
    }
  }
}
