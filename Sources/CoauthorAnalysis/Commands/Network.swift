import Foundation
import GraphKit
import Graphviz

/// `coauthor network`: a network built from sources (or read from a plain graph),
/// exported.
public struct NetworkRequest: Sendable {
  public var inputs: InputRequest
  public var build: NetworkBuild
  /// The export format; nil: DOT, unless only a ``figure`` is asked for.
  public var format: NetworkFormat?
  public var output: OutputTarget
  /// A styled figure of the network (or of the selected part) to draw, as `coauthor
  /// run` draws its figures: `FILE.svg`, `.png` or `.pdf`, with the pinned DOT beside it.
  public var figure: String?

  public init(
    inputs: InputRequest, build: NetworkBuild = NetworkBuild(), format: NetworkFormat? = nil,
    output: OutputTarget = OutputTarget(), figure: String? = nil
  ) {
    self.inputs = inputs
    self.build = build
    self.format = format
    self.output = output
    self.figure = figure
  }
}

extension Commands {
  /// Builds or reads the network and writes it in the requested format. A VOSviewer map
  /// file needs a file name: its network file goes beside it as `NAME_network.txt`.
  public static func network(_ request: NetworkRequest) -> CommandOutput {
    CommandOutput.collecting { (output: inout CommandOutput) throws(CoauthorError) in
      let format: NetworkFormat? =
        request.format ?? (request.figure == nil ? NetworkFormat.dot : nil)
      if format == .vosviewerMap, request.output.isStandardOutput {
        throw .usage("--format vosviewer-map needs -o FILE (the network file goes beside it)")
      }
      var figureFormat: RenderFormat?
      if let path = request.figure { figureFormat = try Self.figureFormat(of: path) }
      guard let loaded = try output.loadNetwork(request.inputs, build: request.build) else {
        return
      }
      // Communities and centralities only for what shows them: a figure, or a format
      // with node attributes. An edge list of a million people is written without them.
      let analysis =
        request.figure != nil || format?.carriesNodeAttributes == true ? analyze(loaded) : nil
      if let format {
        let text = NetworkExport.text(
          loaded.graph, format: format, attributes: analysis?.attributes ?? NodeAttributes(),
          weightMeaning: loaded.weightMeaning)
        try request.output.emit(text, into: &output)
        if format == .vosviewerMap, let path = request.output.path {
          try OutputTarget(vosviewerNetworkPath(forMap: path)).emit(
            NetworkExport.vosviewerNetworkFile(loaded.graph), into: &output)
        }
      }
      if let path = request.figure, let figureFormat, let analysis {
        try drawFigure(loaded, analysis: analysis, path: path, format: figureFormat, into: &output)
      }
    }
  }

  /// A loaded network measured as `coauthor run` measures its networks.
  struct NetworkAnalysis {
    var communities: CommunityResult
    var metrics: MetricsReport
    /// What the exports carry.
    var attributes: NodeAttributes
  }

  /// The attributes `coauthor run` exports, for a loaded network: Leiden communities
  /// (γ = 1, seed 1, as `run`'s defaults), every centrality, papers, years and the owner
  /// flag when the network comes from sources.
  static func analysisAttributes(_ loaded: LoadedNetwork) -> NodeAttributes {
    analyze(loaded).attributes
  }

  static func analyze(_ loaded: LoadedNetwork) -> NetworkAnalysis {
    let graph = loaded.graph
    let communities = graph.leidenCommunities(resolution: 1, seed: 1)
    let metrics = MetricsReport.compute(
      graph, distance: .inverseWeight, communities: communities.partition, papers: loaded.papers)
    // Years and owners only for coauthor networks (their nodes are the corpus's people).
    let people = loaded.papers == nil ? nil : loaded.corpus
    let persons = loaded.personIDs
    let years = people.map { NodeYears(corpus: $0, people: persons) }
    let ownerPeople = Set(people?.owners ?? [])
    let attributes = NetworkExport.analysisAttributes(
      metrics: metrics, community: communities.partition.membership, papers: loaded.papers,
      years: years,
      owners: Set(persons.indices.filter { ownerPeople.contains(persons[$0]) }),
      nodeCount: graph.nodeCount)
    return NetworkAnalysis(communities: communities, metrics: metrics, attributes: attributes)
  }

  /// `x_map.txt` / `x.txt` / `x` → `x_network.txt`, VOSviewer's pairing of the two files.
  static func vosviewerNetworkPath(forMap path: String) -> String {
    let base = path.hasSuffix(".txt") ? String(path.dropLast(4)) : path
    let stem = base.hasSuffix("_map") ? String(base.dropLast(4)) : base
    return stem + "_network.txt"
  }
}
