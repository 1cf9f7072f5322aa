import Foundation

/// Reads plain edge lists: one edge per line, `u v [weight]`, separated by spaces or
/// tabs; lines starting with `#` or `%` are comments. Node tokens are interned in
/// order of first appearance and kept as labels.
///
/// Each undirected pair is one edge: SNAP lists every edge twice (u v and v u), so
/// repeated pairs keep their first weight rather than summing.
public enum EdgeListReader {
  public struct ReadError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
  }

  /// Reads the file at `path`.
  public static func read(contentsOf path: String) throws -> Graph {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try parse(String(decoding: data, as: UTF8.self), file: path)
  }

  /// Parses edge-list text held in memory.
  public static func parse(_ text: String, file: String = "<memory>") throws -> Graph {
    var ids: [Substring: Int] = [:]
    var labels: [String] = []
    var builder = GraphBuilder(parallelEdges: .keepFirst, selfLoops: .drop)
    func intern(_ token: Substring) -> Int {
      if let id = ids[token] { return id }
      let id = labels.count
      ids[token] = id
      labels.append(String(token))
      return id
    }
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty || trimmed.first == "#" || trimmed.first == "%" || trimmed == "\r" {
        continue
      }
      let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      guard fields.count >= 2 else {
        throw ReadError(file: file, line: lineNumber, message: "expected 'u v [weight]'")
      }
      var weight = 1.0
      if fields.count >= 3 {
        guard let w = Double(fields[2]), w.isFinite else {
          throw ReadError(file: file, line: lineNumber, message: "weight '\(fields[2])' is not a number")
        }
        weight = w
      }
      let u = intern(fields[0])
      let v = intern(fields[1])
      builder.reserveNodes(labels.count)
      builder.addEdge(u, v, weight: weight)
    }
    builder.labels = labels
    builder.reserveNodes(labels.count)
    return builder.build()
  }
}
