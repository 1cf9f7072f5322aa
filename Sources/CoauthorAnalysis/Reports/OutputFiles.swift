import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes output files atomically: the bytes go to a temporary file in the same folder,
/// which is then renamed over the destination, so a failed run never leaves a
/// half-written file behind.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var message: String
  public var description: String { "\(path): \(message)" }
}

public enum OutputFiles {
  /// Writes `bytes` to `path` atomically, creating parent folders.
  ///
  /// The temporary file is created by `mkstemp(3)` in the destination's folder
  /// (O_CREAT|O_EXCL with a random name: a planted file or symbolic link is never
  /// followed or reused), written, given the usual mode (0666 less the umask), and renamed
  /// over the destination; `rename(2)` replaces a link at the destination, never its target.
  public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: folder.path, message: "cannot create folder: \(error.localizedDescription)")
    }
    var template = Array(folder.appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw OutputError(path: path, message: "cannot create a temporary file: \(String(cString: strerror(errno)))")
    }
    let temporary = String(cString: template)
    func fail(_ reason: String) -> OutputError {
      unlink(temporary)
      return OutputError(path: path, message: "cannot write: \(reason)")
    }
    func writeAll(_ content: UnsafeBufferPointer<UInt8>) -> Int32? {
      var offset = 0
      while offset < content.count {
        let written = Glibc.write(descriptor, content.baseAddress! + offset, content.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    // Contiguous input (an array, a native string's UTF-8) is written in place.
    let failure = bytes.withContiguousStorageIfAvailable(writeAll) ?? Array(bytes).withUnsafeBufferPointer(writeAll)
    if let failure {
      let reason = String(cString: strerror(failure))
      close(descriptor)
      throw fail(reason)
    }
    let mask = umask(0)
    umask(mask)
    fchmod(descriptor, 0o666 & ~mask)
    guard close(descriptor) == 0 else { throw fail(String(cString: strerror(errno))) }
    guard rename(temporary, url.path) == 0 else { throw fail(String(cString: strerror(errno))) }
  }

  /// Writes UTF-8 text to `path` atomically.
  public static func write(text: String, to path: String) throws(OutputError) {
    var text = text
    text.makeContiguousUTF8()
    try write(text.utf8, to: path)
  }
}

/// An exclusive lock on an output folder for the length of a run: a second run into the
/// same folder fails at once instead of mixing its files with the first one's.
final class OutputFolderLock {
  private let descriptor: Int32

  /// - Throws: ``OutputError`` when the folder cannot be created or another process holds
  ///   the lock.
  init(folder: String) throws(OutputError) {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: folder, message: "cannot create folder: \(error.localizedDescription)")
    }
    let path = (folder as NSString).appendingPathComponent(".coauthor.lock")
    let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError(path: path, message: "cannot open the lock file: \(String(cString: strerror(errno)))")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw OutputError(path: folder, message: "another coauthor run is writing to this folder")
    }
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

extension OutputFiles {
  /// Replaces a PDF's `/CreationDate (D:…)` with a fixed date of the same length, so the
  /// same input gives the same PDF bytes (cairo 1.16 stamps the wall-clock time and does
  /// not honour SOURCE_DATE_EPOCH). Equal length keeps the cross-reference offsets valid;
  /// anything unexpected leaves the bytes as they are.
  public static func withFixedCreationDate(_ pdf: [UInt8]) -> [UInt8] {
    let marker = Array("/CreationDate (".utf8)
    guard pdf.count > marker.count,
      let start = (0...(pdf.count - marker.count)).first(where: { pdf[$0..<($0 + marker.count)].elementsEqual(marker) })
    else { return pdf }
    let valueStart = start + marker.count
    guard let close = pdf[valueStart...].firstIndex(of: UInt8(ascii: ")")) else { return pdf }
    let fixed = Array("D:20000101000000Z".utf8)
    guard close - valueStart == fixed.count else { return pdf }
    var out = pdf
    out.replaceSubrange(valueStart..<close, with: fixed)
    return out
  }
}
