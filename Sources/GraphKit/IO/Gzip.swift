import GzipSupport

extension Gzip {
  /// Inflates a gzip (or zlib) stream, concatenated members included.
  /// - Throws: ``GraphReadError`` carrying zlib's message.
  static func inflate(_ input: [UInt8], file: String) throws(GraphReadError) -> [UInt8] {
    let inflated = inflate(input)
    if let failure = inflated.failure {
      throw GraphReadError(file: file, line: 0, message: failure)
    }
    return inflated.bytes
  }
}
