/// Something that lays out and draws DOT: libgvc in this process (``GraphvizRenderer``)
/// or a `dot` child process with a deadline (``ChildProcessRenderer``).
///
/// Callers choose once, through ``boundedRenderer(timeout:)``, and never again: the
/// pipeline's figures, its timeline frames and `coauthor render` all go through the same
/// choice.
public protocol DOTRenderer: Sendable {
  /// Renders `dot` in every format from one layout; with a policy, DOT the user did not
  /// write is sanitized first.
  func renderReport(
    _ dot: String, engine: LayoutEngine, formats: [RenderFormat], sanitizing policy: SanitizePolicy?
  ) throws(GraphvizError) -> RenderResult

  /// Lays `document` out and returns every node's position in inches, by node index.
  func layoutPositions(
    _ document: DOTDocument, engine: LayoutEngine
  ) throws(GraphvizError) -> [Int: (x: Double, y: Double)]
}

/// libgvc in this process: no deadline (a layout cannot be cancelled in-process).
public struct InProcessRenderer: DOTRenderer {
  public init() {}

  public func renderReport(
    _ dot: String, engine: LayoutEngine, formats: [RenderFormat], sanitizing policy: SanitizePolicy?
  ) throws(GraphvizError) -> RenderResult {
    try GraphvizRenderer.renderReport(dot, engine: engine, formats: formats, sanitizing: policy)
  }

  public func layoutPositions(
    _ document: DOTDocument, engine: LayoutEngine
  ) throws(GraphvizError) -> [Int: (x: Double, y: Double)] {
    try GraphvizRenderer.layoutPositions(document, engine: engine)
  }
}

extension ChildProcessRenderer: DOTRenderer {}

/// The renderer every caller uses: a `dot` child process killed at `timeout` when the
/// trusted Graphviz executable is there (``ChildProcessRenderer/trustedExecutable(environment:)``:
/// `/usr/bin/dot`, or an absolute path in `COAUTHOR_DOT`; never `PATH`), else libgvc in
/// this process (unbounded).
///
/// - Parameter sanitizerCommand: The command that sanitizes untrusted DOT in a child
///   process, inside the deadline (``ChildProcessRenderer/sanitizerCommand``).
public func boundedRenderer(timeout: Duration, sanitizerCommand: [String]? = nil) -> any DOTRenderer {
  if let child = try? ChildProcessRenderer(timeout: timeout, sanitizerCommand: sanitizerCommand) {
    return child
  }
  return InProcessRenderer()
}

/// Graphviz's `plain` output → node positions: "node <name> <x> <y> <width> <height> …" per
/// node, names `n<index>` as ``DOTWriter`` writes them.
func plainPositions(_ text: String) -> [Int: (x: Double, y: Double)] {
  var positions: [Int: (x: Double, y: Double)] = [:]
  for line in text.split(separator: "\n") where line.hasPrefix("node ") {
    let fields = line.split(separator: " ", maxSplits: 4)
    guard fields.count >= 4, fields[1].hasPrefix("n"), let index = Int(fields[1].dropFirst()),
      let x = Double(fields[2]), let y = Double(fields[3])
    else { continue }
    positions[index] = (x, y)
  }
  return positions
}
