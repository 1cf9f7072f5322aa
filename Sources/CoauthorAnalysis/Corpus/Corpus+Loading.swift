import Bibliography
import Foundation

extension Corpus {
  /// The corpus of what `inputs` read: alias tables applied (and the accepted lines of a
  /// name-review file), people resolved, papers deduplicated.
  ///
  /// - Throws: ``CoauthorError`` (failed work) when an alias table cannot be read, or when
  ///   inputs were given but not one of them could be read (the diagnostics say why).
  public static func load(_ inputs: ReadInputs) throws(CoauthorError) -> Corpus {
    var diagnostics: [Diagnostic] = []
    var groups: [AliasTable.Group] = []
    for aliasFile in inputs.aliasFiles {
      do {
        let text = try String(contentsOfFile: aliasFile, encoding: .utf8)
        let table = AliasTable.parse(text, file: aliasFile)
        groups += table.groups
        diagnostics += table.diagnostics
      } catch {
        throw .failed("\(aliasFile): cannot read alias table: \(error.localizedDescription)")
      }
    }
    if inputs.nothingReadable {
      throw .nothingRead(inputs.diagnostics + inputs.documents.flatMap(\.diagnostics))
    }
    // Accepted review lines merge like alias-table entries.
    groups += inputs.review.accepted.map { AliasTable.Group(canonical: $0.keep, aliases: [$0.merge]) }
    var corpus = assemble(
      inputs.documents, aliases: AliasTable(groups), extraDiagnostics: inputs.diagnostics + diagnostics)
    corpus.review = inputs.review
    return corpus
  }

  /// Reads a data folder (see ``DataFolder``).
  public static func load(dataDirectory: String) throws(CoauthorError) -> Corpus {
    try load(Inputs.read(InputRequest(paths: [dataDirectory])))
  }

  /// Reads the given files (formats detected from content unless given).
  public static func load(
    sources: [ManifestSource], aliasFile: String? = nil, review: NameReview = NameReview()
  ) throws(CoauthorError) -> Corpus {
    var inputs = ReadInputs()
    inputs.review = review
    inputs.diagnostics = review.diagnostics
    if let aliasFile { inputs.aliasFiles = [aliasFile] }
    for source in sources {
      do {
        let recognized = try InputRecognition.recognize(source.file, format: source.format)
        Inputs.accept(recognized, format: source.format, owner: source.owner, into: &inputs)
      } catch {
        inputs.diagnostics.append(error)
      }
    }
    for graph in inputs.graphs {
      inputs.diagnostics.append(
        .file(.error, graph.path, "a plain graph, not a bibliographic source; left out"))
    }
    return try load(inputs)
  }
}
