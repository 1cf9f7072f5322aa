import CoauthorAnalysis
import Foundation
import TestSupport
import Testing

/// Atomic, repeatable output.
@Suite("Output files")
struct OutputFilesTests {
  /// Regression: FileManager.replaceItemAt on Linux deleted the old file and then failed,
  /// so every second run into the same folder failed and lost its outputs.
  @Test("writing over an existing file replaces it and leaves no temporary file")
  func overwrite() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("table.csv").path
    try OutputFiles.write(text: "first\n", to: path)
    try OutputFiles.write(text: "second\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["table.csv"])
  }

  @Test("a write that cannot happen throws and keeps the old file")
  func failedWrite() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("existing.txt")
    try OutputFiles.write(text: "kept\n", to: file.path)
    #expect(throws: OutputError.self) {
      try OutputFiles.write(text: "x", to: file.appendingPathComponent("inside-a-file.txt").path)
    }
    #expect(throws: OutputError.self) {
      try OutputFiles.write(text: "x", to: folder.path)  // a folder is not replaced by a file
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "kept\n")
    #expect(FileManager.default.fileExists(atPath: folder.path))
  }

  @Test("two runs into the same Output folder succeed, give the same bytes, leave Data/ alone")
  func rerunIntoSameFolder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("Output")
    let data = CLI.packageRoot.appendingPathComponent("Data")
    var inputs: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: data.path) {
      inputs[name] = try Data(contentsOf: data.appendingPathComponent(name))
    }
    var snapshots: [[String: Data]] = []
    for _ in 0..<2 {
      let outcome = try CLI.run(["run", "--data", "Data", "--output", output.path])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
        files[name] = try Data(contentsOf: output.appendingPathComponent(name))
      }
      snapshots.append(files)
    }
    #expect(snapshots[0].keys.sorted() == snapshots[1].keys.sorted())
    #expect(!snapshots[1].keys.contains { $0.hasSuffix(".tmp") })
    for (name, bytes) in snapshots[0] where !name.hasSuffix(".pdf") {
      #expect(snapshots[1][name] == bytes, "\(name) differs between two runs")
    }
    // Inputs are never modified, and nothing is added to the data folder.
    for (name, bytes) in inputs {
      #expect(try Data(contentsOf: data.appendingPathComponent(name)) == bytes, "\(name) changed")
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
        == inputs.keys.sorted())
  }
}
