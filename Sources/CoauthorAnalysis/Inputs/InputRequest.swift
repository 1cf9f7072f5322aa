import Bibliography

/// The inputs of a command, as the command line gives them (shared by every command
/// that reads sources).
public struct InputRequest: Sendable, Hashable {
  /// Files, data folders, or `-` for standard input.
  public var paths: [String]
  /// Whose documents the sources are (a homepage's collaborator line links its names to
  /// this person), for files not described by a manifest.
  public var owner: String?
  /// An alias table (canonical<TAB>alias…) besides any data folder's own.
  public var aliasFile: String?
  /// The format of every source, when detection from the content is not wanted.
  public var format: InputFormat?
  /// Fail (exit status 1) when any diagnostic is reported.
  public var strict: Bool

  public init(
    paths: [String], owner: String? = nil, aliasFile: String? = nil, format: InputFormat? = nil,
    strict: Bool = false
  ) {
    self.paths = paths
    self.owner = owner
    self.aliasFile = aliasFile
    self.format = format
    self.strict = strict
  }
}
