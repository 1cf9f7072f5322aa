extension Graph {
  /// Finds communities by asynchronous label propagation.
  ///
  /// Every node starts with its own label; in each sweep (a fresh seeded random
  /// order) a node takes the label carrying the largest total edge weight among
  /// its neighbors, keeping its own label when that is one of the largest and
  /// breaking other ties at random. Stops after a sweep that changes nothing
  /// (networkx `asyn_lpa_communities`). Self-loops are ignored. Each change
  /// strictly raises the weight of edges whose ends agree, so it terminates.
  ///
  /// Fast and parameter-free, but it optimises no objective: expect lower
  /// modularity than Leiden or Louvain, and a partition that varies with the seed.
  ///
  /// - Parameter seed: Seed of the node orders and tie breaks.
  /// - Returns: The communities (largest first) and their modularity at γ = 1
  ///   (also `quality`); `levels` holds the partition alone.
  /// - Complexity: O(*m*) per sweep; O(*n*) extra memory.
  /// - Precondition: edge weights ≥ 0.
  ///
  /// Reference: U. N. Raghavan, R. Albert, S. Kumara, Phys. Rev. E 76, 036106
  /// (2007). https://doi.org/10.1103/PhysRevE.76.036106
  public func labelPropagationCommunities(seed: UInt64 = 0) -> CommunityResult {
    let n = nodeCount
    let graph = _CommunityGraph(self, nodeWeighting: .strength)
    var rng = SplitMix64(seed: seed)
    var s = _CommunityScratch(capacity: n)
    var label = (0..<n).map { Int32($0) }
    var changed = n > 0
    while changed {
      changed = false
      s.shuffleOrder(n, &rng)
      for k in 0..<n {
        let v = Int(s.order[k])
        let rowStart = graph.offsets[v]
        let rowEnd = graph.offsets[v + 1]
        guard rowStart < rowEnd else { continue }
        let mark = s.newMark()
        s.touched.removeAll(keepingCapacity: true)
        for i in rowStart..<rowEnd {
          s.accumulate(Int(label[Int(graph.neighbors[i])]), graph.weights[i], mark: mark)
        }
        var best = -Double.infinity
        var ties = 0
        for t in s.touched {
          let w = s.neighborWeight[Int(t)]
          if w > best {
            best = w
            ties = 1
          } else if w == best {
            ties += 1
          }
        }
        let own = Int(label[v])
        if s.stamp[own] == mark, s.neighborWeight[own] == best { continue }
        var pick = rng.nextInt(below: ties)
        for t in s.touched where s.neighborWeight[Int(t)] == best {
          if pick == 0 {
            label[v] = t
            break
          }
          pick -= 1
        }
        changed = true
      }
    }
    let m = graph.totalWeight
    let q = _levelModularity(graph, label, totalWeight: m, resolution: 1)
    let partition = Partition(membership: label.map { Int($0) })
    return CommunityResult(
      partition: partition, modularity: q, quality: q, levels: n == 0 ? [] : [partition])
  }
}
