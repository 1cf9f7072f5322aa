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
  }

  public var summary: GraphSummary
  public var conventions: Conventions
  public var rows: [Row]
  /// Notes for metrics that could not be computed (e.g. no convergence).
  public var notes: [String]

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
    papers: [Int]? = nil
  ) -> MetricsReport {
    let n = graph.nodeCount
    var notes: [String] = []
    let degree = graph.degree()
    let strength = graph.strength()
    let pageRank: [Double]
    do {
      pageRank = try graph.pageRank()
    } catch {
      notes.append("PageRank: \(error)")
      pageRank = [Double](repeating: .nan, count: n)
    }
    let eigenvector: [Double]
    do {
      eigenvector = try graph.eigenvectorCentrality(maxIterations: 1000)
    } catch {
      notes.append("eigenvector centrality: \(error)")
      eigenvector = [Double](repeating: .nan, count: n)
    }
    // Exact below the work limit, Riondato–Kornaropoulos sampling above it (said below).
    let betweennessResult = graph.betweennessCentrality(
      distance: distance, normalization: .normalized, method: .automaticDefault)
    let betweenness = betweennessResult.scores
    let closeness = graph.closenessCentrality(distance: distance)
    let harmonic = graph.harmonicCentrality(distance: distance)
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
      betweenness: betweennessResult.isApproximate
        ? "APPROXIMATE (Riondato-Kornaropoulos sampling, \(betweennessResult.sampleCount) samples): every score within \(formatNumber(betweennessResult.errorBound, decimals: 4)) of the exact normalized value with probability 0.9"
        : "exact Brandes, normalized by (n-1)(n-2)/2 (networkx normalized=True)",
      closeness: "(r-1)/sum of distances to the r-1 reachable nodes, scaled by (r-1)/(n-1) (networkx wf_improved=True)",
      pageRank: "weighted, damping 0.85 (networkx pagerank)",
      eigenvector: "weighted, unit Euclidean norm (networkx eigenvector_centrality)",
      clustering: "unweighted local clustering (networkx clustering)")
    return MetricsReport(
      summary: graph.summary(distance: distance), conventions: conventions, rows: rows,
      notes: notes)
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
      "closeness", "harmonic", "core", "clustering", "community",
    ])
    for r in top == nil ? rows : ranked(top: top) {
      table.append([
        .number(r.node), .text(r.name), r.papers.map { .number($0) } ?? .text(""),
        .number(r.degree), .number(r.strength), .number(r.pageRank), .number(r.eigenvector),
        .number(r.betweenness), .number(r.closeness), .number(r.harmonic), .number(r.core),
        .number(r.clustering), r.community.map { .number($0) } ?? .text(""),
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
    return String(decoding: data, as: UTF8.self) + "\n"
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
    out += "| distance | \(conventions.distance) |\n\n"
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
    out += "PageRank \(conventions.pageRank); clustering \(conventions.clustering).\n"
    for note in notes { out += "\nNote: \(Markdown.escape(note))\n" }
    return out
  }
}

/// Escaping for text from input placed in Markdown tables and paragraphs.
public enum Markdown {
  /// Escapes characters that Markdown (and HTML inside Markdown) would interpret.
  public static func escape(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "|", "#", "<", ">", "!", "{", "}", "~":
        out.append("\\")
        out.append(ch)
      case "&": out += "&amp;"
      case "\n", "\r": out += " "
      default:
        // Other controls (NUL from input, "\r\n" as one Character): a space or nothing.
        if let ascii = ch.asciiValue, ascii < 0x20 || ascii == 0x7F {
          if ascii == 0x0A || ascii == 0x09 { out += " " }
          continue
        }
        out.append(ch)
      }
    }
    return out
  }
}
