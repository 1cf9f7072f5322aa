import Crypto
import Foundation
import Graphviz

/// Where a run's outputs came from: enough to reproduce them.
///
/// No timestamp is recorded, so that two runs over the same inputs give byte-identical
/// reports.
public struct Provenance: Sendable, Encodable {
  public struct InputFile: Sendable, Encodable {
    public var path: String
    public var bytes: Int
    public var sha256: String
  }

  public var tool: String
  public var graphviz: String
  public var command: String
  public var parameters: [String: String]
  public var inputs: [InputFile]

  /// SHA-256 of a file's bytes as lowercase hex, or nil when it cannot be read.
  public static func sha256(ofFile path: String) -> (hex: String, bytes: Int)? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let digest = SHA256.hash(data: data)
    return (digest.map { String(format: "%02x", $0) }.joined(), data.count)
  }

  static func make(corpus: Corpus, options: RunOptions) -> Provenance {
    var paths = corpus.documents.map(\.file)
    let folder = URL(fileURLWithPath: options.dataDirectory)
    for extra in ["manifest.json", "aliases.tsv", "thesaurus.tsv"] {
      let path = folder.appendingPathComponent(extra).path
      if FileManager.default.fileExists(atPath: path) { paths.append(path) }
    }
    let inputs = paths.compactMap { path -> InputFile? in
      guard let (hex, bytes) = sha256(ofFile: path) else { return nil }
      return InputFile(path: path, bytes: bytes, sha256: hex)
    }
    var parameters: [String: String] = [
      "weighting": options.weighting.rawValue,
      "distance": options.distance.rawValue,
      "resolution": formatNumber(options.resolution),
      "seed": String(options.seed),
      "max-authors": options.maxAuthors.map(String.init) ?? "none",
      "labels": String(options.style.labeledNodes),
      "preset": options.style.preset.rawValue,
      "palette": options.style.palette.rawValue,
      "topic-terms": String(options.topicTerms),
      "community-algorithm": "leiden (modularity)",
    ]
    if let from = options.fromYear { parameters["from"] = String(from) }
    if let to = options.toYear { parameters["to"] = String(to) }
    let graphviz = (try? GraphvizRenderer.version()) ?? "unknown"
    return Provenance(
      tool: "coauthor \(CoauthorVersion.string)", graphviz: graphviz,
      command: options.commandLine.isEmpty
        ? "coauthor run" : options.commandLine.joined(separator: " "),
      parameters: parameters, inputs: inputs)
  }
}
