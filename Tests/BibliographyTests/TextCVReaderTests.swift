import Foundation
import Testing

@testable import Bibliography

/// The text CV reader on shapes beyond the seed CV: numbering styles, hanging indents,
/// flowed text without markers, labels over two lines, running heads.
@Suite("Text CV reader, general shapes")
struct TextCVReaderTests {
  static func read(_ text: String) -> SourceDocument {
    CVTextReader().parse(text, file: "cv.txt")
  }

  @Test("'[1]', '1.', bullets; hanging indents continue an entry")
  func numbering() {
    let document = Self.read(
      """
      Publications

      [1] Alice Smith and Bob Jones. A First Title About Things. Journal of
          Things, 2020.
      [2] Bob Jones. A Second Title. Proceedings of Stuff, 2019.
      3. Carol White, Alice Smith. A Third Title Here. Journal of Stuff, 2018.
      • Alice Smith. A Fourth Title Here. Journal of Other Stuff, 2017.
      """)
    #expect(document.publications.count == 4, "\(document.diagnostics)")
    #expect(document.publications[0].venue == "Journal of Things")
    #expect(document.publications.map(\.year) == [2020, 2019, 2018, 2017])
  }

  @Test("numbers aligned on the period (' 9.' then '10.') each open an entry; words hyphenated across lines are joined")
  func alignedNumbers() {
    let document = Self.read(
      """
      PUBLICATIONS
       11. Alice Smith and Bob Jones, “Milk compo-
           sition responses to heat”. Letters (2026).
       10. Bob Jones, “A Second Title Here”. Science (2025).
        9. Alice Smith, “A Third Title Here”. Nature (2024).
      """)
    #expect(document.publications.count == 3, "\(document.diagnostics)")
    #expect(document.publications[0].title == "Milk composition responses to heat")
  }

  @Test("flowed text: no markers, no blank lines, labels over two lines, running heads ignored")
  func flowed() {
    let document = Self.read(
      """
      Larry D. Pyeatt
      Curriculum Vitae 1
      Journal
      Articles
      Larry D. Pyeatt and Adele E. Howe. Evaluating robustness in a two layer simulated robot
      architecture. Journal of Experimental Artificial Intelligence, 1999. In
      Review.
      Adele E. Howe, Gabriel Somlo, and Larry Pyeatt. Characterizing structure in discrete
      event sequences. Journal of Artificial Intelligence Research, 1998.

      Larry D. Pyeatt
      Curriculum Vitae 2
      Conference
      Papers
      Larry D. Pyeatt and Adele E. Howe. A parallel algorithm for POMDP solution. In
      Proceedings of the Fifth European Conference on Planning, 1999.
      Larry D. Pyeatt
      Curriculum Vitae 3
      Professional
      Presentations
      Larry D. Pyeatt and Adele E. Howe. A talk that is not counted. Somewhere, 1999.
      """)
    #expect(document.publications.count == 3, "\(document.publications.map(\.title))")
    #expect(document.publications[0].title == "Evaluating robustness in a two layer simulated robot architecture")
    #expect(document.publications[0].authors == ["Larry D. Pyeatt", "Adele E. Howe"])
    #expect(document.publications[0].year == 1999)
    #expect(document.publications[1].authors == ["Adele E. Howe", "Gabriel Somlo", "Larry Pyeatt"])
    #expect(document.publications[0].kind == .journal)
  }

  @Test("'et. al.', '…' and '. . .' mark a truncated list and are no names")
  func elisions() {
    let document = Self.read(
      """
      Publications

      1. Y. Yang, . . . , A. Ortiz-Bobea, et al., “Climate change and agriculture”. Science (2024).
      2. Hengrui Zhu, Justin L. Ripley, Frans Pretorius, et. al. Nonlinear effects in ringdown. Phys. Rev. D (2024).
      """)
    #expect(document.publications.count == 2, "\(document.diagnostics)")
    #expect(document.publications[0].authors == ["Y. Yang", "A. Ortiz-Bobea"])
    #expect(document.publications[0].authorsTruncated)
    #expect(document.publications[1].authors == ["Hengrui Zhu", "Justin L. Ripley", "Frans Pretorius"])
    #expect(document.publications[1].authorsTruncated)
  }
}
