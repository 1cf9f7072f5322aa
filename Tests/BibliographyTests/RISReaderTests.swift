import Foundation
import Testing

@testable import Bibliography

@Suite("RIS")
struct RISReaderTests {
  static let zotero = """
    TY  - JOUR
    TI  - Community structure in social and
      biological networks
    AU  - Girvan, M.
    AU  - Newman, M. E. J.
    T2  - Proceedings of the National Academy of Sciences
    DA  - 2002/06/11/
    PY  - 2002
    DO  - 10.1073/pnas.122653799
    AB  - A number of recent studies...
    KW  - networks
    KW  - communities
    ER  - 

    TY  - CONF
    T1  - A Conference Paper
    A1  - Doe, Jane, Jr.
    Y1  - 2019///
    JO  - Proc. of Something
    ER  - 

    TY  - GEN
    TI  - Preprint
    AU  - Roe, R.
    UR  - https://arxiv.org/abs/2101.00001v3
    """

  @Test("Zotero/EndNote tags, continuation lines, a record missing ER")
  func records() throws {
    #expect(RISReader.confidence(for: Self.zotero) >= 0.9)
    #expect(BibTeXReader.confidence(for: Self.zotero) == 0)
    let document = RISReader().parse(Self.zotero, file: "z.ris")
    try #require(document.publications.count == 3)
    let p = document.publications[0]
    #expect(p.title == "Community structure in social and biological networks")
    #expect(p.authors == ["M. Girvan", "M. E. J. Newman"])
    #expect(p.venue == "Proceedings of the National Academy of Sciences")
    #expect(p.year == 2002)
    #expect(p.doi == "10.1073/pnas.122653799")
    #expect(p.keywords == ["networks", "communities"])
    #expect(p.kind == .journal)
    #expect(p.location.line == 1)
    let q = document.publications[1]
    #expect(q.authors == ["Jane Doe Jr."])
    #expect(q.year == 2019)
    #expect(q.kind == .conference)
    let r = document.publications[2]
    #expect(r.arxivID == "2101.00001")
    #expect(r.kind == .preprint)
    #expect(document.diagnostics.count == 1)
    #expect(document.diagnostics.first?.location.line == 22)
  }

  @Test("Windows line ends and a byte-order mark")
  func crlf() throws {
    let text = "\u{FEFF}" + Self.zotero.replacingOccurrences(of: "\n", with: "\r\n")
    let document = RISReader().parse(text, file: "z.ris")
    #expect(
      document.publications.map(\.title)
        == RISReader().parse(Self.zotero, file: "z").publications.map(\.title))
  }
}
