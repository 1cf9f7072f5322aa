import ArgumentParser
import CoauthorAnalysis

struct Network: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build a network from sources (or read a plain graph) and export it.",
    discussion: """
      Example:
        coauthor network Data/qi-lei-cv.txt --weighting fractional --format graphml -o lei.graphml
        coauthor network Data --format gexf -o coauthors.gexf
        coauthor network spark-out/edges.csv --ego "Vincent Larivière" --radius 2 -o ego.dot
      """)

  @OptionGroup var input: InputOptions

  @Option(help: "Network type: coauthor, topic or author-topic.")
  var type: NetworkType = .coauthor

  @OptionGroup var weighting: WeightingOption

  @Option(help: "Output format: dot, graphml, gexf, gml, json, csv, edgelist, pajek, vosviewer (JSON), vosviewer-map (map file; the network file is written beside -o as NAME_network.txt).")
  var format: NetworkFormat = .dot

  @Option(help: "Leave papers with more authors out of the coauthor edges (0: keep all).")
  var maxAuthors = 25

  @OptionGroup var select: SelectionOptions

  @OptionGroup var output: OutputOption

  func validate() throws { try check(maxAuthors, "--max-authors", in: 0...1_000_000) }

  func run() throws {
    let build = NetworkBuild(type: type, weighting: weighting.weighting, maxAuthors: maxAuthors > 0 ? maxAuthors : nil,
      selection: select.selection)
    try Console.finish(
      Commands.network(NetworkRequest(inputs: input.request(), build: build, format: format, output: output.target)))
  }
}
