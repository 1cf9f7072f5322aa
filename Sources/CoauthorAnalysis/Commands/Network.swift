import Foundation
import GraphKit

/// `coauthor network`: a network built from sources (or read from a plain graph),
/// exported.
public struct NetworkRequest: Sendable {
  public var inputs: InputRequest
  public var build: NetworkBuild
  public var format: NetworkFormat
  public var output: OutputTarget

  public init(
    inputs: InputRequest, build: NetworkBuild = NetworkBuild(), format: NetworkFormat = .dot,
    output: OutputTarget = OutputTarget()
  ) {
    self.inputs = inputs
    self.build = build
    self.format = format
    self.output = output
  }
}

extension Commands {
  /// Builds or reads the network and writes it in the requested format. A VOSviewer map
  /// file needs a file name: its network file goes beside it as `NAME_network.txt`.
  public static func network(_ request: NetworkRequest) -> CommandOutput {
    CommandOutput.collecting { (output: inout CommandOutput) throws(CoauthorError) in
      if request.format == .vosviewerMap, request.output.isStandardOutput {
        throw .usage("--format vosviewer-map needs -o FILE (the network file goes beside it)")
      }
      let loaded = try Inputs.network(request.inputs, build: request.build)
      output.diagnostics = loaded.diagnostics
      if let note = loaded.selectionNote { output.notes.append(note) }
      output.applyStrict(request.inputs.strict)
      if output.failure != nil { return }
      let attributes = analysisAttributes(loaded)
      let text = NetworkExport.text(
        loaded.graph, format: request.format, attributes: attributes,
        weightMeaning: loaded.weightMeaning)
      try request.output.emit(text, into: &output)
      if request.format == .vosviewerMap, let path = request.output.path {
        try OutputTarget(vosviewerNetworkPath(forMap: path)).emit(
          NetworkExport.vosviewerNetworkFile(loaded.graph), into: &output)
      }
    }
  }

  /// The attributes `coauthor run` exports, for a loaded network: Leiden communities
  /// (γ = 1, seed 1, as `run`'s defaults), every centrality, papers, years and the owner
  /// flag when the network comes from sources.
  static func analysisAttributes(_ loaded: LoadedNetwork) -> NodeAttributes {
    let graph = loaded.graph
    let communities = graph.leidenCommunities(resolution: 1, seed: 1)
    let metrics = MetricsReport.compute(
      graph, distance: .inverseWeight, communities: communities.partition, papers: loaded.papers)
    // Years and owners only for coauthor networks (their nodes are the corpus's people).
    let people = loaded.papers == nil ? nil : loaded.corpus
    let persons = loaded.personIDs
    let years = people.map { NodeYears(corpus: $0, people: persons) }
    let ownerPeople = Set(people?.owners ?? [])
    return NetworkExport.analysisAttributes(
      metrics: metrics, community: communities.partition.membership, papers: loaded.papers, years: years,
      owners: Set(persons.indices.filter { ownerPeople.contains(persons[$0]) }), nodeCount: graph.nodeCount)
  }

  /// `x_map.txt` / `x.txt` / `x` → `x_network.txt`, VOSviewer's pairing of the two files.
  static func vosviewerNetworkPath(forMap path: String) -> String {
    let base = path.hasSuffix(".txt") ? String(path.dropLast(4)) : path
    let stem = base.hasSuffix("_map") ? String(base.dropLast(4)) : base
    return stem + "_network.txt"
  }
}
