import Bibliography
import Foundation
import GraphKit
import Graphviz

/// The whole pipeline: sources → corpus → networks → metrics → figures and tables →
/// reports. Each stage is a file of its own: ``analyze(_:options:progress:detail:)`` (networks,
/// communities, metrics), ``drawFigures(_:options:into:progress:)`` and the timeline,
/// tables (`Pipeline+Tables.swift`) and ``writeReports(_:corpus:options:into:progress:)``.
public enum Pipeline {
  /// Runs the pipeline on a data folder and writes every output.
  ///
  /// - Parameter progress: Receives one line per step (for a terminal).
  /// - Returns: What was written and found; a failure (unreadable inputs, `strict` with a
  ///   diagnostic, an output that cannot be written) keeps what was done before it.
  public static func run(
    _ options: RunOptions, progress: (String) -> Void = { _ in }
  ) -> CommandOutput {
    withoutActuallyEscaping(progress) { progress in run(options, report: { progress($0.title) }) }
  }

  /// Runs the pipeline, reporting each step as a ``Progress`` of the whole run (reading,
  /// the analysis, one step per figure, the timeline, the reports).
  public static func run(_ options: RunOptions, report: @escaping (Progress) -> Void) -> CommandOutput {
    // Reading, 4 analysis steps (the coauthor metrics in 6), ≥ 3 figures, reports.
    let counter = ProgressCounter(total: 15 + (options.timeline ? 1 : 0), report: report)
    defer { counter.finish() }
    let progress: (String) -> Void = { counter.step($0) }
    return CommandOutput.collecting { (result: inout CommandOutput) throws(CoauthorError) in
      try checkFolders(options)
      progress("reading \(options.dataDirectory)")
      var corpus = try Corpus.load(dataDirectory: options.dataDirectory)
      counter.total = 15 + corpus.owners.count + (options.timeline ? 1 : 0)
      result.diagnostics = corpus.diagnostics
      if let warning = ChildProcessRenderer.environmentWarning() {
        result.diagnostics.append(.file(.warning, "environment", warning))
      }
      // Under --strict nothing is written when an input had a problem.
      result.applyStrict(options.strict)
      if result.failure != nil { return }
      if options.fromYear != nil || options.toYear != nil {
        corpus = corpus.restricted(from: options.fromYear, to: options.toYear)
      }
      let lock: OutputFolderLock
      do throws(OutputError) { lock = try OutputFolderLock(folder: options.outputDirectory) } catch { throw CoauthorError(error) }
      defer { withExtendedLifetime(lock) {} }
      var folder = OutputFolder(path: options.outputDirectory)
      defer {
        result.written += folder.written
        result.notes += folder.notes
      }
      let analysis = analyze(corpus, options: options, progress: progress, detail: { counter.update($0) })
      try drawFigures(analysis, options: options, into: &folder, progress: progress)
      if options.timeline {
        try drawTimeline(analysis, corpus: corpus, options: options, into: &folder, progress: progress)
      }
      try writeReports(analysis, corpus: corpus, options: options, into: &folder, progress: progress)
      if options.failOnMissingFigure, !folder.missingFigures.isEmpty {
        let names = folder.missingFigures.keys.sorted()
        result.failure = .failed(
          "\(names.count) figure(s) could not be drawn: \(names.joined(separator: ", ")) (the reasons are in report.md and above); every table and export was written")
      }
    }
  }
}

extension Pipeline {
  /// An output folder that is the data folder or inside it would be read as sources by
  /// the next run (49 papers became 301): refused.
  static func checkFolders(_ options: RunOptions) throws(CoauthorError) {
    let data = Inputs.standardized(options.dataDirectory)
    let output = Inputs.standardized(options.outputDirectory)
    if output == data || output.hasPrefix(data.hasSuffix("/") ? data : data + "/") {
      throw .usage(
        "--output \(options.outputDirectory) is inside --data \(options.dataDirectory): the next run would read its own outputs as sources; choose another folder")
    }
  }
}

/// The run's output folder: every file written atomically and remembered (the HTML
/// report embeds the figures written before it).
struct OutputFolder {
  var path: String
  var written: [String] = []
  /// The SVG figures written, for the HTML report to inline; other files are not kept
  /// (the exports of a DBLP-sized network are gigabytes).
  var bytes: [String: [UInt8]] = [:]
  var notes: [String] = []
  /// Figures (and PNGs, `name.png`) that no attempt could draw, with the reason: in the
  /// report, on stderr and in the exit status.
  var missingFigures: [String: String] = [:]

  mutating func write(_ name: String, _ text: String) throws(CoauthorError) {
    if Self.kept(name) { return try writeBytes(name, Array(text.utf8)) }
    let file = (path as NSString).appendingPathComponent(name)
    // The text's own UTF-8 storage is written: no second copy of a large export.
    do { try OutputFiles.write(text: text, to: file) } catch { throw CoauthorError(error) }
    written.append(file)
  }

  mutating func writeBytes(_ name: String, _ content: [UInt8]) throws(CoauthorError) {
    let file = (path as NSString).appendingPathComponent(name)
    do { try OutputFiles.write(content, to: file) } catch { throw CoauthorError(error) }
    written.append(file)
    if Self.kept(name) { bytes[name] = content }
  }

  /// The files `bytes` keeps: what `HTMLReport` inlines.
  static func kept(_ name: String) -> Bool { name.hasSuffix(".svg") }
}
