import GraphKit

/// A collaboration stated without its papers: "Name (count)" on a homepage says that
/// `owner` and `collaborator` wrote `count` works together.
public struct DeclaredCollaboration: Sendable, Hashable {
  public var owner: Int
  public var collaborator: Int
  public var count: Int

  public init(owner: Int, collaborator: Int, count: Int) {
    self.owner = owner
    self.collaborator = collaborator
    self.count = count
  }
}

/// What a coauthor network is built from: people already resolved to dense ids.
public struct CoauthorInput: Sendable {
  /// Display name of each person; the index is the person id.
  public var names: [String]
  /// The people on each paper, in author order (a person at most once per paper).
  public var papers: [[Int]]
  /// Collaborations stated with a count but no paper list.
  public var declared: [DeclaredCollaboration]

  public init(names: [String], papers: [[Int]], declared: [DeclaredCollaboration] = []) {
    self.names = names
    self.papers = papers
    self.declared = declared
  }
}

/// A weighted coauthor network: nodes are people, edges joint work.
public struct CoauthorNetwork: Sendable {
  /// The graph; node ids equal person ids of the input, labels are display names.
  public var graph: Graph
  public var weighting: Weighting
  /// Papers per node, counting a declared collaboration's count where it exceeds the
  /// listed papers (a homepage collaborator is known to have at least that many).
  public var paperCounts: [Int]
  /// Indices of papers left out of the edges because they have more than the
  /// hyperauthorship limit of authors.
  public var hyperauthoredPapers: [Int]
  /// Pairs whose declared count exceeded the joint papers found in the sources
  /// (the declared count was used; see ``build(from:weighting:maxAuthors:)``).
  public var declaredExcess: Int

  /// Builds the network.
  ///
  /// A pair's full count is the number of papers it shares. A declared collaboration
  /// counts the same thing, so the pair's count is the larger of the two, never the sum
  /// (the homepage's "(2)" and two listed papers are the same two papers). Under
  /// `.fractional`, declared works beyond the listed papers enter as two-author works
  /// (1 each), since their team sizes are unknown. `.association` normalises the
  /// full-count network.
  ///
  /// - Parameters:
  ///   - input: People and papers.
  ///   - weighting: Counting method.
  ///   - maxAuthors: Papers with more authors are left out of the edges (and listed in
  ///     ``hyperauthoredPapers``); `nil` keeps every paper.
  /// - Complexity: O(Σ n_k²) over papers k with n_k authors.
  public static func build(
    from input: CoauthorInput, weighting: Weighting = .count, maxAuthors: Int? = nil
  ) -> CoauthorNetwork {
    let n = input.names.count
    // Only the builders the result needs: the full count for `.count`, `.association`
    // and the declared merge, the fractional one for `.fractional` (each holds 16 bytes
    // per author pair of every paper until it is built).
    let needsFull = weighting != .fractional || !input.declared.isEmpty
    let needsFractional = weighting == .fractional
    var full = GraphBuilder(nodeCount: n, labels: input.names, parallelEdges: .sum)
    var fractional = GraphBuilder(nodeCount: n, labels: input.names, parallelEdges: .sum)
    var papers = [Int](repeating: 0, count: n)
    var skipped: [Int] = []
    for (index, authors) in input.papers.enumerated() {
      for a in authors { papers[a] += 1 }
      if let maxAuthors, authors.count > maxAuthors {
        skipped.append(index)
        continue
      }
      guard authors.count > 1 else { continue }
      let share = 1.0 / Double(authors.count - 1)
      for i in 0..<authors.count {
        for j in (i + 1)..<authors.count {
          if needsFull { full.addEdge(authors[i], authors[j], weight: 1) }
          if needsFractional { fractional.addEdge(authors[i], authors[j], weight: share) }
        }
      }
    }
    var excess = 0
    if !input.declared.isEmpty {
      let paperGraph = full.build()
      // Merge declared counts as max(listed, declared) per pair.
      var declaredPairs: [Int64: Int] = [:]
      for d in input.declared where d.owner != d.collaborator {
        let key = pairKey(d.owner, d.collaborator)
        declaredPairs[key] = max(declaredPairs[key] ?? 0, d.count)
      }
      for (key, count) in declaredPairs.sorted(by: { $0.key < $1.key }) {
        let u = Int(key >> 32)
        let v = Int(key & 0xFFFF_FFFF)
        let listed = Int(paperGraph.weight(between: u, and: v) ?? 0)
        papers[v] = max(papers[v], count)
        if count > listed {
          excess += 1
          let extra = Double(count - listed)
          full.addEdge(u, v, weight: extra)
          fractional.addEdge(u, v, weight: extra)
        }
      }
    }
    let graph: Graph
    switch weighting {
    case .count: graph = full.buildReleasingEdges()
    case .fractional: graph = fractional.buildReleasingEdges()
    case .association: graph = associationStrength(of: full.buildReleasingEdges())
    }
    return CoauthorNetwork(
      graph: graph, weighting: weighting, paperCounts: papers, hyperauthoredPapers: skipped,
      declaredExcess: excess)
  }

  /// VOSviewer's association strength: a'_ij = 2m · a_ij / (k_i k_j), where k_i is the
  /// total link strength (weighted degree) of i and 2m = Σ_i k_i.
  public static func associationStrength(of graph: Graph) -> Graph {
    var strength = [Double](repeating: 0, count: graph.nodeCount)
    for u in 0..<graph.nodeCount {
      for i in graph.row(u) { strength[u] += graph.weights[i] }
    }
    let twoM = strength.reduce(0, +)
    var weights = graph.weights
    for u in 0..<graph.nodeCount {
      for i in graph.row(u) {
        let v = Int(graph.neighbors[i])
        weights[i] = twoM * graph.weights[i] / (strength[u] * strength[v])
      }
    }
    return Graph(
      offsets: graph.offsets, neighbors: graph.neighbors, weights: weights, labels: graph.labels)
  }

  private static func pairKey(_ a: Int, _ b: Int) -> Int64 {
    let (u, v) = a < b ? (a, b) : (b, a)
    return Int64(u) << 32 | Int64(v)
  }
}
