import Foundation
import Testing

@testable import Bibliography

@Suite("Front-matter publication pages")
struct FrontMatterReaderTests {
  static let academicpages = """
    ---
    title: "The complete mitochondrial genome of the White-Nose Syndrome pathogen"
    collection: publications
    date: 2017-01-01
    venue: 'Mitochondrial DNA Part B'
    citation: 'Forsythe, A., &amp; Xu, J. (2017). The complete mitochondrial genome of the White-Nose Syndrome pathogen. Mitochondrial DNA Part B, 2(1), 48–49.'
    ---
    Body text.
    """

  @Test("academicpages: authors from the citation string")
  func academicpagesPage() {
    #expect(FrontMatterReader.confidence(for: Self.academicpages) >= 0.85)
    #expect(YAMLReader.confidence(for: Self.academicpages) == 0)
    let document = FrontMatterReader().parse(Self.academicpages, file: "2017-01-01-mito.md")
    let publication = document.publications[0]
    #expect(publication.authors == ["A. Forsythe", "J. Xu"])
    #expect(publication.year == 2017)
    #expect(publication.venue == "Mitochondrial DNA Part B")
  }

  @Test("citation styles: AMS with 'and', Vancouver, et al.")
  func citations() {
    #expect(PublicationNames.authors(ofCitation: "Gerber, E. P. and E. Manzini, 2016: The Dynamics and Variability Model, <i>GMD</i>", title: "The Dynamics and Variability Model").names == ["E. P. Gerber", "E. Manzini"])
    #expect(PublicationNames.authors(ofCitation: "Forsythe A, Vanderwolf KJ, Xu J. Landscape Genetic Connectivity. Journal of Fungi. 2021", title: "Landscape genetic connectivity").names == ["A. Forsythe", "K. J. Vanderwolf", "J. Xu"])
    let cut = PublicationNames.authors(ofCitation: "Holt LA, Lott F, Garcia RR, et al., 2020: An evaluation of tropical waves", title: "An evaluation of tropical waves")
    #expect(cut.names == ["L. A. Holt", "F. Lott", "R. R. Garcia"])
    #expect(cut.truncated)
    #expect(PublicationNames.authors(ofCitation: "TBD", title: "X").names.isEmpty)
  }

  @Test("a folder of Hugo page bundles is one source; cite.bib preferred; admin is the owner")
  func hugoFolder() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let publication = root.appendingPathComponent("content/publication")
    for (slug, authors) in [("b-2020", #"["admin", "Ulrich Mayr"]"#), ("a-2019", #"["Jane Roe", "admin"]"#)] {
      let folder = publication.appendingPathComponent(slug)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try "---\ntitle: \"Paper \(slug)\"\nauthors: \(authors)\ndate: \"\(slug.suffix(4))-01-01\"\npublication_types: [\"2\"]\npublication: \"*J*\"\n---\n"
        .write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
    }
    try "@article{x, title={Paper b}, author={Kikumoto, Atsushi and Mayr, Ulrich and Third, Person}, year={2020}}"
      .write(to: publication.appendingPathComponent("b-2020/cite.bib"), atomically: true, encoding: .utf8)
    let admin = root.appendingPathComponent("content/authors/admin")
    try FileManager.default.createDirectory(at: admin, withIntermediateDirectories: true)
    try "---\ntitle: Atsushi Kikumoto\n---\n".write(to: admin.appendingPathComponent("_index.md"), atomically: true, encoding: .utf8)

    #expect(FrontMatterReader.pages(inFolder: root.path)?.count == 2)
    let document = FrontMatterReader.read(folder: publication.path)
    #expect(document.format == .frontMatter)
    #expect(document.owner == "Atsushi Kikumoto")
    #expect(document.publications.map(\.title) == ["Paper a-2019", "Paper b-2020"])
    #expect(document.publications[0].authors == ["Jane Roe", "Atsushi Kikumoto"])
    #expect(document.publications[1].authors == ["Atsushi Kikumoto", "Ulrich Mayr", "Person Third"])
    #expect(document.publications[1].kind == .journal)
    #expect(document.publications[0].year == 2019)
  }

  @Test("a folder of plain notes is not a front-matter folder")
  func notAFolder() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    try "# Notes\n".write(to: root.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    try "x,y\n".write(to: root.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    #expect(FrontMatterReader.pages(inFolder: root.path) == nil)
  }
}
