import Foundation
import Testing

@testable import Bibliography

@Suite("Name normalizer")
struct NameNormalizerTests {
  @Test(
    "markup, marks and stray punctuation are removed",
    arguments: [
      ("**Qi Lei**", "Qi Lei"),
      ("**Qi Lei***", "Qi Lei"),
      ("Jason Lee*", "Jason Lee"),
      ("Roberts BRT\\*", "Roberts BRT"),
      ("<b>Ming*</b> Li", "Ming Li"),
      ("deBettencourt MT$^\\S$", "deBettencourt MT"),
      ("and W. Sun", "W. Sun"),
      ("  Sébastien   Bubeck ,", "Sébastien Bubeck"),
      ("Jiacheng Zhuo.", "Jiacheng Zhuo"),
      ("Lee D.", "Lee D."),  // the period of an initial stays
      ("James AR Jr.", "James AR Jr."),
      ("Alice Smith†", "Alice Smith"),
      ("- Q. Lei", "Q. Lei"),
      ("\\textbf{Qi Lei}", "Qi Lei"),
      ("{Braced} Name", "Braced Name"),
    ])
  func clean(raw: String, expected: String) {
    #expect(NameNormalizer.clean(raw) == expected)
  }

  @Test("decomposed accents are composed (NFC)")
  func nfc() {
    let decomposed = "Se\u{301}bastien Bubeck"
    #expect(NameNormalizer.clean(decomposed) == "Sébastien Bubeck")
    #expect(
      NameNormalizer.clean(decomposed).unicodeScalars.count
        == "Sébastien Bubeck".unicodeScalars.count)
  }

  @Test("parse: given names, family name, particles, suffixes, reversed forms")
  func parse() {
    #expect(
      NameNormalizer.parse("Jason D. Lee") == PersonName(given: ["Jason", "D."], family: "Lee"))
    #expect(
      NameNormalizer.parse("Benjamin Van Roy") == PersonName(given: ["Benjamin"], family: "Van Roy")
    )
    #expect(
      NameNormalizer.parse("Ludwig van Beethoven")
        == PersonName(given: ["Ludwig"], family: "van Beethoven"))
    #expect(
      NameNormalizer.parse("Lee, Jason D.") == PersonName(given: ["Jason", "D."], family: "Lee"))
    #expect(
      NameNormalizer.parse("A.V. Matveev") == PersonName(given: ["A.", "V."], family: "Matveev"))
    #expect(
      NameNormalizer.parse("deBettencourt MT")
        == PersonName(given: ["M.", "T."], family: "deBettencourt"))
    #expect(NameNormalizer.parse("Caffo B.") == PersonName(given: ["B."], family: "Caffo"))
    #expect(
      NameNormalizer.parse("Martin Luther King Jr.")
        == PersonName(given: ["Martin", "Luther"], family: "King", suffix: "Jr."))
    #expect(
      NameNormalizer.parse("Yin Tat Lee") == PersonName(given: ["Yin", "Tat"], family: "Lee"))
    #expect(NameNormalizer.parse("Zeyuan Allen-Zhu").family == "Allen-Zhu")
    #expect(NameNormalizer.parse("Plato") == PersonName(given: [], family: "Plato"))
    // "Di" and "Le" are given names as often as particles: only lower case counts.
    #expect(NameNormalizer.parse("Wei Di Chen").family == "Chen")
  }

  @Test(
    "initials",
    arguments: [
      ("D.", true), ("D", true), ("H.-J.", true), ("A.V.", true), ("H-J", true),
      ("Jason", false), ("AB", false), ("d.", false), ("", false),
    ])
  func initial(token: String, expected: Bool) {
    #expect(NameNormalizer.isInitial(token) == expected)
  }

  @Test(
    "match keys ignore case, punctuation and diacritics",
    arguments: [
      ("Sébastien Bubeck", "Sebastien Bubeck"),
      ("Peter Richtárik", "peter richtarik"),
      ("Jason D. Lee", "Jason D Lee"),
      ("Jason D. Lee", "jason d. lee"),
      ("Hsiang-fu Yu", "Hsiang-Fu Yu"),
      ("Chao-yuan Wu", "Chaoyuan Wu"),
      ("Lee, Jason D.", "Jason D. Lee"),
      ("Søren Ørsted", "Soren Orsted"),
    ])
  func sameKey(a: String, b: String) {
    #expect(NameNormalizer.matchKey(a) == NameNormalizer.matchKey(b))
  }

  @Test(
    "match keys keep different people apart",
    arguments: [
      ("Jason D. Lee", "Jason K. Lee"),
      ("Jason D. Lee", "Jason Lee"),
      ("Wei Hu", "Wei Chen"),
      ("Yin Tat Lee", "Yin Lee"),
    ])
  func differentKey(a: String, b: String) {
    #expect(NameNormalizer.matchKey(a) != NameNormalizer.matchKey(b))
  }

  @Test("display keeps diacritics")
  func display() {
    #expect(NameNormalizer.clean("**Sébastien Bubeck**") == "Sébastien Bubeck")
    #expect(NameNormalizer.parse("Peter Richtárik").family == "Richtárik")
  }
}
