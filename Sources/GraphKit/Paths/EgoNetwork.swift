import GraphKit

extension Graph {
  /// The subgraph induced by `center`, its neighbors within `radius` hops, and the
  /// edges among them (networkx `ego_graph(G, n, radius)`, undirected, center included).
  ///
  /// - Returns: The subgraph (labels kept) and, for each of its nodes, the node id in
  ///   this graph; the center is node 0 of the subgraph.
  /// - Complexity: O(size of the ball + its edges · log degree).
  public func egoNetwork(of center: Int, radius: Int = 1) -> (graph: Graph, nodes: [Int]) {
    precondition(center >= 0 && center < nodeCount, "center \(center) is not a node")
    var distance = [Int](repeating: -1, count: nodeCount)
    distance[center] = 0
    var order = [center]
    var head = 0
    while head < order.count {
      let u = order[head]
      head += 1
      guard distance[u] < radius else { continue }
      for i in row(u) {
        let v = Int(neighbors[i])
        if distance[v] < 0 {
          distance[v] = distance[u] + 1
          order.append(v)
        }
      }
    }
    return (subgraph(order), order)
  }
}
