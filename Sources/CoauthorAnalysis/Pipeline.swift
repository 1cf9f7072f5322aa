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
  /// Only papers from these years (inclusive); papers without a year are kept only when
  /// no window is set.
  public var fromYear: Int?
  public var toYear: Int?
  /// Terms kept in the topic network (the most relevant ones).
  public var topicTerms = 60
  /// Most nodes a figure shows (Graphviz layout time grows fast: neato needs minutes for
  /// 5,000 nodes); larger networks are drawn as the strongest nodes of their largest
  /// component, and the figure says so.
  public var figureNodeLimit = 300
  /// Also draw one frame per year of the growing coauthor network (timeline/).
  public var timeline = false
  public var style = FigureStyle()
  public var formats: [RenderFormat] = [.svg, .png, .pdf]
  /// Fail before writing anything when an input record could not be read.
  public var strict = false
  /// The command line as typed, for the provenance block.
  public var commandLine: [String] = []
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

/// One network of a run, ready to be drawn and tabulated.
struct RunNetwork {
  var name: String
  var title: String
  var graph: Graph
  /// Node size (area ∝ value) and label priority.
  var size: [Double]
  var community: [Int]
  var emphasized: Set<Int>
  /// Nodes drawn as the second kind of a two-mode network (terms).
  var secondary: Set<Int> = []
  var nodeSize: String
  var edgeWidth: String
  var colors: String
  var legend: [String]
  var omitted: String?
  var metrics: MetricsReport
  var communities: CommunityResult?
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
    var corpus = try Corpus.load(dataDirectory: options.dataDirectory)
    result.diagnostics = corpus.diagnostics
    if options.strict, !corpus.diagnostics.isEmpty {
      throw InputError(
        "\(corpus.diagnostics.count) input problem(s), first: \(corpus.diagnostics[0]); failing because of --strict")
    }
    if options.fromYear != nil || options.toYear != nil {
      corpus = corpus.restricted(from: options.fromYear, to: options.toYear)
    }
    let out = options.outputDirectory
    var written: [String: [UInt8]] = [:]
    func write(_ name: String, _ text: String) throws {
      try writeBytes(name, Array(text.utf8))
    }
    func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
      let path = (out as NSString).appendingPathComponent(name)
      try OutputFiles.write(bytes, to: path)
      result.written.append(path)
      written[name] = bytes
    }

    // Coauthor network, communities, metrics.
    progress("building the coauthor network (\(options.weighting.rawValue) weights)")
    let network = CoauthorNetwork.build(
      from: corpus.coauthorInput, weighting: options.weighting, maxAuthors: options.maxAuthors)
    let graph = network.graph
    progress("finding communities (Leiden, resolution \(formatNumber(options.resolution)))")
    let seed = UInt64(truncatingIfNeeded: options.seed)
    let communities = graph.leidenCommunities(resolution: options.resolution, seed: seed)
    progress("computing metrics")
    let metrics = MetricsReport.compute(
      graph, distance: options.distance, communities: communities.partition,
      papers: network.paperCounts)
    let strength = graph.strength()
    let ownerNames = corpus.owners.map { corpus.people[$0] }
    let colorText =
      "Leiden communities, modularity \(formatNumber(communities.modularity, decimals: 3))"
    var networks: [RunNetwork] = []
    let communityLegend = legendLines(
      partition: communities.partition, graph: graph, importance: strength,
      palette: options.style.palette, unit: "people")
    networks.append(
      RunNetwork(
        name: "coauthor-network",
        title: "Coauthor network of \(ownerNames.joined(separator: " and ")): \(graph.nodeCount) people, \(graph.edgeCount) links",
        graph: graph, size: strength, community: communities.partition.membership,
        emphasized: Set(corpus.owners), nodeSize: "weighted degree",
        edgeWidth: options.weighting.meaning, colors: colorText, legend: communityLegend,
        metrics: metrics, communities: communities))
    for owner in corpus.owners {
      let ego = graph.egoNetwork(of: owner)
      let egoMetrics = MetricsReport.compute(
        ego.graph, distance: options.distance,
        communities: nil, papers: ego.nodes.map { network.paperCounts[$0] })
      networks.append(
        RunNetwork(
          name: "ego-" + slug(corpus.people[owner]),
          title: "Ego network of \(corpus.people[owner]): \(ego.graph.nodeCount - 1) coauthors, \(ego.graph.edgeCount) links",
          graph: ego.graph, size: ego.nodes.map { strength[$0] },
          community: ego.nodes.map { communities.partition.membership[$0] }, emphasized: [0],
          nodeSize: "weighted degree in the whole network", edgeWidth: options.weighting.meaning,
          colors: colorText + " (of the whole network)", legend: communityLegend,
          metrics: egoMetrics, communities: nil))
    }

    // Topic and author–topic networks.
    progress("extracting terms from \(corpus.papers.count) titles and \(corpus.abstracts.count) abstracts")
    let topics = TopicAnalysis.topicNetwork(corpus: corpus, maximumTerms: options.topicTerms)
    var themes: [TopicTheme] = []
    let profiles = TopicAnalysis.profiles(corpus: corpus, extraction: topics.extraction)
    if topics.network.graph.nodeCount > 0 {
      // Themes: Leiden on the association-strength network, as VOSviewer clusters.
      let normalized = TopicNetwork(extraction: topics.extraction, weighting: .associationStrength)
      let themeCommunities = normalized.graph.leidenCommunities(
        resolution: options.resolution, seed: seed)
      themes = topics.network.themes(from: themeCommunities.partition)
      let occurrences = topics.network.terms.map { Double($0.occurrences) }
      let topicMetrics = MetricsReport.compute(
        topics.network.graph, distance: options.distance,
        communities: themeCommunities.partition)
      let omitted = topics.extraction.termsAboveThreshold > topics.network.graph.nodeCount
        ? "Showing the \(topics.network.graph.nodeCount) most relevant of \(topics.extraction.termsAboveThreshold) terms in at least \(topics.extraction.options.minimumOccurrences) documents."
        : nil
      networks.append(
        RunNetwork(
          name: "topic-network",
          title: "Topic network: \(topics.network.graph.nodeCount) terms from \(topics.extraction.documentCount) titles and abstracts",
          graph: topics.network.graph, size: occurrences,
          community: themeCommunities.partition.membership, emphasized: [],
          nodeSize: "documents containing the term", edgeWidth: TopicLinkWeighting.count.label,
          colors: "themes (Leiden on association strength)",
          legend: themes.prefix(options.style.palette.colors.count).enumerated().map {
            "\(options.style.palette.colors[$0.offset].name): \($0.element.name)"
          },
          omitted: omitted, metrics: topicMetrics, communities: themeCommunities))
    }
    if let authorTopic = TopicAnalysis.authorTopicNetwork(corpus: corpus, maximumTerms: 40),
      authorTopic.graph.nodeCount > 0
    {
      let kinds = authorTopic.nodeKinds
      let atStrength = authorTopic.graph.strength()
      let atMetrics = MetricsReport.compute(authorTopic.graph, distance: options.distance)
      networks.append(
        RunNetwork(
          name: "author-topic-network",
          title: "Authors and the terms of their titles (owners left out): \(authorTopic.authors.count) authors, \(authorTopic.terms.count) terms",
          graph: authorTopic.graph, size: atStrength,
          community: kinds.map { $0 == .author ? 0 : 1 }, emphasized: [],
          secondary: Set(kinds.indices.filter { kinds[$0] == .term }),
          nodeSize: "number of links (weighted)", edgeWidth: "titles of the author with the term",
          colors: "\(options.style.palette.colors[0].name) = authors, \(options.style.palette.colors[1].name) = terms",
          legend: [], omitted: nil, metrics: atMetrics, communities: nil))
    }

    // Figures and tables for every network.
    for item in networks {
      progress("drawing \(item.name) (\(item.graph.nodeCount) nodes)")
      let shown = NetworkFigure.selection(
        graph: item.graph, size: item.size, keep: item.emphasized, limit: options.figureNodeLimit)
      let legend = FigureLegend(
        title: item.title, nodeSize: item.nodeSize, edgeWidth: item.edgeWidth,
        colors: item.colors, communities: item.legend,
        omitted: [item.omitted, shown.note].compactMap { $0 }.joined(separator: " "))
      let sub = item.graph.subgraph(shown.nodes)
      let (document, engine) = NetworkFigure.document(
        graph: sub, size: shown.nodes.map { item.size[$0] },
        importance: shown.nodes.map { item.size[$0] },
        communities: shown.nodes.map { item.community[$0] },
        emphasized: Set(shown.nodes.indices.filter { item.emphasized.contains(shown.nodes[$0]) }),
        secondary: Set(shown.nodes.indices.filter { item.secondary.contains(shown.nodes[$0]) }),
        style: options.style, legend: legend)
      let dot = document.text
      try write(item.name + ".dot", dot)
      // Vector formats at 72 dpi; PNG from the same document with the raster resolution
      // (set before layout, as Graphviz fixes the drawing size there). The seed makes
      // both layouts the same.
      // Rendered in a Graphviz child process with a deadline (a layout can run for hours
      // or crash): a figure over the limit is skipped and the run says so.
      let vector = options.formats.filter { $0 != .png }
      var rendered: [RenderFormat: [UInt8]] = [:]
      if !vector.isEmpty {
        guard
          let outputs = try FigureRendering.render(
            dot, name: item.name, engine: engine, formats: vector,
            timeout: options.renderTimeout, notes: &result.notes)
        else { continue }
        rendered = outputs
      }
      if options.formats.contains(.png) {
        var raster = document
        raster.graphAttributes.append(.dpi(options.style.dpi))
        rendered[.png] = try FigureRendering.render(
          raster.text, name: item.name, engine: engine, formats: [.png],
          timeout: options.renderTimeout, notes: &result.notes)?[.png]
      }
      for format in options.formats {
        if let bytes = rendered[format] {
          try writeBytes(
            item.name + "." + format.fileExtension,
            format == .pdf ? OutputFiles.withFixedCreationDate(bytes) : bytes)
        }
      }
      try write(item.name + ".nodes.csv", item.metrics.csv)
      try write(item.name + ".edges.csv", edgeTable(item.graph))
      try write(item.name + ".metrics.json", item.metrics.json)
      if let c = item.communities {
        try write(item.name + ".communities.csv", communityTable(c.partition, graph: item.graph, size: item.size))
      }
    }
    if options.timeline, let whole = networks.first {
      progress("drawing the timeline (one frame per year)")
      let legend = FigureLegend(
        title: whole.title, nodeSize: whole.nodeSize, edgeWidth: whole.edgeWidth,
        colors: whole.colors, communities: [], omitted: nil)
      let (document, engine) = NetworkFigure.document(
        graph: whole.graph, size: whole.size, importance: whole.size, communities: whole.community,
        emphasized: whole.emphasized, style: options.style, legend: legend)
      let frames = try Timeline.frames(
        corpus: corpus, weighting: options.weighting, maxAuthors: options.maxAuthors,
        whole: document, engine: engine, strength: strength,
        communities: communities.partition.membership, style: options.style)
      for frame in frames {
        let name = "timeline/coauthor-\(frame.year)"
        try write(name + ".dot", frame.document.text)
        let svg = try FigureRendering.render(
          frame.document.text, name: name, engine: .neato, formats: [.svg],
          timeout: options.renderTimeout, notes: &result.notes)
        if let bytes = svg?[.svg] { try writeBytes(name + ".svg", bytes) }
        var raster = frame.document
        raster.graphAttributes.append(.dpi(options.style.dpi))
        if options.formats.contains(.png),
          let bytes = try FigureRendering.render(
            raster.text, name: name, engine: .neato, formats: [.png],
            timeout: options.renderTimeout, notes: &result.notes)?[.png]
        {
          try writeBytes(name + ".png", bytes)
        }
      }
      result.notes.append("timeline: \(frames.count) frames (\(frames.first.map { String($0.year) } ?? "")–\(frames.last.map { String($0.year) } ?? ""))")
    }

    progress("writing tables and reports")
    try write("themes.csv", themeTable(themes, corpus: corpus))
    try write("name-merges.csv", mergeTable(corpus))
    let suggestions = corpus.nameSuggestions
    try write("name-review.tsv", corpus.review.text(adding: suggestions))
    try write("diagnostics.txt", corpus.diagnostics.map(\.description).joined(separator: "\n") + (corpus.diagnostics.isEmpty ? "" : "\n"))
    let provenance = Provenance.make(corpus: corpus, options: options)
    let context = ReportContext(
      corpus: corpus, coauthor: network, metrics: metrics, communities: communities,
      themes: themes, profiles: profiles, networks: networks.map { ($0.name, $0.title) },
      options: options,
      provenance: provenance)
    try write("report.md", Report.markdown(context))
    try write("report.html", HTMLReport.page(context) { written[$0] })
    result.notes.append(
      "\(corpus.papers.count) papers, \(corpus.people.count) people, \(corpus.declared.count) declared collaborations, \(corpus.nameMerges.count) name merges, \(corpus.paperMerges.count) duplicate listings")
    return result
  }

  static func legendLines(
    partition: Partition, graph: Graph, importance: [Double], palette: FigurePalette,
    unit: String
  ) -> [String] {
    let colors = palette.colors
    var lines: [String] = []
    let members = partition.communities
    for (c, nodes) in members.enumerated() where c < colors.count {
      let top = nodes.sorted { importance[$0] > importance[$1] || (importance[$0] == importance[$1] && $0 < $1) }
        .prefix(3).map { graph.label(of: $0) }
      lines.append("\(colors[c].name): \(nodes.count) \(unit) (\(top.joined(separator: ", ")))")
    }
    if members.count > colors.count {
      let rest = members.dropFirst(colors.count)
      lines.append("grey: \(rest.count) smaller communities, \(rest.reduce(0) { $0 + $1.count }) \(unit)")
    }
    return lines
  }

  static func edgeTable(_ graph: Graph) -> String {
    var table = CSVTable(header: ["source", "target", "source_name", "target_name", "weight"])
    for (u, v, w) in graph.edges {
      table.append([.number(u), .number(v), .text(graph.label(of: u)), .text(graph.label(of: v)), .number(w)])
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
