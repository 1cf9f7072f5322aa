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
}
