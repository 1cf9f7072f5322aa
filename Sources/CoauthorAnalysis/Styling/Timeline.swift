import Bibliography
import GraphKit
import Graphviz

/// A flip-book of a growing coauthor network: one frame per year with the papers up to
/// that year, every person at the place the whole network's layout gave them, so a
/// reader can see who joined when.
enum Timeline {
  struct Frame {
    var year: Int
    var document: DOTDocument
    var people: Int
    var papers: Int
    /// The whole network's node of each frame node.
    var nodes: [Int]
  }

  /// The frames, from the first year with a paper to the last. Papers without a year
  /// and homepage counts (undated) are not in any frame, which each caption says.
  /// `positions` are the whole network's layout (by node); people without one (not in
  /// the whole figure) are in no frame. The documents are not pinned yet: the caller
  /// pins every frame node where the whole layout put it.
  static func frames(
    corpus: Corpus, weighting: Weighting, maxAuthors: Int?, positions: [Int: (x: Double, y: Double)],
    strength: [Double], communities: [Int], style: FigureStyle
  ) -> [Frame] {
    let years = Set(corpus.papers.compactMap(\.publication.year)).sorted()
    let undated = corpus.papers.count(where: { $0.publication.year == nil })
    let owners = Set(corpus.owners)
    // Label in every frame exactly the people labeled in the whole figure: the layout
    // left room for their labels only.
    let ranked = strength.indices.sorted { strength[$0] != strength[$1] ? strength[$0] > strength[$1] : $0 < $1 }
    var labeled = owners
    for u in ranked where labeled.count < max(style.labeledNodes, owners.count) { labeled.insert(u) }
    let boost = (strength.max() ?? 0) + 1
    var frames: [Frame] = []
    for year in years {
      let papers = corpus.papers.filter { ($0.publication.year ?? .max) <= year }
      let input = CoauthorInput(names: corpus.people, papers: papers.map(\.authors))
      let full = CoauthorNetwork.build(from: input, weighting: weighting, maxAuthors: maxAuthors).graph
      let present = (0..<full.nodeCount).filter { u in
        positions[u] != nil && (full.neighborCount(of: u) > 0 || papers.contains { $0.authors.contains(u) })
      }
      let (graph, nodes) = (full.subgraph(present), present)
      var frameStyle = style
      frameStyle.labeledNodes = nodes.count(where: { labeled.contains($0) })
      let importance = nodes.map { labeled.contains($0) ? strength[$0] + boost : strength[$0] }
      var legend = FigureLegend(
        title: "\(year): \(nodes.count) people, \(graph.edgeCount) links, \(papers.count) papers",
        nodeSize: "weighted degree in the whole network", edgeWidth: weighting.meaning,
        colors: "communities of the whole network", communities: [], omitted: nil)
      if undated > 0 || !corpus.declared.isEmpty {
        legend.omitted = "Not in any frame: \(undated) undated papers and \(corpus.declared.count) homepage counts."
      }
      let (document, _) = NetworkFigure.document(
        graph: graph, size: nodes.map { strength[$0] }, importance: importance,
        communities: nodes.map { communities[$0] },
        emphasized: Set(nodes.indices.filter { owners.contains(nodes[$0]) }), style: frameStyle,
        legend: legend)
      frames.append(Frame(year: year, document: document, people: nodes.count, papers: papers.count, nodes: nodes))
    }
    return frames
  }
}
