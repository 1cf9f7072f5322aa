import Foundation

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
  public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: folder.path, message: "cannot create folder: \(error.localizedDescription)")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try Data(bytes).write(to: temporary)
      // rename(2) replaces an existing file atomically. FileManager.replaceItemAt on Linux
      // deletes the destination and then fails ("The file doesn't exist"), which lost the
      // previous output on every second run into the same folder.
      guard rename(temporary.path, url.path) == 0 else {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw OutputError(path: path, message: "cannot write: \(error.localizedDescription)")
    }
  }

  /// Writes UTF-8 text to `path` atomically.
  public static func write(text: String, to path: String) throws(OutputError) {
    try write(Array(text.utf8), to: path)
  }
}
