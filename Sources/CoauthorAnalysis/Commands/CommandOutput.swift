import CoauthorBase
import Foundation

/// The exit statuses of `coauthor`, one place for all of them (README "Exit status").
public enum ExitStatus {
  /// Everything asked for was done (diagnostics may have been printed).
  public static let success: Int32 = 0
  /// The work failed: an input could not be read at all, nothing recognisable was given,
  /// an output could not be written, a figure could not be drawn, or `--strict` and a
  /// diagnostic.
  public static let failedWork: Int32 = 1
  /// The command line was wrong: an unknown option, a value out of range, options that
  /// do not go together (ArgumentParser's `validationFailure` is the same 64, EX_USAGE).
  public static let wrongArguments: Int32 = 64
}

/// The one error type of the tool: what failed, and the exit status that says so.
///
/// Runtime failures are `.failedWork` (exit 1) and never print usage text; only a wrong
/// command line is `.wrongArguments` (exit 64).
public struct CoauthorError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    case failedWork
    case wrongArguments
  }

  public var kind: Kind
  public var message: String
  /// True when the diagnostics printed with the failure already say all of it (one
  /// input, unreadable): the console prints no second line.
  public var isReported: Bool
  /// The input problems that led to the failure, printed before it.
  public var diagnostics: [Diagnostic]

  public init(_ kind: Kind, _ message: String, isReported: Bool = false, diagnostics: [Diagnostic] = []) {
    self.kind = kind
    self.message = message
    self.isReported = isReported
    self.diagnostics = diagnostics
  }

  public static func failed(_ message: String) -> CoauthorError { CoauthorError(.failedWork, message) }
  /// Nothing could be read; the diagnostics (printed before) say why.
  public static func nothingRead(_ diagnostics: [Diagnostic]) -> CoauthorError {
    let errors = diagnostics.filter { $0.severity == .error }
    return CoauthorError(
      .failedWork, "nothing could be read (\(errors.count) input error(s))", isReported: errors.count == 1,
      diagnostics: diagnostics)
  }
  public static func usage(_ message: String) -> CoauthorError { CoauthorError(.wrongArguments, message) }

  public var exitStatus: Int32 {
    switch kind {
    case .failedWork: ExitStatus.failedWork
    case .wrongArguments: ExitStatus.wrongArguments
    }
  }

  public var description: String { message }
}

extension CoauthorError {
  /// A reader's or writer's failure as the tool's error.
  init(_ diagnostic: Diagnostic) { self.init(.failedWork, diagnostic.description) }
  init(_ error: OutputError) { self.init(.failedWork, error.description) }
}

/// What every command returns: its outputs, what it noticed, and whether it failed.
///
/// The command line hands this to one console renderer: diagnostics and notes to stderr,
/// ``standardOutput`` to stdout, ``written`` paths one per line, then ``exitStatus``.
public struct CommandOutput: Sendable {
  /// Bytes for stdout (a table, a network) when no output file was asked for.
  public var standardOutput: [UInt8] = []
  /// Files written, in order.
  public var written: [String] = []
  /// Problems found in the inputs, `file:line:column: severity: message`.
  public var diagnostics: [Diagnostic] = []
  /// Lines about the work (figures not drawn, what was computed), for stderr.
  public var notes: [String] = []
  /// Set when the work failed; what was done before (files written, diagnostics) stays.
  public var failure: CoauthorError?

  public init() {}

  public init(failure: CoauthorError, diagnostics: [Diagnostic] = []) {
    self.failure = failure
    self.diagnostics = diagnostics
  }

  /// 0 success, 1 failed work, 64 wrong arguments.
  public var exitStatus: Int32 { failure?.exitStatus ?? ExitStatus.success }

  /// Fails the output under `--strict` when any diagnostic was reported: the one
  /// implementation of `--strict` every command shares.
  mutating func applyStrict(_ strict: Bool) {
    guard strict, failure == nil, !diagnostics.isEmpty else { return }
    failure = .failed(
      "\(diagnostics.count) input problem(s) reported, first: \(diagnostics[0]); failing because of --strict")
  }
}

/// Where a command's main result goes.
public struct OutputTarget: Sendable, Hashable {
  /// A file, or nil (or "-") for standard output.
  public var path: String?

  public init(_ path: String? = nil) { self.path = path }

  public var isStandardOutput: Bool { path == nil || path == "-" }

  /// Writes `bytes` to the file atomically, or hands them to stdout through `output`.
  func emit(_ bytes: [UInt8], into output: inout CommandOutput) throws(CoauthorError) {
    if let path, path != "-" {
      do { try OutputFiles.write(bytes, to: path) } catch { throw CoauthorError(error) }
      output.written.append(path)
    } else {
      output.standardOutput += bytes
    }
  }

  func emit(_ text: String, into output: inout CommandOutput) throws(CoauthorError) {
    try emit(Array(text.utf8), into: &output)
  }
}

extension CommandOutput {
  /// Runs `body`, turning a thrown ``CoauthorError`` into ``failure`` (the diagnostics and
  /// files of the work done before it stay).
  static func collecting(_ body: (inout CommandOutput) throws(CoauthorError) -> Void) -> CommandOutput {
    var output = CommandOutput()
    do {
      try body(&output)
    } catch {
      for diagnostic in error.diagnostics where !output.diagnostics.contains(diagnostic) {
        output.diagnostics.append(diagnostic)
      }
      output.failure = error
    }
    return output
  }
}
