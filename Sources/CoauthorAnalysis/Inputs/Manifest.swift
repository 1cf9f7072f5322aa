import Bibliography

/// One entry of a data folder's `manifest.json`.
public struct ManifestSource: Sendable, Hashable, Codable {
  public var file: String
  public var owner: String?
  public var format: InputFormat?

  public init(file: String, owner: String? = nil, format: InputFormat? = nil) {
    self.file = file
    self.owner = owner
    self.format = format
  }
}

/// A data folder's `manifest.json`: whose each file is, and where the alias table is.
public struct Manifest: Sendable, Hashable, Codable {
  public var sources: [ManifestSource]
  public var aliases: String?
}
