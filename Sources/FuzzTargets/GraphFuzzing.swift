import Bibliography
import Formats
import GraphKit

extension FuzzTargets {
  /// The plain-graph readers (edge list, GML, GraphML, GEXF, METIS, VOSviewer JSON; gzip) on
  /// arbitrary bytes: through detection (``GraphReader/parseDocument(_:file:)``), and through
  /// each reader directly, so the GEXF, GraphML, GML and METIS readers see every input
  /// whatever detection says. Invariant: a graph that is returned is well formed: CSR
  /// offsets ascend to the neighbor count, every neighbor is a node, and every weight is
  /// positive and finite (what GraphKit's searches, PageRank and community detection
  /// require: no file may reach their preconditions).
  ///
  /// Deep nesting is part of the input space: the seeds (FuzzRegressions/graphs) hold GML
  /// lists and XML elements nested past the 1,000-level limit, and the LaTeX converter
  /// (``LaTeXText``) runs on the input as text, braces and all.
  public static func graphs(_ bytes: [UInt8]) -> [String] {
    var failures: [String] = []
    if let document = try? GraphReader.parseDocument(bytes, file: "fuzz-input") {
      failures += check(document.graph, reader: "detected \(document.format.rawValue)")
    }
    let readers: [(String, ([UInt8]) throws -> GraphDocument)] = [
      ("edge list", { EdgeListReader.parseDocument($0, file: "fuzz-input") }),
      ("GML", { try GMLReader.parseDocument($0, file: "fuzz-input") }),
      ("GraphML", { try GraphMLReader.parseDocument($0, file: "fuzz-input") }),
      ("GEXF", { try GEXFReader.parseDocument($0, file: "fuzz-input") }),
      ("METIS", { try METISReader.parseDocument($0, file: "fuzz-input") }),
      ("VOSviewer JSON", { try VOSviewerReader.parseJSON($0, file: "fuzz-input") }),
    ]
    for (name, read) in readers {
      if let document = try? read(bytes) { failures += check(document.graph, reader: name) }
    }
    // Brace nesting: the converter must not recurse without bound.
    if bytes.count <= 1 << 16 { _ = LaTeXText.toUnicode(String(decoding: bytes, as: UTF8.self)) }
    return failures
  }

  static func check(_ graph: Graph, reader: String) -> [String] {
    var failures: [String] = []
    let n = graph.nodeCount
    if graph.offsets.first != 0 || graph.offsets.last != graph.neighbors.count
      || graph.weights.count != graph.neighbors.count
    {
      failures.append(
        "\(reader): CSR arrays disagree: \(graph.offsets.count) offsets, \(graph.neighbors.count) neighbors, \(graph.weights.count) weights"
      )
      return failures
    }
    for u in 0..<n where graph.offsets[u] > graph.offsets[u + 1] {
      failures.append("\(reader): offsets descend at node \(u)")
    }
    for (index, v) in graph.neighbors.enumerated() where v < 0 || Int(v) >= n {
      failures.append("\(reader): neighbor \(v) at \(index) is not a node of \(n)")
    }
    for (index, w) in graph.weights.enumerated() where !(w > 0 && w.isFinite) {
      failures.append("\(reader): weight \(w) at \(index) is not positive and finite")
    }
    return failures
  }
}
