import ArgumentParser
import CoauthorAnalysis
import Foundation

extension NetworkType: ExpressibleByArgument {}
extension NetworkFormat: ExpressibleByArgument {}

struct Network: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build a network from sources (or read a plain graph) and export it.",
    discussion: """
      Example:
        coauthor network Data/qi-lei-cv.txt --weighting fractional --format graphml -o lei.graphml
      """)

  @Argument(help: "Source files, or one plain graph file (edge list, GML, GraphML, …).")
  var files: [String]

  @Option(help: "Network type: coauthor, topic or author-topic.")
  var type: NetworkType = .coauthor

  @Option(help: "Edge weights: count, fractional or association.")
  var weighting: Weighting = .count

  @Option(help: "Output format: dot, graphml, gexf, gml, json, csv, edgelist, pajek, vosviewer (JSON), vosviewer-map (map file; the network file is written beside -o as NAME_network.txt).")
  var format: NetworkFormat = .dot

  @Option(help: "Leave papers with more authors out of the coauthor edges (0: keep all).")
  var maxAuthors = 25

  @Option(help: "Alias table (canonical<TAB>alias…).")
  var aliases: String?

  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
  var output: String?

  @OptionGroup var ownership: OwnerOption

  @OptionGroup var input: InputOptions

  func run() throws {
    let loaded = try Inputs.network(
      files: files, type: type, weighting: weighting,
      maxAuthors: maxAuthors > 0 ? maxAuthors : nil, aliasFile: aliases, owner: ownership.owner)
    for line in loaded.problems { Console.error(line) }
    if input.strict, !loaded.problems.isEmpty {
      throw ValidationError("\(loaded.problems.count) input problem(s); failing because of --strict")
    }
    var attributes = NodeAttributes()
    if let papers = loaded.papers { attributes.integers.append(("papers", papers)) }
    attributes.reals.append(("strength", loaded.graph.strength()))
    let text = NetworkExport.text(
      loaded.graph, format: format, attributes: attributes, weightMeaning: loaded.weightMeaning)
    if format == .vosviewerMap, output == nil || output == "-" {
      throw ValidationError("--format vosviewer-map needs -o FILE (the network file goes beside it)")
    }
    try Console.emit(text, to: output)
    if format == .vosviewerMap, let output {
      let base = output.hasSuffix(".txt") ? String(output.dropLast(4)) : output
      let stem = base.hasSuffix("_map") ? String(base.dropLast(4)) : base
      try Console.emit(NetworkExport.vosviewerNetworkFile(loaded.graph), to: stem + "_network.txt")
    }
  }
}
