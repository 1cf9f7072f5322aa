import Foundation
import Testing

@testable import Bibliography

/// TOML (`+++`) front matter: real Hugo folders (Fixtures/frontmatter, sources and the
/// hand transcription in its SOURCES.md and ENTRIES.tsv) and the TOML syntax itself.
@Suite("TOML front matter")
struct TOMLFrontMatterTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/frontmatter")

  struct Entry {
    var page: String
    var authors: [String]
    var title: String
    var year: Int?
  }

  /// The transcribed rows of one folder, in the folder's sorted page order.
  static func entries(_ folder: String) throws -> [Entry] {
    let text = try String(contentsOf: directory.appendingPathComponent("ENTRIES.tsv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().compactMap { line in
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard cells.count == 5, cells[0] == folder else { return nil }
      return Entry(
        page: cells[1], authors: cells[2].components(separatedBy: " | "), title: cells[3], year: Int(cells[4]))
    }
  }

  @Test("academic theme folder (nanhung.me, 17 flat pages): every entry as transcribed")
  func flatPages() throws {
    let folder = Self.directory.appendingPathComponent("nanhung--nanhung.me").path
    let truth = try Self.entries("nanhung--nanhung.me")
    #expect(truth.count == 17)
    let pages = try #require(FrontMatterReader.pages(inFolder: folder))
    #expect(pages.map { ($0 as NSString).lastPathComponent } == truth.map(\.page))  // _index.md left out
    let document = FrontMatterReader.read(folder: folder)
    #expect(document.format == .frontMatter)
    #expect(document.publications.count == 17)
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    for (publication, entry) in zip(document.publications, truth) {
      #expect(PublicationListDatasetTests.sameAuthors(publication.authors, entry.authors), "\(entry.page): \(publication.authors)")
      #expect(publication.title == entry.title, "\(entry.page)")
      #expect(publication.year == entry.year, "\(entry.page)")
      #expect(publication.location.file.hasSuffix(entry.page))
    }
    #expect(document.publications.flatMap(\.authors).filter(PublicationListDatasetTests.isJunk).isEmpty)
    // publication_types "2" journal, "1" conference; the venue without Markdown emphasis.
    #expect(document.publications[0].kind == .journal)
    #expect(document.publications[0].venue == "Risk Analysis")
    #expect(document.publications[7].kind == .conference)  // 2017-SRA.md
    #expect(document.publications[7].venue == "SRA Annual Meeting")
    // The owner is the name in bold on most pages.
    #expect(document.owner.map { PublicationListDatasetTests.sameName($0, "Hsieh NH") } == true)
  }

  @Test("wowchemy page bundles (copenlu): cite.bib used when it is this paper's, else the page's names and a warning")
  func pageBundles() throws {
    let folder = Self.directory.appendingPathComponent("copenlu--academic-kickstart").path
    let truth = try Self.entries("copenlu--academic-kickstart")
    #expect(truth.count == 7)
    let document = FrontMatterReader.read(folder: folder)
    #expect(document.publications.count == 7)
    for (publication, entry) in zip(document.publications, truth) {
      #expect(publication.authors == entry.authors, "\(entry.page)")
      #expect(publication.title == entry.title, "\(entry.page)")
      #expect(publication.year == entry.year, "\(entry.page)")
    }
    // The cite.bib of the CoNLL paper gives the DOI its page leaves empty.
    #expect(document.publications[1].doi == "10.18653/v1/K17-1021")
    #expect(document.publications[0].doi == nil)  // the copied bib's DOI is not taken either
    let copied = document.diagnostics.filter { $0.message.contains("cite.bib is for another paper") }
    #expect(copied.map { ($0.location.file as NSString).pathComponents.suffix(2).joined(separator: "/") }
      == ["2017_ACL_Augenstein/cite.bib", "2019_CL_Bjerva/cite.bib"])
    #expect(copied.allSatisfy { $0.severity == .warning && $0.location.line == 1 })
    // 2022_EAMT_Barreiro: the bib's comma-joined list is one name; the page's 15 are kept.
    #expect(document.diagnostics.contains { $0.location.file.hasSuffix("2022_EAMT_Barreiro/cite.bib") && $0.message.contains("names 1 author(s) where the page names 15") })
    #expect(document.publications.flatMap(\.authors).filter(PublicationListDatasetTests.isJunk).isEmpty)
    #expect(document.publications[0].kind == .conference)
    #expect(document.publications[3].kind == .journal)
    #expect(document.publications[0].venue == "Proceedings of 55th Annual Meeting of the Association for Computational Linguistics (ACL 2017)")
  }

  @Test("a single TOML page is detected as front matter, not Markdown or YAML")
  func detection() throws {
    let url = Self.directory.appendingPathComponent("nanhung--nanhung.me/2019-SOT.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(FrontMatterReader.confidence(for: text) == 0.85)
    #expect(YAMLReader.confidence(for: text) == 0)
    #expect(FormatDetector.detect(text, fileName: "2019-SOT.md") == .frontMatter)
    let document = try SourceReader.read(contentsOf: url.path)
    #expect(document.format == .frontMatter)
    #expect(document.publications.map(\.title) == ["pksensi: an R package to apply sensitivity analysis in pharmacokinetic modeling"])
    // A list page (`_index.md`: a title and no publication key) is not a publication.
    let index = try String(contentsOf: Self.directory.appendingPathComponent("copenlu--academic-kickstart/_index.md"), encoding: .utf8)
    #expect(FrontMatterReader.confidence(for: index) < 0.85)
  }

  /// Written for this test: the TOML a hand-edited page may hold.
  static let syntax = """
    +++
    # A comment line; keys in any order.
    title = 'A "literal" title'  # a comment after a value
    authors = [
      "Jos\\u00e9 D\\u00edaz",
      'Ann Lee',   # literal string in an array
      "Zo\\u00eb O\\u2019Neil",
    ]
    date = 2019-06-01
    publishDate = 2019-06-20T10:00:00Z
    publication = \"\"\"
    *Journal* of \\
      Things\"\"\"
    publication_types = ["2"]
    doi = "10.1000/xyz.123"
    featured = true
    weight = 3

    [image]
    caption = "not a field of the page"
    +++
    Body text.
    """

  @Test("TOML syntax: literal and basic strings, escapes, multi-line arrays and strings, dates, comments, tables")
  func syntaxFeatures() throws {
    let document = FrontMatterReader().parse(Self.syntax, file: "page.md")
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    let publication = try #require(document.publications.first)
    #expect(publication.title == #"A "literal" title"#)
    #expect(publication.authors == ["José Díaz", "Ann Lee", "Zoë O’Neil"])
    #expect(publication.year == 2019)
    #expect(publication.venue == "Journal of Things")  // line-ending backslash joins the lines
    #expect(publication.kind == .journal)  // "2" stays the string "2"
    #expect(publication.doi == "10.1000/xyz.123")
    // The keys of a `[table]` are not the page's own.
    #expect(TOMLFrontMatter.topLevelKeys(String(Self.syntax.split(separator: "+++")[0])).contains("caption") == false)
  }

  @Test("TOML dates: local date, local and offset date-time, quoted; the year of each")
  func dates() {
    for (value, year) in [
      ("2017-07-01T00:00:00", 2017), ("2016-08-01T17:44:35+01:00", 2016), ("1999-12-31", 1999),
      ("\"2010-04-08\"", 2010), ("2021-03-01 08:00:00Z", 2021),
    ] {
      let page = "+++\ntitle = \"T\"\nauthors = [\"A B\"]\ndate = \(value)\n+++\n"
      let document = FrontMatterReader().parse(page, file: "p.md")
      #expect(document.publications.first?.year == year, "\(value)")
      #expect(document.diagnostics.isEmpty, "\(value): \(document.diagnostics)")
    }
  }

  @Test("bad TOML: an error at the file's line, no record; an unclosed block is not read")
  func badInput() {
    let unterminated = "+++\ntitle = \"Fine\"\nauthors = [\"A B\", \"C D]\ndate = 2019-01-01\n+++\n"
    let document = FrontMatterReader().parse(unterminated, file: "bad.md")
    #expect(document.publications.isEmpty)
    let error = document.diagnostics.first
    #expect(error?.severity == .error)
    #expect(error?.location.file == "bad.md")
    #expect(error?.location.line == 3)  // the line of the unterminated string in the file
    #expect(error?.message.hasPrefix("front matter is not valid TOML") == true)

    let duplicate = "+++\ntitle = \"One\"\nauthors = [\"A B\"]\ntitle = \"Two\"\n+++\n"
    let second = FrontMatterReader().parse(duplicate, file: "dup.md")
    #expect(second.publications.isEmpty)
    #expect(second.diagnostics.first?.location.line == 4)

    let unclosed = FrontMatterReader().parse("+++\ntitle = \"T\"\nauthors = [\"A B\"]\n", file: "open.md")
    #expect(unclosed.publications.isEmpty)
    #expect(unclosed.diagnostics.first?.location.line == 1)
  }

  @Test("Hugo admin named in a TOML content/authors/admin/_index.md")
  func tomlAdmin() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let page = root.appendingPathComponent("content/publication/p-2019")
    try FileManager.default.createDirectory(at: page, withIntermediateDirectories: true)
    try "+++\ntitle = \"Paper\"\nauthors = [\"admin\", \"Ulrich Mayr\"]\ndate = 2019-01-01\npublication_types = [\"2\"]\n+++\n"
      .write(to: page.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
    let admin = root.appendingPathComponent("content/authors/admin")
    try FileManager.default.createDirectory(at: admin, withIntermediateDirectories: true)
    try "+++\nname = \"Atsushi Kikumoto\"\nrole = \"Postdoc\"\n+++\n"
      .write(to: admin.appendingPathComponent("_index.md"), atomically: true, encoding: .utf8)
    let document = FrontMatterReader.read(folder: root.path)
    #expect(document.owner == "Atsushi Kikumoto")
    #expect(document.publications.first?.authors == ["Atsushi Kikumoto", "Ulrich Mayr"])
  }
}
