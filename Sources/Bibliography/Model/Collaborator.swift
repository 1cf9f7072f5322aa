/// A collaborator named on a homepage with a stated number of joint works.
public struct Collaborator: Sendable, Hashable, Codable {
  public var name: String
  public var count: Int
  public var location: InputLocation

  public init(name: String, count: Int, location: InputLocation) {
    self.name = name
    self.count = count
    self.location = location
  }
}

/// A free-standing abstract paragraph (for topic networks), not tied to a parsed
/// publication record.
public struct AbstractText: Sendable, Hashable, Codable {
  public var text: String
  public var location: InputLocation

  public init(text: String, location: InputLocation) {
    self.text = text
    self.location = location
  }
}
