import Bibliography
import Formats
import GraphKit

/// A network loaded from a command's inputs, with what is known about it.
public struct LoadedNetwork: Sendable {
  public var graph: Graph
  /// Papers per node (coauthor networks from sources only).
  public var papers: [Int]?
  /// What the edge weights mean.
  public var weightMeaning: String
  /// Problems found in the inputs.
  public var diagnostics: [Diagnostic]
  /// The corpus, when the network was built from bibliographic sources.
  public var corpus: Corpus?
  /// The corpus person of each node, when a selection took part of a coauthor network
  /// (nil: node *i* is person *i*).
  public var people: [Int]?
  /// The id the input file gives each node where it differs from the label (VOSviewer
  /// items); empty otherwise.
  public var ids: [String] = []
  /// The selection taken, with the size of the whole network it was taken from.
  public var selection: (NetworkSelection, nodeCount: Int, edgeCount: Int)?
  /// The node an ego network or component was selected by (its id in ``graph``).
  public var center: Int?

  /// Corpus person ids, one per node.
  public var personIDs: [Int] { people ?? Array(0..<graph.nodeCount) }
}

/// How a network is built from sources.
public struct NetworkBuild: Sendable, Hashable {
  public var type: NetworkType
  public var weighting: Weighting
  /// Papers with more authors are left out of the coauthor edges; nil keeps all.
  public var maxAuthors: Int?
  /// Only this part of the network (nil: all of it).
  public var selection: NetworkSelection?

  public init(
    type: NetworkType = .coauthor, weighting: Weighting = .count, maxAuthors: Int? = 25,
    selection: NetworkSelection? = nil
  ) {
    self.type = type
    self.weighting = weighting
    self.maxAuthors = maxAuthors
    self.selection = selection
  }
}

extension Inputs {
  /// The inputs as one network: any number of bibliographic sources and data folders
  /// merged into one corpus, or exactly one plain graph.
  ///
  /// - Throws: ``CoauthorError``: wrong arguments when plain graphs and sources are mixed
  ///   or several graphs are given, or a topic network is asked of a plain graph; failed
  ///   work when nothing could be read.
  public static func network(
    _ request: InputRequest, build: NetworkBuild = NetworkBuild()
  ) throws(CoauthorError) -> LoadedNetwork {
    let whole = try wholeNetwork(request, build: build)
    guard let selection = build.selection else { return whole }
    return try whole.selecting(selection)
  }

  static func wholeNetwork(
    _ request: InputRequest, build: NetworkBuild
  ) throws(CoauthorError) -> LoadedNetwork {
    let inputs = try read(request)
    if let graph = inputs.graphs.first {
      guard inputs.graphs.count == 1, inputs.documents.isEmpty else {
        throw .usage(
          "give either one plain graph file or any number of bibliographic sources, not both: "
            + inputs.graphPaths.joined(separator: ", "))
      }
      guard build.type == .coauthor else {
        throw .usage("\(graph.path): a plain graph has no titles for a \(build.type.rawValue) network")
      }
      let document: GraphDocument
      do {
        document = try GraphReader.parseDocument(graph.bytes, file: graph.path)
      } catch {
        throw CoauthorError(error)
      }
      return LoadedNetwork(
        graph: document.graph, papers: nil, weightMeaning: "weight as given in the file",
        diagnostics: inputs.diagnostics + document.diagnostics, corpus: nil, ids: document.ids)
    }
    let corpus = try Corpus.load(inputs)
    switch build.type {
    case .coauthor:
      let network = CoauthorNetwork.build(
        from: corpus.coauthorInput, weighting: build.weighting, maxAuthors: build.maxAuthors)
      return LoadedNetwork(
        graph: network.graph, papers: network.paperCounts, weightMeaning: build.weighting.meaning,
        diagnostics: corpus.diagnostics, corpus: corpus)
    case .topic, .authorTopic:
      let topics = TopicAnalysis.network(corpus: corpus, type: build.type, weighting: build.weighting)
      return LoadedNetwork(
        graph: topics.graph, papers: nil, weightMeaning: topics.weightMeaning,
        diagnostics: corpus.diagnostics, corpus: corpus)
    }
  }

  /// The inputs as one corpus of bibliographic sources; a plain graph among them is a
  /// diagnostic (it has no papers).
  public static func corpus(_ request: InputRequest) throws(CoauthorError) -> Corpus {
    var inputs = try read(request)
    for graph in inputs.graphs {
      inputs.diagnostics.append(
        .file(.error, graph.path, "a plain graph, not a bibliographic source; left out"))
    }
    inputs.graphs = []
    return try Corpus.load(inputs)
  }
}

extension CommandOutput {
  /// The network of `network`, `metrics` and `communities`: loaded, its diagnostics and
  /// selection note taken into this output, `--strict` applied. Nil when `--strict`
  /// failed the output (the caller returns).
  mutating func loadNetwork(_ inputs: InputRequest, build: NetworkBuild) throws(CoauthorError) -> LoadedNetwork? {
    let loaded = try Inputs.network(inputs, build: build)
    diagnostics = loaded.diagnostics
    if let note = loaded.selectionNote { notes.append(note) }
    applyStrict(inputs.strict)
    return failure == nil ? loaded : nil
  }
}
