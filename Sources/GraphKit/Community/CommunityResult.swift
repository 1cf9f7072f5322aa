/// What a community detection run returns.
///
/// `partition` numbers communities largest first (see ``Partition``), so the same
/// grouping prints the same way whatever order the algorithm found it in.
public struct CommunityResult: Sendable, Hashable {
  /// The communities found.
  public var partition: Partition
  /// Modularity of `partition` at the resolution of the run (γ = 1 for label
  /// propagation and for the CPM objective, whose resolution is on another scale).
  public var modularity: Double
  /// The value of the objective the algorithm maximised, computed from its own
  /// state: modularity at the run's resolution, or the CPM quality
  /// H = Σ_c [w_c − γ·n_c(n_c − 1)/2] of Traag et al. (w_c: weight inside c,
  /// n_c: its node count). leidenalg 0.12's `CPMVertexPartition.quality()`
  /// reports 2H on graphs without self-loops.
  public var quality: Double
  /// A nested hierarchy, finest first, ending with `partition`. Louvain: the
  /// communities found at each level. Leiden: the groups of nodes that each
  /// aggregation (of its last iteration) collapsed into one node, all connected,
  /// then the communities.
  public var levels: [Partition]

  public init(partition: Partition, modularity: Double, quality: Double, levels: [Partition]) {
    self.partition = partition
    self.modularity = modularity
    self.quality = quality
    self.levels = levels
  }
}

/// The quality function Leiden maximises.
public enum LeidenObjective: String, Sendable, Hashable, CaseIterable, Codable {
  /// Newman–Girvan modularity with resolution γ (node weight = strength).
  case modularity
  /// Constant Potts model: a community's internal weight minus γ times its
  /// number of node pairs (node weight = 1). γ is a density threshold: groups
  /// denser than γ are kept together, whatever the size of the graph.
  case cpm
}

/// The community detection algorithms, by the names the command line uses.
public enum CommunityAlgorithm: String, Sendable, Hashable, CaseIterable, Codable {
  /// ``Graph/leidenCommunities(resolution:objective:randomness:iterations:seed:)``
  /// with the modularity objective.
  case leiden
  /// ``Graph/louvainCommunities(resolution:seed:)``.
  case louvain
  /// ``Graph/labelPropagationCommunities(seed:)``; the resolution is not used.
  case labelPropagation = "label-propagation"
}

extension Graph {
  /// Runs one community detection algorithm by name, with its defaults.
  ///
  /// A convenience for callers that pick the algorithm at run time (the
  /// command line); see each algorithm for weights, complexity and reference.
  ///
  /// - Parameters:
  ///   - algorithm: Which algorithm.
  ///   - resolution: γ for Leiden and Louvain (larger gives more, smaller
  ///     communities); ignored by label propagation.
  ///   - seed: Seed of the random choices; the same seed gives the same result.
  /// - Returns: The partition, its modularity and its levels.
  /// - Complexity: That of the chosen algorithm.
  public func communities(
    using algorithm: CommunityAlgorithm, resolution: Double = 1, seed: UInt64 = 0
  ) -> CommunityResult {
    switch algorithm {
    case .leiden: leidenCommunities(resolution: resolution, seed: seed)
    case .louvain: louvainCommunities(resolution: resolution, seed: seed)
    case .labelPropagation: labelPropagationCommunities(seed: seed)
    }
  }
}
