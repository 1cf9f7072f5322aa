import Testing

@testable import Bibliography

@Suite("Run-together initials in family-first short forms")
struct RunTogetherInitialsTests {
  @Test(
    "'XN' after the family name is X. N.; a capitalised given name stays a name",
    arguments: [
      // Family-first short forms (WoS AU, Vancouver): initials.
      ("Lang, XN", ["X.", "N."], "Lang"), ("LANG XN", ["X.", "N."], "LANG"),
      ("Lang XN", ["X.", "N."], "Lang"), ("LANG, XN", ["X.", "N."], "LANG"),
      ("Smith, JA", ["J.", "A."], "Smith"), ("Lee, JDK", ["J.", "D.", "K."], "Lee"),
      ("LEE JD", ["J.", "D."], "LEE"), ("LEI Q", ["Q."], "LEI"),
      // Names in capitals, in "First Last" order or after a comma: names.
      ("BO LI", ["BO"], "LI"), ("LI BO", ["LI"], "BO"), ("Bo Li", ["Bo"], "Li"),
      ("LI, BO", ["BO"], "LI"), ("Li, Bo", ["Bo"], "Li"), ("Bo LIU", ["Bo"], "LIU"),
      ("XIAONA LANG", ["XIAONA"], "LANG"), ("Lang, Xiaona", ["Xiaona"], "Lang"),
    ])
  func parse(raw: String, given: [String], family: String) {
    let name = NameNormalizer.parse(raw)
    #expect(name.given == given, "\(raw)")
    #expect(name.family == family, "\(raw)")
  }

  @Test("exported 'Family, Given' keeps run-together initials as initials in reading order")
  func readingOrder() {
    #expect(ExportedNames.readingOrder("Lang, XN") == "X. N. Lang")
    #expect(ExportedNames.readingOrder("LANG, XN") == "X. N. LANG")
    #expect(ExportedNames.readingOrder("Li, Bo") == "Bo Li")
    #expect(ExportedNames.readingOrder("LI, BO") == "BO LI")
    #expect(NameNormalizer.parse(ExportedNames.readingOrder("LI, BO")).family == "LI")
  }

  @Test("a WoS record without AF reads 'Lang, XN' as X. N. Lang")
  func wosWithoutFullNames() throws {
    let text = """
      FN Clarivate Analytics Web of Science
      VR 1.0
      PT J
      AU Lang, XN
         Li, B
      TI A title
      PY 2024
      ER
      """
    let p = try #require(WoSReader().parse(text, file: "w.txt").publications.first)
    #expect(p.authors == ["X. N. Lang", "B Li"])  // one letter is an initial already
  }

  /// "Lang, XN" must resolve exactly as "X. N. Lang" does, whatever the corpus.
  @Test(
    "'Lang, XN' resolves like 'X. N. Lang'",
    arguments: [
      [["Xiao Na Lang", "Ann Bee"], ["Ann Bee"]],
      [["Xiaona Lang", "Ann Bee"], ["Ann Bee"]],
      [["Xiao Na Lang"], ["Xiao Ning Lang"]],
      [["X. Lang"], ["Ann Bee"]],
    ])
  func resolvesLikeDottedInitials(corpus: [[String]]) {
    let resolver = PersonResolver()
    let short = resolver.resolve(corpus + [["Lang, XN"]])
    let dotted = resolver.resolve(corpus + [["X. N. Lang"]])
    #expect(short.people.count == dotted.people.count)
    #expect(short.merges.map(\.reason) == dotted.merges.map(\.reason))
    #expect(short.ambiguities.map(\.candidates) == dotted.ambiguities.map(\.candidates))
    let names = corpus.flatMap { $0 }
    #expect(
      names.map { short.lookup($0) == short.lookup("Lang, XN") }
        == names.map { dotted.lookup($0) == dotted.lookup("X. N. Lang") })
  }

  @Test("unambiguous: 'Lang, XN' and 'LANG XN' join 'Xiao Na Lang' by the initials rule")
  func joinsSpelledOutGivenNames() throws {
    let resolution = PersonResolver().resolve([["Xiao Na Lang"], ["Lang, XN"], ["LANG XN"]])
    #expect(resolution.people.count == 1)
    #expect(resolution.merges.contains { $0.variant == "Lang, XN" && $0.reason == .initials })
  }

  @Test("'Xiaona Lang' spells one given name: two initials do not fit it (as 'J. D. Lee' and 'Jason Lee')")
  func oneGivenNameTwoInitials() {
    let resolution = PersonResolver().resolve([["Xiaona Lang"], ["Lang, XN"]])
    #expect(resolution.people.count == 2)
    #expect(NameNormalizer.matchKey("Lang, XN") == NameNormalizer.matchKey("X. N. Lang"))
    // One initial does fit.
    #expect(PersonResolver().resolve([["Xiaona Lang"], ["Lang, X"]]).people.count == 1)
  }

  @Test("ambiguous: two people fit X. N., so 'Lang, XN' is reported, not merged")
  func ambiguous() throws {
    let resolution = PersonResolver().resolve([
      ["Xiao Na Lang"], ["Xiao Ning Lang"], ["Lang, XN"],
    ])
    #expect(resolution.people.count == 3)
    let ambiguity = try #require(resolution.ambiguities.first)
    #expect(ambiguity.name == "Lang, XN")
    #expect(Set(ambiguity.candidates) == ["Xiao Na Lang", "Xiao Ning Lang"])
  }

  @Test("capitalised names in 'First Last' order are not read as initials")
  func capitalisedNames() {
    let resolution = PersonResolver().resolve([["Bo Li", "Ann Bee"], ["BO LI"], ["Li Bo"]])
    // "BO LI" is Bo Li by spelling; "Li Bo" (given Li) is someone else.
    #expect(resolution.lookup("BO LI") == resolution.lookup("Bo Li"))
    #expect(resolution.lookup("Li Bo") != resolution.lookup("Bo Li"))
    #expect(resolution.people.count == 3)
  }
}
