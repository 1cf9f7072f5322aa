import CProcess
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's one scratch folder, for the files a child process reads and writes
/// (Graphviz renders, `pdftotext`).
///
/// `$TMPDIR/coauthor-scratch-<pid>-XXXXXX` from `mkdtemp` (mode 0700), holding a
/// `flock`ed `.lock` while the process lives, reused by every job (each job's files have
/// their own prefix, ``files()``, and are removed after it) and removed at exit and on
/// SIGTERM, SIGINT or SIGHUP (`cprocess_install_cleanup`). A process killed with
/// SIGKILL cannot clean up: folders whose process is gone (the lock is free, or, without
/// a lock file, the pid in the name is dead) are removed when the next process creates
/// its own — also the `coauthor-graphviz-*` and `coauthor-pdf-*` folders of earlier
/// versions.
public final class ScratchFolder: Sendable {
  /// The name prefix of scratch folders.
  public static let prefix = "coauthor-scratch-"
  /// Prefixes of earlier versions' folders, swept the same way.
  static let legacyPrefixes = ["coauthor-graphviz-", "coauthor-pdf-"]

  /// Why the scratch folder could not be made.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  private static let made = Result { () throws(Failure) -> ScratchFolder in try ScratchFolder() }

  /// The process's scratch folder, made on first use.
  public static func shared() throws(Failure) -> ScratchFolder { try made.get() }

  /// Its absolute path.
  public let path: String
  private let lockDescriptor: Int32
  private let counter = Counter()

  private init() throws(Failure) {
    let temporary = FileManager.default.temporaryDirectory.path
    Self.removeStaleFolders(in: temporary)
    var template = Array((temporary as NSString)
      .appendingPathComponent("\(Self.prefix)\(getpid())-XXXXXX").utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw Failure(
        description: "cannot create a scratch folder in \(temporary): \(String(cString: strerror(errno)))")
    }
    path = String(cString: template)
    lockDescriptor = open(path + "/.lock", O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    if lockDescriptor >= 0 { flock(lockDescriptor, LOCK_EX | LOCK_NB) }
    cprocess_install_cleanup(path)
  }

  /// Removes scratch folders of this user whose process is gone: the `.lock` can be
  /// taken, or there is none and the pid in the name does not exist. Symbolic links,
  /// other users' folders and names this code does not make are left alone.
  public static func removeStaleFolders(in temporary: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
    for name in names {
      guard let prefix = ([prefix] + legacyPrefixes).first(where: name.hasPrefix) else { continue }
      let folder = (temporary as NSString).appendingPathComponent(name)
      var info = stat()
      guard lstat(folder, &info) == 0, info.st_mode & 0o170000 == 0o040000, info.st_uid == geteuid()
      else { continue }
      let lock = open(folder + "/.lock", O_RDWR | O_CLOEXEC | O_NOFOLLOW)
      let stale: Bool
      if lock >= 0 {
        stale = flock(lock, LOCK_EX | LOCK_NB) == 0
        close(lock)
      } else {
        // Only names this code makes: <prefix><pid>-XXXXXX.
        let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 6,
          parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
          parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let pid = Int32(parts[0]), pid > 0
        else { continue }
        stale = kill(pid, 0) != 0 && errno == ESRCH
      }
      if stale { cprocess_remove_folder(folder) }
    }
  }

  /// A fresh set of file names for one job.
  public func files() -> Files { Files(folder: path, prefix: "\(counter.next())-") }

  /// The file names of one job: `<folder>/<n>-<name>`.
  public struct Files: Sendable {
    public let folder: String
    public let prefix: String

    public func path(_ name: String) -> String { folder + "/" + prefix + name }

    /// Removes this job's files.
    public func removeAll() {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
      for name in names where name.hasPrefix(prefix) { unlink(folder + "/" + name) }
    }
  }

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}
