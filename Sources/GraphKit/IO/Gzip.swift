import CZlib

/// gzip/zlib inflation through the system zlib.
enum Gzip {
  /// Inflates a gzip (or zlib) stream, concatenated members included.
  /// - Throws: ``GraphReadError`` carrying zlib's message.
  static func inflate(_ input: [UInt8], file: String) throws(GraphReadError) -> [UInt8] {
    var stream = z_stream()
    // 15 + 32: any window size, gzip or zlib header detected automatically.
    var status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      throw GraphReadError(file: file, line: 0, message: "zlib initialisation failed (\(status))")
    }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 4)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var failure: String?
    input.withUnsafeBufferPointer { inBuf in
      stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
      stream.avail_in = UInt32(inBuf.count)
      repeat {
        chunk.withUnsafeMutableBufferPointer { outBuf in
          stream.next_out = outBuf.baseAddress
          stream.avail_out = UInt32(outBuf.count)
          status = CZlib.inflate(&stream, Z_NO_FLUSH)
          output.append(contentsOf: outBuf[0..<(outBuf.count - Int(stream.avail_out))])
        }
        if status == Z_STREAM_END, stream.avail_in > 0 {
          // Another gzip member follows.
          status = inflateReset(&stream)
        }
      } while status == Z_OK
      if status != Z_STREAM_END {
        let reason = stream.msg.map { String(cString: $0) } ?? "code \(status)"
        failure = "gzip data is corrupt or truncated: \(reason)"
      }
    }
    if let failure { throw GraphReadError(file: file, line: 0, message: failure) }
    return output
  }
}
