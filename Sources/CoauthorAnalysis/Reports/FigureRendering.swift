import Foundation
import Graphviz

/// Renders the pipeline's figures with a hard time limit.
///
/// A layout in libgvc cannot be cancelled: sfdp spent over 14 minutes packing a figure of
/// 5,002 people of whom 5,000 had no link (one 5,001-author paper left out of the edges),
/// and `coauthor run` never finished. Rendering in a `dot` child process
/// (``ChildProcessRenderer``) ends such a layout at the deadline, and a Graphviz crash
/// becomes an error instead of taking the tool down. The renderer is chosen by
/// `boundedRenderer(timeout:)` (without the `dot` executable: libgvc in-process,
/// unbounded), once per attempt, as each attempt has its own share of the figure's
/// deadline (`FigureBudget`).
enum FigureRendering {
  /// One attempt: lays out and renders `dot` within `timeout`.
  ///
  /// - Returns: The rendered bytes, or the error when the attempt ran out of time or
  ///   Graphviz crashed (a cheaper attempt may still succeed).
  /// - Throws: `CoauthorError` for any other failure (a parse error is a bug of ours).
  static func attempt(
    _ dot: String, name: String, engine: LayoutEngine, formats: [RenderFormat], timeout: Duration
  ) throws(CoauthorError) -> Result<[RenderFormat: [UInt8]], GraphvizError> {
    let renderer = boundedRenderer(timeout: timeout)
    do throws(GraphvizError) {
      return .success(try renderer.renderReport(dot, engine: engine, formats: formats, sanitizing: nil).outputs)
    } catch where error.stage == .timeout || error.stage == .childProcess {
      return .failure(error)
    } catch {
      throw .failed("\(name): \(error)")
    }
  }

  /// One layout attempt: node positions (inches, by node index) within `timeout`.
  static func positions(
    _ document: DOTDocument, name: String, engine: LayoutEngine, timeout: Duration
  ) throws(CoauthorError) -> Result<[Int: (x: Double, y: Double)], GraphvizError> {
    let renderer = boundedRenderer(timeout: timeout)
    do throws(GraphvizError) {
      return .success(try renderer.layoutPositions(document, engine: engine))
    } catch where error.stage == .timeout || error.stage == .childProcess {
      return .failure(error)
    } catch {
      throw .failed("\(name): \(error)")
    }
  }

  /// A duration in seconds for messages ("3.2 s").
  static func seconds(_ d: Duration) -> String {
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    return String(format: "%.1f s", s)
  }
}
