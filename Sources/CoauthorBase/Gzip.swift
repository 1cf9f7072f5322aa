import CZlib

/// gzip/zlib inflation through the system zlib, for every module that reads files
/// (GraphKit's graph readers, Bibliography's source reader).
public enum Gzip {
  /// What ``inflate(_:)`` produced.
  public struct Inflated: Sendable, Hashable {
    /// Every byte inflated, up to the point of failure when there is one.
    public var bytes: [UInt8]
    /// Why inflation stopped early (zlib's message), nil when the stream ended cleanly.
    public var failure: String?

    public init(bytes: [UInt8], failure: String?) {
      self.bytes = bytes
      self.failure = failure
    }
  }

  /// True when `bytes` start with the gzip magic number (1F 8B), whatever the file is
  /// called.
  public static func isCompressed(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    return iterator.next() == 0x1F && iterator.next() == 0x8B
  }

  /// Inflates a gzip (or zlib) stream, concatenated members included.
  ///
  /// A truncated or corrupt stream does not trap: the bytes inflated before the damage
  /// come back with ``Inflated/failure`` saying what went wrong. Neither does a gzip
  /// bomb: inflation stops at `limit` bytes (by default
  /// ``InputLimits/maxInflatedBytes(compressedCount:)``: 64 × the compressed size, at
  /// least 64 MiB, at most `COAUTHOR_MAX_INPUT_BYTES`), with a failure that says so.
  ///
  /// - Complexity: O(min(*n*, `limit`)) time and memory in the size of the output.
  public static func inflate(_ input: [UInt8], limit: Int? = nil) -> Inflated {
    let limit = limit ?? InputLimits.maxInflatedBytes(compressedCount: input.count)
    var stream = z_stream()
    // 15 + 32: any window size, gzip or zlib header detected automatically.
    var status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      return Inflated(bytes: [], failure: "zlib initialisation failed (\(status))")
    }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    output.reserveCapacity(min(limit, input.count * 4))
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
          let produced = outBuf.count - Int(stream.avail_out)
          if output.count + produced > output.capacity {
            // Grow geometrically but never past the limit plus one chunk, so a bomb cut
            // at the limit holds at most limit + 64 KiB, not the doubled capacity.
            output.reserveCapacity(
              min(max(output.capacity * 2, output.count + produced), limit + outBuf.count))
          }
          output.append(contentsOf: outBuf[0..<produced])
        }
        if output.count > limit {
          output.removeSubrange(limit...)
          failure =
            "gzip data inflates to more than \(InputLimits.describe(bytes: limit)) (the limit is "
            + "64 × the compressed size, at least 64 MiB, at most COAUTHOR_MAX_INPUT_BYTES); "
            + "stopped there"
          return
        }
        if status == Z_STREAM_END, stream.avail_in > 0 {
          // Another gzip member follows.
          status = inflateReset(&stream)
        }
      } while status == Z_OK
      if status != Z_STREAM_END {
        let reason: String
        if status == Z_BUF_ERROR && stream.avail_in == 0 {
          reason = "unexpected end of data"
        } else {
          reason = stream.msg.map { String(cString: $0) } ?? "code \(status)"
        }
        failure = "gzip data is corrupt or truncated: \(reason)"
      }
    }
    return Inflated(bytes: output, failure: failure)
  }
}
