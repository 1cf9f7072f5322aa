import Foundation
import Graphviz

/// Renders the pipeline's figures with a hard time limit.
///
/// A layout in libgvc cannot be cancelled: sfdp spent over 14 minutes packing a figure of
/// 5,002 people of whom 5,000 had no link (one 5,001-author paper left out of the edges),
/// and `coauthor run` never finished. Rendering in a `dot` child process
/// (``ChildProcessRenderer``) ends such a layout at the deadline, and a Graphviz crash
/// becomes an error instead of taking the tool down. Without the `dot` executable the
/// in-process renderer is used (unbounded, as before).
enum FigureRendering {
  /// Lays out and renders one figure.
  ///
  /// - Returns: The rendered bytes, or nil when the figure could not be drawn for a reason
  ///   that says nothing about the DOT text (the deadline passed, Graphviz crashed); a line
  ///   saying so is appended to `notes`.
  /// - Throws: `GraphvizError` for any other failure (a parse error is a bug of ours).
  static func render(
    _ dot: String, name: String, engine: LayoutEngine, formats: [RenderFormat],
    timeout: Duration, notes: inout [String]
  ) throws(GraphvizError) -> [RenderFormat: [UInt8]]? {
    let outcome = Result { () throws(GraphvizError) -> [RenderFormat: [UInt8]] in
      if let child = try? ChildProcessRenderer(timeout: timeout) {
        return try child.render(dot, engine: engine, formats: formats)
      }
      return try GraphvizRenderer.render(dot, engine: engine, formats: formats)
    }
    switch outcome {
    case .success(let outputs):
      return outputs
    case .failure(let error) where error.stage == .timeout || error.stage == .childProcess:
      notes.append("\(name): not drawn (\(error.message)); \(name).dot is written")
      return nil
    case .failure(let error):
      throw error
    }
  }
}
