import Bibliography
import Foundation
import GraphKit

/// Which network to build from bibliographic sources.
public enum NetworkType: String, Sendable, Hashable, CaseIterable, Codable {
  case coauthor
  case topic
  case authorTopic = "author-topic"
}

/// Everything the inputs of a command hold, read and recognised.
public struct ReadInputs: Sendable {
  /// Bibliographic sources, in the order given (a data folder's in its manifest's order).
  public var documents: [SourceDocument] = []
  /// Plain graph files (their content, decompression left to the graph reader).
  var graphs: [(path: String, bytes: [UInt8])] = []
  public var aliasFiles: [String] = []
  public var review = NameReview()
  /// Problems with whole inputs (unknown format, unreadable, empty) and the records'
  /// problems the readers found are in the documents.
  public var diagnostics: [Diagnostic] = []

  public var graphPaths: [String] { graphs.map(\.path) }

  /// True when no source gave a record (a publication, collaborator or abstract) and an
  /// input or a reader reported an error: nothing readable at all (a PDF pdftotext
  /// cannot read, an unknown format), which is failed work, not an empty result.
  var nothingReadable: Bool {
    documents.allSatisfy {
      $0.publications.isEmpty && $0.collaborators.isEmpty && $0.abstracts.isEmpty
    }
      && (diagnostics.contains { $0.severity == .error }
        || documents.contains { $0.diagnostics.contains { $0.severity == .error } })
  }
}

/// Reads the inputs of a command line: files, data folders (or their `manifest.json`),
/// standard input (`-`). Each input is recognised positively — a bibliographic source,
/// a plain graph, a data folder, or an "unknown format" diagnostic — and one input that
/// cannot be read never stops the others.
public enum Inputs {
  /// Reads and recognises every input of `request`.
  ///
  /// - Throws: ``CoauthorError`` (wrong arguments) when no input is given.
  public static func read(_ request: InputRequest) throws(CoauthorError) -> ReadInputs {
    guard !request.paths.isEmpty else { throw .usage("no input files") }
    var result = ReadInputs()
    // A data folder named by its manifest (`Data/*` names manifest.json and every file
    // beside it) is read once, as the folder; the files beside it are read as its own.
    let folders = request.paths.compactMap { path -> String? in
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return FrontMatterReader.pages(inFolder: path) == nil ? standardized(path) : nil
      }
      return fileName(of: path) == "manifest.json" ? parentFolder(of: path) : nil
    }
    var foldersRead = Set<String>()
    for path in request.paths {
      let parent = path == "-" ? "" : parentFolder(of: path)
      let recognized: RecognizedInput
      do {
        recognized = try InputRecognition.recognize(path, format: request.format)
      } catch {
        result.diagnostics.append(error)
        continue
      }
      if recognized.kind != .dataFolder, folders.contains(parent) { continue }
      switch recognized.kind {
      case .dataFolder:
        let isManifest = fileName(of: path) == "manifest.json"
        let folderPath = isManifest ? parentFolder(of: path) : path
        guard foldersRead.insert(standardized(folderPath)).inserted else { continue }
        do {
          let folder = try DataFolder.read(isManifest ? relativeParent(of: path) : path)
          readFolder(folder, owner: request.owner, into: &result)
        } catch {
          result.diagnostics.append(error)
        }
      case .configuration:
        switch fileName(of: path) {
        case "aliases.tsv": result.aliasFiles.append(path)
        case "name-review.tsv":
          if let data = FileManager.default.contents(atPath: path) {
            result.review = NameReview.parse(String(decoding: data, as: UTF8.self), file: path)
          }
        default:
          result.diagnostics.append(
            .file(.warning, path, "not read: this command has no use for it"))
        }
      default:
        accept(recognized, format: request.format, owner: request.owner, into: &result)
      }
    }
    if let aliasFile = request.aliasFile { result.aliasFiles.append(aliasFile) }
    return result
  }

  /// How deep folders inside a data folder are read (an OpenAlex snapshot is
  /// `data/works/updated_date=…/part_000.gz`: two levels).
  static let folderDepthLimit = 8

  /// Reads a data folder's sources with their manifest's owners and formats. A folder
  /// inside it (other than a collection of publication pages, which is one source) is
  /// read as a data folder of its own, to ``folderDepthLimit`` levels; a folder reached
  /// twice (a symbolic link back up) is read once.
  static func readFolder(
    _ folder: DataFolder, owner: String?, into result: inout ReadInputs, depth: Int = 0,
    visited: inout Set<String>
  ) {
    result.diagnostics += folder.review.diagnostics
    if depth == 0 { result.review = folder.review }
    if let alias = folder.aliasFile { result.aliasFiles.append(alias) }
    for source in folder.sources {
      do {
        let recognized = try InputRecognition.recognize(source.file, format: source.format)
        guard recognized.kind == .dataFolder else {
          accept(recognized, format: source.format, owner: source.owner ?? owner, into: &result)
          continue
        }
        guard depth < folderDepthLimit else {
          result.diagnostics.append(
            .file(
              .warning, source.file, "not read: folders are read \(folderDepthLimit) levels deep"))
          continue
        }
        guard
          visited.insert(URL(fileURLWithPath: source.file).resolvingSymlinksInPath().path).inserted
        else {
          continue
        }
        readFolder(
          try DataFolder.read(source.file), owner: source.owner ?? owner, into: &result,
          depth: depth + 1,
          visited: &visited)
      } catch {
        result.diagnostics.append(error)
      }
    }
  }

  static func readFolder(_ folder: DataFolder, owner: String?, into result: inout ReadInputs) {
    var visited: Set<String> = [URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path]
    readFolder(folder, owner: owner, into: &result, visited: &visited)
  }

  /// Parses one recognised input into `result`, or says why it cannot be.
  static func accept(
    _ input: RecognizedInput, format: InputFormat?, owner: String?, into result: inout ReadInputs
  ) {
    switch input.kind {
    case .source(.frontMatter) where input.bytes == nil:
      let document = FrontMatterReader.read(folder: input.path, owner: owner)
      if document.publications.isEmpty {
        result.diagnostics.append(
          .file(.warning, input.path, "no records found in this front-matter folder"))
      }
      result.documents.append(document)
    case .source(let detected):
      do {
        let document =
          detected == .dblpXML && input.bytes == nil
          ? try SourceReader.read(contentsOf: input.path, format: .dblpXML, owner: owner)
          : try SourceReader.read(
            bytes: input.bytes ?? [], file: input.path, format: format ?? detected, owner: owner)
        if document.publications.isEmpty, document.collaborators.isEmpty, document.abstracts.isEmpty
        {
          result.diagnostics.append(
            .file(.warning, input.path, "no records found in this \(document.format.rawValue) file")
          )
        }
        result.documents.append(document)
      } catch {
        result.diagnostics.append(error)
      }
    case .graph:
      result.graphs.append((input.path, input.bytes ?? []))
    case .empty:
      result.diagnostics.append(.file(.warning, input.path, "empty input: nothing to read"))
    case .unknown:
      result.diagnostics.append(
        .file(
          .error, input.path,
          "unknown format: neither a bibliographic source (\(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))) nor a plain graph (edge list, Source,Target edge table, GML, GraphML, GEXF, Pajek, METIS, VOSviewer); give the source format with --input-format"
        ))
    case .dataFolder, .configuration:
      break
    }
  }

  /// The last component of a path ("-" stays "-").
  static func fileName(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The folder holding `path`, standardized and absolute.
  static func parentFolder(of path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
  }

  /// The folder holding `path` as the user wrote it ("Data/manifest.json" → "Data"), so
  /// the paths read from it are spelled as before.
  static func relativeParent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
  }

  static func standardized(_ path: String) -> String {
    URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
  }
}
