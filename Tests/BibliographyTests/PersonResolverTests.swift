import Foundation
import Testing

@testable import Bibliography

@Suite("Person resolver")
struct PersonResolverTests {
  let resolver = PersonResolver()

  func samePerson(_ resolution: NameResolution, _ names: String...) -> Bool {
    Set(names.map { resolution.person(for: $0) }).count == 1
  }

  @Test("'Jason D. Lee', 'Jason D Lee', 'Jason Lee' and 'Jason Lee*' are one person")
  func jasonLee() {
    let resolution = resolver.resolve([
      ["Qi Lei", "Jason D. Lee"], ["Qi Lei", "Jason D Lee"], ["Kurtland Chua", "Jason Lee"],
      ["Jason Lee*", "Qi Lei*"], ["Jason D. Lee", "Wei Hu"],
    ])
    #expect(samePerson(resolution, "Jason D. Lee", "Jason D Lee", "Jason Lee", "Jason Lee*"))
    let person = resolution.people[resolution.person(for: "Jason Lee")]
    #expect(person.displayName == "Jason D. Lee")  // most complete, then most frequent
    #expect(person.variants == ["Jason D. Lee", "Jason D Lee", "Jason Lee"])
    #expect(person.occurrences == 5)
    #expect(
      resolution.people.map(\.displayName) == ["Qi Lei", "Jason D. Lee", "Kurtland Chua", "Wei Hu"])
    #expect(
      resolution.merges.filter { $0.canonical == "Jason D. Lee" }.sorted { $0.variant < $1.variant }
        == [
          NameMerge(canonical: "Jason D. Lee", variant: "Jason D Lee", reason: .spelling),
          NameMerge(canonical: "Jason D. Lee", variant: "Jason Lee", reason: .fewerGivenNames),
        ])
    #expect(resolution.ambiguities.isEmpty)
  }

  @Test("'Inderjit S. Dhillon' = 'Inderjit Dhillon'")
  func dhillon() {
    let resolution = resolver.resolve([["Inderjit S. Dhillon", "Qi Lei"], ["Inderjit Dhillon"]])
    #expect(samePerson(resolution, "Inderjit S. Dhillon", "Inderjit Dhillon"))
    #expect(
      resolution.people[resolution.person(for: "Inderjit Dhillon")].displayName
        == "Inderjit S. Dhillon")
    #expect(
      resolution.merges == [
        NameMerge(
          canonical: "Inderjit S. Dhillon", variant: "Inderjit Dhillon", reason: .fewerGivenNames)
      ])
  }

  @Test(
    "different middle initials stay apart, and a bare name that fits both is reported, not merged")
  func differentMiddleInitials() {
    let resolution = resolver.resolve([["Jason D. Lee"], ["Jason K. Lee"], ["Jason Lee"]])
    #expect(resolution.people.count == 3)
    #expect(resolution.person(for: "Jason D. Lee") != resolution.person(for: "Jason K. Lee"))
    #expect(resolution.person(for: "Jason Lee") != resolution.person(for: "Jason D. Lee"))
    #expect(resolution.person(for: "Jason Lee") != resolution.person(for: "Jason K. Lee"))
    #expect(resolution.merges.isEmpty)
    #expect(
      resolution.ambiguities == [
        NameAmbiguity(name: "Jason Lee", candidates: ["Jason D. Lee", "Jason K. Lee"])
      ])
  }

  @Test("two names on the same paper are never merged")
  func samePaper() {
    let resolution = resolver.resolve([
      ["Jason D. Lee", "Jason Lee"], ["Wei Wang", "Wei  Wang."], ["Ann Smith", "Ann B. Smith"],
      ["Ann Smith"],
    ])
    #expect(resolution.person(for: "Jason D. Lee") != resolution.person(for: "Jason Lee"))
    #expect(resolution.person(for: "Ann Smith") != resolution.person(for: "Ann B. Smith"))
    // Spelled identically once cleaned: the same string is the same name.
    #expect(resolution.person(for: "Wei Wang") == resolution.person(for: "Wei  Wang."))
    #expect(resolution.merges.isEmpty)
  }

  @Test("spellings that differ in punctuation on one paper stay apart too")
  func samePaperSpelling() {
    let resolution = resolver.resolve([["Jason D. Lee", "Jason D Lee"]])
    #expect(resolution.people.count == 2)
  }

  @Test("the alias table merges what the rules would not")
  func aliasMerges() {
    let aliases = AliasTable([.init(canonical: "Enxu Yen", aliases: ["Ian En-Hsu Yen"])])
    let resolution = PersonResolver(aliases: aliases).resolve([
      ["Lingfei Wu", "Ian En-Hsu Yen"], ["Qi Lei", "Enxu Yen"],
    ])
    #expect(samePerson(resolution, "Enxu Yen", "Ian En-Hsu Yen"))
    #expect(resolution.people[resolution.person(for: "Ian En-Hsu Yen")].displayName == "Enxu Yen")
    #expect(
      resolution.merges == [
        NameMerge(canonical: "Enxu Yen", variant: "Ian En-Hsu Yen", reason: .aliasTable)
      ])
  }

  @Test("the alias table wins over the same-paper rule and over ambiguity")
  func aliasOverridesRules() {
    let aliases = AliasTable([.init(canonical: "Jason D. Lee", aliases: ["Jason Lee"])])
    let resolution = PersonResolver(aliases: aliases).resolve([
      ["Jason D. Lee", "Jason Lee"], ["Jason K. Lee"],
    ])
    #expect(samePerson(resolution, "Jason D. Lee", "Jason Lee"))
    #expect(resolution.person(for: "Jason K. Lee") != resolution.person(for: "Jason Lee"))
    #expect(resolution.ambiguities.isEmpty)
  }

  @Test("the alias table keeps apart what the rules would merge")
  func aliasKeepsApart() {
    let aliases = AliasTable([
      .init(canonical: "Wei Hu", aliases: ["Wei Hu (Princeton)"]),
      .init(canonical: "Wei X. Hu", aliases: ["W. X. Hu"]),
    ])
    // Without the table "Wei Hu" would join "Wei X. Hu" (the only fuller form).
    #expect(
      samePerson(PersonResolver().resolve([["Wei Hu"], ["Wei X. Hu"]]), "Wei Hu", "Wei X. Hu"))
    let resolution = PersonResolver(aliases: aliases).resolve([["Wei Hu"], ["Wei X. Hu"]])
    #expect(resolution.person(for: "Wei Hu") != resolution.person(for: "Wei X. Hu"))
  }

  @Test("initials resolve to the only person they fit")
  func initials() {
    let resolution = resolver.resolve([
      ["Qi Lei", "Jinfeng Yi"], ["Q. Lei", "J. Yi", "R. Vaculin"], ["Roman Vaculin"],
      ["Alexandros G. Dimakis"], ["A. G. Dimakis"], ["A. Dimakis"],
    ])
    #expect(samePerson(resolution, "Q. Lei", "Qi Lei"))
    #expect(samePerson(resolution, "J. Yi", "Jinfeng Yi"))
    #expect(samePerson(resolution, "R. Vaculin", "Roman Vaculin"))
    #expect(samePerson(resolution, "A. G. Dimakis", "A. Dimakis", "Alexandros G. Dimakis"))
    #expect(
      resolution.merges.contains(
        NameMerge(canonical: "Qi Lei", variant: "Q. Lei", reason: .initials)))
    #expect(
      resolution.merges.contains(
        NameMerge(canonical: "Alexandros G. Dimakis", variant: "A. G. Dimakis", reason: .initials)))
  }

  @Test("initials that fit two people are reported, not merged")
  func ambiguousInitials() {
    let resolution = resolver.resolve([["Qi Lei"], ["Qiang Lei"], ["Q. Lei"]])
    #expect(resolution.people.count == 3)
    #expect(
      resolution.ambiguities == [
        NameAmbiguity(name: "Q. Lei", candidates: ["Qi Lei", "Qiang Lei"])
      ])
  }

  @Test("different first names and different family names never merge")
  func differentPeople() {
    let resolution = resolver.resolve([
      ["Wei Hu"], ["Edward J. Hu"], ["Wei Chen"], ["E. Hu"], ["Wei"],
    ])
    #expect(resolution.person(for: "Wei Hu") != resolution.person(for: "Edward J. Hu"))
    #expect(resolution.person(for: "Wei Hu") != resolution.person(for: "Wei Chen"))
    #expect(resolution.person(for: "E. Hu") == resolution.person(for: "Edward J. Hu"))
    // A one-word name is never guessed.
    #expect(resolution.person(for: "Wei") != resolution.person(for: "Wei Hu"))
  }

  @Test("diacritics are kept for display and ignored for matching")
  func diacritics() {
    let resolution = resolver.resolve([
      ["Sebastien Bubeck"], ["Sébastien Bubeck"], ["Peter Richtarik"], ["Peter Richtárik"],
    ])
    #expect(resolution.people.count == 2)
    #expect(resolution.people.map(\.displayName) == ["Sébastien Bubeck", "Peter Richtárik"])
    #expect(resolution.merges.map(\.reason) == [.spelling, .spelling])
  }

  @Test("among equally complete spellings the most frequent is displayed")
  func mostFrequent() {
    let resolution = resolver.resolve([["Jason D. Lee"], ["Jason D Lee"], ["Jason D Lee"]])
    #expect(resolution.people.map(\.displayName) == ["Jason D Lee"])
    #expect(
      resolution.merges == [
        NameMerge(canonical: "Jason D Lee", variant: "Jason D. Lee", reason: .spelling)
      ])
  }

  @Test("every variant that differs from its display name is listed as a merge, once")
  func mergesComplete() {
    let resolution = resolver.resolve([
      ["Jason D. Lee"], ["Jason Lee"], ["J. Lee"], ["Jason D Lee"], ["Qi Lei"], ["Q. Lei"],
    ])
    let listed = resolution.merges.map(\.variant).sorted()
    let expected = resolution.people.flatMap { person in
      person.variants.filter { $0 != person.displayName }
    }.sorted()
    #expect(listed == expected)
    #expect(listed == ["J. Lee", "Jason D Lee", "Jason Lee", "Q. Lei"])
  }

  @Test("unknown names: lookup is nil")
  func unknown() {
    #expect(resolver.resolve([["Qi Lei"]]).lookup("Nobody") == nil)
  }

  @Test("both seeds with Data/aliases.tsv: shared people join, patents' initials resolve")
  func seeds() throws {
    let cv = CVTextReader().parse(try TestData.text("Data/qi-lei-cv.txt"), file: "cv")
    let homepage = HomepageReader(owner: "Zeyuan Allen-Zhu")
      .parse(try TestData.text("Data/allen-zhu-homepage.txt"), file: "homepage")
    let aliases = try AliasTable.read(contentsOf: TestData.path("Data/aliases.tsv"))
    let documents =
      cv.publications.map(\.authors) + homepage.collaborators.map { ["Zeyuan Allen-Zhu", $0.name] }
    let resolution = PersonResolver(aliases: aliases).resolve(documents)
    #expect(samePerson(resolution, "Q. Lei", "Qi Lei"))
    #expect(samePerson(resolution, "W. Sun", "Wei Sun"))
    #expect(samePerson(resolution, "Jason D. Lee", "Jason D Lee", "Jason Lee"))
    #expect(samePerson(resolution, "Inderjit S. Dhillon", "Inderjit Dhillon"))
    #expect(samePerson(resolution, "Enxu Yen", "Ian En-Hsu Yen"))
    #expect(
      resolution.people[resolution.person(for: "Contantinos Daskalakis")].displayName
        == "Constantinos Daskalakis")
    #expect(
      resolution.people[resolution.person(for: "David SimchiLevi")].displayName
        == "David Simchi-Levi")
    // Wei Hu and Yining Wang are on both seeds: one person each.
    let weiHu = resolution.people[resolution.person(for: "Wei Hu")]
    #expect(weiHu.occurrences == 3)  // CV entries 19 and 22, homepage line
    // CV entries 2, 5 and 13, and the homepage line.
    #expect(resolution.people[resolution.person(for: "Yining Wang")].occurrences == 4)
    #expect(resolution.people[resolution.person(for: "M. Pietro")].variants == ["M. Pietro"])
    #expect(resolution.ambiguities.isEmpty)
  }

  @Test("properties on a generated corpus: coauthors stay apart, every spelling has one person")
  func generatedCorpus() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // SplitMix64, fixed seed
    func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    let given = ["Jason", "Jane", "Qi", "Wei", "Ann", "Yin"]
    let middle = ["", "D. ", "K. ", "Tat "]
    let family = ["Lee", "Lei", "Hu", "Smith"]
    var documents: [[String]] = []
    for _ in 0..<300 {
      var names: [String] = []
      for _ in 0..<(2 + next(3)) {
        let first = given[next(given.count)]
        let written = next(3) == 0 ? "\(first.prefix(1))." : first
        names.append("\(written) \(middle[next(middle.count)])\(family[next(family.count)])")
      }
      documents.append(names)
    }
    let resolution = resolver.resolve(documents)
    // Different spellings on one paper are different people.
    for names in documents {
      let spellings = Set(names.map(NameNormalizer.clean))
      let people = Set(spellings.map { resolution.person(for: $0) })
      #expect(people.count == spellings.count, "\(names)")
    }
    // Ids are dense, and every spelling belongs to exactly one person.
    #expect(resolution.people.map(\.id) == Array(resolution.people.indices))
    let variants = resolution.people.flatMap(\.variants)
    #expect(variants.count == Set(variants).count)
    #expect(Set(variants) == Set(documents.joined().map(NameNormalizer.clean)))
    // Every merge joins names of the same family, and is listed once per variant.
    for merge in resolution.merges {
      #expect(
        NameNormalizer.parse(merge.variant).familyKey
          == NameNormalizer.parse(merge.canonical).familyKey)
    }
    #expect(resolution.merges.count == variants.count - resolution.people.count)
  }
}
