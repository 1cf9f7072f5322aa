import ArgumentParser
import CoauthorAnalysis
import GraphKit

struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compute every node metric and a summary for a network.",
    discussion: """
      Betweenness, closeness and harmonic centrality read weights as strengths:
      --distance inverse-weight uses length 1/weight, --distance hops ignores weights.

      Example:
        coauthor metrics ../shared/datasets/graphs/netscience.gml --format md --top 10
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, json }

  @Argument(help: "Source files, or one plain graph file.")
  var files: [String]

  @Option(help: "Output format: md, csv or json.")
  var format: Format = .md

  @Option(help: "Only the N nodes with the largest strength.")
  var top: Int?

  @Option(help: "Path lengths: hops or inverse-weight.")
  var distance: EdgeDistance = .inverseWeight

  @Option(help: "Edge weights when building from sources: count, fractional or association.")
  var weighting: Weighting = .count

  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
  var output: String?

  @OptionGroup var ownership: OwnerOption

  @OptionGroup var input: InputOptions

  func run() throws {
    let loaded = try Inputs.network(files: files, weighting: weighting, owner: ownership.owner)
    for line in loaded.problems { Console.error(line) }
    if input.strict, !loaded.problems.isEmpty {
      throw ValidationError("\(loaded.problems.count) input problem(s); failing because of --strict")
    }
    let report = MetricsReport.compute(loaded.graph, distance: distance, papers: loaded.papers)
    let text: String
    switch format {
    case .md: text = report.markdown(top: top ?? 20)
    case .csv: text = report.csv(top: top)
    case .json: text = report.json
    }
    try Console.emit(text, to: output)
  }
}
