import Formats
import Bibliography
import Foundation

/// What `coauthor parse` prints: the records of one or more sources in one shape,
/// whatever their format.
public struct ParseReport: Sendable, Encodable {
  public struct FileInfo: Sendable, Encodable {
    public var file: String
    public var format: InputFormat
    public var owner: String?
    public var publications: Int
    public var collaborators: Int
    public var abstracts: Int
    public var diagnostics: Int
  }

  public var files: [FileInfo]
  public var publications: [Publication]
  public var collaborators: [Collaborator]
  public var abstracts: [AbstractText]
  public var diagnostics: [Diagnostic]

  public init(_ documents: [SourceDocument]) {
    files = documents.map {
      FileInfo(
        file: $0.file, format: $0.format, owner: $0.owner, publications: $0.publications.count,
        collaborators: $0.collaborators.count, abstracts: $0.abstracts.count,
        diagnostics: $0.diagnostics.count)
    }
    publications = documents.flatMap(\.publications)
    collaborators = documents.flatMap(\.collaborators)
    abstracts = documents.flatMap(\.abstracts)
    diagnostics = documents.flatMap(\.diagnostics)
  }

  /// Pretty JSON with sorted keys: the same input always prints the same bytes.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return Escaping.json(String(decoding: data, as: UTF8.self)) + "\n"
  }

  /// One row per publication: the fields every format has.
  public var csv: String {
    var table = CSVTable(header: [
      "file", "line", "kind", "year", "title", "authors", "venue", "alphabetical", "doi",
    ])
    for p in publications {
      table.append([
        .text(p.location.file), .number(p.location.line), .text(p.kind.rawValue),
        p.year.map { .number($0) } ?? .text(""), .text(p.title),
        .text(p.authors.joined(separator: "; ")), .text(p.venue ?? ""),
        .text(p.alphabetical ? "yes" : "no"), .text(p.doi ?? ""),
      ])
    }
    return table.text
  }
}
