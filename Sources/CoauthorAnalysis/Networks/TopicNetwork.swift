import Bibliography
import GraphKit

/// How the links of a topic network are weighted.
public enum TopicLinkWeighting: String, Sendable, Hashable, Codable, CaseIterable {
  /// c_ij, the number of documents that contain both terms (VOSviewer's full
  /// counting of co-occurrences).
  case count
  /// VOSviewer's association strength a'_ij = 2m · c_ij / (k_i k_j), where
  /// k_i = Σ_j c_ij is the total link strength of term i in the count network and
  /// 2m = Σ_i k_i. A value of 1 is what the configuration model expects; above 1
  /// the terms co-occur more often than their overall link strengths predict.
  case associationStrength = "association-strength"

  /// A label for reports and legends.
  public var label: String {
    switch self {
    case .count: "co-occurrence count (documents with both terms)"
    case .associationStrength: "association strength 2m·c_ij/(k_i·k_j), k = total link strength"
    }
  }
}

/// A term co-occurrence network: terms are nodes, two terms are linked when
/// they occur in the same document.
///
/// Node `i` is `terms[i]` (the ranked terms of a ``TermExtraction``), with the
/// term's label as node label. Terms that co-occur with no other kept term are
/// isolated nodes. `graph` carries the weights chosen by `weighting`;
/// `cooccurrences` always carries the raw counts on the same edges.
///
/// Reference: N. J. van Eck and L. Waltman, "How to normalize cooccurrence data?
/// An analysis of some well-known similarity measures", JASIST 60(8), 2009.
/// https://doi.org/10.1002/asi.21075 — and CWTS networkanalysis
/// `Network.createNormalizedNetworkUsingAssociationStrength`.
public struct TopicNetwork: Sendable {
  /// The network, weighted as `weighting` says.
  public var graph: Graph
  /// What the weights of `graph` are.
  public var weighting: TopicLinkWeighting
  /// The same links weighted by co-occurrence count c_ij.
  public var cooccurrences: Graph
  /// k_i = Σ_j c_ij, the total link strength of each term in the count network.
  public var totalLinkStrength: [Double]
  /// The terms, indexed by node id.
  public var terms: [Term]
  /// For each document, the node ids of its terms (from the extraction).
  public var documentTerms: [[Int]]

  /// Builds the co-occurrence network of an extraction's terms.
  ///
  /// - Parameters:
  ///   - extraction: Terms and which documents contain them.
  ///   - weighting: Counts, or VOSviewer's association strength.
  /// - Complexity: O(Σ_d t_d²) for t_d kept terms in document d, plus
  ///   O(*n* + *m*) to build the graph.
  public init(extraction: TermExtraction, weighting: TopicLinkWeighting = .count) {
    let n = extraction.terms.count
    var builder = GraphBuilder(
      nodeCount: n, labels: extraction.terms.map(\.label), parallelEdges: .sum, selfLoops: .drop)
    for terms in extraction.documentTerms {
      let unique = Array(Set(terms)).sorted()
      for a in 0..<unique.count {
        for b in (a + 1)..<unique.count {
          builder.addEdge(unique[a], unique[b], weight: 1)
        }
      }
    }
    let counts = builder.build()
    var strength = [Double](repeating: 0, count: n)
    for u in 0..<n {
      for i in counts.row(u) { strength[u] += counts.weights[i] }
    }
    self.cooccurrences = counts
    self.totalLinkStrength = strength
    self.weighting = weighting
    self.terms = extraction.terms
    self.documentTerms = extraction.documentTerms
    switch weighting {
    case .count:
      self.graph = counts
    case .associationStrength:
      // The same normalisation as coauthor networks (one implementation).
      self.graph = CoauthorNetwork.associationStrength(of: counts)
    }
  }

  /// Names the communities of a partition of this network as themes.
  ///
  /// A theme's terms are ranked by occurrences (documents), then by their link
  /// strength inside the theme, then by term rank; the first `topTermCount`
  /// name it. Each document goes to the one theme holding most of its terms
  /// (ties: the theme whose shared terms occur in more documents, then the
  /// lower community number); documents with none of the terms go nowhere and
  /// are listed in no theme.
  ///
  /// - Parameters:
  ///   - partition: One community per node, e.g. from Leiden on `graph`.
  ///   - topTermCount: How many terms name a theme.
  /// - Returns: One theme per community, in the partition's community order.
  /// - Precondition: `partition.nodeCount == graph.nodeCount`, `topTermCount ≥ 1`.
  /// - Complexity: O(*n* log *n* + *m* + Σ_d t_d).
  public func themes(from partition: Partition, topTermCount: Int = 5) -> [TopicTheme] {
    precondition(partition.nodeCount == graph.nodeCount, "one community per term node")
    precondition(topTermCount >= 1, "topTermCount must be at least 1")
    let membership = partition.membership
    var inside = [Double](repeating: 0, count: graph.nodeCount)
    for u in 0..<graph.nodeCount {
      for i in cooccurrences.row(u)
      where membership[Int(cooccurrences.neighbors[i])] == membership[u] {
        inside[u] += cooccurrences.weights[i]
      }
    }
    var themes = partition.communities.enumerated().map { c, members in
      let ranked = members.sorted { a, b in
        if terms[a].occurrences != terms[b].occurrences {
          return terms[a].occurrences > terms[b].occurrences
        }
        if inside[a] != inside[b] { return inside[a] > inside[b] }
        return a < b
      }
      let top = ranked.prefix(topTermCount).map { terms[$0].label }
      return TopicTheme(
        community: c, name: top.joined(separator: ", "), topTerms: Array(top), terms: ranked,
        documents: [])
    }
    for (d, nodes) in documentTerms.enumerated() where !nodes.isEmpty {
      var shared: [Int: (count: Int, occurrences: Int)] = [:]
      for t in Set(nodes) {
        let c = membership[t]
        let old = shared[c] ?? (0, 0)
        shared[c] = (old.count + 1, old.occurrences + terms[t].occurrences)
      }
      let best = shared.min { a, b in
        if a.value.count != b.value.count { return a.value.count > b.value.count }
        if a.value.occurrences != b.value.occurrences {
          return a.value.occurrences > b.value.occurrences
        }
        return a.key < b.key
      }
      if let best { themes[best.key].documents.append(d) }
    }
    return themes
  }
}

/// A research theme: a community of the topic network, named by its top terms.
public struct TopicTheme: Sendable, Hashable, Codable {
  /// The community number in the partition.
  public var community: Int
  /// The top terms joined by ", ".
  public var name: String
  /// Labels of the terms that name the theme, best first.
  public var topTerms: [String]
  /// Every term node of the theme, ranked.
  public var terms: [Int]
  /// The documents assigned to this theme, ascending.
  public var documents: [Int]
}
