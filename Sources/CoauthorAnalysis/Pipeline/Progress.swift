import Foundation

/// How far a long piece of work has come: one step of a known number, with what is being
/// done. The CLI draws it as a bar on stderr, and only on a terminal (`ProgressBar`).
/// Named like Foundation's `Progress`: code importing both writes `CoauthorAnalysis.Progress`.
public struct Progress: Sendable, Hashable {
  /// What is being done now ("computing betweenness (exact)").
  public var title: String
  /// Steps finished before this one, and the number expected in all.
  public var completed: Int
  public var total: Int

  public init(title: String, completed: Int, total: Int) {
    self.title = title
    self.completed = completed
    self.total = max(total, 1)
  }

  /// Share done, in [0, 1].
  public var fraction: Double { min(1, max(0, Double(completed) / Double(total))) }

  /// `[#######·······]  5/12  drawing coauthor-network (120 nodes)`.
  public func bar(width: Int = 24) -> String {
    let filled = Int((fraction * Double(width)).rounded(.down))
    let done = String(repeating: "#", count: filled)
    let todo = String(repeating: "·", count: max(width - filled, 0))
    return "[\(done)\(todo)] \(min(completed, total))/\(total) \(title)"
  }
}

/// Counts the steps of a piece of work and reports each as a ``Progress``; the total can
/// grow once the work knows its size (the number of figures after reading the inputs).
final class ProgressCounter {
  var total: Int
  private(set) var completed = 0
  private let report: (Progress) -> Void

  init(total: Int, report: @escaping (Progress) -> Void) {
    self.total = total
    self.report = report
  }

  /// Starts the next step.
  func step(_ title: String) {
    if completed >= total { total = completed + 1 }
    report(Progress(title: title, completed: completed, total: total))
    completed += 1
  }

  /// Says more about the step in progress (its title changes, the count does not).
  func update(_ title: String) {
    report(Progress(title: title, completed: max(completed - 1, 0), total: total))
  }

  /// Reports the end of the work.
  func finish(_ title: String = "done") {
    report(Progress(title: title, completed: total, total: total))
  }
}

/// Hands ``Progress`` reports from worker threads to a closure that is not thread-safe,
/// one at a time.
final class ProgressRelay: @unchecked Sendable {
  private let lock = NSLock()
  private let receive: (Progress) -> Void

  init(_ receive: @escaping (Progress) -> Void) { self.receive = receive }

  func send(_ progress: Progress) {
    lock.lock()
    defer { lock.unlock() }
    receive(progress)
  }
}
