import Formats
import Foundation
import GraphKit

/// What `coauthor communities` prints: node → community, per-community size, internal
/// weight and top members, the modularity, and (with several runs) the stability.
public struct CommunityReport: Sendable, Encodable {
  public struct Community: Sendable, Encodable {
    public var community: Int
    public var size: Int
    public var internalWeight: Double
    public var topMembers: [String]
  }

  public struct Assignment: Sendable, Encodable {
    public var node: Int
    public var name: String
    public var community: Int
  }

  public var algorithm: String
  public var resolution: Double
  public var seed: UInt64
  public var runs: Int
  public var modularity: Double
  /// Mean normalized mutual information between the runs' partitions (1 = identical).
  public var meanNMI: Double?
  /// Mean adjusted Rand index between the runs' partitions (1 = identical).
  public var meanARI: Double?
  public var communities: [Community]
  public var nodes: [Assignment]

  /// Runs the algorithm (best of `runs` seeds `seed`, `seed + 1`, …).
  public static func compute(
    _ graph: Graph, algorithm: CommunityAlgorithm, resolution: Double, seed: Int, runs: Int
  ) -> CommunityReport {
    let seed = UInt64(truncatingIfNeeded: seed)
    let result: CommunityResult
    var nmi: Double?
    var ari: Double?
    var bestSeed = seed
    if runs > 1 {
      let all = graph.bestOf(runs: runs, using: algorithm, resolution: resolution, seed: seed)
      result = all.best
      bestSeed = all.bestSeed
      nmi = all.meanNormalizedMutualInformation
      ari = all.meanAdjustedRandIndex
    } else {
      result = graph.communities(using: algorithm, resolution: resolution, seed: seed)
    }
    let strength = graph.strength()
    let internalWeight = graph.internalWeights(of: result.partition)
    let communities = result.partition.communities.enumerated().map { c, members in
      Community(
        community: c + 1, size: members.count, internalWeight: internalWeight[c],
        topMembers: members.sorted {
          strength[$0] != strength[$1] ? strength[$0] > strength[$1] : $0 < $1
        }.prefix(5).map { graph.label(of: $0) })
    }
    let nodes = (0..<graph.nodeCount).map {
      Assignment(node: $0, name: graph.label(of: $0), community: result.partition.membership[$0] + 1)
    }
    return CommunityReport(
      algorithm: algorithm.rawValue, resolution: resolution, seed: bestSeed, runs: runs,
      modularity: result.modularity, meanNMI: nmi, meanARI: ari, communities: communities,
      nodes: nodes)
  }

  public var csv: String {
    var table = CSVTable(header: ["node", "name", "community"])
    for a in nodes { table.append([.number(a.node), .text(a.name), .number(a.community)]) }
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

  public var markdown: String {
    var out = "## Communities\n\n"
    out += "\(algorithm), resolution \(formatNumber(resolution)), seed \(seed)"
    out += runs > 1 ? " (best of \(runs) runs)" : ""
    out += ": \(communities.count) communities, modularity \(formatNumber(modularity, decimals: 6)).\n"
    if let nmi = meanNMI, let ari = meanARI {
      out += "Stability across runs: mean NMI \(formatNumber(nmi, decimals: 4)), mean adjusted Rand index \(formatNumber(ari, decimals: 4)).\n"
    }
    out += "\n| community | size | internal weight | top members |\n|---:|---:|---:|---|\n"
    for c in communities {
      out += "| \(c.community) | \(c.size) | \(formatNumber(c.internalWeight)) | \(c.topMembers.map(Markdown.escape).joined(separator: ", ")) |\n"
    }
    return out
  }
}
