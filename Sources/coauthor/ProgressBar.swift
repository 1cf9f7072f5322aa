import CoauthorAnalysis
import Foundation

/// Progress on stderr, only when stderr is a terminal: one line redrawn in place
/// (carriage return, erase line), cleared when the work ends so that diagnostics and
/// notes print on a clean line. Never written to a pipe or a file.
final class ProgressBar: @unchecked Sendable {
  static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }
  private let lock = NSLock()
  private var shown = false

  /// A bar when `enabled` and stderr is a terminal; nil otherwise.
  static func make(enabled: Bool = true) -> ProgressBar? { enabled && isTerminal ? ProgressBar() : nil }

  func show(_ progress: CoauthorAnalysis.Progress) {
    lock.lock()
    defer { lock.unlock() }
    let columns = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
    var line = "coauthor: " + progress.bar()
    if line.count > columns - 1 { line = String(line.prefix(max(columns - 2, 10))) + "…" }
    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    shown = true
    if progress.completed >= progress.total { clear() }
  }

  /// Erases the bar.
  func clear() {
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    shown = false
  }
}
