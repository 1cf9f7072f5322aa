import Bibliography
import Foundation
import GraphKit
import Graphviz

extension Pipeline {
  /// The colour key of a community colouring: one entry per coloured community (its
  /// size and three most important members), then one grey entry for the rest.
  static func legendEntries(
    partition: Partition, graph: Graph, importance: [Double], palette: FigurePalette,
    unit: String
  ) -> [LegendEntry] {
    let colors = palette.colors
    var entries: [LegendEntry] = []
    let members = partition.communities
    for (c, nodes) in members.enumerated() where c < colors.count {
      let top = nodes.sorted { importance[$0] > importance[$1] || (importance[$0] == importance[$1] && $0 < $1) }
        .prefix(3).map { graph.label(of: $0) }
      entries.append(
        LegendEntry(
          color: colors[c].color, text: "\(colors[c].name): \(nodes.count) \(unit) (\(top.joined(separator: ", ")))",
          communities: [c]))
    }
    if members.count > colors.count {
      let rest = members.dropFirst(colors.count)
      entries.append(
        LegendEntry(
          color: DOTColor(rgb: 0xBBBBBB),
          text: "grey: \(rest.count) smaller communities, \(rest.reduce(0) { $0 + $1.count }) \(unit)",
          communities: Set(colors.count..<members.count)))
    }
    return entries
  }

  /// The entries of `legend` for the communities a figure shows.
  static func shownEntries(_ legend: [LegendEntry], communities shown: Set<Int>) -> [LegendEntry] {
    legend.filter { !$0.communities.isDisjoint(with: shown) }
  }

  static func edgeTable(_ graph: Graph) -> String {
    // Gephi's edge-table header (Source, Target, Weight; the names are edge attributes).
    var table = CSVTable(header: ["Source", "Target", "source_name", "target_name", "Weight"])
    for (u, v, w) in graph.edges {
      table.append([
        .number(u), .number(v), .text(graph.label(of: u)), .text(graph.label(of: v)), .number(w),
      ])
    }
    return table.text
  }

  static func communityTable(_ partition: Partition, graph: Graph, size: [Double]) -> String {
    var table = CSVTable(header: ["community", "size", "internal_weight", "top_members"])
    let internalWeight = graph.internalWeights(of: partition)
    for (c, nodes) in partition.communities.enumerated() {
      let top = nodes.sorted { size[$0] > size[$1] || (size[$0] == size[$1] && $0 < $1) }
        .prefix(5).map { graph.label(of: $0) }
      table.append([.number(c + 1), .number(nodes.count), .number(internalWeight[c]), .text(top.joined(separator: "; "))])
    }
    return table.text
  }

  static func themeTable(_ themes: [TopicTheme], corpus: Corpus) -> String {
    var table = CSVTable(header: ["theme", "name", "terms", "documents", "example_titles"])
    let titles = TopicAnalysis.documentTitles(of: corpus)
    for (i, theme) in themes.enumerated() {
      let examples = theme.documents.prefix(3).map { titles[$0] }
      table.append([
        .number(i + 1), .text(theme.name), .number(theme.terms.count),
        .number(theme.documents.count), .text(examples.joined(separator: " | ")),
      ])
    }
    return table.text
  }

  static func mergeTable(_ corpus: Corpus) -> String {
    var table = CSVTable(header: ["kind", "kept", "merged", "reason"])
    for m in corpus.nameMerges {
      table.append([.text("name"), .text(m.canonical), .text(m.variant), .text(m.description)])
    }
    for m in corpus.paperMerges {
      table.append([.text("paper"), .text(m.kept.description), .text(m.dropped.description), .text(m.reason)])
    }
    return table.text
  }

  /// A file-name-safe form of a name: transliterated to Latin (王伟 → wang-wei), ASCII
  /// letters and digits, dashes between words; `used` keeps the names of one run apart
  /// (a second "wang-wei" becomes "wang-wei-2").
  static func slug(_ name: String, avoiding used: inout Set<String>) -> String {
    let latin = name.applyingTransform(.toLatin, reverse: false) ?? name
    let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var out = ""
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty, out.last != "-" {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    if out.isEmpty { out = "person" }
    var unique = out
    var n = 2
    while !used.insert(unique).inserted {
      unique = "\(out)-\(n)"
      n += 1
    }
    return unique
  }
}
