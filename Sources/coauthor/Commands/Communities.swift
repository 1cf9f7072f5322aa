import ArgumentParser
import CoauthorAnalysis

struct Communities: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find communities (research groups) in a network.",
    discussion: """
      Resolution follows networkx/igraph: a larger value gives more, smaller communities
      (Gephi's runs the other way). The same seed gives the same partition on any machine.

      Example:
        coauthor communities Data/qi-lei-cv.txt --algorithm leiden --seed 7 --runs 10
      """)

  @OptionGroup var input: InputOptions

  @Option(help: "leiden, louvain or label-propagation.")
  var algorithm: CommunityAlgorithm = .leiden

  @Option(help: "Resolution γ of modularity.")
  var resolution = 1.0

  @Option(help: "Random seed.")
  var seed = 1

  @Option(help: "Run with K seeds (seed, seed+1, …), keep the best, report stability.")
  var runs = 1

  @Option(help: "Output format: md, csv or json.")
  var format: TableFormat = .md

  @OptionGroup var weighting: WeightingOption

  @OptionGroup var select: SelectionOptions

  @OptionGroup var output: OutputOption

  func validate() throws {
    try check(runs, "--runs", in: 1...10_000)
    guard resolution > 0, resolution.isFinite, resolution <= 1e6 else {
      throw ValidationError("--resolution must be in (0, 1e6], not \(resolution)")
    }
  }

  func run() throws {
    try Console.finish(
      Commands.communities(
        CommunitiesRequest(
          inputs: input.request(), weighting: weighting.weighting, algorithm: algorithm,
          resolution: resolution, seed: seed, runs: runs, format: format, output: output.target,
          selection: select.selection)))
  }
}
