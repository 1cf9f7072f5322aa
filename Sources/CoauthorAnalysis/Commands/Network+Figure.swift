import Foundation
import GraphKit
import Graphviz

extension Commands {
  /// The figure format a `--draw` path asks for, from its extension.
  static func figureFormat(of path: String) throws(CoauthorError) -> RenderFormat {
    let suffix = (path as NSString).pathExtension.lowercased()
    guard path != "-", let format = RenderFormat(rawValue: suffix) else {
      throw .usage("--draw \(path): the figure file must end in .svg, .png or .pdf")
    }
    return format
  }

  /// Draws `loaded` (the whole network or the selected part) as `coauthor run` draws its
  /// networks — the layout ladder under the render deadline, Leiden communities as
  /// colours with their swatches, node area by weighted degree, the strongest 300 nodes
  /// when it is larger, the selected person or the owners emphasised — into `path`, with
  /// the pinned drawing as DOT beside it. A figure no attempt could draw is failed work.
  static func drawFigure(
    _ loaded: LoadedNetwork, analysis: NetworkAnalysis, path: String, format: RenderFormat,
    into output: inout CommandOutput
  ) throws(CoauthorError) {
    var options = RunOptions()
    options.formats = [format]
    let graph = loaded.graph
    let strength = graph.strength()
    let unit = loaded.corpus == nil ? "nodes" : "people"
    let persons = loaded.personIDs
    let owners = Set(loaded.corpus?.owners ?? [])
    let emphasized = loaded.center.map { Set([$0]) } ?? Set(persons.indices.filter { owners.contains(persons[$0]) })
    let size = "\(graph.nodeCount) \(unit), \(graph.edgeCount) links"
    let title: String
    switch loaded.selection?.0 {
    case .ego(let name, let radius)?:
      title = "Ego network of \(name)\(radius > 1 ? " (radius \(radius))" : ""): \(graph.nodeCount - 1) coauthors, \(graph.edgeCount) links"
    case .component(let name)?: title = "Component of \(name): \(size)"
    case .largestComponent?: title = "Largest component: \(size)"
    case nil:
      let names = (loaded.corpus?.owners ?? []).compactMap { loaded.corpus?.people[$0] }
      title = (names.isEmpty ? "Coauthor network" : "Coauthor network of \(names.joined(separator: " and "))") + ": \(size)"
    }
    let item = RunNetwork(
      name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension,
      title: title, graph: graph, size: strength, community: analysis.communities.partition.membership,
      emphasized: emphasized, nodeSize: "weighted degree", edgeWidth: loaded.weightMeaning,
      colors: "Leiden communities\(loaded.selection == nil ? "" : " of this part"), modularity \(formatNumber(analysis.communities.modularity, decimals: 3))",
      legend: Pipeline.legendEntries(
        partition: analysis.communities.partition, graph: graph, importance: strength,
        palette: options.style.palette, unit: unit),
      metrics: analysis.metrics, communities: analysis.communities)
    let folderPath = (path as NSString).deletingLastPathComponent
    var folder = OutputFolder(path: folderPath.isEmpty ? "." : folderPath)
    defer {
      output.written += folder.written
      output.notes += folder.notes
    }
    _ = try Pipeline.drawNetwork(item, options: options, into: &folder)
    if let reason = folder.missingFigures.values.sorted().first {
      throw .failed("\(path): the figure could not be drawn: \(reason)")
    }
  }
}
