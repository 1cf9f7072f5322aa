import Testing

@testable import Bibliography

@Suite("Term tokenizer")
struct TermTokenizerTests {
  func keys(_ text: String) -> [[String]] {
    TermTokenizer.segments(of: text).map { $0.map(\.key) }
  }

  func surfaces(_ text: String) -> [String] {
    TermTokenizer.segments(of: text).flatMap { $0.map(\.surface) }
  }

  @Test("inline and display math are dropped and break phrases")
  func mathDropped() {
    let text =
      #"We minimize \(f(x) = \sum_i \mathbf{x}_i^2\) over the simplex $\Delta_n$ and \[\tilde{O}(\varepsilon^{-2})\] steps, or $$\frac{a}{b}$$ rounds."#
    #expect(
      keys(text) == [
        ["we", "minimize"], ["over", "the", "simplex"], ["and"], ["steps"], ["or"], ["rounds"],
      ])
  }

  @Test("formatting commands keep their text; referencing commands are dropped")
  func commands() {
    #expect(
      surfaces(#"measured by \emph{optimality criteria} and \textbf{bold} words \cite{BSS14} here"#)
        == ["measured", "by", "optimality", "criteria", "and", "bold", "words", "here"])
  }

  @Test("URLs, DOIs, e-mail addresses, numbers and citation keys are dropped")
  func noise() {
    let text =
      "See https://example.org/paper.pdf and doi 10.1080/0022250X.2001.9990249 or mail a.b@c.edu: 175B parameters, 10,000 times, 3.25 rounds [BSS14] sparsifiers."
    #expect(
      surfaces(text) == [
        "See", "and", "doi", "or", "mail", "parameters", "times", "rounds", "sparsifiers",
      ])
  }

  @Test("technical tokens survive with their spelling; keys fold case and hyphens")
  func technicalTokens() {
    let tokens = TermTokenizer.segments(
      of: "SGD, k-SVD, Q-learning, PCA, ResNet and GPT2 in Ré-sumé"
    )
    .flatMap { $0 }
    #expect(
      tokens.map(\.surface) == [
        "SGD", "k-SVD", "Q-learning", "PCA", "ResNet", "and", "GPT2", "in", "Ré-sumé",
      ])
    #expect(
      tokens.map(\.key) == [
        "sgd", "ksvd", "qlearning", "pca", "resnet", "and", "gpt2", "in", "resume",
      ])
  }

  @Test("edge hyphens and possessives are trimmed; contractions are boundaries")
  func edges() {
    #expect(keys("two- and three-layer networks") == [["two", "and", "threelayer", "networks"]])
    #expect(
      keys("the player's performance doesn't change") == [
        ["the", "player", "performance"], ["change"],
      ])
  }

  @Test("a capital after a lower-case word marks a name; title case does not")
  func properNames() {
    let running = TermTokenizer.segments(of: "the classical FrankWolfe algorithm").flatMap { $0 }
    #expect(running.map(\.capitalizedAfterLowercase) == [false, false, true, false])
    let title = TermTokenizer.segments(of: "Learning the Representation via Deep Networks").flatMap
    { $0 }
    #expect(title.allSatisfy { !$0.capitalizedAfterLowercase })
  }
}
