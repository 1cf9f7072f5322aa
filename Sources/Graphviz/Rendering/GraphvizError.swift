/// A Graphviz operation failed; ``message`` is Graphviz's own text (captured through
/// `agseterrf`, never printed to stderr).
public struct GraphvizError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  /// Where the failure happened.
  public enum Stage: String, Sendable, Hashable, CaseIterable, Codable {
    /// Creating the context: plugins missing (no `config6a`), or no `dot` executable.
    case startup
    /// The caller's input was rejected before Graphviz saw it (empty text, unknown engine
    /// name, a graph above the size limit).
    case input
    /// `agmemread`: the DOT text does not parse.
    case parse
    /// `gvLayout`, or errors reported while laying out (e.g. a malformed HTML label).
    case layout
    /// `gvRenderData` for one format.
    case render
    /// The child process did not finish before its deadline and was killed.
    case timeout
    /// The child process crashed or exited with a failure.
    case childProcess
  }

  public var stage: Stage
  /// Graphviz's message (e.g. `Error: syntax error in line 1 near ';'`), or ours for
  /// `.input`, `.timeout` and `.startup`.
  public var message: String
  /// Warnings Graphviz printed before failing.
  public var warnings: [String]

  public init(stage: Stage, message: String, warnings: [String] = []) {
    self.stage = stage
    self.message = message
    self.warnings = warnings
  }

  public var description: String { "Graphviz \(stage.rawValue) failed: \(message)" }
}
