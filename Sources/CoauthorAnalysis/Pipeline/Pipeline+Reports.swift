import Bibliography
import Foundation
import GraphKit
import Graphviz

extension Pipeline {
  /// Themes, merges, the review file, diagnostics, `report.md` and `report.html`.
  static func writeReports(
    _ analysis: RunAnalysis, corpus: Corpus, options: RunOptions, into folder: inout OutputFolder,
    progress: (String) -> Void
  ) throws(CoauthorError) {
    let (network, metrics, communities) = (analysis.network, analysis.metrics, analysis.communities)
    let (themes, profiles, networks) = (analysis.themes, analysis.profiles, analysis.networks)
    progress("writing tables and reports")
    try folder.write("themes.csv", themeTable(themes, corpus: corpus))
    try folder.write("name-merges.csv", mergeTable(corpus))
    let suggestions = corpus.nameSuggestions
    try folder.write("name-review.tsv", corpus.review.text(adding: suggestions))
    // One line per diagnostic, input text in it neutralised (bidi and other controls).
    try folder.write(
      "diagnostics.txt",
      corpus.diagnostics.map { Escaping.textLine($0.description) + "\n" }.joined())
    let provenance = Provenance.make(corpus: corpus, options: options)
    let context = ReportContext(
      corpus: corpus, coauthor: network, metrics: metrics, communities: communities,
      themes: themes, profiles: profiles, networks: networks.map { ($0.name, $0.title) },
      options: options,
      provenance: provenance,
      figures: reportFigures(analysis, corpus: corpus, options: options),
      timelineFrames: folder.bytes.keys.compactMap { key -> (year: Int, name: String)? in
        guard key.hasPrefix("timeline/coauthor-"), key.hasSuffix(".svg"),
          let year = Int(key.dropFirst("timeline/coauthor-".count).dropLast(4))
        else { return nil }
        return (year, key)
      }.sorted { $0.year < $1.year },
      missingFigures: folder.missingFigures)
    try folder.write("report.md", Report.markdown(context))
    try folder.write("report.html", HTMLReport.page(context) { [bytes = folder.bytes] in bytes[$0] })
    folder.notes.append(
      "\(corpus.papers.count) papers, \(corpus.people.count) people, \(corpus.declared.count) declared collaborations, \(corpus.nameMerges.count) name merges, \(corpus.paperMerges.count) duplicate listings")
  }

  /// What the HTML report needs to make each figure interactive: the drawn nodes (the
  /// same selection as the figure's), their metrics, years and neighbours.
  static func reportFigures(_ analysis: RunAnalysis, corpus: Corpus, options: RunOptions) -> [ReportFigure] {
    var years: [String: (Int, Int)] = [:]
    for paper in corpus.papers {
      guard let year = paper.publication.year else { continue }
      for a in paper.authors {
        let name = corpus.people[a]
        let old = years[name] ?? (year, year)
        years[name] = (min(old.0, year), max(old.1, year))
      }
    }
    let colors = options.style.palette.colors
    return analysis.networks.map { item in
      let shown = NetworkFigure.selection(
        graph: item.graph, size: item.size, keep: item.emphasized, limit: options.figureNodeLimit)
      let kinds: [String]?
      switch item.name {
      case "topic-network": kinds = Array(repeating: "term", count: item.graph.nodeCount)
      case "author-topic-network":
        kinds = (0..<item.graph.nodeCount).map { item.secondary.contains($0) ? "term" : "author" }
      default: kinds = nil
      }
      var swatches: [(color: String, label: String, community: Int)] = []
      if let partition = item.communities?.partition {
        for c in 0..<min(partition.communityCount, colors.count) {
          let label = c < item.legend.count ? item.legend[c].text : "community \(c + 1)"
          swatches.append((colors[c].color.hex, label, c + 1))
        }
      }
      return ReportFigure.make(
        name: item.name, title: item.title, graph: item.graph, metrics: item.metrics,
        nodes: shown.nodes, community: item.name == "author-topic-network" ? nil : item.community,
        years: years, kinds: kinds,
        swatches: swatches)
    }
  }
}
