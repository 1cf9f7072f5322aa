import Testing

@testable import Bibliography

@Suite("Stop words")
struct StopWordsTests {
  // Sizes counted with sed/sort/uniq over the string literals of StopWords.swift before
  // the lists became resource files (commit 871f860): word lines, then distinct words.
  // A missing or truncated file changes them.
  static let expected:
    [(list: StopWords.List, lines: Int, distinct: Int, first: String, last: String)] = [
      (.english, 279, 279, "a", "third"),
      (.academic, 499, 493, "paper", "al"),
      // 24 added with the theme ranking (2026-12-02), 2 with the abbreviation merge
      // (2026-12-03); counted with `grep -v '^#' | grep -c .` and `sort -u | wc -l`.
      (.generic, 176, 174, "time", "correlation"),
    ]

  @Test("each bundled list is found and has every word, first to last")
  func bundledLists() throws {
    for (list, lines, distinct, first, last) in Self.expected {
      let words = try StopWords.words(of: list)
      #expect(words.count == lines, "\(list.fileName)")
      #expect(Set(words).count == distinct, "\(list.fileName)")
      #expect(words.first == first, "\(list.fileName)")
      #expect(words.last == last, "\(list.fileName)")
      #expect(words.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") }, "\(list.fileName)")
    }
  }

  @Test("the public sets are the loaded lists")
  func sets() {
    #expect(StopWords.english.count == 279)
    #expect(StopWords.academic.count == 493)
    #expect(StopWords.generic.count == 174)
    // 9 words are in both stop lists ("according", "almost", …, "whereas").
    #expect(StopWords.all.count == 763)
    #expect(StopWords.all == StopWords.english.union(StopWords.academic))
    for word in ["the", "of", "whereas", "million"] { #expect(StopWords.english.contains(word)) }
    for word in ["paper", "propose", "novel", "et"] { #expect(StopWords.academic.contains(word)) }
    for word in ["time", "analysis", "bound"] { #expect(StopWords.generic.contains(word)) }
    #expect(!StopWords.all.contains("graph"))
    #expect(!StopWords.generic.contains("the"))
  }

  @Test("list text: one word a line, comments and blank lines skipped, spaces trimmed")
  func parsing() {
    let text = "# a comment\n\nalpha\n  beta  \r\n#gamma\ndelta\n\nalpha\n"
    #expect(StopWords.words(in: text) == ["alpha", "beta", "delta", "alpha"])
  }
}
