import Foundation
import TestSupport
import Testing

@testable import Bibliography

/// Shared datasets beside the package (`<root>/../shared/datasets`).
enum ReaderDatasets {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/datasets")

  static func url(_ relative: String) throws -> URL {
    let url = root.appendingPathComponent(relative)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw MissingDataset(path: url.path)
    }
    return url
  }

  /// The text of a dataset file; `.gz` files are decompressed with `gzip -dc`.
  static func text(_ relative: String) throws -> DecodedText {
    let url = try url(relative)
    if url.pathExtension == "gz" {
      let data = try TestProcess.gzip(Data(contentsOf: url), ["-dc"])
      return TextDecoding.decode(data, file: url.lastPathComponent)
    }
    return TextDecoding.decode(try Data(contentsOf: url), file: url.lastPathComponent)
  }

  /// The rows of a hand-transcribed table (tab-separated, a header line first, `\n` or
  /// `\r\n` line ends): each row's cells, empty cells kept.
  static func transcribedRows(_ url: URL) throws -> [[String]] {
    try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
  }

  struct MissingDataset: Error, CustomStringConvertible {
    var path: String
    var description: String { "dataset missing: \(path) (shared/ must sit beside the clone)" }
  }
}

/// One row of ../shared/datasets/README.md section 2, typed in by hand.
struct BibFileExpectation: Sendable, CustomTestStringConvertible {
  var file: String
  /// "entries (top-level scan)".
  var entries: Int
  /// "bibtexparser 1.1.0 reads": where it equals `entries`, "author names" counts
  /// every name in the file (split on ' and ', so 'others' counts as a name).
  var bibtexparserReads: Int
  var authorNames: Int
  var andOthers: Int
  /// "abstracts": entries with an abstract field.
  var abstracts: Int
  var testDescription: String { file }
}

@Suite("BibTeX on the real dataset files")
struct BibTeXDatasetTests {
  static let files: [BibFileExpectation] = [
    .init(
      file: "4C-multiphysics--website.bib", entries: 316, bibtexparserReads: 316, authorNames: 1360,
      andOthers: 0, abstracts: 0),
    .init(
      file: "BibBase--bibbase.github.io.bib", entries: 735, bibtexparserReads: 735,
      authorNames: 972, andOthers: 4, abstracts: 6),
    .init(
      file: "bartoszzielinski--bartoszzielinski.github.io.bib", entries: 69, bibtexparserReads: 42,
      authorNames: 202, andOthers: 0, abstracts: 0),
    .init(
      file: "lealtaixe--lealtaixe.github.io.bib", entries: 36, bibtexparserReads: 36,
      authorNames: 163, andOthers: 0, abstracts: 0),
    .init(
      file: "ajpelu--ajperez.bib", entries: 45, bibtexparserReads: 45, authorNames: 288,
      andOthers: 0, abstracts: 0),
    .init(
      file: "HeikeKluever--HeikeKluever.github.io.bib", entries: 75, bibtexparserReads: 75,
      authorNames: 231, andOthers: 0, abstracts: 75),
    .init(
      file: "Accio--CV.bib", entries: 39, bibtexparserReads: 39, authorNames: 321, andOthers: 20,
      abstracts: 0),
    .init(
      file: "yuelingyu--yuelingyu.github.io.bib", entries: 11, bibtexparserReads: 11,
      authorNames: 54, andOthers: 0, abstracts: 8),
    .init(
      file: "c-oy--pubs.bib", entries: 4, bibtexparserReads: 4, authorNames: 14, andOthers: 0,
      abstracts: 0),
    .init(
      file: "DIATSIGK--sitegr.bib", entries: 136, bibtexparserReads: 135, authorNames: 135,
      andOthers: 0, abstracts: 56),
    .init(
      file: "bakhshir--ecearth.bib", entries: 30, bibtexparserReads: 29, authorNames: 99,
      andOthers: 0, abstracts: 0),
    .init(
      file: "AlecThomson--alecthomson.github.io.bib", entries: 37, bibtexparserReads: 37,
      authorNames: 740, andOthers: 0, abstracts: 0),
    .init(
      file: "ArtPoon--latex-cv.bib", entries: 125, bibtexparserReads: 125, authorNames: 1283,
      andOthers: 6, abstracts: 4),
    .init(
      file: "alessandropellegrini--personal-website.bib", entries: 183, bibtexparserReads: 183,
      authorNames: 508, andOthers: 0, abstracts: 156),
    .init(
      file: "hujilin1229--ps.bib", entries: 19, bibtexparserReads: 19, authorNames: 93,
      andOthers: 0, abstracts: 0),
    .init(
      file: "MidasDMing--midasdming.github.io.bib", entries: 19, bibtexparserReads: 19,
      authorNames: 72, andOthers: 0, abstracts: 0),
  ]

  @Test("every entry is read, with its authors", arguments: files)
  func readsEveryEntry(_ expected: BibFileExpectation) throws {
    let decoded = try ReaderDatasets.text("bibtex/\(expected.file)")
    let document = BibTeXReader().parse(decoded.text, file: expected.file)
    #expect(document.publications.count == expected.entries)

    // Entries with an author field have authors (or an explicit 'others').
    var parser = BibTeXParser(file: expected.file)
    var entries: [BibTeXEntry] = []
    _ = parser.parse(Array(decoded.text.utf8), isFinal: true) { entries.append($0) }
    #expect(entries.count == expected.entries)
    for (entry, publication) in zip(entries, document.publications) {
      let field = entry["author"] ?? entry["authors"]
      if let field, !field.trimmingCharacters(in: .whitespaces).isEmpty {
        #expect(
          !publication.authors.isEmpty, "\(expected.file):\(entry.location.line) lost its authors")
      }
    }
    let truncated = document.publications.filter(\.authorsTruncated).count
    #expect(truncated == expected.andOthers)
    if expected.bibtexparserReads == expected.entries {
      // The README counts `author` names; an entry with editors and no authors now has its
      // editors as its people (issue 13), so those are not part of the README's count.
      let names = document.publications.reduce(0) {
        let editorsOnly = !$1.editors.isEmpty && $1.authors == $1.editors
        return $0 + (editorsOnly ? 0 : $1.authors.count + ($1.authorsTruncated ? 1 : 0))
      }
      #expect(names == expected.authorNames)
    }
    // The README counts abstract fields, empty ones (`abstract = {}`) included.
    #expect(entries.filter { $0["abstract"] != nil }.count == expected.abstracts)
    for (entry, publication) in zip(entries, document.publications) {
      let hasText = !(entry["abstract"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        .isEmpty
      #expect(hasText == (publication.abstract != nil), "\(expected.file):\(entry.location.line)")
    }
    // Where bibtexparser reads fewer entries, something in the file is irregular:
    // there must be a diagnostic for it.
    if expected.bibtexparserReads < expected.entries {
      #expect(!document.diagnostics.isEmpty)
    }
  }
}

@Suite("BibTeX irregular dataset entries are reported")
struct BibTeXIrregularEntryTests {
  func read(_ file: String) throws -> SourceDocument {
    BibTeXReader().parse(try ReaderDatasets.text("bibtex/\(file)").text, file: file)
  }

  @Test("'%field={}' lines inside entries: one warning per entry that has them")
  func percentLines() throws {
    let document = try read("bartoszzielinski--bartoszzielinski.github.io.bib")
    // README: bibtexparser 1.1.0 loses 69 - 42 = 27 entries on these lines.
    let warned = document.diagnostics.filter { $0.message.contains("'%' line inside the entry") }
    #expect(warned.count == 27)
  }

  @Test("the misspelled 'authors' field and its missing comma are reported")
  func misspelledField() throws {
    let document = try read("bakhshir--ecearth.bib")
    let nemo = document.diagnostics.filter { $0.message.contains("'nemo-report'") }
    #expect(nemo.contains { $0.severity == .error && $0.message.contains("missing comma") })
    #expect(nemo.contains { $0.message.contains("'authors' read as 'author'") })
    let publication = document.publications.first { $0.title.hasPrefix("Towards generic") }
    #expect(publication?.authors == ["A. Porter", "M. Ashworth"])
  }

  @Test("a key with spaces and a duplicated key are reported, both entries kept")
  func keys() throws {
    let document = try read("DIATSIGK--sitegr.bib")
    #expect(document.diagnostics.contains { $0.message.contains("'isbn_978 960 512 617 9'") })
    #expect(document.diagnostics.contains { $0.message.hasPrefix("duplicate key") })
  }
}

@Suite("Content detection across these readers")
struct ReaderDetectionTests {
  static let readers: [any RecordReader.Type] = [
    BibTeXReader.self, RISReader.self, CSLJSONReader.self, CSVReader.self, WoSReader.self,
    ScopusCSVReader.self, OpenAlexReader.self,
  ]

  @Test(
    "each sample's own reader is the most confident",
    arguments: [
      ("bibtex/BibBase--bibbase.github.io.bib", InputFormat.bibtex),
      ("bibtex/c-oy--pubs.bib", .bibtex),
      ("bibtex/bakhshir--ecearth.bib", .bibtex),
      ("corpora/biblium/wos_dataset.txt.gz", .wosTagged),
      ("corpora/biblium/scopus_dataset.csv.gz", .scopusCSV),
      ("cv-text/bcaffo--cv.scopus.csv", .scopusCSV),
      ("corpora/biblium/openalex_dataset.csv.gz", .openAlex),
    ])
  func detects(path: String, format: InputFormat) throws {
    let text = try ReaderDatasets.text(path).text
    let scores = Self.readers.map { ($0.format, $0.confidence(for: text)) }
    let best = try #require(scores.max { $0.1 < $1.1 })
    #expect(best.0 == format, "\(scores)")
    #expect(best.1 >= 0.9)
  }

  @Test("plain CV text is claimed by none of these readers")
  func cvText() throws {
    let text = try ReaderDatasets.text("cv-text/alexei-matveev--cv.txt").text
    for reader in Self.readers {
      #expect(reader.confidence(for: text) < 0.5, "\(reader.format)")
    }
  }
}
