import ArgumentParser
import CoauthorAnalysis

struct Network: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build a network from sources (or read a plain graph) and export it.",
    discussion: """
      Example:
        coauthor network Data/qi-lei-cv.txt --weighting fractional --format graphml -o lei.graphml
        coauthor network Data --format gexf -o coauthors.gexf
        coauthor network spark-out/edges.csv --ego "Vincent Larivière" --radius 2 --draw ego.svg
        coauthor network ca-GrQc.txt --largest-component --draw giant.png --format gexf -o giant.gexf
      """)

  @OptionGroup var input: InputOptions

  @Option(help: "Network type: coauthor, topic or author-topic.")
  var type: NetworkType = .coauthor

  @OptionGroup var weighting: WeightingOption

  @Option(help: "Output format: dot, graphml, gexf, gml, json, csv, edgelist, pajek, vosviewer (JSON), vosviewer-map (map file; the network file is written beside -o as NAME_network.txt). Default dot; with --draw alone, no export.")
  var format: NetworkFormat?

  @Option(name: .customLong("draw"), help: ArgumentHelp("Draw the network (or the selected part) as `coauthor run` draws its figures, into FILE.svg, .png or .pdf (the pinned DOT is written beside it as FILE.dot).", valueName: "file"))
  var figure: String?

  @Option(help: "Leave papers with more authors out of the coauthor edges (0: keep all).")
  var maxAuthors = 25

  @OptionGroup var select: SelectionOptions

  @OptionGroup var output: OutputOption

  func validate() throws { try check(maxAuthors, "--max-authors", in: 0...1_000_000) }

  func run() throws {
    let build = NetworkBuild(type: type, weighting: weighting.weighting, maxAuthors: maxAuthors > 0 ? maxAuthors : nil,
      selection: select.selection)
    try Console.finish(
      Commands.network(
        NetworkRequest(inputs: input.request(), build: build, format: format, output: output.target, figure: figure)))
  }
}
