import Bibliography
import Foundation
import GraphKit
import GzipSupport

/// Which network to build from bibliographic sources.
public enum NetworkType: String, Sendable, Hashable, CaseIterable, Codable {
  case coauthor
  case topic
  case authorTopic = "author-topic"
}

/// A network loaded from the command line's files, with what is known about it.
public struct LoadedNetwork: Sendable {
  public var graph: Graph
  /// Papers per node (coauthor networks from sources only).
  public var papers: [Int]?
  /// What the edge weights mean.
  public var weightMeaning: String
  /// Problems found in the inputs, as `file:line: severity: message` lines.
  public var problems: [String]
  /// The corpus, when the network was built from bibliographic sources.
  public var corpus: Corpus?
}

/// Loads the files named on a command line: bibliographic sources (merged into one
/// corpus) or a single plain graph file (edge list, GML, GraphML, METIS, VOSviewer).
public enum Inputs {
  /// True when `path` holds a plain graph rather than a bibliographic source: no
  /// bibliographic reader recognises its content.
  public static func isPlainGraph(_ path: String) throws(InputError) -> Bool {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError("\(path): cannot read file: \(error.localizedDescription)")
    }
    // Compressed files (SNAP downloads, .bib.gz exports) are told by what is inside;
    // damage is reported by whichever reader then reads the file.
    var content = data
    var name = path
    if Gzip.isCompressed(data) {
      content = Data(Gzip.inflate([UInt8](data)).bytes)
      if name.lowercased().hasSuffix(".gz") { name = String(name.dropLast(3)) }
    }
    let text = TextDecoding.decode(content).text
    return FormatDetector.detect(text, fileName: name) == nil
  }

  /// Loads the files as one network.
  ///
  /// - Parameter owner: Whose documents the sources are (a homepage's collaborator line
  ///   links its names to this person; a CV's owner is recognised in every entry), as
  ///   `owner` in a data folder's manifest; nil when they are nobody's in particular.
  public static func network(
    files: [String], type: NetworkType = .coauthor, weighting: Weighting = .count,
    maxAuthors: Int? = 25, aliasFile: String? = nil, owner: String? = nil
  ) throws(InputError) -> LoadedNetwork {
    guard !files.isEmpty else { throw InputError("no input files") }
    var graphFiles: [String] = []
    var sourceFiles: [String] = []
    for file in files {
      if try isPlainGraph(file) { graphFiles.append(file) } else { sourceFiles.append(file) }
    }
    if !graphFiles.isEmpty {
      guard graphFiles.count == 1, sourceFiles.isEmpty else {
        throw InputError(
          "give either one plain graph file or any number of bibliographic sources, not both: "
            + graphFiles.joined(separator: ", "))
      }
      guard type == .coauthor else {
        throw InputError("\(graphFiles[0]): a plain graph has no titles for a \(type.rawValue) network")
      }
      do {
        let document = try GraphReader.readDocument(contentsOf: graphFiles[0])
        return LoadedNetwork(
          graph: document.graph, papers: nil, weightMeaning: "weight as given in the file",
          problems: document.diagnostics.map(\.description), corpus: nil)
      } catch {
        throw InputError(error.description)
      }
    }
    let corpus = try Corpus.load(
      sources: sourceFiles.map { ManifestSource(file: $0, owner: owner, format: nil) },
      aliasFile: aliasFile)
    let problems = corpus.diagnostics.map(\.description)
    switch type {
    case .coauthor:
      let network = CoauthorNetwork.build(
        from: corpus.coauthorInput, weighting: weighting, maxAuthors: maxAuthors)
      return LoadedNetwork(
        graph: network.graph, papers: network.paperCounts, weightMeaning: weighting.meaning,
        problems: problems, corpus: corpus)
    case .topic, .authorTopic:
      let topics = TopicAnalysis.network(corpus: corpus, type: type, weighting: weighting)
      return LoadedNetwork(
        graph: topics.graph, papers: nil, weightMeaning: topics.weightMeaning,
        problems: problems, corpus: corpus)
    }
  }
}
