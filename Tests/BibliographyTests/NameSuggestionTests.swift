import Testing

@testable import Bibliography

@Suite("Fuzzy name suggestions and the review file")
struct NameSuggestionTests {
  @Test(
    "Jaro–Winkler matches the published examples",
    arguments: [("MARTHA", "MARHTA", 0.9611), ("DWAYNE", "DUANE", 0.84), ("DIXON", "DICKSONX", 0.8133)])
  func jaroWinkler(a: String, b: String, expected: Double) {
    // Winkler (1990) / Wikipedia's worked examples, to 4 decimals.
    #expect(abs(NameSuggester.jaroWinkler(a, b) - expected) < 5e-5)
  }

  @Test("identical and disjoint strings")
  func extremes() {
    #expect(NameSuggester.jaroWinkler("abc", "abc") == 1)
    #expect(NameSuggester.jaroWinkler("abc", "xyz") == 0)
    #expect(NameSuggester.jaroWinkler("", "") == 1)
  }

  @Test("similar names are suggested, coauthors of one paper never are")
  func veto() {
    let people = ["Sebastien Bubeck", "Sébastian Bubeck", "Yin Tat Lee", "Yin-Tat Lee", "Ann Other"]
    let papers = [[0, 4], [1], [2, 3]]  // 2 and 3 wrote a paper together: different people
    let suggestions = NameSuggester.suggest(people: people, papers: papers)
    #expect(suggestions.map(\.merge) == ["Sébastian Bubeck"])
    #expect(suggestions.first?.keep == "Sebastien Bubeck")
  }

  @Test("decided pairs are not suggested again; accepted ones are listed")
  func review() {
    let text = """
      # comment
      accept\tSebastien Bubeck\tSébastian Bubeck\t0.95\tx
      reject\tYin Tat Lee\tYin Tat Li
      maybe\tbad line
      """
    let review = NameReview.parse(text, file: "name-review.tsv")
    #expect(review.accepted.map(\.merge) == ["Sébastian Bubeck"])
    #expect(review.diagnostics.map(\.location.line) == [4])
    let again = NameSuggester.suggest(
      people: ["Sebastien Bubeck", "Sébastian Bubeck", "Yin Tat Lee", "Yin Tat Li"], papers: [],
      decided: review.decided)
    #expect(again.isEmpty)
    let written = review.text(adding: [])
    #expect(written.contains("accept\tSebastien Bubeck\tSébastian Bubeck"))
  }

  @Test("one block of 20,000 names on one paper: the sorted neighbourhood keeps it linear, the veto holds")
  func hyperauthoredOneBlock() {
    // Every family name starts "Au": one block. All pairs were 2·10⁸ Jaro–Winkler
    // comparisons (minutes; `coauthor run` on 100,000 authors timed out).
    let n = 20_000
    let people = (0..<n).map { "Given\($0) Author\(String(format: "%06d", $0))" }
    let started = ContinuousClock.now
    let suggestions = NameSuggester.suggest(people: people, papers: [Array(0..<n)])
    let took = ContinuousClock.now - started
    #expect(suggestions.isEmpty)
    #expect(took < .seconds(60), "\(took)")
  }

  @Test("in a block larger than the window, near-duplicates beside each other in sorted order are still found")
  func largeBlockStillSuggests() {
    // 300 different Smiths (one block, above the window of 100), each on a paper of
    // their own, and two spellings of one person among them.
    var people = (0..<300).map { "Person\($0) Smith" }
    people += ["Jonathan Smithson", "Jonathon Smithson"]
    let papers = people.indices.map { [$0] }
    let suggestions = NameSuggester.suggest(people: people, papers: papers, threshold: 0.97)
    #expect(suggestions.contains { Set([$0.keep, $0.merge]) == ["Jonathan Smithson", "Jonathon Smithson"] })
    #expect(NameSuggester.maxBlockComparisons == 100)
  }
}
