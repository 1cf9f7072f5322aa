extension Graph {
  /// The connected components, as a partition numbered largest first (ties: the
  /// component with the smallest node id first).
  ///
  /// networkx `connected_components(G)`; igraph `Graph.connected_components()`.
  ///
  /// - Returns: A ``Partition`` with one community per component.
  /// - Complexity: O(*n* + *m*) time and extra memory.
  public func connectedComponents() -> Partition {
    Partition(membership: _componentLabels().labels)
  }

  /// Component label per node (numbered in order of smallest member) and sizes.
  func _componentLabels() -> (labels: [Int], sizes: [Int]) {
    let n = nodeCount
    var label = [Int](repeating: -1, count: n)
    var sizes: [Int] = []
    var queue = [Int32](repeating: 0, count: n)
    for s in 0..<n where label[s] < 0 {
      let c = sizes.count
      label[s] = c
      queue[0] = Int32(s)
      var head = 0
      var tail = 1
      while head < tail {
        let v = Int(queue[head])
        head += 1
        for i in row(v) {
          let w = Int(neighbors[i])
          if label[w] < 0 {
            label[w] = c
            queue[tail] = Int32(w)
            tail += 1
          }
        }
      }
      sizes.append(tail)
    }
    return (label, sizes)
  }

  /// The nodes of the largest connected component (ties: smallest node id), ascending.
  ///
  /// - Complexity: O(*n* + *m*).
  public func largestComponentNodes() -> [Int] {
    let (labels, sizes) = _componentLabels()
    guard let best = sizes.indices.max(by: { sizes[$0] < sizes[$1] || (sizes[$0] == sizes[$1] && $0 > $1) })
    else { return [] }
    return labels.indices.filter { labels[$0] == best }
  }

  /// The subgraph induced by `nodes` (ids renumbered in the given order; labels kept).
  ///
  /// - Precondition: `nodes` holds distinct valid node ids.
  /// - Complexity: O(*n* + *m*).
  public func subgraph(_ nodes: [Int]) -> Graph {
    var newId = [Int](repeating: -1, count: nodeCount)
    for (k, u) in nodes.enumerated() {
      precondition(u >= 0 && u < nodeCount && newId[u] < 0, "node ids must be valid and distinct")
      newId[u] = k
    }
    var offsets = [0]
    var nbr: [Int32] = []
    var wt: [Double] = []
    for u in nodes {
      var rowItems: [(Int32, Double)] = []
      for i in row(u) where newId[Int(neighbors[i])] >= 0 {
        rowItems.append((Int32(newId[Int(neighbors[i])]), weights[i]))
      }
      rowItems.sort { $0.0 < $1.0 }
      for (v, w) in rowItems {
        nbr.append(v)
        wt.append(w)
      }
      offsets.append(nbr.count)
    }
    return Graph(
      offsets: offsets, neighbors: nbr, weights: wt,
      labels: labels.isEmpty ? [] : nodes.map { labels[$0] })
  }
}
