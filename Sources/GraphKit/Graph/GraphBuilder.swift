/// Collects edges and builds an immutable ``Graph``.
///
/// Parallel edges are merged by summing their weights (a bibliographic source
/// really adds weight per joint paper; an edge list that lists each undirected edge
/// twice should be read with ``ParallelEdges/keepFirst``). Self-loops are kept or
/// dropped as chosen; dropped ones are counted in ``droppedSelfLoops``.
public struct GraphBuilder: Sendable {
  /// What to do with an edge that was already added.
  public enum ParallelEdges: Sendable {
    /// Sum the weights (coauthor counting).
    case sum
    /// Keep the first weight (edge lists that state each edge twice).
    case keepFirst
    /// Keep the largest weight.
    case max
  }

  /// What to do with an edge {u, u}.
  public enum SelfLoops: Sendable {
    case keep
    case drop
  }

  public private(set) var nodeCount: Int
  public var labels: [String]
  public var parallelEdges: ParallelEdges
  public var selfLoops: SelfLoops
  public private(set) var droppedSelfLoops = 0
  private var us: [Int32] = []
  private var vs: [Int32] = []
  private var ws: [Double] = []

  public init(
    nodeCount: Int = 0, labels: [String] = [], parallelEdges: ParallelEdges = .sum,
    selfLoops: SelfLoops = .drop
  ) {
    precondition(nodeCount >= 0, "nodeCount must not be negative")
    self.nodeCount = max(nodeCount, labels.count)
    self.labels = labels
    self.parallelEdges = parallelEdges
    self.selfLoops = selfLoops
  }

  /// Adds a node and returns its id.
  @discardableResult
  public mutating func addNode(label: String? = nil) -> Int {
    if let label {
      if labels.count < nodeCount { labels += (labels.count..<nodeCount).map(String.init) }
      labels.append(label)
    }
    nodeCount += 1
    return nodeCount - 1
  }

  /// Makes sure nodes `0..<count` exist.
  public mutating func reserveNodes(_ count: Int) {
    nodeCount = max(nodeCount, count)
  }

  /// Adds the undirected edge {u, v}; nodes up to max(u, v) are created as needed.
  /// - Precondition: u, v ≥ 0 and `weight` is finite.
  public mutating func addEdge(_ u: Int, _ v: Int, weight: Double = 1) {
    precondition(u >= 0 && v >= 0, "node ids must not be negative")
    precondition(weight.isFinite, "edge weight must be finite")
    if u == v, selfLoops == .drop {
      droppedSelfLoops += 1
      return
    }
    nodeCount = max(nodeCount, max(u, v) + 1)
    us.append(Int32(u))
    vs.append(Int32(v))
    ws.append(weight)
  }

  /// Number of edges added so far (before merging).
  public var addedEdgeCount: Int { us.count }

  /// Builds the CSR graph. O(n + m) time by counting sort, O(n + m) extra memory.
  public func build() -> Graph {
    var copy = self
    return copy.buildReleasingEdges()
  }

  /// Builds the CSR graph like ``build()`` and empties the builder's edge list as soon as
  /// it has been scattered into rows, so that the added edges (16 bytes each), the rows
  /// (24 bytes per added edge) and the merged graph are never all held at once: the peak
  /// is the rows plus the merged graph. The builder keeps its nodes and labels.
  public mutating func buildReleasingEdges() -> Graph {
    let n = nodeCount
    // Count both directions (a self-loop once).
    var counts = [Int](repeating: 0, count: n + 1)
    for k in us.indices {
      counts[Int(us[k]) + 1] += 1
      if us[k] != vs[k] { counts[Int(vs[k]) + 1] += 1 }
    }
    for i in 0..<n { counts[i + 1] += counts[i] }
    var fill = counts
    var nbr = [Int32](repeating: 0, count: counts[n])
    var wt = [Double](repeating: 0, count: counts[n])
    // Insert in input order so that "first" means first added.
    for k in us.indices {
      let u = Int(us[k])
      let v = Int(vs[k])
      nbr[fill[u]] = vs[k]
      wt[fill[u]] = ws[k]
      fill[u] += 1
      if u != v {
        nbr[fill[v]] = us[k]
        wt[fill[v]] = ws[k]
        fill[v] += 1
      }
    }
    fill = []
    us = []
    vs = []
    ws = []
    // Sort each row by neighbor (stable, so input order survives among duplicates),
    // then merge duplicates, compacting in place: a row is copied out before it is
    // written back at or before its old start.
    var offsets = [Int](repeating: 0, count: n + 1)
    var out = 0
    var keys: [UInt64] = []
    var rowN: [Int32] = []
    var rowW: [Double] = []
    for u in 0..<n {
      let start = counts[u]
      let end = counts[u + 1]
      keys.removeAll(keepingCapacity: true)
      rowN.removeAll(keepingCapacity: true)
      rowW.removeAll(keepingCapacity: true)
      for i in start..<end {
        keys.append(UInt64(UInt32(bitPattern: nbr[i])) << 32 | UInt64(i - start))
        rowN.append(nbr[i])
        rowW.append(wt[i])
      }
      keys.sort()
      var last: Int32 = -1
      for key in keys {
        let i = Int(key & 0xFFFF_FFFF)
        if rowN[i] == last {
          switch parallelEdges {
          case .sum: wt[out - 1] += rowW[i]
          case .keepFirst: break
          case .max: wt[out - 1] = Swift.max(wt[out - 1], rowW[i])
          }
        } else {
          nbr[out] = rowN[i]
          wt[out] = rowW[i]
          last = rowN[i]
          out += 1
        }
      }
      offsets[u + 1] = out
    }
    counts = []
    let outN = Array(nbr[0..<out])
    nbr = []
    let outW = Array(wt[0..<out])
    wt = []
    var finalLabels = labels
    if !finalLabels.isEmpty, finalLabels.count < n {
      finalLabels += (finalLabels.count..<n).map(String.init)
    }
    return Graph(offsets: offsets, neighbors: outN, weights: outW, labels: finalLabels)
  }
}
