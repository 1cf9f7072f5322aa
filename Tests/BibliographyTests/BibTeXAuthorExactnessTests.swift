import Foundation
import Testing

@testable import Bibliography

/// Author lists of the real .bib files of `../shared/datasets/bibtex`, against names
/// transcribed by hand from the raw BibTeX text (`Fixtures/bibtex/authors.tsv`, rules and
/// source in `Fixtures/bibtex/README.md`): the share read exactly right, names and order.
@Suite("BibTeX author lists against hand transcription")
struct BibTeXAuthorExactnessTests {
  struct Row {
    var file: String
    var line: Int
    var authors: [String]
    var others: Bool
  }

  static func rows() throws -> [Row] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/bibtex/authors.tsv")
    return try ReaderDatasets.transcribedRows(url).map { fields in
      Row(
        file: fields[0], line: Int(fields[1]) ?? 0,
        authors: fields[2].components(separatedBy: " | "), others: fields[3] == "yes")
    }
  }

  @Test("hand-transcribed author lists read exactly (names, order, 'and others')")
  func exactness() throws {
    let rows = try Self.rows()
    #expect(rows.count >= 35)
    var documents: [String: SourceDocument] = [:]
    var exact = 0
    for row in rows {
      if documents[row.file] == nil {
        documents[row.file] = try SourceReader.read(contentsOf: ReaderDatasets.url("bibtex/" + row.file).path)
      }
      guard let found = documents[row.file]?.publications.first(where: { $0.location.line == row.line }) else {
        Issue.record("\(row.file):\(row.line): no record")
        continue
      }
      let nfc = found.authors.map(\.precomposedStringWithCanonicalMapping)
      if nfc == row.authors.map(\.precomposedStringWithCanonicalMapping) && found.authorsTruncated == row.others {
        exact += 1
      } else {
        print("  BIBTEX-AUTHORS \(row.file):\(row.line): \(found.authors) truncated \(found.authorsTruncated)")
      }
    }
    print("BIBTEX-AUTHORS exact \(exact)/\(rows.count)")
    // The issue's bar for held-out BibTeX: 99.5 % of author lists exactly right.
    #expect(exact * 1000 >= rows.count * 995, "\(exact) of \(rows.count) exact")
  }
}
