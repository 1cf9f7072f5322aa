import Bibliography
import Foundation
import GraphKit

/// What the analysis stage found: every network of the run, measured.
struct RunAnalysis {
  var network: CoauthorNetwork
  var communities: CommunityResult
  var metrics: MetricsReport
  var strength: [Double]
  var networks: [RunNetwork]
  var themes: [TopicTheme]
  var profiles: [TopicProfile]
}

extension Pipeline {
  /// Builds the coauthor network (communities, metrics), each owner's ego network, the
  /// topic network (themes) and the author–topic network.
  static func analyze(
    _ corpus: Corpus, options: RunOptions, progress: (String) -> Void,
    detail: @escaping (String) -> Void = { _ in }
  ) -> RunAnalysis {
    // Coauthor network, communities, metrics.
    progress("building the coauthor network (\(options.weighting.rawValue) weights)")
    let network = CoauthorNetwork.build(
      from: corpus.coauthorInput, weighting: options.weighting, maxAuthors: options.maxAuthors)
    let graph = network.graph
    progress("finding communities (Leiden, resolution \(formatNumber(options.resolution)))")
    let seed = UInt64(truncatingIfNeeded: options.seed)
    let communities = graph.leidenCommunities(resolution: options.resolution, seed: seed)
    progress("computing metrics")
    // Each metric is a step of the run; the share of sources inside one (betweenness,
    // closeness) updates the step's line without counting as a step.
    var metricStep = -1
    let metrics = withoutActuallyEscaping(progress) { progress in
      MetricsReport.compute(
        graph, distance: options.distance, communities: communities.partition,
        papers: network.paperCounts, budget: MetricsBudget(seconds: options.budget),
        progress: { step in
          guard step.completed < step.total else { return }
          if step.completed != metricStep {
            metricStep = step.completed
            progress("computing metrics: " + step.title)
          } else {
            detail("computing metrics: " + step.title)
          }
        })
    }
    let strength = graph.strength()
    let ownerNames = corpus.owners.map { corpus.people[$0] }
    let colorText =
      "Leiden communities, modularity \(formatNumber(communities.modularity, decimals: 3))"
    var networks: [RunNetwork] = []
    let communityLegend = legendEntries(
      partition: communities.partition, graph: graph, importance: strength,
      palette: options.style.palette, unit: "people")
    networks.append(
      RunNetwork(
        name: "coauthor-network",
        title: (ownerNames.isEmpty ? "Coauthor network" : "Coauthor network of \(ownerNames.joined(separator: " and "))")
          + ": \(graph.nodeCount) people, \(graph.edgeCount) links",
        graph: graph, size: strength, community: communities.partition.membership,
        emphasized: Set(corpus.owners), nodeSize: "weighted degree",
        edgeWidth: options.weighting.meaning, colors: colorText, legend: communityLegend,
        metrics: metrics, communities: communities,
        exportAttributes: NetworkExport.analysisAttributes(
          metrics: metrics, community: communities.partition.membership, papers: network.paperCounts,
          years: NodeYears(corpus: corpus, people: Array(0..<graph.nodeCount)), owners: Set(corpus.owners),
          nodeCount: graph.nodeCount),
        weightMeaning: options.weighting.meaning))
    var usedNames: Set<String> = []
    for owner in corpus.owners {
      let ego = graph.egoNetwork(of: owner)
      let egoMetrics = MetricsReport.compute(
        ego.graph, distance: options.distance,
        communities: nil, papers: ego.nodes.map { network.paperCounts[$0] })
      networks.append(
        RunNetwork(
          name: "ego-" + slug(corpus.people[owner], avoiding: &usedNames),
          title: "Ego network of \(corpus.people[owner]): \(ego.graph.nodeCount - 1) coauthors, \(ego.graph.edgeCount) links",
          graph: ego.graph, size: ego.nodes.map { strength[$0] },
          community: ego.nodes.map { communities.partition.membership[$0] }, emphasized: [0],
          nodeSize: "weighted degree in the whole network", edgeWidth: options.weighting.meaning,
          colors: colorText + " (of the whole network)", legend: communityLegend,
          metrics: egoMetrics, communities: nil,
          exportAttributes: NetworkExport.analysisAttributes(
            metrics: egoMetrics, community: ego.nodes.map { communities.partition.membership[$0] },
            papers: ego.nodes.map { network.paperCounts[$0] }, years: NodeYears(corpus: corpus, people: ego.nodes),
            owners: Set(ego.nodes.indices.filter { corpus.owners.contains(ego.nodes[$0]) }),
            nodeCount: ego.graph.nodeCount),
          weightMeaning: options.weighting.meaning))
    }

    // Topic and author–topic networks (left out under --no-topics: term extraction costs
    // about a millisecond of CPU per title, hours at DBLP's size).
    guard options.topics else {
      return RunAnalysis(
        network: network, communities: communities, metrics: metrics, strength: strength,
        networks: networks, themes: [], profiles: [])
    }
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
            LegendEntry(
              color: options.style.palette.colors[$0.offset].color,
              text: "\(options.style.palette.colors[$0.offset].name): \($0.element.name)", communities: [$0.offset])
          },
          omitted: omitted, metrics: topicMetrics, communities: themeCommunities,
          exportAttributes: NetworkExport.analysisAttributes(
            metrics: topicMetrics, community: themeCommunities.partition.membership,
            papers: topics.network.terms.map(\.occurrences), years: nil, owners: [],
            nodeCount: topics.network.graph.nodeCount),
          weightMeaning: TopicLinkWeighting.count.label))
    }
    if let authorTopic = TopicAnalysis.authorTopicNetwork(corpus: corpus, maximumTerms: 40),
      authorTopic.graph.nodeCount > 0
    {
      let kinds = authorTopic.nodeKinds
      let atStrength = authorTopic.graph.strength()
      let atMetrics = MetricsReport.compute(
        authorTopic.graph, distance: options.distance, budget: MetricsBudget(seconds: options.budget))
      networks.append(
        RunNetwork(
          name: "author-topic-network",
          title: "Authors and the terms of their titles (owners left out): \(authorTopic.authors.count) authors, \(authorTopic.terms.count) terms",
          graph: authorTopic.graph, size: atStrength,
          community: kinds.map { $0 == .author ? 0 : 1 }, emphasized: [],
          secondary: Set(kinds.indices.filter { kinds[$0] == .term }),
          nodeSize: "number of links (weighted)", edgeWidth: "titles of the author with the term",
          colors: "\(options.style.palette.colors[0].name) = authors, \(options.style.palette.colors[1].name) = terms",
          legend: [
            LegendEntry(color: options.style.palette.colors[0].color, text: "authors", communities: [0]),
            LegendEntry(color: options.style.palette.colors[1].color, text: "terms", communities: [1]),
          ], omitted: nil, metrics: atMetrics, communities: nil,
          exportAttributes: NetworkExport.analysisAttributes(
            metrics: atMetrics, community: kinds.map { $0 == .author ? 0 : 1 }, papers: nil, years: nil,
            owners: [], nodeCount: authorTopic.graph.nodeCount),
          weightMeaning: "titles of the author with the term"))
    }

    return RunAnalysis(
      network: network, communities: communities, metrics: metrics, strength: strength,
      networks: networks, themes: themes, profiles: profiles)
  }
}
