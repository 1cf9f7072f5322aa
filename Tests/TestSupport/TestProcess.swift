import Foundation

/// The one process runner of the test suites: runs an executable to its end with
/// optional standard input, reading stdout and stderr concurrently so that neither pipe
/// can fill up and block the child.
public enum TestProcess {
  public struct Outcome: Sendable {
    public var status: Int32
    public var reason: Process.TerminationReason
    public var stdout: Data
    public var stderr: Data

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
  }

  public static func run(
    _ executable: URL, _ arguments: [String], in folder: URL? = nil, input: Data? = nil,
    environment: [String: String]? = nil
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    let inPipe = input.map { _ in Pipe() }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe ?? FileHandle.nullDevice
    try process.run()
    nonisolated(unsafe) var stderr = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      stderr = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    if let inPipe, let input {
      group.enter()
      DispatchQueue.global().async {
        inPipe.fileHandleForWriting.write(input)
        try? inPipe.fileHandleForWriting.close()
        group.leave()
      }
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, reason: process.terminationReason, stdout: stdout,
      stderr: stderr)
  }

  /// `gzip` (Debian's /usr/bin/gzip) over `bytes`: `["-c", "-n"]` compresses, `["-dc"]`
  /// decompresses.
  public static func gzip(_ bytes: Data, _ arguments: [String] = ["-c", "-n"]) throws -> Data {
    let outcome = try run(URL(fileURLWithPath: "/usr/bin/gzip"), arguments, input: bytes)
    guard outcome.status == 0 else {
      throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: outcome.stderrText])
    }
    return outcome.stdout
  }
}

/// Running the built `coauthor` executable, as a user would.
public enum CLI {
  public static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  public struct Outcome: Sendable {
    public var status: Int32
    public var reason: Process.TerminationReason
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data

    /// Non-empty stderr lines other than the tool's own progress and notes ("coauthor: …");
    /// its failure line ("coauthor: error: …") counts.
    public var errorLines: [String] {
      stderr.split(whereSeparator: \.isNewline).map(String.init)
        .filter { !$0.isEmpty && (!$0.hasPrefix("coauthor: ") || $0.hasPrefix("coauthor: error: ")) }
    }
  }

  /// The `coauthor` binary built beside the test bundle.
  public static func executable() throws -> URL {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent("coauthor")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "coauthor executable"])
  }

  public static func run(
    _ arguments: [String], in folder: URL = packageRoot, input: Data? = nil,
    environment: [String: String]? = nil
  ) throws -> Outcome {
    let outcome = try TestProcess.run(
      executable(), arguments, in: folder, input: input, environment: environment)
    return Outcome(
      status: outcome.status, reason: outcome.reason, stdout: outcome.stdoutText,
      stderr: outcome.stderrText, stdoutData: outcome.stdout)
  }

  public static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("coauthor-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
