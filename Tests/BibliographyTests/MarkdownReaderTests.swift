import Foundation
import Testing

@testable import Bibliography

@Suite("Markdown publication list reader")
struct MarkdownReaderTests {
  static func read(_ text: String) -> SourceDocument {
    MarkdownReader().parse(text, file: "pubs.md")
  }

  @Test("'[Title](url) by Authors. *Venue*, Place, Year' under year headings; <br> notes are not entries")
  func linkByAuthors() {
    let document = Self.read(
      """
      # Publications

      ## 2024

      - [Learning Things Quickly](https://x.org/a) by Alice Smith, Bob Jones. *Conference on Things (CoT)*, Paris (France), 2024
      <br>**Code**: [https://github.com/x/y](https://github.com/x/y)
      - [Another Result: Part Two](#) by Carol White, Alice Smith. *Workshop on Results*, Lyon, 2024
      <br>**Best paper award**

      ## 2012

      - [An Old Paper](#) Alice Smith, Dan Brown. *Old Venue*, 2012
      """)
    #expect(document.publications.count == 3, "\(document.diagnostics)")
    let first = document.publications[0]
    #expect(first.title == "Learning Things Quickly")
    #expect(first.authors == ["Alice Smith", "Bob Jones"])
    #expect(first.year == 2024)
    #expect(first.venue?.contains("Code") == false)
    #expect(document.publications[1].authors == ["Carol White", "Alice Smith"])
    #expect(document.publications[2].title == "An Old Paper")
    #expect(document.publications[2].authors == ["Alice Smith", "Dan Brown"])
    #expect(document.owner == "Alice Smith")
  }

  @Test("owner in __bold__, title in _emphasis_, escaped \\* marks, 'Surname Initials' names")
  func emphasisTitle() {
    let document = Self.read(
      """
      #### Journal Publications

      * __Kaiser AD__\\*, Schiavone NK\\*, Marsden AL. _Comparison of Simulations against Flow Data._ Annals of Engineering, 2023. [[doi]](https://doi.org/10.1/x)

      * Choi PS, __Kaiser AD__, Ma MR. _Effect of Graft Sizing: The Goldilocks Ratio._ JTCVS Techniques, 2024.
      """)
    #expect(document.publications.count == 2)
    #expect(document.publications[0].authors == ["Kaiser AD", "Schiavone NK", "Marsden AL"])
    #expect(document.publications[0].title == "Comparison of Simulations against Flow Data")
    #expect(document.publications[0].year == 2023)
    #expect(document.publications[1].title == "Effect of Graft Sizing: The Goldilocks Ratio")
    #expect(document.publications[1].authors == ["Choi PS", "Kaiser AD", "Ma MR"])
  }

  @Test("'Authors (Year) Title. *Journal*' with kramdown attributes; 'et al' truncates, is no name")
  func yearInParentheses() {
    let document = Self.read(
      """
      ## Publications

      0. Backman T, Evans D, Girke T (2017) Large-scale Analysis of the Proteome. *PLoS ONE*: 12, e0171413. [PubMed](http://x.org/1){:target="_blank"}
      0. Deelen J, Beekman M, et al. (2014) A locus conferring survival beyond 90 years. Hum Mol Genet, 23:4420-32.
      [PubMed](http://x.org/2){:target="_blank"}
      """)
    #expect(document.publications.count == 2, "\(document.diagnostics)")
    #expect(document.publications[0].authors == ["Backman T", "Evans D", "Girke T"])
    #expect(document.publications[0].title == "Large-scale Analysis of the Proteome")
    #expect(document.publications[0].year == 2017)
    #expect(document.publications[1].authors == ["Deelen J", "Beekman M"])
    #expect(document.publications[1].authorsTruncated)
  }

  @Test("quoted titles after the authors; an empty author slot and an elision are no names")
  func quotedTitles() {
    let document = Self.read(
      """
      * W. Yang, C. Lee, , **Marvin N. Pohl**, D. M. Neumark "Evaporation of neon from a liquid jet". J. Chem. Phys. (2023) [doi:10.1/x](https://doi.org/10.1/x)

      *\tC. Lee, …, **Marvin N. Pohl** “Molecular beam scattering from a flat jet”. J. Phys. Chem. A (2022) [doi:10.1/y](https://doi.org/10.1/y)
      """)
    #expect(document.publications.count == 2)
    #expect(document.publications[0].authors == ["W. Yang", "C. Lee", "Marvin N. Pohl", "D. M. Neumark"])
    #expect(document.publications[0].title == "Evaporation of neon from a liquid jet")
    #expect(document.publications[1].authors == ["C. Lee", "Marvin N. Pohl"])
    #expect(document.publications[1].authorsTruncated)
  }

  @Test("detected as Markdown by its own marks; a plain text CV is not Markdown")
  func detection() throws {
    let markdown = "# Publications\n\n- Alice Smith, Bob Jones. A Title of Note. Journal of Things, 2020.\n"
      + "- Bob Jones, Alice Smith. Another Title Here. Journal of Stuff, 2019.\n"
      + "- Alice Smith. A Third Title Here. Proceedings of Things, 2018.\n"
    #expect(FormatDetector.detect(markdown, fileName: "pubs.md") == .markdown)
    #expect(FormatDetector.detect(try TestData.text("Data/qi-lei-cv.txt"), fileName: "cv.txt") == .cvText)
    #expect(MarkdownReader.confidence(for: "Alice Smith. A Title. Journal, 2020.") == 0)
  }

  @Test("an entry that fits no shape is a diagnostic with its line, not silently dropped")
  func unreadable() {
    let document = Self.read(
      """
      ## Publications

      - Something that is clearly not an entry at all but long enough (see 2019)
      - Alice Smith, Bob Jones. A Title of Note. Journal of Things, 2020.
      """)
    #expect(document.publications.count == 1)
    #expect(document.diagnostics.contains { $0.location.line == 3 && $0.severity == .error })
  }
}
