import Foundation
import Testing

/// Test inputs: the shared datasets (read-only) and this target's fixtures.
enum FormatsFixture {
  struct Missing: Error, CustomStringConvertible {
    var path: String
    var description: String { "missing test input \(path) (expected ../shared/datasets beside the package)" }
  }

  /// The package root, derived from this file's location.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A file of the shared datasets, e.g. `graphs/ca-GrQc.txt`.
  static func dataset(_ name: String) throws -> String {
    let path = packageRoot.appendingPathComponent("../shared/datasets/\(name)").standardized.path
    guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
    return path
  }

  static func fixturePath(_ name: String) throws -> String {
    let path = packageRoot.appendingPathComponent("Tests/FormatsTests/Fixtures/\(name)").path
    guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
    return path
  }

  static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

  /// A private temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("formats-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

func expectClose(
  _ actual: Double, _ expected: Double, relative: Double, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    abs(actual - expected) <= relative * max(abs(expected), 1e-300), "\(actual) ≠ \(expected)",
    sourceLocation: sourceLocation)
}
