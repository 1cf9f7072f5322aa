import Foundation
import GraphKit

/// One network's figure as the HTML report shows it: which network node each drawn node
/// (`n0`, `n1`, … in the DOT and SVG) is, and the data block behind the hover card,
/// search and ego highlighting.
struct ReportFigure {
  /// Output base name ("coauthor-network"): the figure is `<name>.svg`.
  var name: String
  var title: String
  /// The JSON data block (not yet escaped for HTML).
  var json: String
  /// The drawn nodes' names (for the search box's suggestions).
  var nodeNames: [String]
  /// Community swatches: colour, text, community index (0 = largest) in the figure.
  var swatches: [(color: String, label: String, community: Int)]

  /// One drawn node in the data block.
  struct Node: Encodable {
    var id: String
    var name: String
    /// "person", "term" (topic networks) or "author"/"term" (author–topic).
    var kind: String
    var community: Int?
    var papers: Int?
    var years: String?
    /// Strongest neighbours in the whole network, with link weights.
    var top: [String]
    /// Drawn neighbours, as indices into `nodes`.
    var neighbors: [Int]
    var metrics: [String: Double]
  }

  struct Block: Encodable {
    var name: String
    var title: String
    var nodes: [Node]
  }

  /// The figure data of one network of the run.
  ///
  /// - Parameters:
  ///   - nodes: The network nodes drawn, in the figure's order (`NetworkFigure.selection`).
  ///   - years: First and last year of each person's dated papers, by display name.
  ///   - kinds: A kind per network node, or nil for "person".
  static func make(
    name: String, title: String, graph: Graph, metrics: MetricsReport, nodes: [Int],
    community: [Int]?, years: [String: (Int, Int)], kinds: [String]?,
    swatches: [(color: String, label: String, community: Int)]
  ) -> ReportFigure {
    var position: [Int: Int] = [:]
    for (i, u) in nodes.enumerated() { position[u] = i }
    let rows = Dictionary(uniqueKeysWithValues: metrics.rows.map { ($0.node, $0) })
    let dataNodes = nodes.enumerated().map { i, u -> Node in
      let label = graph.label(of: u)
      let neighbours = graph.row(u).map { (Int(graph.neighbors[$0]), graph.weights[$0]) }
        .filter { $0.0 != u }
      let top = neighbours.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(5).map {
        "\(graph.label(of: $0.0)) (\(formatNumber($0.1, decimals: 2)))"
      }
      let row = rows[u]
      var values: [String: Double] = [:]
      if let r = row {
        values = [
          "degree": Double(r.degree), "strength": r.strength, "PageRank": r.pageRank,
          "eigenvector": r.eigenvector, "betweenness": r.betweenness, "closeness": r.closeness,
          "harmonic": r.harmonic, "core": Double(r.core), "clustering": r.clustering,
        ].filter { $0.value.isFinite }
      }
      let span = years[label].map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }
      return Node(
        id: "n\(i)", name: label, kind: kinds?[u] ?? "person",
        community: community.map { $0[u] + 1 }, papers: row?.papers, years: span,
        top: Array(top), neighbors: neighbours.compactMap { position[$0.0] }.sorted(),
        metrics: values)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(Block(name: name, title: title, nodes: dataNodes))) ?? Data("{}".utf8)
    return ReportFigure(
      name: name, title: title, json: String(decoding: data, as: UTF8.self),
      nodeNames: dataNodes.map(\.name), swatches: swatches)
  }
}

/// Graphviz SVG made fit to place inline in the report.
///
/// The SVG is our own output, but its labels come from input; Graphviz escapes them,
/// and this removes defensively what could run or load anything: `<script>` and
/// `<foreignObject>` elements, `on…=` event attributes, `style` attributes (the page's
/// CSP would refuse them), `href`s (Graphviz writes none unless asked), the XML
/// declaration, DOCTYPE and comments. The root keeps its `viewBox` (pan and zoom change
/// it) and loses its fixed size.
enum InlineSVG {
  static func sanitize(_ svg: String, id: String) -> String {
    var s = svg
    let patterns: [(String, String)] = [
      (#"<\?xml[^>]*\?>"#, ""),
      (#"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>"#, ""),
      (#"<!--[\s\S]*?-->"#, ""),
      (#"<script\b[\s\S]*?</script\s*>"#, ""),
      (#"<script\b[^>]*/>"#, ""),
      (#"<foreignObject\b[\s\S]*?</foreignObject\s*>"#, ""),
      (#"\s(?:on[a-zA-Z]+|style|href|xlink:href)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)"#, ""),
    ]
    for (pattern, replacement) in patterns {
      guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
      else { continue }
      s = regex.stringByReplacingMatches(
        in: s, range: NSRange(s.startIndex..., in: s), withTemplate: replacement)
    }
    // The root: an id, no fixed width and height (CSS sizes it).
    guard let start = s.range(of: "<svg") else { return "" }
    s = String(s[start.lowerBound...])
    if let end = s.firstIndex(of: ">") {
      var tag = String(s[...end])
      if let regex = try? NSRegularExpression(pattern: #"\s(?:width|height|id|class)="[^"]*""#) {
        tag = regex.stringByReplacingMatches(
          in: tag, range: NSRange(tag.startIndex..., in: tag), withTemplate: "")
      }
      tag = tag.replacingOccurrences(of: "<svg", with: "<svg id=\"\(safeID(id))\" class=\"net\"")
      s.replaceSubrange(...end, with: tag)
    }
    return s.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// An id made of safe characters only.
  static func safeID(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
  }
}
