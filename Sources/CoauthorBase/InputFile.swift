import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// Reading an input file's bytes, the one way every reader does it.
public enum InputFile {
  /// The bytes of the file at `path`, read straight into one array (no `Data` in
  /// between: a 1 GiB input costs 1 GiB, not two).
  /// - Throws: a ``Diagnostic`` naming the file and the system's reason.
  public static func bytes(atPath path: String) throws(Diagnostic) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(path, errno) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure(path, errno) }
    if info.st_mode & S_IFMT == S_IFDIR { throw failure(path, EISDIR) }
    do {
      return try read(descriptor, sizeHint: info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0)
    } catch {
      throw failure(path, error.code)
    }
  }

  /// Everything that can be read from `descriptor` (standard input, a pipe), in one
  /// array grown as it comes.
  /// - Throws: a ``Diagnostic`` naming `name`.
  public static func bytes(fromDescriptor descriptor: Int32, name: String) throws(Diagnostic) -> [UInt8] {
    do {
      return try read(descriptor, sizeHint: 0)
    } catch {
      throw failure(name, error.code)
    }
  }

  struct ReadError: Error { var code: Int32 }

  /// Reads to the end: a regular file's `sizeHint` bytes straight into an array of that
  /// capacity (+ 1, so that the read that finds the end needs no second buffer); what
  /// follows (a file that grew, a pipe) in 1 MiB pieces appended.
  static func read(_ descriptor: Int32, sizeHint: Int) throws(ReadError) -> [UInt8] {
    var failed: Int32 = 0
    func readSome(_ target: UnsafeMutableRawPointer, _ count: Int) -> Int {
      while true {
        let n = systemRead(descriptor, target, count)
        if n < 0, errno == EINTR { continue }
        if n < 0 { failed = errno }
        return max(n, 0)
      }
    }
    let capacity = max(sizeHint, 0) + 1
    var ended = false
    var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
      initialized = 0
      while initialized < capacity {
        let n = readSome(buffer.baseAddress! + initialized, capacity - initialized)
        if n == 0 {
          ended = true
          break
        }
        initialized += n
      }
    }
    if failed != 0 { throw ReadError(code: failed) }
    if ended { return bytes }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    defer { chunk.deallocate() }
    while true {
      let n = readSome(chunk.baseAddress!, chunk.count)
      if failed != 0 { throw ReadError(code: failed) }
      if n == 0 { return bytes }
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<n]))
    }
  }

  static func failure(_ path: String, _ code: Int32) -> Diagnostic {
    Diagnostic.file(.error, path, "cannot read file: \(String(cString: strerror(code)))")
  }
}
