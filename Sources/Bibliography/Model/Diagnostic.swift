/// A problem found while reading one record; reading goes on after it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case warning
    case error
  }

  public var severity: Severity
  public var location: InputLocation
  public var message: String

  public init(_ severity: Severity, at location: InputLocation, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
