/// An immutable, weighted, undirected graph in compressed sparse row (CSR) form.
///
/// Node ids are `0..<nodeCount`. Every undirected edge {u, v} with u ≠ v is stored
/// twice, once in the row of each endpoint; a self-loop {u, u} is stored once in the
/// row of u (see ``GraphBuilder`` for how self-loops are treated). Rows are sorted by
/// neighbor id and hold no duplicates: parallel edges were merged by the builder.
///
/// Weights are collaboration *strengths* (larger = closer). Algorithms that need path
/// lengths take an ``EdgeDistance`` that says how a weight becomes a length.
public struct Graph: Sendable, Hashable {
  /// Row starts: the neighbors of `u` are `neighbors[offsets[u]..<offsets[u + 1]]`.
  public let offsets: [Int]
  /// Neighbor ids, grouped by row, ascending within a row.
  public let neighbors: [Int32]
  /// `weights[i]` is the weight of the edge to `neighbors[i]`.
  public let weights: [Double]
  /// Optional display labels, one per node (empty when the graph has none).
  public let labels: [String]
  /// Number of undirected edges, self-loops included (each counted once).
  public let edgeCount: Int
  /// Number of self-loops.
  public let selfLoopCount: Int

  /// Creates a graph from CSR arrays that already satisfy the invariants above.
  ///
  /// Use ``GraphBuilder`` unless the arrays come from another `Graph`.
  /// - Precondition: `offsets` is non-decreasing, starts at 0 and ends at
  ///   `neighbors.count`; `weights.count == neighbors.count`; `labels` is empty or
  ///   has one entry per node.
  public init(offsets: [Int], neighbors: [Int32], weights: [Double], labels: [String] = []) {
    precondition(offsets.first == 0 && offsets.last == neighbors.count, "offsets do not cover neighbors")
    precondition(weights.count == neighbors.count, "one weight per stored neighbor")
    precondition(labels.isEmpty || labels.count == offsets.count - 1, "one label per node")
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.labels = labels
    var loops = 0
    for u in 0..<(offsets.count - 1) {
      for i in offsets[u]..<offsets[u + 1] where Int(neighbors[i]) == u { loops += 1 }
    }
    self.selfLoopCount = loops
    self.edgeCount = (neighbors.count - loops) / 2 + loops
  }

  /// Number of nodes.
  @inlinable public var nodeCount: Int { offsets.count - 1 }

  /// True when every edge weight is 1.
  public var isUnweighted: Bool { weights.allSatisfy { $0 == 1 } }

  /// The label of `node`, or its id as text when the graph has no labels.
  public func label(of node: Int) -> String {
    labels.isEmpty ? String(node) : labels[node]
  }

  /// The range of `neighbors`/`weights` holding the row of `node`.
  @inlinable public func row(_ node: Int) -> Range<Int> {
    offsets[node]..<offsets[node + 1]
  }

  /// Number of stored neighbors of `node` (a self-loop counts once here; see
  /// ``degreeCentrality()`` for networkx's convention, which counts it twice).
  @inlinable public func neighborCount(of node: Int) -> Int {
    offsets[node + 1] - offsets[node]
  }

  /// The weight of edge {u, v}, or nil when there is none. O(log degree).
  public func weight(between u: Int, and v: Int) -> Double? {
    var lo = offsets[u]
    var hi = offsets[u + 1]
    let target = Int32(v)
    while lo < hi {
      let mid = (lo + hi) / 2
      if neighbors[mid] < target { lo = mid + 1 } else { hi = mid }
    }
    return lo < offsets[u + 1] && neighbors[lo] == target ? weights[lo] : nil
  }

  /// Every undirected edge once, as (u, v, weight) with u ≤ v, in row order.
  public var edges: [(u: Int, v: Int, weight: Double)] {
    var out: [(u: Int, v: Int, weight: Double)] = []
    out.reserveCapacity(edgeCount)
    for u in 0..<nodeCount {
      for i in row(u) where Int(neighbors[i]) >= u {
        out.append((u, Int(neighbors[i]), weights[i]))
      }
    }
    return out
  }

  /// Total edge weight, each undirected edge once.
  public var totalWeight: Double {
    var total = 0.0
    for u in 0..<nodeCount {
      for i in row(u) where Int(neighbors[i]) >= u { total += weights[i] }
    }
    return total
  }
}

/// How an edge weight (a strength) becomes a path length.
public enum EdgeDistance: String, Sendable, Hashable, CaseIterable, Codable {
  /// Every edge has length 1; weights are ignored.
  case hops
  /// Length = 1 / weight: strong collaborations are short (Newman 2001).
  case inverseWeight = "inverse-weight"
}
