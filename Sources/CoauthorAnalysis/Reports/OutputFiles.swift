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
      // rename(2) replaces an existing file atomically (FileManager.replaceItemAt fails
      // on Linux when the destination exists in some folders, e.g. /tmp).
      guard rename(temporary.path, url.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw OutputError(path: path, message: "cannot write: \(reason)")
      }
    } catch let error as OutputError {
      throw error
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
