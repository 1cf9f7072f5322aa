import CProcess
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way coauthor runs a helper program (`dot`, the DOT sanitizer, `pdftotext`):
/// through `CProcess`, so that the child
///
/// - runs in a **process group of its own** (a deadline kills the whole group: SIGTERM,
///   then SIGKILL a second later);
/// - is killed by the kernel when coauthor dies in any way, `kill -9` included
///   (`PR_SET_PDEATHSIG` = SIGKILL on Linux, set between `fork` and `execve`, which
///   Foundation's `Process` cannot do);
/// - is killed with its group by coauthor's SIGTERM/SIGINT/SIGHUP handler (once a
///   scratch folder has installed it, `cprocess_install_cleanup`);
/// - has stdin and stdout on `/dev/null`, stderr in a file, and no other descriptor.
///
/// `program` must be an absolute path: `PATH` is never searched. The thread that calls
/// ``run(_:_:deadline:stderrPath:)`` waits for the child, as the parent-death signal
/// follows the thread that started it.
public enum ChildProcess {
  /// How a child ended.
  public struct Outcome: Sendable, Hashable {
    /// Its exit status (-1 when a signal ended it).
    public var status: Int32
    /// The signal that ended it, if one did.
    public var signal: Int32?
    /// What it wrote on stderr.
    public var stderr: String
  }

  /// Why a child did not run to its end.
  public enum Failure: Error, Sendable, Hashable {
    /// It could not be started (the message says why).
    case cannotStart(String)
    /// The deadline passed; its process group was killed.
    case timedOut
  }

  /// Runs `program` with `arguments` until it exits or `deadline` passes (then its
  /// process group gets SIGTERM and, a second later, SIGKILL). Its stderr goes to
  /// `stderrPath`, created new (`O_EXCL`, no symbolic link followed).
  ///
  /// - Throws: ``Failure``.
  public static func run(
    _ program: String, _ arguments: [String], deadline: ContinuousClock.Instant, stderrPath: String
  ) throws(Failure) -> Outcome {
    guard program.hasPrefix("/") else { throw .cannotStart("\(program) is not an absolute path") }
    let errorDescriptor = open(stderrPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard errorDescriptor >= 0 else {
      throw .cannotStart("cannot create \(stderrPath): \(String(cString: strerror(errno)))")
    }
    defer { close(errorDescriptor) }
    let left = deadline - ContinuousClock.now
    guard left > .zero else { throw .timedOut }

    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let pid = argv.withUnsafeBufferPointer { buffer in
      cprocess_spawn(program, buffer.baseAddress, nil, nil, errorDescriptor)
    }
    guard pid > 0 else { throw .cannotStart("cannot start \(program): \(String(cString: strerror(-pid)))") }
    let milliseconds =
      left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
    if cprocess_wait(pid, milliseconds) != 1 {
      cprocess_kill(pid, 1000)
      throw .timedOut
    }
    let status = cprocess_reap(pid)
    let size = lseek(errorDescriptor, 0, SEEK_END)
    let stderrText =
      size <= 0
      ? "" : String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
    if cprocess_signaled(status) != 0 {
      return Outcome(status: -1, signal: cprocess_term_signal(status), stderr: stderrText)
    }
    return Outcome(status: cprocess_exit_code(status), signal: nil, stderr: stderrText)
  }
}
