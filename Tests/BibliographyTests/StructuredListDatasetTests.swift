import Foundation
import Testing

@testable import Bibliography

/// The structured lists of `../shared/datasets/lists/` (YAML, front-matter folders,
/// CSV/TSV, ORCID, DBLP) against their TRUTH.tsv counts and ENTRIES.tsv entries.
@Suite("Structured publication lists on the real dataset files")
struct StructuredListDatasetTests {
  struct Expected: Sendable, CustomTestStringConvertible {
    var name: String
    var format: InputFormat
    var testDescription: String { name }
  }

  static let files: [Expected] = [
    .init(name: "AlexSchuckert--alexschuckert.github.io.yml", format: .yaml),
    .init(name: "fakufaku--fakufaku.github.io.yml", format: .yaml),
    .init(name: "AdrianForsythe--AdrianForsythe.github.io/", format: .frontMatter),
    .init(name: "DynVarMIP--DynVarMIP.github.io/", format: .frontMatter),
    .init(name: "AKikumoto--academic-kickstart/", format: .frontMatter),
    .init(name: "AstroJames--astrojames.github.io/", format: .frontMatter),
    .init(name: "aurielfournier--CV.csv", format: .csv),
    .init(name: "kingjr--kingjr.github.io.csv", format: .csv),
    .init(name: "ElcoK--Koks.tsv", format: .csv),
    .init(name: "daguiam--daguiam.github.io.json", format: .orcid),
    .init(name: "Shuaiwen-Leon-Song--Shuaiwen-Leon-Song.github.io.xml", format: .dblpXML),
  ]

  static var listsRoot: URL { ReaderDatasets.root.appendingPathComponent("lists") }

  static func tsv(_ name: String) throws -> [[String]] {
    try ReaderDatasets.transcribedRows(listsRoot.appendingPathComponent(name))
  }

  /// Reads a list as the tool does: a folder as one front-matter source, a file detected.
  static func read(_ name: String) throws -> SourceDocument {
    let url = listsRoot.appendingPathComponent(name)
    if name.hasSuffix("/") { return FrontMatterReader.read(folder: url.path) }
    return try SourceReader.read(contentsOf: url.path)
  }

  /// Names compared as people write them: "Forsythe, A." is "A. Forsythe".
  static func key(_ name: String) -> String {
    NameNormalizer.matchKey(ExportedNames.readingOrder(name))
  }

  static func titleKey(_ title: String) -> String {
    String(title.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  struct Score {
    var count = 0, truth = 0, entries = 0, authorsRight = 0, titlesRight = 0, yearsRight = 0
    var owner: String?
    var misses: [String] = []
  }

  static func score(_ file: Expected) throws -> (InputFormat, Score) {
    let truth = try tsv("TRUTH.tsv").first { $0[0] == file.name }
    let document = try read(file.name)
    var score = Score()
    score.count = document.publications.count
    score.truth = truth.flatMap { Int($0[7]) } ?? -1
    score.owner = document.owner
    for row in try tsv("ENTRIES.tsv") where row[0] == file.name {
      score.entries += 1
      guard let index = Int(row[1]), index >= 1, index <= document.publications.count else {
        score.misses.append("entry \(row[1]) missing")
        continue
      }
      let publication = document.publications[index - 1]
      let expectedAuthors = row[2].isEmpty ? [] : row[2].components(separatedBy: " | ")
      if expectedAuthors.map(key) == publication.authors.map(key) {
        score.authorsRight += 1
      } else {
        score.misses.append("\(index) authors: \(publication.authors) ≠ \(expectedAuthors)")
      }
      if titleKey(row[3]) == titleKey(publication.title) {
        score.titlesRight += 1
      } else {
        score.misses.append("\(index) title: '\(publication.title)' ≠ '\(row[3])'")
      }
      if Int(row[4]) == publication.year {
        score.yearsRight += 1
      } else {
        score.misses.append("\(index) year: \(publication.year.map(String.init) ?? "nil") ≠ '\(row[4])'")
      }
    }
    return (document.format, score)
  }

  @Test("every structured list: detected format, record count, hand-checked entries", arguments: files)
  func datasetFile(_ file: Expected) throws {
    let (format, score) = try Self.score(file)
    print(
      "| \(file.name) | \(format.rawValue) | \(score.count)/\(score.truth) | authors \(score.authorsRight)/\(score.entries) | titles \(score.titlesRight)/\(score.entries) | years \(score.yearsRight)/\(score.entries) | owner \(score.owner ?? "-") |"
    )
    for miss in score.misses { print("    \(file.name): \(miss)") }
    #expect(format == file.format)
    #expect(score.count == score.truth)
    #expect(score.entries == 4)
    #expect(score.authorsRight == score.entries, "\(score.misses)")
    #expect(score.titlesRight == score.entries, "\(score.misses)")
    #expect(score.yearsRight == score.entries, "\(score.misses)")
  }

  @Test("the owner of each personal list is found")
  func owners() throws {
    let expected: [String: String] = [
      "AlexSchuckert--alexschuckert.github.io.yml": "Alexander Schuckert",
      "AKikumoto--academic-kickstart/": "Atsushi Kikumoto",
      "Shuaiwen-Leon-Song--Shuaiwen-Leon-Song.github.io.xml": "Shuaiwen Leon Song",
      "daguiam--daguiam.github.io.json": "Diogo E. Aguiam",
      "kingjr--kingjr.github.io.csv": "Jean-Rémi King",
      "fakufaku--fakufaku.github.io.yml": "Robin Scheibler",
      "AstroJames--astrojames.github.io/": "admin",
      "aurielfournier--CV.csv": "AMV Fournier",
    ]
    for (name, owner) in expected.sorted(by: { $0.key < $1.key }) {
      let document = try Self.read(name)
      let found = document.owner ?? OwnerDetection.detect(document.publications)?.name
      #expect(found.map(NameNormalizer.matchKey) == NameNormalizer.matchKey(owner), "\(name): \(found ?? "nil")")
    }
  }
}

/// Publication CSV/TSV exports (Google Scholar, hand-made, academicpages'
/// publications.tsv) and their encodings.
@Suite("Publication CSV exports")
struct PublicationCSVTests {
  @Test("comma lists as people and Scholar write them")
  func commaLists() {
    #expect(CSVReader.authorNames("Koptyra M, Ijaz H, Gaonkar K").names == ["M. Koptyra", "H. Ijaz", "K. Gaonkar"])
    #expect(CSVReader.authorNames("Koptyra M,Ijaz H,Gaonkar K").names == ["M. Koptyra", "H. Ijaz", "K. Gaonkar"])
    let scholar = CSVReader.authorNames("AMV Fournier, AR Sullivan, JK Bump, ...")
    #expect(scholar.names == ["AMV Fournier", "AR Sullivan", "JK Bump"])
    #expect(scholar.truncated)
    #expect(CSVReader.authorNames("King, Jean-Rémi; Sitt, JD; ").names == ["Jean-Rémi King", "J. D. Sitt"])
    #expect(CSVReader.authorNames("Smith, J., Doe, K.").names == ["J. Smith", "K. Doe"])
  }

  @Test("a citation column gives the authors when there is no author column")
  func citationColumn() {
    let text = "pub_date\ttitle\tvenue\tcitation\n1/1/2017\tHousehold migration\tJ\t\"Husby, T. G., & Koks, E. E. (2017). Household migration. J.\"\n"
    #expect(CSVReader.confidence(for: text) >= 0.75)
    let document = CSVReader().parse(text, file: "publications.tsv")
    #expect(document.publications.first?.authors == ["T. G. Husby", "E. E. Koks"])
    #expect(document.publications.first?.year == 2017)
  }

  @Test("Mac Roman told apart from Windows-1252 by plausible punctuation and letters")
  func macRoman() throws {
    // "Don’t “stop” café" in Mac Roman bytes, read first as Windows-1252.
    let macBytes: [UInt8] = Array("title,author\n".utf8) + [0x44, 0x6F, 0x6E, 0xD5, 0x74, 0x20, 0xD2, 0x73, 0x74, 0x6F, 0x70, 0xD3, 0x20, 0x63, 0x61, 0x66, 0x8E] + Array(",Ren".utf8) + [0x8E] + Array(" Roe\n".utf8)
    let asWindows = TextDecoding.decode(Data(macBytes)).text
    let document = CSVReader().parse(asWindows, file: "mac.csv")
    #expect(document.publications.first?.title == "Don’t “stop” café")
    #expect(document.publications.first?.authors == ["René Roe"])
    // Real Windows-1252 stays as it was.
    let windowsBytes: [UInt8] = Array("title,author\n".utf8) + [0x93, 0x51, 0x94, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xE9] + Array(",Ren".utf8) + [0xE9] + Array(" Roe\n".utf8)
    let windows = CSVReader().parse(TextDecoding.decode(Data(windowsBytes)).text, file: "win.csv")
    #expect(windows.publications.first?.title == "“Q” – café")
    #expect(windows.publications.first?.authors == ["René Roe"])
  }
}
