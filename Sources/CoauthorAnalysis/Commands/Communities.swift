import GraphKit

/// `coauthor communities`: research groups of a network.
public struct CommunitiesRequest: Sendable {
  public var inputs: InputRequest
  public var weighting: Weighting
  /// Only this part of the network (nil: all of it).
  public var selection: NetworkSelection?
  public var algorithm: CommunityAlgorithm
  public var resolution: Double
  public var seed: Int
  /// Seeds `seed`, `seed + 1`, …: the best partition is kept and stability reported.
  public var runs: Int
  public var format: TableFormat
  public var output: OutputTarget

  public init(
    inputs: InputRequest, weighting: Weighting = .count, algorithm: CommunityAlgorithm = .leiden,
    resolution: Double = 1, seed: Int = 1, runs: Int = 1, format: TableFormat = .md,
    output: OutputTarget = OutputTarget(), selection: NetworkSelection? = nil
  ) {
    self.inputs = inputs
    self.weighting = weighting
    self.algorithm = algorithm
    self.resolution = resolution
    self.seed = seed
    self.runs = runs
    self.format = format
    self.output = output
    self.selection = selection
  }
}

extension Commands {
  public static func communities(_ request: CommunitiesRequest) -> CommandOutput {
    CommandOutput.collecting { (output: inout CommandOutput) throws(CoauthorError) in
      guard let loaded = try output.loadNetwork(request.inputs, build: NetworkBuild(weighting: request.weighting, selection: request.selection)) else { return }
      let report = CommunityReport.compute(
        loaded.graph, algorithm: request.algorithm, resolution: request.resolution,
        seed: request.seed, runs: request.runs)
      let text: String
      switch request.format {
      case .md: text = report.markdown
      case .csv: text = report.csv
      case .json: text = report.json
      }
      try request.output.emit(text, into: &output)
    }
  }
}
