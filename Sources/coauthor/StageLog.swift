import CoauthorAnalysis
import Foundation

/// `COAUTHOR_STAGE_LOG=FILE`: one line per progress step appended to FILE — wall and CPU
/// seconds since the start, resident memory now, and the peak resident memory of the
/// step that just ended (Linux: VmHWM, reset after each step by writing 5 to
/// /proc/self/clear_refs). For measuring where a large run spends time and memory
/// (Benchmarks/dblp-scale.sh); off unless the variable is set.
final class StageLog: @unchecked Sendable {
  private let handle: FileHandle
  private let start = Date()
  private let lock = NSLock()
  private var previous = "start"

  static func make() -> StageLog? {
    guard let path = ProcessInfo.processInfo.environment["COAUTHOR_STAGE_LOG"], !path.isEmpty else { return nil }
    if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
    guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
    handle.seekToEndOfFile()
    let log = StageLog(handle)
    log.resetPeak()
    return log
  }

  private init(_ handle: FileHandle) { self.handle = handle }

  func show(_ progress: CoauthorAnalysis.Progress) { step(progress.title) }

  /// Ends the step running now (its peak is printed) and starts `title`.
  func step(_ title: String) {
    lock.lock()
    defer { lock.unlock() }
    let status = Self.status()
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    let line = String(
      format: "stage-log wall %.2f cpu %.2f rss_mb %.0f step_peak_mb %.0f ended %@ | next %@\n",
      Date().timeIntervalSince(start), cpu, status.rss, status.hwm, previous, title)
    handle.write(Data(line.utf8))
    previous = title
    resetPeak()
  }

  private func resetPeak() {
    #if os(Linux)
      try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    #endif
  }

  /// VmRSS and VmHWM in MiB (0 where /proc is not there).
  private static func status() -> (rss: Double, hwm: Double) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    var rss = 0.0
    var hwm = 0.0
    for line in text.split(separator: "\n") {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard fields.count >= 2, let kb = Double(fields[1]) else { continue }
      if fields[0] == "VmRSS:" { rss = kb / 1024 }
      if fields[0] == "VmHWM:" { hwm = kb / 1024 }
    }
    return (rss, hwm)
  }
}
