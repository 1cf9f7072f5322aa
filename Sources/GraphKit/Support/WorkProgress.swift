/// Progress of GraphKit's long loops over sources — exact betweenness, closeness and
/// harmonic centrality, sampled betweenness and closeness, the summary's path lengths.
///
/// Bind a handler for the work of one call:
///
/// ```swift
/// let scores = WorkProgress.$report.withValue({ done, total in print("\(done)/\(total)") }) {
///   graph.betweennessCentrality()
/// }
/// ```
///
/// The handler gets (blocks finished, blocks in all) each time a block of sources ends
/// (64 blocks per loop, see `_Blocks`), from whichever worker thread finished it: it
/// must be cheap and thread-safe. A call that runs several loops (closeness then
/// harmonic) reports each loop from 0. Reporting never changes a result.
public enum WorkProgress {
  /// The handler for loops started in this task; nil (the default) reports nothing.
  @TaskLocal public static var report: (@Sendable (_ finished: Int, _ total: Int) -> Void)?
}
