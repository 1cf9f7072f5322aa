/// A problem found while reading one record (or a whole file); reading goes on after it.
///
/// The one diagnostic type of the tool: every reader — bibliographic sources, plain
/// graphs, manifests, DOT files — reports through it, so every message has the same
/// `file:line:column: severity: message` shape and `--strict` means the same thing
/// everywhere.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
  }

  public var severity: Severity
  public var location: InputLocation
  public var message: String
  /// The record the problem concerns (a BibTeX key, a node id, an entry's first words),
  /// when there is one; at most a few hundred characters of input.
  public var record: String?

  /// The longest message kept (characters); the input a reader quotes is cut to
  /// ``InputLimits/maxQuotedCharacters`` before that, so a 100 MB line never comes back
  /// in a diagnostic.
  public static let maxMessageCharacters = 1000

  /// A diagnostic; a message over ``maxMessageCharacters`` and a record over
  /// ``InputLimits/maxQuotedCharacters`` characters are cut (an ellipsis says so).
  public init(_ severity: Severity, at location: InputLocation, _ message: String, record: String? = nil) {
    self.severity = severity
    self.location = location
    self.message =
      message.utf8.count > Self.maxMessageCharacters
      ? InputLimits.quote(message, limit: Self.maxMessageCharacters) : message
    self.record = record.map {
      $0.utf8.count > InputLimits.maxQuotedCharacters ? InputLimits.quote($0) : $0
    }
  }

  /// A problem that concerns the whole file (line 0 is printed as `file`).
  public static func file(_ severity: Severity, _ file: String, _ message: String) -> Diagnostic {
    Diagnostic(severity, at: InputLocation(file: file, line: 0, column: 0), message)
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// A reader that cannot go on at all (unreadable file, unknown format) throws the
/// diagnostic that says why; callers keep it beside the others.
extension Diagnostic: Error {}
