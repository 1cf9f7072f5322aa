/// A place in an input file: 1-based line and column (line 0: the whole file).
public struct InputLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, `file:line` when the column is unknown (0), `file` for the
  /// whole file.
  public var description: String {
    if line <= 0 { return file }
    if column <= 0 { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }
}
