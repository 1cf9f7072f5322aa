extension Commands {
  /// `coauthor run`: the whole pipeline on a data folder (see ``Pipeline``).
  public static func run(_ request: RunOptions, progress: (String) -> Void = { _ in }) -> CommandOutput {
    Pipeline.run(request, progress: progress)
  }

  /// `coauthor run` reporting each step as a ``Progress`` of the whole run.
  public static func run(_ request: RunOptions, report: @escaping (Progress) -> Void) -> CommandOutput {
    Pipeline.run(request, report: report)
  }
}
