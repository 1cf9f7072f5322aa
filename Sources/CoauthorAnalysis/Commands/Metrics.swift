import GraphKit

/// `coauthor metrics`: every node metric and a summary.
public struct MetricsRequest: Sendable {
  public var inputs: InputRequest
  public var weighting: Weighting
  /// Only this part of the network (nil: all of it).
  public var selection: NetworkSelection?
  public var distance: EdgeDistance
  public var format: TableFormat
  /// Only the N nodes with the largest strength (nil: 20 in Markdown, all otherwise).
  public var top: Int?
  public var output: OutputTarget
  /// Seconds betweenness and closeness may take: exact when the estimate fits, else
  /// sampling sized to it (said in every output).
  public var budget: MetricsBudget

  public init(
    inputs: InputRequest, weighting: Weighting = .count, distance: EdgeDistance = .inverseWeight,
    format: TableFormat = .md, top: Int? = nil, output: OutputTarget = OutputTarget(),
    budget: MetricsBudget = MetricsBudget(), selection: NetworkSelection? = nil
  ) {
    self.selection = selection
    self.budget = budget
    self.inputs = inputs
    self.weighting = weighting
    self.distance = distance
    self.format = format
    self.top = top
    self.output = output
  }
}

extension Commands {
  public static func metrics(_ request: MetricsRequest) -> CommandOutput {
    metrics(request, report: nil)
  }

  /// `coauthor metrics`, reporting each metric as a ``Progress``.
  public static func metrics(_ request: MetricsRequest, report: ((Progress) -> Void)?) -> CommandOutput {
    CommandOutput.collecting { (output: inout CommandOutput) throws(CoauthorError) in
      guard let loaded = try output.loadNetwork(request.inputs, build: NetworkBuild(weighting: request.weighting, selection: request.selection)) else { return }
      let report = MetricsReport.compute(loaded.graph, distance: request.distance, papers: loaded.papers, budget: request.budget,
        progress: report)
      let text: String
      switch request.format {
      case .md: text = report.markdown(top: request.top ?? 20)
      case .csv: text = report.csv(top: request.top)
      case .json: text = report.json
      }
      try request.output.emit(text, into: &output)
    }
  }
}
