import ArgumentParser
import CoauthorAnalysis

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render a DOT file to SVG, PNG or PDF with Graphviz.",
    discussion: """
      The DOT file is treated as untrusted: attributes that read files (image, shapefile,
      stylesheet, …), run script (URL, href) or override the layout are removed and listed
      on stderr before layout. Sanitizing and layout run in child processes killed at
      --timeout when /usr/bin/dot (or the absolute path in COAUTHOR_DOT) exists; PATH is
      not searched. Without it Graphviz runs in this process, without a deadline.

      Example:
        coauthor render Output/coauthor-network.dot --engine neato --format svg -o network.svg
      """)

  @Argument(help: "The DOT file, or - for standard input.")
  var file: String

  @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo, twopi.")
  var engine: LayoutEngine = .neato

  @Option(help: "Output format: svg, png or pdf (default: from the output file's extension).")
  var format: RenderFormat?

  @Option(name: .shortAndLong, help: "Output file.")
  var output: String

  @Option(help: "Seconds the layout may take, in (0, 86400].")
  var timeout = 120.0

  func validate() throws { _ = try checkedSeconds(timeout, "--timeout") }

  func run() throws {
    try Console.finish(
      Commands.render(
        RenderRequest(
          file: file, engine: engine, format: format, output: output,
          timeout: checkedSeconds(timeout, "--timeout"),
          sanitizerCommand: Commands.sanitizerCommand())))
  }
}

/// `coauthor sanitize-dot-child INPUT OUTPUT REPORT ENGINE POLICY` (hidden): the child
/// process in which `render` sanitizes untrusted DOT, so that the deadline covers parsing.
struct SanitizeDOTChild: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: Commands.sanitizerSubcommand, shouldDisplay: false)

  @Argument var arguments: [String] = []

  func run() throws {
    let status = Commands.sanitizerChild(arguments)
    if status != 0 { throw ExitCode(status) }
  }
}
