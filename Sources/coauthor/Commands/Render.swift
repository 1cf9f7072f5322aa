import ArgumentParser
import CoauthorAnalysis
import Foundation
import Graphviz

extension LayoutEngine: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a DOT file to SVG, PNG or PDF with Graphviz (in-process).",
    discussion: """
      The DOT file is treated as untrusted: attributes that read files (image, shapefile,
      stylesheet, …), run script (URL, href) or override the layout are removed and listed
      on stderr before layout.

      Example:
        coauthor render Output/coauthor-network.dot --engine neato --format svg -o network.svg
      """)

  @Argument(help: "The DOT file.")
  var file: String

  @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo, twopi.")
  var engine: LayoutEngine = .neato

  @Option(help: "Output format: svg, png or pdf (default: from the output file's extension).")
  var format: RenderFormat?

  @Option(name: .shortAndLong, help: "Output file.")
  var output: String

  @Option(help: "Seconds the layout may take; Graphviz runs in a child process killed then.")
  var timeout = 120.0

  func run() throws {
    let text: String
    do {
      text = try String(contentsOfFile: file, encoding: .utf8)
    } catch {
      throw ValidationError("\(file): cannot read: \(error.localizedDescription)")
    }
    guard let chosen = format ?? RenderFormat(fileName: output) else {
      throw ValidationError("give --format svg|png|pdf or an output name ending in one of them")
    }
    // A layout cannot be cancelled in-process: render in a `dot` child process with a
    // deadline when the executable is installed.
    let deadline = Duration.milliseconds(Int64((max(timeout, 0.001) * 1000).rounded()))
    let result: RenderResult
    if let child = try? ChildProcessRenderer(timeout: deadline) {
      result = try child.renderReport(text, engine: engine, formats: [chosen], sanitizing: .strict)
    } else {
      result = try GraphvizRenderer.renderReport(text, engine: engine, formats: [chosen], sanitizing: .strict)
    }
    for removal in result.removals { Console.error("\(file): removed \(removal)") }
    for warning in result.warnings { Console.error("\(file): graphviz: \(warning)") }
    guard let bytes = result.outputs[chosen] else {
      throw ValidationError("graphviz produced no \(chosen) output")
    }
    try OutputFiles.write(chosen == .pdf ? OutputFiles.withFixedCreationDate(bytes) : bytes, to: output)
  }
}
