import ArgumentParser
import CoauthorAnalysis
import GraphKit

extension CommunityAlgorithm: ExpressibleByArgument {}

struct Communities: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find communities (research groups) in a network.",
    discussion: """
      Resolution follows networkx/igraph: a larger value gives more, smaller communities
      (Gephi's runs the other way). The same seed gives the same partition on any machine.

      Example:
        coauthor communities Data/qi-lei-cv.txt --algorithm leiden --seed 7 --runs 10
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, json }

  @Argument(help: "Source files, or one plain graph file.")
  var files: [String]

  @Option(help: "leiden, louvain or label-propagation.")
  var algorithm: CommunityAlgorithm = .leiden

  @Option(help: "Resolution γ of modularity.")
  var resolution = 1.0

  @Option(help: "Random seed.")
  var seed = 1

  @Option(help: "Run with K seeds (seed, seed+1, …), keep the best, report stability.")
  var runs = 1

  @Option(help: "Output format: md, csv or json.")
  var format: Format = .md

  @Option(help: "Edge weights when building from sources: count, fractional or association.")
  var weighting: Weighting = .count

  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
  var output: String?

  @OptionGroup var ownership: OwnerOption

  @OptionGroup var input: InputOptions

  func validate() throws {
    guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    guard resolution > 0, resolution.isFinite else { throw ValidationError("--resolution must be positive") }
  }

  func run() throws {
    let loaded = try Inputs.network(files: files, weighting: weighting, owner: ownership.owner)
    for line in loaded.problems { Console.error(line) }
    if input.strict, !loaded.problems.isEmpty {
      throw ValidationError("\(loaded.problems.count) input problem(s); failing because of --strict")
    }
    let report = CommunityReport.compute(
      loaded.graph, algorithm: algorithm, resolution: resolution, seed: seed, runs: runs)
    let text: String
    switch format {
    case .md: text = report.markdown
    case .csv: text = report.csv
    case .json: text = report.json
    }
    try Console.emit(text, to: output)
  }
}
