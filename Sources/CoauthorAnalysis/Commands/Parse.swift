import Foundation
import Bibliography

/// `coauthor parse`: the records of bibliographic sources in one shape.
public struct ParseRequest: Sendable {
  public var inputs: InputRequest
  public var format: RecordFormat
  public var output: OutputTarget
  /// Print why each input was read as its format (each reader's confidence, the winner,
  /// the owner found) instead of the records.
  public var explain: Bool

  public init(
    inputs: InputRequest, format: RecordFormat = .json, output: OutputTarget = OutputTarget(),
    explain: Bool = false
  ) {
    self.inputs = inputs
    self.format = format
    self.output = output
    self.explain = explain
  }
}

extension Commands {
  /// Reads every source and prints its records (JSON or CSV); a plain graph, an unknown
  /// or an empty input is a diagnostic, and only nothing readable at all is a failure.
  public static func parse(_ request: ParseRequest) -> CommandOutput {
    CommandOutput.collecting { (output: inout CommandOutput) throws(CoauthorError) in
      if request.explain {
        var diagnostics: [Diagnostic] = []
        let text = try explanation(request.inputs, diagnostics: &diagnostics)
        output.diagnostics += diagnostics
        try request.output.emit(text, into: &output)
        return
      }
      var inputs = try Inputs.read(request.inputs)
      for graph in inputs.graphs {
        inputs.diagnostics.append(
          .file(.error, graph.path, "a plain graph, not a bibliographic source: use `coauthor network` or `metrics`"))
      }
      let report = ParseReport(inputs.documents)
      output.diagnostics = inputs.diagnostics + report.diagnostics
      if inputs.nothingReadable {
        throw .nothingRead(output.diagnostics)
      }
      output.applyStrict(request.inputs.strict)
      if output.failure != nil { return }
      try request.output.emit(request.format == .json ? report.json : report.csv, into: &output)
    }
  }
}

extension Commands {
  /// `parse --explain`: for each input path, the detected format and why.
  static func explanation(_ request: InputRequest, diagnostics: inout [Diagnostic]) throws(CoauthorError) -> String {
    guard !request.paths.isEmpty else { throw .usage("no input files") }
    var text = ""
    for path in request.paths {
      text += "\(path):\n"
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        if let pages = FrontMatterReader.pages(inFolder: path) {
          let document = FrontMatterReader.read(folder: path, owner: request.owner)
          text += FormatExplanation(folder: document, pages: pages.count, givenOwner: request.owner).text
        } else {
          text += "a data folder (no publication pages with front matter): its files are read one by one\n"
        }
        continue
      }
      do {
        let raw = try SourceReader.readText(contentsOf: path)
        let document = try? SourceReader.read(contentsOf: path, format: request.format, owner: request.owner)
        text += FormatExplanation(
          text: raw, fileName: Inputs.fileName(of: path), document: document, givenOwner: request.owner
        ).text
      } catch {
        diagnostics.append(error)
        text += "not read: \(error.message)\n"
      }
    }
    return text
  }
}

/// The entry points of the commands: one request in, one ``CommandOutput`` out.
public enum Commands {}
