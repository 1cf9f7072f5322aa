import Bibliography
import Foundation
import GraphKit

/// What one input is, recognised from its content — never "a graph because nothing
/// else matched".
public enum InputKind: Sendable, Hashable {
  /// A bibliographic source (CV, homepage, BibTeX, …) in this format.
  case source(InputFormat)
  /// A plain graph (edge list, GML, GraphML, METIS, VOSviewer).
  case graph
  /// A data folder (or its `manifest.json`).
  case dataFolder
  /// A data folder's alias table or name-review file, given by itself.
  case configuration
  /// Empty, or whitespace only.
  case empty
  /// None of the above.
  case unknown
}

/// One input read into memory, with what it was recognised as.
struct RecognizedInput {
  var path: String
  var kind: InputKind
  /// The content (decompressed when gzip); nil for folders.
  var bytes: [UInt8]?
}

enum InputRecognition {
  /// Name shown for standard input in diagnostics.
  static let standardInputName = "<stdin>"

  /// Recognises `path` ("-": standard input, read once).
  ///
  /// - Throws: the diagnostic that says why, when the path does not exist or cannot be
  ///   read.
  static func recognize(_ path: String, format: InputFormat?) throws(Diagnostic) -> RecognizedInput {
    if path == "-" {
      let bytes = try InputFile.bytes(fromDescriptor: 0, name: standardInputName)
      return recognize(bytes: bytes, name: standardInputName, format: format)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw Diagnostic.file(.error, path, "no such file or folder")
    }
    if isDirectory.boolValue {
      // A folder of publication pages (academicpages `_publications/*.md`, Hugo
      // `content/publication/*/index.md`) without a manifest is one source.
      if format == nil || format == .frontMatter, FrontMatterReader.pages(inFolder: path) != nil {
        return RecognizedInput(path: path, kind: .source(.frontMatter), bytes: nil)
      }
      return RecognizedInput(path: path, kind: .dataFolder, bytes: nil)
    }
    let name = Inputs.fileName(of: path)
    if name == "manifest.json" { return RecognizedInput(path: path, kind: .dataFolder, bytes: nil) }
    if ["aliases.tsv", "name-review.tsv", "thesaurus.tsv"].contains(name) {
      return RecognizedInput(path: path, kind: .configuration, bytes: nil)
    }
    // DBLP XML (the full dblp.xml is several GB) is streamed from the file by the reader,
    // never read into memory here.
    if SourceReader.isStreamedDBLP(path, format: format) {
      return RecognizedInput(path: path, kind: .source(.dblpXML), bytes: nil)
    }
    return recognize(bytes: try InputFile.bytes(atPath: path), name: path, format: format)
  }

  /// How much of a gzip input is inflated to recognise it as a bibliographic source (a
  /// graph is recognised on all of it: METIS needs every line).
  static let recognitionPrefix = 1 << 20

  /// Recognises content already read. Nothing is copied: a source is detected on its
  /// first ``FormatDetector/detectionLimit`` bytes (of a gzip input, only the first
  /// ``recognitionPrefix`` bytes are inflated for that), and the reader gets `input`
  /// itself; only a gzip input that is not a source is inflated whole, once, to be
  /// recognised as a graph (or not).
  static func recognize(bytes input: [UInt8], name: String, format: InputFormat?) -> RecognizedInput {
    if let format { return RecognizedInput(path: name, kind: .source(format), bytes: input) }
    var fileName = Inputs.fileName(of: name)
    let compressed = Gzip.isCompressed(input)
    if compressed, fileName.lowercased().hasSuffix(".gz") { fileName = String(fileName.dropLast(3)) }
    func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
    let head: [UInt8]
    if compressed {
      // Damage is reported by the reader that reads the whole file.
      let inflated = Gzip.inflate(input, limit: recognitionPrefix)
      if inflated.failure == nil, inflated.bytes.allSatisfy(isBlank) {
        return RecognizedInput(path: name, kind: .empty, bytes: input)
      }
      head = inflated.bytes
    } else {
      if input.allSatisfy(isBlank) { return RecognizedInput(path: name, kind: .empty, bytes: input) }
      head = Array(input.prefix(FormatDetector.detectionLimit))
    }
    // Detection reads the head only; cut it at a character boundary, so a multi-byte
    // character split at the limit does not make the head look like Latin-1.
    var cut = min(head.count, FormatDetector.detectionLimit)
    while cut < head.count, cut > 0, head[cut] & 0xC0 == 0x80 { cut -= 1 }
    let text = TextDecoding.decode(bytes: Array(head[..<cut])).text
    if let detected = FormatDetector.detect(text, fileName: fileName) {
      return RecognizedInput(path: name, kind: .source(detected), bytes: input)
    }
    // A gzip graph is recognised on its inflated content, cut at the bound (the graph
    // reader then refuses a bomb with "inflates to more than …"); freed before reading.
    // The full path: a VOSviewer map file is a graph only with its network file beside it.
    if GraphInputRecognition.isGraph(compressed ? Gzip.inflate(input).bytes : input, fileName: name) {
      return RecognizedInput(path: name, kind: .graph, bytes: input)
    }
    return RecognizedInput(path: name, kind: .unknown, bytes: input)
  }
}
