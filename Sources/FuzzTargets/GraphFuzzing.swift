import GraphKit

extension FuzzTargets {
  /// The plain-graph readers (edge list, GML, GraphML, METIS, VOSviewer JSON; gzip) on
  /// arbitrary bytes. Invariant: a graph that is returned is well formed: CSR offsets
  /// ascend to the neighbor count, every neighbor is a node, weights are finite.
  public static func graphs(_ bytes: [UInt8]) -> [String] {
    var failures: [String] = []
    guard let document = try? GraphReader.parseDocument(bytes, file: "fuzz-input") else {
      return failures
    }
    let graph = document.graph
    let n = graph.nodeCount
    if graph.offsets.first != 0 || graph.offsets.last != graph.neighbors.count
      || graph.weights.count != graph.neighbors.count
    {
      failures.append(
        "CSR arrays disagree: \(graph.offsets.count) offsets, \(graph.neighbors.count) neighbors, \(graph.weights.count) weights"
      )
      return failures
    }
    for u in 0..<n where graph.offsets[u] > graph.offsets[u + 1] {
      failures.append("offsets descend at node \(u)")
    }
    for (index, v) in graph.neighbors.enumerated() where v < 0 || Int(v) >= n {
      failures.append("neighbor \(v) at \(index) is not a node of \(n)")
    }
    for (index, w) in graph.weights.enumerated() where !w.isFinite {
      failures.append("weight \(w) at \(index) is not finite")
    }
    return failures
  }
}
