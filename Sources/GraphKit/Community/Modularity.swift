extension Graph {
  /// Computes the modularity of a partition.
  ///
  /// Q = Σ_c [L_c/m − γ(K_c/2m)²], with m the total edge weight, L_c the weight
  /// of the edges inside community c and K_c the total strength of its nodes.
  /// Weighted, as networkx `modularity(G, communities, weight, resolution)` and
  /// igraph `Graph.modularity(membership, weights, resolution)`: a self-loop adds
  /// its weight once to m and to L_c, and twice to the strength of its node.
  /// A larger γ rewards more, smaller communities (networkx/igraph convention;
  /// Gephi's resolution runs the other way).
  ///
  /// - Parameters:
  ///   - partition: One community per node.
  ///   - resolution: γ; 1 is Newman–Girvan modularity.
  /// - Returns: Q, between −1/2 and 1; NaN for a graph without edge weight
  ///   (m = 0), where modularity is undefined (igraph returns NaN as well).
  /// - Complexity: O(*n* + *m*) time, O(*n*) extra memory.
  /// - Precondition: `partition` covers exactly the nodes of the graph.
  ///
  /// Reference: M. E. J. Newman, M. Girvan, Phys. Rev. E 69, 026113 (2004),
  /// https://doi.org/10.1103/PhysRevE.69.026113; resolution γ: J. Reichardt,
  /// S. Bornholdt, Phys. Rev. E 74, 016110 (2006).
  public func modularity(of partition: Partition, resolution: Double = 1) -> Double {
    precondition(
      partition.nodeCount == nodeCount,
      "partition covers \(partition.nodeCount) nodes, graph has \(nodeCount)")
    let membership = partition.membership
    var inside = [Double](repeating: 0, count: partition.communityCount)
    var strength = [Double](repeating: 0, count: partition.communityCount)
    var m = 0.0
    for u in 0..<nodeCount {
      let c = membership[u]
      for i in offsets[u]..<offsets[u + 1] {
        let v = Int(neighbors[i])
        let w = weights[i]
        if v == u {
          strength[c] += 2 * w
          inside[c] += w
          m += w
        } else {
          strength[c] += w
          if v > u {
            m += w
            if membership[v] == c { inside[c] += w }
          }
        }
      }
    }
    guard m != 0 else { return .nan }
    var q = 0.0
    for c in inside.indices {
      let share = strength[c] / (2 * m)
      q += inside[c] / m - resolution * share * share
    }
    return q
  }

  /// The weight of the edges inside each community (each edge once, self-loops
  /// included), indexed by community.
  ///
  /// - Parameter partition: One community per node.
  /// - Returns: L_c for every community c of `partition`.
  /// - Complexity: O(*n* + *m*) time, O(*k*) extra memory for *k* communities.
  /// - Precondition: `partition` covers exactly the nodes of the graph.
  public func internalWeights(of partition: Partition) -> [Double] {
    precondition(
      partition.nodeCount == nodeCount,
      "partition covers \(partition.nodeCount) nodes, graph has \(nodeCount)")
    let membership = partition.membership
    var inside = [Double](repeating: 0, count: partition.communityCount)
    for u in 0..<nodeCount {
      for i in offsets[u]..<offsets[u + 1] where Int(neighbors[i]) >= u {
        if membership[Int(neighbors[i])] == membership[u] { inside[membership[u]] += weights[i] }
      }
    }
    return inside
  }
}
