import Foundation
import GraphKit

/// A part of a network a command works on instead of the whole: one person's ego
/// network, the connected component holding a person, or the largest component — for a
/// network built from sources and for a plain graph alike (e.g. the Spark job's output
/// for a whole database, where a person's neighbourhood is what gets drawn).
public enum NetworkSelection: Sendable, Hashable {
  /// The node named `name`, its neighbours within `radius` hops and the edges among them
  /// (networkx `ego_graph`).
  case ego(String, radius: Int)
  /// The connected component holding the node named `name`.
  case component(String)
  /// The largest connected component (ties: the one holding the smallest node id).
  case largestComponent

  /// What the selection is, for notes and titles.
  public var description: String {
    switch self {
    case .ego(let name, let radius): "the ego network of \(name) (radius \(radius))"
    case .component(let name): "the component of \(name)"
    case .largestComponent: "the largest component"
    }
  }
}

extension LoadedNetwork {
  /// The selected part of this network: the graph, papers and person ids restricted to
  /// it (node order: the ego first then by distance, or ascending node id).
  ///
  /// A name is matched against node labels, then node ids (VOSviewer items), exactly;
  /// then, in a coauthor network from sources, against every spelling a person was seen
  /// with (``Corpus/person(named:)``); then by ``AuthorTopicNetwork/defaultAuthorKey(_:)`` (case, diacritics, `*`/`†`
  /// marks and repeated spaces folded, as author names are matched elsewhere), which
  /// must leave one node.
  /// - Throws: ``CoauthorError`` (failed work) when no node or several nodes match.
  func selecting(_ selection: NetworkSelection) throws(CoauthorError) -> LoadedNetwork {
    let nodes: [Int]
    var selection = selection
    var center: Int?
    switch selection {
    case .ego(let name, let radius):
      let named = try node(named: name)
      center = named
      selection = .ego(graph.label(of: named), radius: radius)
      nodes = graph.egoNetwork(of: named, radius: radius).nodes
    case .component(let name):
      let named = try node(named: name)
      center = named
      selection = .component(graph.label(of: named))
      let membership = graph.connectedComponents().membership
      nodes = membership.indices.filter { membership[$0] == membership[named] }
    case .largestComponent:
      nodes = graph.largestComponentNodes()
    }
    var part = self
    part.graph = graph.subgraph(nodes)
    part.papers = papers.map { all in nodes.map { all[$0] } }
    part.people = nodes.map { people?[$0] ?? $0 }
    part.ids = ids.isEmpty ? [] : nodes.map { ids[$0] }
    part.selection = (selection, nodeCount: graph.nodeCount, edgeCount: graph.edgeCount)
    part.center = center.flatMap { nodes.firstIndex(of: $0) }
    return part
  }

  /// "the ego network of X (radius 1): 12 of 1461 nodes, 30 of 2742 edges", when a
  /// selection was taken.
  public var selectionNote: String? {
    guard let (selection, n, m) = selection else { return nil }
    return "\(selection.description): \(graph.nodeCount) of \(n) nodes, \(graph.edgeCount) of \(m) edges"
  }

  /// The one node `name` denotes (see ``selecting(_:)``).
  func node(named name: String) throws(CoauthorError) -> Int {
    let labels = graph.labels
    if let exact = labels.firstIndex(of: name) ?? ids.firstIndex(of: name) { return exact }
    // A coauthor network from sources: any spelling the person was seen with ("Art Poon"
    // for the merged "Art F Y Poon"), as name resolution matched it.
    if papers != nil, let corpus, let person = corpus.person(named: name),
      let node = personIDs.firstIndex(of: person)
    {
      return node
    }
    let fold = AuthorTopicNetwork.defaultAuthorKey
    let key = fold(name)
    let matches = labels.indices.filter { fold(labels[$0]) == key }
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
      throw .failed(
        "\(matches.count) nodes are named like '\(name)': "
          + matches.prefix(5).map { labels[$0] }.joined(separator: "; ") + "; give the exact label")
    }
    let near = labels.indices.filter { fold(labels[$0]).contains(key) }.prefix(5).map { labels[$0] }
    throw .failed(
      "no node is named '\(name)'" + (near.isEmpty ? "" : "; similar: " + near.joined(separator: "; ")))
  }
}
