import ArgumentParser
import CoauthorAnalysis

struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compute every node metric and a summary for a network.",
    discussion: """
      Betweenness, closeness and harmonic centrality read weights as strengths:
      --distance inverse-weight uses length 1/weight, --distance hops ignores weights.

      Betweenness and closeness are exact when their estimated time (from n·m and a rate
      measured on the development machine) fits --budget; otherwise they are sampled with as
      many samples as the budget allows, and every output states the error bound and how it
      compares with the 20th highest score.

      Example:
        coauthor metrics ../shared/datasets/graphs/netscience.gml --format md --top 10
      """)

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: md, csv or json.")
  var format: TableFormat = .md

  @Option(help: "Only the N nodes with the largest strength.")
  var top: Int?

  @Option(help: "Path lengths: hops or inverse-weight.")
  var distance: EdgeDistance = .inverseWeight

  @Option(help: "Seconds betweenness and closeness may take; exact when the estimate fits, sampled otherwise.")
  var budget = 60.0

  @OptionGroup var weighting: WeightingOption

  @OptionGroup var select: SelectionOptions

  @OptionGroup var output: OutputOption

  func validate() throws {
    if let top { try check(top, "--top", in: 0...Int(Int32.max)) }
    guard budget.isFinite, budget > 0, budget <= 86_400 else {
      throw ValidationError("--budget must be a number of seconds in (0, 86400], not \(budget)")
    }
  }

  func run() throws {
    let bar = ProgressBar.make()
    let result = Commands.metrics(
      MetricsRequest(
        inputs: input.request(), weighting: weighting.weighting, distance: distance, format: format,
        top: top, output: output.target, budget: MetricsBudget(seconds: budget), selection: select.selection),
      report: bar.map { bar in { bar.show($0) } })
    bar?.clear()
    try Console.finish(result)
  }
}
