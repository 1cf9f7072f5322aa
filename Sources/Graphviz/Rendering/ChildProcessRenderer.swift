import CProcess
import CoauthorBase
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Renders DOT in a separate `dot` process that is killed at a deadline.
///
/// A Graphviz layout cannot be cancelled in-process, takes minutes on large graphs (dot on
/// 1,000 nodes: 72 s) and `assert()`s abort the whole host (../shared/notes/graphviz.md §5).
/// In a child process a hang ends at `timeout` and a crash becomes a ``GraphvizError``.
/// Engines other than `dot` run twice, layout then drawing (``LayoutEngine/roundsLayout``).
/// The price is about 20 ms of process start per run and the `graphviz` package (the `dot`
/// executable) at run time. Output is byte-identical to ``GraphvizRenderer`` for a graph
/// rendered first in a fresh process (and always for dot, neato, sfdp, circo, twopi on named
/// graphs, as the in-process renderer reseeds before every layout).
///
/// **Which `dot`.** Never one found on `PATH` (`PATH=.:/usr/bin` ran a planted `./dot`):
/// ``trustedExecutable(environment:)`` takes `/usr/bin/dot` (where Debian's `graphviz`
/// package installs it) or an absolute path given in `COAUTHOR_DOT`, resolved once per
/// process.
///
/// **Children die with this process.** Each child starts through `CProcess` (fork,
/// `setpgid`, `prctl(PR_SET_PDEATHSIG, SIGKILL)`, execve) in a process group of its own: a
/// deadline kills the whole group; SIGTERM, SIGINT or SIGHUP to this process kill every
/// child's group and remove the scratch folder before the process dies of the signal; and
/// on Linux the kernel kills a child whose parent died in any other way (kill -9, a
/// crash). The thread that started a child waits for it, as the parent-death signal
/// follows that thread.
///
/// **Scratch folder.** The process's one ``ScratchFolder`` (CoauthorBase), shared with
/// the PDF reader: each render's files have their own prefix and are removed after it.
///
/// **Untrusted DOT** is sanitized with ``GraphvizRenderer/sanitize(_:engine:policy:)``:
/// with a ``sanitizerCommand`` in a child process of its own under the same deadline as
/// the layout (parsing a 1,000,000-node file took 16.8 s); without one in this process,
/// where the time it took counts against the deadline but cannot be cut short.
public struct ChildProcessRenderer: Sendable {
  /// Absolute path of the `dot` executable.
  public var executable: String
  /// Wall-clock limit for one render (sanitizing and all formats together).
  public var timeout: Duration
  /// The command that runs ``SanitizerChild/main(arguments:)`` (the `coauthor` executable
  /// and its hidden subcommand); `nil` sanitizes in this process.
  public var sanitizerCommand: [String]?

  /// Where Debian's `graphviz` package installs `dot`.
  public static let defaultExecutable = "/usr/bin/dot"
  /// The environment variable that may name another `dot`, by absolute path.
  public static let executableVariable = "COAUTHOR_DOT"

  /// - Parameters:
  ///   - executable: Absolute path of `dot`; `nil` takes ``trustedExecutable(environment:)``
  ///     (resolved once per process). `PATH` is never searched.
  ///   - timeout: Wall-clock limit per render.
  ///   - sanitizerCommand: See ``sanitizerCommand``.
  /// - Throws: `GraphvizError` (stage `.startup`) when the path is not absolute or no
  ///   executable is there.
  public init(
    executable: String? = nil, timeout: Duration = .seconds(60), sanitizerCommand: [String]? = nil
  ) throws(GraphvizError) {
    if let executable {
      guard executable.hasPrefix("/") else {
        throw GraphvizError(
          stage: .startup, message: "the dot executable must be given by absolute path: \(executable)")
      }
      guard FileManager.default.isExecutableFile(atPath: executable) else {
        throw GraphvizError(stage: .startup, message: "\(executable) is not an executable file")
      }
      self.executable = executable
    } else {
      self.executable = try Self.resolvedExecutable.get()
    }
    self.timeout = timeout
    self.sanitizerCommand = sanitizerCommand
  }

  private static let resolvedExecutable = Result { () throws(GraphvizError) -> String in
    try usableExecutable(environment: ProcessInfo.processInfo.environment)
  }

  /// The `dot` a process uses: ``trustedExecutable(environment:)``, and when
  /// `COAUTHOR_DOT` is set but unusable (relative, or not an executable file), the
  /// default, ``defaultExecutable`` — never a `dot` found on `PATH` or relative to the
  /// working folder. ``environmentWarning(environment:)`` says so.
  public static func usableExecutable(environment: [String: String]) throws(GraphvizError) -> String {
    do {
      return try trustedExecutable(environment: environment)
    } catch {
      guard environment[executableVariable].map({ !$0.isEmpty }) == true else { throw error }
      var without = environment
      without[executableVariable] = nil
      return try trustedExecutable(environment: without)
    }
  }

  /// The warning every command that renders prints when `COAUTHOR_DOT` is set but
  /// cannot be used — naming the variable, its value and what is used instead; nil when
  /// it is unset, empty or usable.
  public static func environmentWarning(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    guard let value = environment[executableVariable], !value.isEmpty else { return nil }
    let problem: String
    if !value.hasPrefix("/") {
      problem = "is not an absolute path (PATH and the working folder are never searched)"
    } else if !FileManager.default.isExecutableFile(atPath: value) {
      problem = "is not an executable file"
    } else {
      return nil
    }
    var without = environment
    without[executableVariable] = nil
    let instead =
      (try? trustedExecutable(environment: without)).map { "Graphviz runs \($0) instead" }
      ?? "\(defaultExecutable) is missing too, so figures are drawn in-process without a deadline"
    return "\(executableVariable)=\(value) \(problem); it is ignored and \(instead)"
  }

  /// The `dot` to run: `COAUTHOR_DOT` when it is set (it must be an absolute path to an
  /// executable file), else ``defaultExecutable``. `PATH` is ignored.
  ///
  /// - Throws: `GraphvizError` (stage `.startup`) naming what is wrong.
  public static func trustedExecutable(environment: [String: String]) throws(GraphvizError) -> String {
    if let override = environment[executableVariable], !override.isEmpty {
      guard override.hasPrefix("/") else {
        throw GraphvizError(
          stage: .startup,
          message: "\(executableVariable)=\(override) is not an absolute path; it is ignored")
      }
      guard FileManager.default.isExecutableFile(atPath: override) else {
        throw GraphvizError(
          stage: .startup, message: "\(executableVariable)=\(override) is not an executable file")
      }
      return override
    }
    guard FileManager.default.isExecutableFile(atPath: defaultExecutable) else {
      throw GraphvizError(
        stage: .startup,
        message: "\(defaultExecutable) was not found; install the graphviz package or set "
          + "\(executableVariable) to the absolute path of dot")
    }
    return defaultExecutable
  }

  /// Renders trusted DOT (e.g. ``DOTDocument/text``) in a child process.
  ///
  /// - Throws: `GraphvizError` with stage `.timeout` (the child was killed), `.childProcess`
  ///   (it crashed or failed; the message is its stderr) or `.parse` (a syntax error).
  public func render(
    _ dot: String, engine: LayoutEngine = .dot, formats: [RenderFormat]
  ) throws(GraphvizError) -> [RenderFormat: [UInt8]] {
    try renderReport(dot, engine: engine, formats: formats).outputs
  }

  public func render(
    _ document: DOTDocument, engine: LayoutEngine = .dot, formats: [RenderFormat]
  ) throws(GraphvizError) -> [RenderFormat: [UInt8]] {
    try renderReport(document.text, engine: engine, formats: formats).outputs
  }

  /// Renders with warnings, sanitizing first when `policy` is given; the deadline covers
  /// both.
  public func renderReport(
    _ dot: String, engine: LayoutEngine = .dot, formats: [RenderFormat],
    sanitizing policy: SanitizePolicy? = nil
  ) throws(GraphvizError) -> RenderResult {
    let deadline = ContinuousClock.now + timeout
    if dot.utf8.contains(0) {
      throw GraphvizError(stage: .input, message: "the DOT text contains a NUL byte")
    }
    if dot.allSatisfy(\.isWhitespace) {
      throw GraphvizError(stage: .input, message: "the DOT text is empty")
    }
    do {
      let scratch = try ScratchFolder.shared()
      let files = scratch.files()
      defer { files.removeAll() }
      var text = dot
      var removals: [SanitizerRemoval] = []
      if let policy {
        let sanitized: GraphvizRenderer.SanitizedDOT
        if let sanitizerCommand {
          sanitized = try sanitizeInChild(
            dot, engine: engine, policy: policy, command: sanitizerCommand, files: files,
            deadline: deadline)
        } else {
          sanitized = try GraphvizRenderer.sanitize(dot, engine: engine, policy: policy)
          if ContinuousClock.now >= deadline {
            throw GraphvizError(
              stage: .timeout, message: "sanitizing the DOT text took longer than \(timeout)")
          }
        }
        text = sanitized.text
        removals = sanitized.removals
      }
      var result = try run(text, engine: engine, formats: formats, files: files, deadline: deadline)
      result.removals = removals
      return result
    } catch let error as GraphvizError {
      throw error
    } catch let error as ScratchFolder.Failure {
      throw GraphvizError(stage: .startup, message: error.description)
    } catch {
      throw GraphvizError(stage: .childProcess, message: "\(error)")
    }
  }

  /// Lays `document` out in the child (Graphviz's `plain` output) within the deadline.
  public func layoutPositions(
    _ document: DOTDocument, engine: LayoutEngine
  ) throws(GraphvizError) -> [Int: (x: Double, y: Double)] {
    let deadline = ContinuousClock.now + timeout
    do {
      let files = try ScratchFolder.shared().files()
      defer { files.removeAll() }
      var warnings: [String] = []
      let result = try run(
        document.text, engine: engine, devices: [("plain", "plain")], files: files,
        deadline: deadline, warnings: &warnings)
      return plainPositions(String(decoding: result["plain"] ?? [], as: UTF8.self))
    } catch let error as GraphvizError {
      throw error
    } catch let error as ScratchFolder.Failure {
      throw GraphvizError(stage: .startup, message: error.description)
    } catch {
      throw GraphvizError(stage: .childProcess, message: "\(error)")
    }
  }

  // MARK: Sanitizing in a child

  private func sanitizeInChild(
    _ dot: String, engine: LayoutEngine, policy: SanitizePolicy, command: [String],
    files: ScratchFolder.Files, deadline: ContinuousClock.Instant
  ) throws -> GraphvizRenderer.SanitizedDOT {
    guard let program = command.first, program.hasPrefix("/") else {
      throw GraphvizError(
        stage: .startup, message: "the sanitizer command must start with an absolute path")
    }
    let input = files.path("untrusted.dot")
    let output = files.path("sanitized.dot")
    let report = files.path("sanitizer-report.json")
    let policyFile = files.path("policy.json")
    try Data(dot.utf8).write(to: URL(fileURLWithPath: input))
    try JSONEncoder().encode(policy).write(to: URL(fileURLWithPath: policyFile))
    let outcome = try launch(
      program, Array(command.dropFirst()) + [input, output, report, engine.rawValue, policyFile],
      deadline: deadline, errors: files.path("sanitizer-stderr.txt"),
      what: "sanitizing the DOT text")
    let reportData = FileManager.default.contents(atPath: report)
    let decoded = reportData.flatMap { try? JSONDecoder().decode(SanitizerChild.Report.self, from: $0) }
    if let error = decoded?.error { throw error }
    guard outcome.status == 0, let removals = decoded?.removals,
      let sanitized = FileManager.default.contents(atPath: output)
    else {
      throw GraphvizError(
        stage: .childProcess,
        message: "the sanitizer failed"
          + (outcome.stderr.isEmpty ? " (status \(outcome.status))" : ": " + outcome.stderr))
    }
    return GraphvizRenderer.SanitizedDOT(
      text: String(decoding: sanitized, as: UTF8.self), removals: removals)
  }

  // MARK: Running dot

  private func run(
    _ dot: String, engine: LayoutEngine, formats: [RenderFormat], files: ScratchFolder.Files,
    deadline: ContinuousClock.Instant
  ) throws -> RenderResult {
    var unique: [RenderFormat] = []
    for format in formats where !unique.contains(format) { unique.append(format) }
    var warnings: [String] = []
    let outputs = try run(
      dot, engine: engine, devices: unique.map { ($0.deviceName, $0.fileExtension) }, files: files,
      deadline: deadline, warnings: &warnings)
    var result: [RenderFormat: [UInt8]] = [:]
    for format in unique {
      guard let bytes = outputs[format.fileExtension] else {
        throw GraphvizError(
          stage: .render, message: "dot wrote no \(format.rawValue) output", warnings: warnings)
      }
      result[format] = bytes
    }
    return RenderResult(outputs: result, warnings: warnings)
  }

  /// Runs `dot` for `devices` (Graphviz device name, output file extension) and returns
  /// each output by extension; a device that wrote nothing is absent.
  private func run(
    _ dot: String, engine: LayoutEngine, devices: [(device: String, fileExtension: String)],
    files: ScratchFolder.Files, deadline: ContinuousClock.Instant, warnings: inout [String]
  ) throws -> [String: [UInt8]] {
    let input = files.path("input.dot")
    try Data(dot.utf8).write(to: URL(fileURLWithPath: input))

    // Every engine but dot: lay out to DOT text first (positions to 5 significant digits), then
    // draw from those positions (nop2), so that the last bits of the layout, which differ
    // from one process to the next, never reach the output (see `LayoutEngine.roundsLayout`).
    var source = input
    var drawingEngine = engine.rawValue
    if engine.roundsLayout {
      let layout = files.path("layout.dot")
      warnings += try dotWarnings(
        ["-K" + engine.rawValue, "-Tdot", "-o", layout, input], engine: engine,
        deadline: deadline, errors: files.path("layout-stderr.txt"))
      source = layout
      drawingEngine = "nop2"
    }

    // -G: a layout= attribute in the text (the sanitizer writes one) would win over -K.
    var arguments = ["-K" + drawingEngine] + (engine.roundsLayout ? ["-Glayout=nop2"] : [])
    for (device, fileExtension) in devices {
      arguments += ["-T" + device, "-o", files.path("output." + fileExtension)]
    }
    arguments.append(source)
    for warning in try dotWarnings(
      arguments, engine: engine, deadline: deadline, errors: files.path("stderr.txt"))
    where !warnings.contains(warning) {
      warnings.append(warning)
    }

    var outputs: [String: [UInt8]] = [:]
    for (_, fileExtension) in devices {
      if let data = FileManager.default.contents(atPath: files.path("output." + fileExtension)) {
        outputs[fileExtension] = [UInt8](data)
      }
    }
    return outputs
  }

  /// Runs `dot` with `arguments` until it exits or `deadline` passes.
  ///
  /// - Returns: The warnings it wrote to stderr.
  /// - Throws: `GraphvizError` with stage `.timeout`, `.childProcess` or `.parse`.
  private func dotWarnings(
    _ arguments: [String], engine: LayoutEngine, deadline: ContinuousClock.Instant, errors: String
  ) throws -> [String] {
    let outcome = try launch(
      executable, arguments, deadline: deadline, errors: errors, what: engine.rawValue)
    let lines = outcome.stderr.split(separator: "\n").map(String.init)
    let warnings = lines.filter { $0.hasPrefix("Warning") }
    if let signal = outcome.signal {
      throw GraphvizError(
        stage: .childProcess,
        message: "\(engine.rawValue) crashed (signal \(signal))"
          + (outcome.stderr.isEmpty
            ? "" : ": " + outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)),
        warnings: warnings)
    }
    if outcome.status != 0 {
      let message = lines.filter { !$0.hasPrefix("Warning") }.joined(separator: "\n")
      throw GraphvizError(
        stage: message.contains("syntax error") ? .parse : .childProcess,
        message: message.isEmpty ? "dot exited with status \(outcome.status)" : message,
        warnings: warnings)
    }
    return warnings
  }

  private typealias Outcome = ChildProcess.Outcome

  /// Runs `program` until it exits or `deadline` passes (then its process group is sent
  /// SIGTERM and, a second later, SIGKILL), through ``ChildProcess``.
  private func launch(
    _ program: String, _ arguments: [String], deadline: ContinuousClock.Instant, errors: String,
    what: String
  ) throws -> Outcome {
    do throws(ChildProcess.Failure) {
      return try ChildProcess.run(program, arguments, deadline: deadline, stderrPath: errors)
    } catch {
      switch error {
      case .timedOut: throw timedOut(what)
      case .cannotStart(let message): throw GraphvizError(stage: .childProcess, message: message)
      }
    }
  }

  private func timedOut(_ what: String) -> GraphvizError {
    GraphvizError(stage: .timeout, message: "\(what) did not finish within \(timeout) and was killed")
  }
}

// MARK: - The sanitizer's child side

/// The child process of ``ChildProcessRenderer/sanitizerCommand``: sanitizes one DOT file
/// with libgvc, so that parsing a huge or hostile file is killed at the render's deadline.
public enum SanitizerChild {
  /// What the child writes beside the sanitized text.
  struct Report: Codable {
    var removals: [SanitizerRemoval]?
    var error: GraphvizError?
  }

  /// Arguments: input DOT file, output DOT file, report file (JSON), engine name,
  /// policy file (JSON ``SanitizePolicy``).
  ///
  /// - Returns: The exit status: 0 done, 1 the DOT text was rejected (the report holds
  ///   the error), 2 wrong arguments.
  public static func main(arguments: [String]) -> Int32 {
    guard arguments.count == 5, let engine = LayoutEngine(rawValue: arguments[3]),
      let dot = FileManager.default.contents(atPath: arguments[0]),
      let policyData = FileManager.default.contents(atPath: arguments[4]),
      let policy = try? JSONDecoder().decode(SanitizePolicy.self, from: policyData)
    else {
      FileHandle.standardError.write(Data("usage: INPUT OUTPUT REPORT ENGINE POLICY\n".utf8))
      return 2
    }
    let report: Report
    var status: Int32 = 0
    do {
      let sanitized = try GraphvizRenderer.sanitize(
        String(decoding: dot, as: UTF8.self), engine: engine, policy: policy)
      try Data(sanitized.text.utf8).write(to: URL(fileURLWithPath: arguments[1]))
      report = Report(removals: sanitized.removals, error: nil)
    } catch let error as GraphvizError {
      report = Report(removals: nil, error: error)
      status = 1
    } catch {
      report = Report(removals: nil, error: GraphvizError(stage: .childProcess, message: "\(error)"))
      status = 1
    }
    guard let data = try? JSONEncoder().encode(report),
      (try? data.write(to: URL(fileURLWithPath: arguments[2]))) != nil
    else { return 2 }
    return status
  }
}
