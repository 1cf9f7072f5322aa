import CoauthorBase
import Foundation
import Graphviz

/// `coauthor render`: an untrusted DOT file drawn with Graphviz.
public struct RenderRequest: Sendable {
  /// The DOT file, or `-` for standard input.
  public var file: String
  public var engine: LayoutEngine
  /// nil: from the output file's extension.
  public var format: RenderFormat?
  public var output: String
  public var timeout: Duration
  /// The command that sanitizes the DOT in a child process, within the deadline
  /// (``Commands/sanitizerCommand()`` in the `coauthor` executable); nil: in this process.
  public var sanitizerCommand: [String]?

  public init(
    file: String, engine: LayoutEngine = .neato, format: RenderFormat? = nil, output: String,
    timeout: Duration = .seconds(120), sanitizerCommand: [String]? = nil
  ) {
    self.file = file
    self.engine = engine
    self.format = format
    self.output = output
    self.timeout = timeout
    self.sanitizerCommand = sanitizerCommand
  }
}

extension Commands {
  /// The hidden subcommand of the `coauthor` executable that runs ``sanitizerChild(_:)``.
  public static let sanitizerSubcommand = "sanitize-dot-child"

  /// This executable (`/proc/self/exe`) and ``sanitizerSubcommand``: the sanitizer child
  /// of `coauthor render`. Nil when the executable's path cannot be read.
  public static func sanitizerCommand() -> [String]? {
    guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
      path.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: path)
    else { return nil }
    return [path, sanitizerSubcommand]
  }

  /// The child side: sanitizes one DOT file (``SanitizerChild/main(arguments:)``) and
  /// returns the exit status.
  public static func sanitizerChild(_ arguments: [String]) -> Int32 {
    SanitizerChild.main(arguments: arguments)
  }
}

extension Commands {
  /// Sanitizes the DOT (attributes that read files, run script or override the layout
  /// are removed and listed), lays it out within the deadline and writes the drawing.
  public static func render(_ request: RenderRequest) -> CommandOutput {
    CommandOutput.collecting { (output: inout CommandOutput) throws(CoauthorError) in
      guard let format = request.format ?? RenderFormat(fileName: request.output) else {
        throw .usage("give --format svg|png|pdf or an output name ending in one of them")
      }
      let text: String
      if request.file == "-" {
        text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
      } else {
        guard let data = FileManager.default.contents(atPath: request.file) else {
          throw .failed("\(request.file): cannot read file")
        }
        text = String(decoding: data, as: UTF8.self)
      }
      if let warning = ChildProcessRenderer.environmentWarning() {
        output.diagnostics.append(.file(.warning, "environment", warning))
      }
      let result: RenderResult
      do {
        result = try boundedRenderer(
          timeout: request.timeout, sanitizerCommand: request.sanitizerCommand
        ).renderReport(
          text, engine: request.engine, formats: [format], sanitizing: .strict)
      } catch {
        throw .failed("\(request.file): \(error)")
      }
      let location = InputLocation(file: request.file, line: 0)
      for removal in result.removals {
        output.diagnostics.append(Diagnostic(.warning, at: location, "removed \(removal)"))
      }
      for warning in result.warnings {
        output.diagnostics.append(Diagnostic(.warning, at: location, "graphviz: \(warning)"))
      }
      guard let bytes = result.outputs[format] else {
        throw .failed("graphviz produced no \(format) output")
      }
      try OutputTarget(request.output).emit(
        format == .pdf ? OutputFiles.withFixedCreationDate(bytes) : bytes, into: &output)
    }
  }
}
