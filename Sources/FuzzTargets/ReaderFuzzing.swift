import Bibliography
import CoauthorAnalysis
import Foundation

/// Entry points shared by the libFuzzer executables (`fuzz-readers`, `fuzz-dot`,
/// `fuzz-graphs`), their replay mode and the regression tests in ReliabilityTests.
///
/// Each entry takes arbitrary bytes and returns the invariants the input broke (empty when
/// none). A crash, trap or hang inside an entry is a bug in the code under test; a
/// non-empty result is a bug too, and the fuzz executables turn it into a trap so libFuzzer
/// keeps the input.
public enum FuzzTargets {
  /// Every bibliographic reader on the same bytes: decoding, format detection, each
  /// reader, the alias table parser, then name resolution and the coauthor
  /// network over everything that was read.
  ///
  /// Invariants: every diagnostic and every record points at a line that exists in the
  /// input (1 ... line count + 1) and at column ≥ 1; names are never empty; a network node
  /// exists for every resolved person.
  ///
  /// - Complexity: the sum of the readers' costs on the input, plus name resolution.
  public static func readers(_ bytes: [UInt8]) -> [String] {
    var failures: [String] = []
    let file = "fuzz-input"
    let decoded = SourceReader.decode(bytes, file: file)
    let text = decoded.text
    _ = TextDecoding.decode(Data(bytes), file: file)
    _ = FormatDetector.detect(text, fileName: "fuzz.bib")
    // Lines as the most generous reader counts them: LF, CR, CRLF, NEL, VT, FF, U+2028/9.
    let lineCount = text.reduce(1) { $0 + ($1.isNewline ? 1 : 0) }
    var documents: [SourceDocument] = []
    for reader in allReaders {
      let format = type(of: reader).format
      let start = ContinuousClock.now
      _ = type(of: reader).confidence(for: text)
      let document = reader.parse(text, file: file)
      if timing {
        FileHandle.standardError.write(
          Data("\(format.rawValue): \(ContinuousClock.now - start)\n".utf8))
      }
      for diagnostic in document.diagnostics {
        check(diagnostic.location, "\(format.rawValue) diagnostic", lineCount, &failures)
      }
      for publication in document.publications {
        check(publication.location, "\(format.rawValue) record", lineCount, &failures)
        if publication.authors.contains(where: \.isEmpty) {
          failures.append("\(format.rawValue): an empty author name at \(publication.location)")
        }
      }
      documents.append(document)
    }
    var start = ContinuousClock.now
    let aliases = AliasTable.parse(text, file: file)
    for diagnostic in aliases.diagnostics {
      check(diagnostic.location, "alias diagnostic", lineCount, &failures)
    }
    if timing {
      FileHandle.standardError.write(Data("aliases: \(ContinuousClock.now - start)\n".utf8))
    }
    start = ContinuousClock.now
    let corpus = Corpus.assemble(documents, aliases: aliases)
    if timing {
      FileHandle.standardError.write(Data("assemble: \(ContinuousClock.now - start)\n".utf8))
    }
    let network = CoauthorNetwork.build(
      from: corpus.coauthorInput, weighting: .fractional, maxAuthors: 25)
    if network.graph.nodeCount != corpus.people.count {
      failures.append(
        "network has \(network.graph.nodeCount) nodes for \(corpus.people.count) people")
    }
    return failures
  }

  /// Every reader, registered with ``FormatDetector`` or not (BibTeX, RIS, CSL-JSON, CSV,
  /// WoS, Scopus and OpenAlex are not registered yet, and must not crash either).
  static let allReaders: [any RecordReader] = [
    CVTextReader(owner: nil), HomepageReader(owner: nil), BibTeXReader(), RISReader(),
    CSLJSONReader(), CSVReader(), WoSReader(), ScopusCSVReader(), OpenAlexReader(),
  ]

  /// `FUZZ_TIMING=1` prints each stage's time to stderr (to find a slow reader).
  static let timing = ProcessInfo.processInfo.environment["FUZZ_TIMING"] != nil

  static func check(
    _ location: InputLocation, _ what: String, _ lineCount: Int, _ failures: inout [String]
  ) {
    if location.line < 1 || location.line > lineCount + 1 || location.column < 1 {
      failures.append("\(what) at \(location) outside the input's \(lineCount) lines")
    }
  }
}
