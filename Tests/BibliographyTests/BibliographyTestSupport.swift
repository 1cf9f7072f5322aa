import Foundation
import Testing

/// Paths and texts the Bibliography tests read: the package's Data/ seeds and the
/// shared datasets beside the clone.
enum TestData {
  /// The package root, derived from this file's path (Tests/BibliographyTests/…).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String {
    packageRoot.appendingPathComponent(relative).path
  }

  /// Text of a file under the package root; records an issue naming it when missing.
  static func text(_ relative: String) throws -> String {
    let path = path(relative)
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record("missing test input \(path)")
      throw MissingInput(path: path)
    }
    return String(decoding: data, as: UTF8.self)
  }

  static var cvPath: String { path("Data/qi-lei-cv.txt") }
  static var homepagePath: String { path("Data/allen-zhu-homepage.txt") }

  struct MissingInput: Error { var path: String }
}

/// A private temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("bibliography-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
