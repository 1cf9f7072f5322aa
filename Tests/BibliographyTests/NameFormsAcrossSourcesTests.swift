import Foundation
import Testing

@testable import Bibliography

/// "LAST F" forms from Web of Science and Scopus against full names from BibTeX, read
/// by the real readers and resolved together.
@Suite("Family-first initials across sources")
struct NameFormsAcrossSourcesTests {
  static let bibtex = """
    @inproceedings{lei2020,
      author = {Qi Lei and Zeyuan Allen-Zhu and Jason D. Lee},
      title = {One}, booktitle = {ICML}, year = 2020}
    """
  /// WoS with AU only ("Lei, Q"), the tab-delimited export, and cited-reference style
  /// all-caps names in a generic CSV ("LEI Q; ALLEN-ZHU Z").
  static let wos = """
    FN Clarivate Analytics Web of Science
    VR 1.0
    PT J
    AU Lei, Q
       Allen-Zhu, Z
    TI Two
    PY 2021
    ER
    EF
    """
  static let csv = """
    Authors,Title,Year
    "LEI Q; ALLEN-ZHU Z; LEE JD",Three,2022
    """
  static let scopus = """
    "Authors","Title","Year","Source title","EID"
    "Lei Q.; Allen-Zhu Z.; Lee J.D.","Four","2023","J","e1"
    """

  func papers(extraBibTeX: String = "") -> [Publication] {
    var papers: [Publication] = []
    papers += BibTeXReader().parse(Self.bibtex + "\n" + extraBibTeX, file: "a.bib").publications
    papers += WoSReader().parse(Self.wos, file: "w.txt").publications
    papers += CSVReader().parse(Self.csv, file: "c.csv").publications
    papers += ScopusCSVReader().parse(Self.scopus, file: "s.csv").publications
    return papers
  }

  @Test("the readers hand over the forms this test is about")
  func forms() {
    let authors = papers().map(\.authors)
    #expect(authors[1] == ["Q Lei", "Z Allen-Zhu"])
    #expect(authors[2] == ["LEI Q", "ALLEN-ZHU Z", "LEE JD"])
    #expect(authors[3] == ["Lei Q.", "Allen-Zhu Z.", "Lee J.D."])
  }

  @Test(
    "family-first initials parse as initials + family",
    arguments: [
      ("LEI Q", ["Q."], "LEI"), ("ALLEN-ZHU Z", ["Z."], "ALLEN-ZHU"), ("Lei Q.", ["Q."], "Lei"),
      ("LEE JD", ["J.", "D."], "LEE"), ("Lee J.D.", ["J.", "D."], "Lee"),
      ("Q Lei", ["Q"], "Lei"), ("Lei, Q.", ["Q."], "Lei"), ("Van Roy B.", ["B."], "Van Roy"),
      ("Allen-Zhu Z. A.", ["Z.", "A."], "Allen-Zhu"),
    ])
  func parse(raw: String, given: [String], family: String) {
    let name = NameNormalizer.parse(raw)
    #expect(name.given == given)
    #expect(name.family == family)
  }

  @Test("unambiguous in the corpus: every form is the BibTeX person")
  func unambiguous() throws {
    let corpus = papers()
    let resolution = PersonResolver().resolve(corpus.map(\.authors))
    for (full, forms) in [
      ("Qi Lei", ["Q Lei", "LEI Q", "Lei Q."]),
      ("Zeyuan Allen-Zhu", ["Z Allen-Zhu", "ALLEN-ZHU Z", "Allen-Zhu Z."]),
      ("Jason D. Lee", ["LEE JD", "Lee J.D."]),
    ] {
      let id = try #require(resolution.lookup(full))
      #expect(resolution.people[id].displayName == full)
      for form in forms { #expect(resolution.lookup(form) == id, "\(form) → \(full)") }
    }
    #expect(resolution.people.count == 3)
    #expect(resolution.ambiguities.isEmpty)
    #expect(
      resolution.merges.contains(
        NameMerge(canonical: "Qi Lei", variant: "LEI Q", reason: .initials)))
  }

  @Test(
    "ambiguous in the corpus: with a second 'Q* Lei' the short forms stay apart and are reported")
  func ambiguous() throws {
    let corpus = papers(
      extraBibTeX: "@article{other, author = {Qiang Lei and Wei Hu}, title = {Five}, year = 2019}")
    let resolution = PersonResolver().resolve(corpus.map(\.authors))
    let qi = try #require(resolution.lookup("Qi Lei"))
    let qiang = try #require(resolution.lookup("Qiang Lei"))
    #expect(qi != qiang)
    for form in ["Q Lei", "LEI Q", "Lei Q."] {
      let id = try #require(resolution.lookup(form))
      #expect(id != qi && id != qiang, "\(form)")
    }
    let reported = Set(resolution.ambiguities.map(\.name))
    #expect(!reported.isDisjoint(with: ["Q Lei", "LEI Q", "Lei Q."]))
    for ambiguity in resolution.ambiguities where ambiguity.name.contains("Lei") {
      #expect(Set(ambiguity.candidates) == ["Qi Lei", "Qiang Lei"])
    }
    // Allen-Zhu is still unambiguous.
    #expect(resolution.lookup("ALLEN-ZHU Z") == resolution.lookup("Zeyuan Allen-Zhu"))
  }
}
