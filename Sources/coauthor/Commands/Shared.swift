import ArgumentParser
import Bibliography
import CoauthorAnalysis
import GraphKit
import Foundation

/// Options every command that reads sources shares.
struct InputOptions: ParsableArguments {
  @Flag(help: "Fail (exit status 1) when any input record could not be read.")
  var strict = false
}

/// `--owner`, for commands that build a network from sources given on the command line
/// (`coauthor run` takes owners from the data folder's manifest instead).
struct OwnerOption: ParsableArguments {
  @Option(help: "Whose documents the sources are: a homepage's collaborator line links its names to this person (as `owner` in a data folder's manifest).")
  var owner: String?
}

enum Console {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Prints diagnostics to stderr; under `--strict` any diagnostic is a failure.
  static func report(_ diagnostics: [Diagnostic], strict: Bool) throws {
    for d in diagnostics { error(d.description) }
    if strict, !diagnostics.isEmpty {
      throw ValidationError("\(diagnostics.count) input problem(s) reported; failing because of --strict")
    }
  }

  /// Writes `text` to `path` atomically, or to stdout when `path` is nil or "-".
  static func emit(_ text: String, to path: String?) throws {
    if let path, path != "-" {
      try OutputFiles.write(text: text, to: path)
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}

extension Weighting: ExpressibleByArgument {}
extension EdgeDistance: ExpressibleByArgument {}
extension FigurePreset: ExpressibleByArgument {}
extension FigurePalette: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
