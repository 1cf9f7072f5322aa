import CoauthorAnalysis
import Foundation

/// Progress on stderr, only when stderr is a terminal: one line redrawn in place
/// (carriage return, erase line), cleared when the work ends so that diagnostics and
/// notes print on a clean line. Never written to a pipe or a file.
///
/// While a step runs the line is redrawn every second with the time the step has taken
/// ("· 23 s"), so a long layout or betweenness run is visibly alive; steps that report
/// their own share done (metrics: "41 % of sources") show it in the title.
final class ProgressBar: @unchecked Sendable {
  static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }
  private let lock = NSLock()
  private var shown = false
  private var current: CoauthorAnalysis.Progress?
  private var stepStarted = ContinuousClock.now
  private var timer: DispatchSourceTimer?

  /// A bar when `enabled` and stderr is a terminal; nil otherwise.
  static func make(enabled: Bool = true) -> ProgressBar? { enabled && isTerminal ? ProgressBar() : nil }

  deinit { timer?.cancel() }

  func show(_ progress: CoauthorAnalysis.Progress) {
    lock.lock()
    defer { lock.unlock() }
    if current?.completed != progress.completed { stepStarted = .now }
    current = progress
    if progress.completed >= progress.total {
      clearLocked()
      return
    }
    draw()
    startTimer()
  }

  /// Erases the bar.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    clearLocked()
  }

  private func clearLocked() {
    timer?.cancel()
    timer = nil
    current = nil
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    shown = false
  }

  private func startTimer() {
    guard timer == nil else { return }
    let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
    timer.schedule(deadline: .now() + 1, repeating: 1)
    timer.setEventHandler { [weak self] in
      guard let self else { return }
      self.lock.lock()
      defer { self.lock.unlock() }
      if self.current != nil { self.draw() }
    }
    self.timer = timer
    timer.resume()
  }

  /// Draws `current` with the step's elapsed time; the caller holds the lock.
  private func draw() {
    guard let progress = current else { return }
    let columns = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
    let seconds = Int((ContinuousClock.now - stepStarted).components.seconds)
    var line = "coauthor: " + progress.bar() + (seconds >= 1 ? " · \(seconds) s" : "")
    if line.count > columns - 1 { line = String(line.prefix(max(columns - 2, 10))) + "…" }
    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    shown = true
  }
}
