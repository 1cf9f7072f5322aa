import Bibliography
import Foundation
import GraphKit
import Graphviz

/// Choices for `coauthor run`.
public struct RunOptions: Sendable {
  public var dataDirectory = "Data"
  public var outputDirectory = "Output"
  public var weighting: Weighting = .count
  public var distance: EdgeDistance = .inverseWeight
  /// Modularity resolution γ for Leiden (larger γ: more, smaller communities).
  public var resolution = 1.0
  public var seed = 1
  /// Papers with more authors are left out of the coauthor edges (and listed).
  public var maxAuthors: Int? = 25
  public var style = FigureStyle()
  public var formats: [RenderFormat] = [.svg, .png, .pdf]
  /// Fail before writing anything when an input record could not be read.
  public var strict = false
  /// Wall-clock limit for laying out and rendering one figure; a figure over it is not
  /// drawn (its DOT file is still written) and the run says so.
  public var renderTimeout: Duration = .seconds(120)

  public init() {}
}

/// What a run wrote and found.
public struct RunResult: Sendable {
  public var written: [String] = []
  public var diagnostics: [Diagnostic] = []
  public var notes: [String] = []
}

/// The whole pipeline: sources → corpus → networks → metrics → figures and tables.
public enum Pipeline {
  /// Runs the pipeline on a data folder and writes every output.
  ///
  /// - Parameter progress: Receives one line per step (for a terminal).
  /// - Throws: ``InputError`` when the inputs cannot be read at all (or, under `strict`,
  ///   when any record could not be read); ``OutputError`` when a file cannot be
  ///   written; `GraphvizError` when a figure cannot be rendered.
  public static func run(
    _ options: RunOptions, progress: (String) -> Void = { _ in }
  ) throws -> RunResult {
    var result = RunResult()
    progress("reading \(options.dataDirectory)")
    let corpus = try Corpus.load(dataDirectory: options.dataDirectory)
    result.diagnostics = corpus.diagnostics
    if options.strict, !corpus.diagnostics.isEmpty {
      throw InputError(
        "\(corpus.diagnostics.count) input problem(s), first: \(corpus.diagnostics[0]); failing because of --strict")
    }
    let out = options.outputDirectory
    func write(_ name: String, _ text: String) throws {
      let path = (out as NSString).appendingPathComponent(name)
      try OutputFiles.write(text: text, to: path)
      result.written.append(path)
    }
    func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
      let path = (out as NSString).appendingPathComponent(name)
      try OutputFiles.write(bytes, to: path)
      result.written.append(path)
    }

    // Coauthor network, communities, metrics.
    progress("building the coauthor network (\(options.weighting.rawValue) weights)")
    let network = CoauthorNetwork.build(
      from: corpus.coauthorInput, weighting: options.weighting, maxAuthors: options.maxAuthors)
    let graph = network.graph
    progress("finding communities (Leiden, resolution \(formatNumber(options.resolution)))")
    let communities = graph.leidenCommunities(
      resolution: options.resolution, seed: UInt64(truncatingIfNeeded: options.seed))
    progress("computing metrics")
    let metrics = MetricsReport.compute(
      graph, distance: options.distance, communities: communities.partition,
      papers: network.paperCounts)

    // Figures: the merged network and one ego network per owner.
    let strength = graph.strength()
    let membership = communities.partition.membership
    let owners = Set(corpus.owners)
    let ownerNames = corpus.owners.map { corpus.people[$0] }
    let communityLines = legendLines(
      partition: communities.partition, graph: graph, importance: strength,
      palette: options.style.palette)
    var figures: [(name: String, graph: Graph, nodes: [Int], title: String)] = [
      ("coauthor-network", graph, Array(0..<graph.nodeCount),
       "Coauthor network of \(ownerNames.joined(separator: " and ")): \(graph.nodeCount) people, \(graph.edgeCount) links")
    ]
    for owner in corpus.owners {
      let ego = graph.egoNetwork(of: owner)
      figures.append(
        ("ego-" + slug(corpus.people[owner]), ego.graph, ego.nodes,
         "Ego network of \(corpus.people[owner]): \(ego.graph.nodeCount - 1) coauthors, \(ego.graph.edgeCount) links"))
    }
    for figure in figures {
      progress("drawing \(figure.name)")
      let legend = FigureLegend(
        title: figure.title,
        nodeSize: "weighted degree (\(options.weighting.meaning))",
        edgeWidth: "edge weight",
        colors: "communities (Leiden, modularity \(formatNumber(communities.modularity, decimals: 3)))",
        communities: communityLines, omitted: nil)
      let (document, engine) = NetworkFigure.document(
        graph: figure.graph, size: figure.nodes.map { strength[$0] },
        importance: figure.nodes.map { strength[$0] },
        communities: figure.nodes.map { membership[$0] },
        emphasized: Set(figure.nodes.indices.filter { owners.contains(figure.nodes[$0]) }),
        style: options.style, legend: legend)
      let dot = document.text
      try write(figure.name + ".dot", dot)
      guard
        let rendered = try FigureRendering.render(
          dot, name: figure.name, engine: engine, formats: options.formats,
          timeout: options.renderTimeout, notes: &result.notes)
      else { continue }
      for format in options.formats {
        if let bytes = rendered[format] {
          try writeBytes(figure.name + "." + format.fileExtension, bytes)
        }
      }
    }

    // Tables.
    progress("writing tables")
    try write("nodes.csv", metrics.csv)
    try write("metrics.json", metrics.json)
    try write("edges.csv", edgeTable(graph, weighting: options.weighting))
    try write("communities.csv", communityTable(communities.partition, graph: graph, strength: strength))
    try write("name-merges.csv", mergeTable(corpus))
    try write("diagnostics.txt", corpus.diagnostics.map(\.description).joined(separator: "\n") + "\n")
    try write("report.md", Report.markdown(corpus: corpus, network: network, metrics: metrics,
                                            communities: communities, options: options,
                                            figures: figures.map(\.name)))
    result.notes.append(
      "\(corpus.papers.count) papers, \(corpus.people.count) people, \(corpus.declared.count) declared collaborations, \(corpus.nameMerges.count) name merges, \(corpus.paperMerges.count) duplicate listings")
    return result
  }

  static func legendLines(
    partition: Partition, graph: Graph, importance: [Double], palette: FigurePalette
  ) -> [String] {
    let colors = palette.colors
    var lines: [String] = []
    let members = partition.communities
    for (c, nodes) in members.enumerated() where c < colors.count && nodes.count > 1 {
      let top = nodes.sorted { importance[$0] > importance[$1] || (importance[$0] == importance[$1] && $0 < $1) }
        .prefix(3).map { graph.label(of: $0) }
      lines.append("\(colors[c].name): community \(c + 1), \(nodes.count) people (\(top.joined(separator: ", ")))")
    }
    let rest = members.enumerated().filter { $0.offset >= colors.count || $0.element.count <= 1 }
    if !rest.isEmpty {
      lines.append("grey or other: \(rest.count) smaller communities, \(rest.reduce(0) { $0 + $1.element.count }) people")
    }
    return lines
  }

  static func edgeTable(_ graph: Graph, weighting: Weighting) -> String {
    var table = CSVTable(header: ["source", "target", "source_name", "target_name", "weight"])
    for (u, v, w) in graph.edges {
      table.append([.number(u), .number(v), .text(graph.label(of: u)), .text(graph.label(of: v)), .number(w)])
    }
    return table.text
  }

  static func communityTable(_ partition: Partition, graph: Graph, strength: [Double]) -> String {
    var table = CSVTable(header: ["community", "size", "internal_weight", "top_members"])
    var internalWeight = [Double](repeating: 0, count: partition.communityCount)
    for (u, v, w) in graph.edges where partition.membership[u] == partition.membership[v] {
      internalWeight[partition.membership[u]] += w
    }
    for (c, nodes) in partition.communities.enumerated() {
      let top = nodes.sorted { strength[$0] > strength[$1] || (strength[$0] == strength[$1] && $0 < $1) }
        .prefix(5).map { graph.label(of: $0) }
      table.append([.number(c + 1), .number(nodes.count), .number(internalWeight[c]), .text(top.joined(separator: "; "))])
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

  /// A file-name-safe form of a name: ASCII letters and digits, dashes between words.
  static func slug(_ name: String) -> String {
    let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var out = ""
    for scalar in folded.unicodeScalars {
      if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty, out.last != "-" {
        out.append("-")
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "person" : out
  }
}
