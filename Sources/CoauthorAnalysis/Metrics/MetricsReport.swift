import Formats
import Foundation
import GraphKit

/// Every node metric of a network, plus its summary: what `coauthor metrics` prints and
/// what `coauthor run` writes as nodes.csv and metrics.json.
public struct MetricsReport: Sendable, Encodable {
  /// One row per node.
  public struct Row: Sendable, Encodable {
    public var node: Int
    public var name: String
    public var degree: Int
    public var strength: Double
    public var pageRank: Double
    public var eigenvector: Double
    public var betweenness: Double
    public var closeness: Double
    public var harmonic: Double
    public var core: Int
    public var clustering: Double
    public var community: Int?
    public var papers: Int?
  }

  /// The conventions used, written beside the numbers.
  public struct Conventions: Sendable, Encodable {
    public var distance: String
    public var betweenness: String
    public var closeness: String
    public var pageRank: String
    public var eigenvector: String
    public var clustering: String
    /// How betweenness and closeness/harmonic were computed (exact, or the
    /// approximation and its guarantee), and the budget that decided it.
    public var betweennessMethod: MetricMethod
    public var closenessMethod: MetricMethod
    public var budget: MetricsBudget.Plan
  }

  public var summary: GraphSummary
  public var conventions: Conventions
  public var rows: [Row]
  /// Notes for metrics that could not be computed (e.g. no convergence).
  public var notes: [String]

  /// Runs `work` with GraphKit's per-block progress (``WorkProgress``) reported as
  /// "title — 37 % of sources" at `step` of the 6 metric steps. The worker threads'
  /// reports are serialised before they reach `progress`.
  ///
  /// Not optimised: in the release build (Swift 6.3.1) the specialisation of
  /// `TaskLocal.withValue` inlined here passed a null metadata pointer for the handler's
  /// type to `swift_task_localValuePush`, and every `run` whose betweenness was sampled
  /// crashed there (SIGSEGV at 0xfffffffffffffff8: the value witness table read at
  /// metadata − 8; 1 M generated DBLP records, with and without the stage log).
  @_optimize(none)
  static func reporting<T>(
    _ title: String, step: Int, progress: ((Progress) -> Void)?, _ work: () -> T
  ) -> T {
    guard let progress else { return work() }
    let relay = ProgressRelay(progress)
    return WorkProgress.$report.withValue(
      { finished, total in
        relay.send(Progress(title: "\(title) — \(finished * 100 / max(total, 1)) % of sources", completed: step, total: 6))
      }, operation: work)
  }

  /// Computes every metric.
  ///
  /// - Parameters:
  ///   - graph: The network.
  ///   - distance: How weights become path lengths (betweenness, closeness, harmonic,
  ///     summary paths).
  ///   - communities: A partition to list beside the metrics, if any.
  ///   - papers: Papers per node, if known.
  public static func compute(
    _ graph: Graph, distance: EdgeDistance = .inverseWeight, communities: Partition? = nil,
    papers: [Int]? = nil, budget: MetricsBudget = MetricsBudget(),
    progress: ((Progress) -> Void)? = nil
  ) -> MetricsReport {
    let n = graph.nodeCount
    var step = 0
    let say = { (title: String) in
      progress?(Progress(title: title, completed: step, total: 6))
      step += 1
    }
    say("degree and strength")
    var notes: [String] = []
    let degree = graph.degree()
    let strength = graph.strength()
    say("PageRank")
    // Both solved to the fixed point (igraph's values); the method, iteration count
    // and last L1 change are written in the conventions.
    var pageRank = [Double](repeating: .nan, count: n)
    var pageRankMethod = "PageRank: not computed"
    do {
      let result = try graph.pageRank()
      pageRank = result.scores
      pageRankMethod = Self.describe(result)
    } catch {
      notes.append("PageRank: \(error)")
    }
    say("eigenvector centrality")
    var eigenvector = [Double](repeating: .nan, count: n)
    var eigenvectorMethod = "eigenvector centrality: not computed"
    do {
      let result = try graph.eigenvectorCentrality()
      eigenvector = result.scores
      eigenvectorMethod = Self.describe(result)
    } catch {
      notes.append("eigenvector centrality: \(error)")
    }
    // Exact when the estimated cost fits the budget, sampling sized to it otherwise.
    let plan = budget.plan(
      nodes: n, edges: graph.edgeCount, largestComponent: graph.largestComponentNodes().count,
      distance: distance)
    let over =
      "exact would take about \(formatNumber(plan.estimatedExactBetweennessSeconds + plan.estimatedExactClosenessSeconds, decimals: 1)) s, over the \(formatNumber(budget.seconds)) s budget"
    let betweenness: [Double]
    let betweennessMethod: MetricMethod
    say(
      "betweenness (\(plan.betweennessEpsilon == nil ? "exact" : "sampled"), estimated \(formatNumber(plan.estimatedExactBetweennessSeconds, decimals: 1)) s exact)")
    let betweennessTitle = "betweenness (\(plan.betweennessEpsilon == nil ? "exact" : "sampled"))"
    if let epsilon = plan.betweennessEpsilon {
      let result = Self.reporting(betweennessTitle, step: step - 1, progress: progress) {
        graph.betweennessCentrality(
          distance: distance, normalization: .normalized,
          method: .approximate(epsilon: epsilon, delta: MetricsBudget.delta, seed: 0))
      }
      betweenness = result.scores
      betweennessMethod = .approximately(
        "Riondato-Kornaropoulos sampling, normalized by (n-1)(n-2)/2", scores: betweenness,
        bound: result.errorBound, samples: result.sampleCount, why: over)
    } else {
      betweenness = Self.reporting(betweennessTitle, step: step - 1, progress: progress) {
        graph.betweennessCentrality(distance: distance, normalization: .normalized)
      }
      betweennessMethod = .exactly("exact Brandes, normalized by (n-1)(n-2)/2 (networkx normalized=True)")
    }
    let closeness: [Double]
    let harmonic: [Double]
    let closenessText =
      "(r-1)/sum of distances to the r-1 reachable nodes, scaled by (r-1)/(n-1) (networkx wf_improved=True)"
    let closenessMethod: MetricMethod
    say("closeness and harmonic (\(plan.closenessSources == nil ? "exact" : "sampled"))")
    if let sources = plan.closenessSources {
      let sampled = Self.reporting("closeness and harmonic (sampled)", step: step - 1, progress: progress) {
        SampledCloseness.compute(graph, distance: distance, sources: sources)
      }
      closeness = sampled.closeness
      harmonic = sampled.harmonic
      closenessMethod = MetricMethod(
        exact: false, errorBound: sampled.epsilon, delta: nil, samples: sources,
        rankedScore: nil, errorShareOfRankedScore: nil, nodesAboveTwiceBound: nil,
        text:
          "APPROXIMATE closeness and harmonic (Eppstein-Wang, \(sources) sampled sources per component; \(over)): each node's mean distance within \(formatNumber(sampled.epsilon, decimals: 4)) × the diameter with high probability; " + closenessText,
        short: "approximate (\(sources) sources, mean distance ±\(formatNumber(sampled.epsilon, decimals: 4))×diameter)")
    } else {
      closeness = Self.reporting("closeness (exact)", step: step - 1, progress: progress) {
        graph.closenessCentrality(distance: distance)
      }
      harmonic = Self.reporting("harmonic centrality (exact)", step: step - 1, progress: progress) {
        graph.harmonicCentrality(distance: distance)
      }
      closenessMethod = .exactly("exact: " + closenessText)
    }
    say("cores and clustering")
    let core = graph.coreNumber()
    let clustering = graph.clusteringCoefficient(.unweighted)
    let rows = (0..<n).map { u in
      Row(
        node: u, name: graph.label(of: u), degree: degree[u], strength: strength[u],
        pageRank: pageRank[u], eigenvector: eigenvector[u], betweenness: betweenness[u],
        closeness: closeness[u], harmonic: harmonic[u], core: core[u],
        clustering: clustering[u], community: communities.map { $0.membership[u] + 1 },
        papers: papers?[u])
    }
    let distanceText =
      distance == .hops
      ? "hops: every edge has length 1, weights ignored"
      : "inverse weight: length = 1/weight (a strong collaboration is a short path)"
    let conventions = Conventions(
      distance: distanceText,
      betweenness: betweennessMethod.text,
      closeness: closenessMethod.text,
      pageRank: pageRankMethod,
      eigenvector: eigenvectorMethod,
      clustering: "unweighted local clustering (networkx clustering)",
      betweennessMethod: betweennessMethod, closenessMethod: closenessMethod, budget: plan)
    let summary = graph.summary(distance: distance)
    progress?(Progress(title: "metrics done", completed: 6, total: 6))
    return MetricsReport(
      summary: summary, conventions: conventions, rows: rows,
      notes: notes)
  }

  /// The method of an iterative metric with its iteration count and residual.
  static func describe(_ result: IterativeScores) -> String {
    "\(result.method); \(result.iterations) iterations, residual (last L1 change) "
      + String(format: "%.2e", result.residual)
  }

  /// Rows ordered by strength (then name, then node id): the order people read in.
  public func ranked(top: Int? = nil) -> [Row] {
    let sorted = rows.sorted {
      $0.strength != $1.strength
        ? $0.strength > $1.strength : ($0.name != $1.name ? $0.name < $1.name : $0.node < $1.node)
    }
    return top.map { Array(sorted.prefix($0)) } ?? sorted
  }

  public var csv: String { csv(top: nil) }

  public func csv(top: Int?) -> String {
    var table = CSVTable(header: [
      "node", "name", "papers", "degree", "strength", "pagerank", "eigenvector", "betweenness",
      "closeness", "harmonic", "core", "clustering", "community", "betweenness_method",
      "closeness_method",
    ])
    for r in top == nil ? rows : ranked(top: top) {
      table.append([
        .number(r.node), .text(r.name), r.papers.map { .number($0) } ?? .text(""),
        .number(r.degree), .number(r.strength), .number(r.pageRank), .number(r.eigenvector),
        .number(r.betweenness), .number(r.closeness), .number(r.harmonic), .number(r.core),
        .number(r.clustering), r.community.map { .number($0) } ?? .text(""),
        .text(conventions.betweennessMethod.short), .text(conventions.closenessMethod.short),
      ])
    }
    return table.text
  }

  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let data = (try? encoder.encode(self)) ?? Data()
    return Escaping.json(String(decoding: data, as: UTF8.self)) + "\n"
  }

  /// A Markdown summary block and a table of the top rows.
  public func markdown(top: Int = 20) -> String {
    let s = summary
    var out = "## Summary\n\n| statistic | value |\n|---|---|\n"
    out += "| nodes | \(s.nodeCount) |\n| edges | \(s.edgeCount) |\n"
    out += "| total weight | \(formatNumber(s.totalWeight)) |\n"
    out += "| density | \(formatNumber(s.density, decimals: 6)) |\n"
    out += "| components | \(s.componentCount) |\n"
    out += "| largest component | \(s.largestComponentNodeCount) nodes (\(formatNumber(100 * s.largestComponentShare, decimals: 1)) %) |\n"
    let exact = s.isExact ? "exact" : "sampled from \(s.sampledSources) sources, ± \(formatNumber(s.averagePathLengthError, decimals: 4))"
    out += "| diameter (largest component) | \(formatNumber(s.diameter, decimals: 4)) (\(exact)) |\n"
    out += "| average shortest path | \(formatNumber(s.averagePathLength, decimals: 4)) |\n"
    out += "| distance | \(conventions.distance) |\n"
    let plan = conventions.budget
    out += "| betweenness | \(conventions.betweennessMethod.exact ? "exact" : "approximate") (exact estimated at \(formatNumber(plan.estimatedExactBetweennessSeconds, decimals: 1)) s; budget \(formatNumber(plan.budgetSeconds)) s) |\n"
    out += "| closeness, harmonic | \(conventions.closenessMethod.exact ? "exact" : "approximate") (exact estimated at \(formatNumber(plan.estimatedExactClosenessSeconds, decimals: 1)) s) |\n\n"
    out += "## Top \(min(top, rows.count)) nodes by strength\n\n"
    out += "| name | degree | strength | PageRank | betweenness | closeness | harmonic | core | clustering | community |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    for r in ranked(top: top) {
      let cells = [
        Markdown.escape(r.name), String(r.degree), formatNumber(r.strength, decimals: 3),
        formatNumber(r.pageRank, decimals: 5), formatNumber(r.betweenness, decimals: 5),
        formatNumber(r.closeness, decimals: 5), formatNumber(r.harmonic, decimals: 3),
        String(r.core), formatNumber(r.clustering, decimals: 4),
        r.community.map(String.init) ?? "",
      ]
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    out += "\nConventions: betweenness \(conventions.betweenness); closeness \(conventions.closeness); "
    out += "PageRank: \(conventions.pageRank); eigenvector: \(conventions.eigenvector); "
    out += "clustering \(conventions.clustering).\n"
    for note in notes { out += "\nNote: \(Markdown.escape(note))\n" }
    return out
  }
}

/// Escaping for text from input placed in Markdown tables and paragraphs.
public enum Markdown {
  /// Escapes characters that Markdown (and HTML inside Markdown) would interpret.
  public static func escape(_ text: String) -> String { Escaping.markdown(text) }
}
