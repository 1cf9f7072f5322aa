import Foundation

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
/// Untrusted DOT is sanitized in this process first (parsing only, which is linear and
/// cannot run away) with ``GraphvizRenderer/sanitize(_:engine:policy:)``.
public struct ChildProcessRenderer: Sendable {
  /// Path of the `dot` executable.
  public var executable: String
  /// Wall-clock limit for one render (all formats together).
  public var timeout: Duration

  /// - Parameters:
  ///   - executable: Path of `dot`; `nil` searches `PATH`.
  ///   - timeout: Wall-clock limit per render.
  /// - Throws: `GraphvizError` (stage `.startup`) when no `dot` executable is found.
  public init(executable: String? = nil, timeout: Duration = .seconds(60)) throws(GraphvizError) {
    if let executable {
      self.executable = executable
    } else {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      let candidates = path.split(separator: ":").map { String($0) + "/dot" }
      guard
        let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
      else {
        throw GraphvizError(
          stage: .startup,
          message: "the dot executable was not found on PATH; install the graphviz package")
      }
      self.executable = found
    }
    self.timeout = timeout
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

  /// Renders with warnings, sanitizing first when `policy` is given.
  public func renderReport(
    _ dot: String, engine: LayoutEngine = .dot, formats: [RenderFormat],
    sanitizing policy: SanitizePolicy? = nil
  ) throws(GraphvizError) -> RenderResult {
    var text = dot
    var removals: [SanitizerRemoval] = []
    if let policy {
      let sanitized = try GraphvizRenderer.sanitize(dot, engine: engine, policy: policy)
      text = sanitized.text
      removals = sanitized.removals
    }
    if text.utf8.contains(0) {
      throw GraphvizError(stage: .input, message: "the DOT text contains a NUL byte")
    }
    if text.allSatisfy(\.isWhitespace) {
      throw GraphvizError(stage: .input, message: "the DOT text is empty")
    }
    do {
      var result = try run(text, engine: engine, formats: formats)
      result.removals = removals
      return result
    } catch let error as GraphvizError {
      throw error
    } catch {
      throw GraphvizError(stage: .childProcess, message: "\(error)")
    }
  }

  private func run(_ dot: String, engine: LayoutEngine, formats: [RenderFormat]) throws
    -> RenderResult
  {
    let fileManager = FileManager.default
    let directory = fileManager.temporaryDirectory
      .appendingPathComponent("coauthor-graphviz-" + UUID().uuidString, isDirectory: true)
    try fileManager.createDirectory(at: directory, withIntermediateDirectories: false)
    defer { try? fileManager.removeItem(at: directory) }

    let input = directory.appendingPathComponent("input.dot")
    try Data(dot.utf8).write(to: input)
    let seconds =
      Double(timeout.components.seconds)
      + Double(timeout.components.attoseconds) / 1e18
    let deadline = DispatchTime.now() + seconds

    // Every engine but dot: lay out to DOT text first (positions to 5 significant digits), then
    // draw from those positions (nop2), so that the last bits of the layout, which differ
    // from one process to the next, never reach the output (see `LayoutEngine.roundsLayout`).
    var source = input
    var drawingEngine = engine.rawValue
    var warnings: [String] = []
    if engine.roundsLayout {
      let layout = directory.appendingPathComponent("layout.dot")
      warnings += try launch(
        ["-K" + engine.rawValue, "-Tdot", "-o", layout.path, input.path], engine: engine,
        deadline: deadline, errors: directory.appendingPathComponent("layout-stderr.txt"))
      source = layout
      drawingEngine = "nop2"
    }

    // -G: a layout= attribute in the text (the sanitizer writes one) would win over -K.
    var arguments = ["-K" + drawingEngine] + (engine.roundsLayout ? ["-Glayout=nop2"] : [])
    var unique: [RenderFormat] = []
    for format in formats where !unique.contains(format) { unique.append(format) }
    for format in unique {
      arguments += [
        "-T" + format.deviceName, "-o",
        directory.appendingPathComponent("output." + format.fileExtension).path,
      ]
    }
    arguments.append(source.path)
    for warning in try launch(
      arguments, engine: engine, deadline: deadline,
      errors: directory.appendingPathComponent("stderr.txt"))
    where !warnings.contains(warning) {
      warnings.append(warning)
    }

    var outputs: [RenderFormat: [UInt8]] = [:]
    for format in unique {
      let file = directory.appendingPathComponent("output." + format.fileExtension)
      guard let data = fileManager.contents(atPath: file.path) else {
        throw GraphvizError(
          stage: .render, message: "dot wrote no \(format.rawValue) output", warnings: warnings)
      }
      outputs[format] = [UInt8](data)
    }
    return RenderResult(outputs: outputs, warnings: warnings)
  }

  /// Runs `dot` with `arguments` until it exits or `deadline` passes.
  ///
  /// - Returns: The warnings it wrote to stderr.
  /// - Throws: `GraphvizError` with stage `.timeout`, `.childProcess` or `.parse`.
  private func launch(
    _ arguments: [String], engine: LayoutEngine, deadline: DispatchTime, errors: URL
  ) throws -> [String] {
    let fileManager = FileManager.default
    _ = fileManager.createFile(atPath: errors.path, contents: nil)
    let errorHandle = try FileHandle(forWritingTo: errors)
    defer { try? errorHandle.close() }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errorHandle
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()

    if finished.wait(timeout: deadline) == .timedOut {
      process.terminate()  // SIGTERM, then SIGKILL if it does not stop within a second
      if finished.wait(timeout: .now() + 1) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
      }
      throw GraphvizError(
        stage: .timeout,
        message: "\(engine.rawValue) did not finish within \(timeout) and was killed")
    }

    // Foundation (6.3, Linux) leaks its 4 KiB read buffer when reading an empty file
    // (AddressSanitizer), and stderr is usually empty: read it only when it is not.
    let stderrSize = (try? errorHandle.seekToEnd()) ?? 0
    let stderrText =
      stderrSize == 0
      ? "" : String(decoding: fileManager.contents(atPath: errors.path) ?? Data(), as: UTF8.self)
    let lines = stderrText.split(separator: "\n").map(String.init)
    let warnings = lines.filter { $0.hasPrefix("Warning") }
    if process.terminationReason == .uncaughtSignal {
      throw GraphvizError(
        stage: .childProcess,
        message: "\(engine.rawValue) crashed (signal \(process.terminationStatus))"
          + (stderrText.isEmpty
            ? "" : ": " + stderrText.trimmingCharacters(in: .whitespacesAndNewlines)),
        warnings: warnings)
    }
    if process.terminationStatus != 0 {
      let message = lines.filter { !$0.hasPrefix("Warning") }.joined(separator: "\n")
      throw GraphvizError(
        stage: message.contains("syntax error") ? .parse : .childProcess,
        message: message.isEmpty ? "dot exited with status \(process.terminationStatus)" : message,
        warnings: warnings)
    }
    return warnings
  }
}
