import Testing

@testable import Bibliography

@Suite("Term extraction on hand-written sentences")
struct TermExtractorTests {
  func extract(_ texts: [String], _ options: TermExtractionOptions = TermExtractionOptions())
    -> TermExtraction
  {
    TermExtractor(options: options).extract(from: texts.map { TermDocument(text: $0) })
  }

  func term(_ extraction: TermExtraction, _ key: String) -> Term? {
    extraction.index(ofKey: key).map { extraction.terms[$0] }
  }

  @Test("LaTeX math and commands leave no fragment in the terms")
  func latexDropped() {
    let ex = extract([
      #"We bound the regret by \(O(\sqrt{T})\) with \emph{mirror descent} on the simplex."#,
      #"Mirror descent attains $\tilde{O}(\varepsilon^{-2})$ regret over the simplex \cite{Nem83}."#,
      #"The simplex and mirror descent, again: \[ \sum_{i} x_i \le \frac{1}{2} \]."#,
    ])
    let keys = Set(ex.terms.map(\.key))
    #expect(keys.contains("mirror descent"))
    #expect(keys.contains("simplex"))
    for fragment in ["sqrt", "tilde", "varepsilon", "sum", "frac", "nem83", "emph", "cite"] {
      #expect(!ex.terms.contains { $0.key.split(separator: " ").contains(Substring(fragment)) })
    }
  }

  @Test("hyphenated, glued and spaced spellings and plurals are one term")
  func variantsMerged() throws {
    let ex = extract(
      [
        "Non-convex optimization of deep neural networks.",
        "A nonconvex optimization view of the neural network.",
        "Fast non convex optimization for neural networks.",
        "First-order oracles; firstorder oracles; first order oracles.",
      ], TermExtractionOptions(minimumOccurrences: 1))
    let nonconvex = try #require(term(ex, "nonconvex optimization"))
    #expect(nonconvex.occurrences == 3)
    #expect(nonconvex.frequency == 3)
    #expect(
      Set(nonconvex.variants) == [
        "non-convex optimization", "nonconvex optimization", "non convex optimization",
      ])
    let network = try #require(term(ex, "neural network"))
    #expect(network.documents == [0, 1, 2])
    let firstOrder = try #require(term(ex, "firstorder oracle"))
    #expect(firstOrder.frequency == 3)
    #expect(firstOrder.occurrences == 1)
    // No two terms differ only by spaces.
    let glued = ex.terms.map { $0.key.replacingOccurrences(of: " ", with: "") }
    #expect(Set(glued).count == glued.count)
  }

  @Test("stop words and academic boilerplate never appear in a term")
  func stopWordsDropped() {
    let ex = extract(
      [
        "In this paper we propose a novel approach and show new results for graph sparsification.",
        "We present a method that solves the problem of graph sparsification; our work is novel.",
      ], TermExtractionOptions(minimumOccurrences: 1))
    #expect(ex.terms.map(\.key) == ["graph sparsification"])
  }

  @Test("a multi-word term is found from its statistics, not from a list")
  func multiWordTerm() throws {
    let ex = extract([
      "Quantum walrus embeddings converge; stochastic gradient descent is slow.",
      "We train quantum walrus embeddings with stochastic gradient descent.",
      "Stochastic gradient descent on quantum walrus embedding tasks.",
    ])
    let walrus = try #require(term(ex, "quantum walrus embedding"))
    #expect(walrus.occurrences == 3)
    #expect(walrus.wordCount == 3)
    // log2(3) · 3: no longer candidate contains it.
    #expect(abs((walrus.cValue ?? 0) - 3 * 1.584962500721156) < 1e-9)
    #expect(term(ex, "stochastic gradient descent")?.occurrences == 3)
    // Nested only inside the longer term: C-value 0, so not a term.
    #expect(term(ex, "stochastic gradient") == nil)
    #expect(term(ex, "walrus embedding") == nil)
  }

  @Test("technical tokens keep their spelling as labels")
  func technicalLabels() {
    let ex = extract([
      "SGD and k-SVD with PCA, ResNet, GPT2 and Q-learning.",
      "SGD, kSVD, PCA, ResNet, GPT2 and Q-learning again.",
    ])
    let labels = Set(ex.terms.map(\.label))
    for label in ["SGD", "PCA", "ResNet", "GPT2", "Q-learning", "k-SVD"] {
      #expect(labels.contains(label), "\(label) missing from \(labels.sorted())")
    }
  }

  @Test("occurrences count documents, frequency counts mentions, relevance is TF-IDF")
  func counts() throws {
    let ex = extract(
      [
        "Graph sparsification. Graph sparsification again.",
        "Graph sparsification and spectral sparsifiers.",
        "Spectral sparsifiers.",
        "Unrelated matroids.",
      ], TermExtractionOptions(minimumOccurrences: 1))
    let g = try #require(term(ex, "graph sparsification"))
    #expect(g.occurrences == 2)
    #expect(g.frequency == 3)
    // 3 · (ln(5/3) + 1)
    #expect(abs(g.relevance - 3 * (0.5108256237659907 + 1)) < 1e-12)
    #expect(ex.documentTerms.count == 4)
    #expect(ex.documentTerms[3].map { ex.terms[$0].key } == ["matroid"])
  }

  @Test("the occurrence threshold and top-N cut, ranked by occurrences or relevance")
  func thresholdAndTopN() {
    let texts = [
      "Matroid intersection. Matroid intersection. Matroid intersection.",
      "Submodular maximization and matroid intersection.",
      "Submodular maximization.",
      "Submodular maximization and lattices.",
    ]
    let all = extract(texts)
    #expect(all.terms.map(\.key) == ["submodular maximization", "matroid intersection"])
    #expect(all.candidateCount == 3)
    let top = extract(texts, TermExtractionOptions(maximumTermCount: 1, ranking: .relevance))
    // matroid intersection: 4 · (ln(5/3) + 1) = 6.04 > 3 · (ln(5/4) + 1) = 3.67
    #expect(top.terms.map(\.key) == ["matroid intersection"])
    #expect(top.termsAboveThreshold == 2)
  }

  @Test("an -ing word is a term where used as a noun, not where used as a verb")
  func gerunds() {
    let ex = extract([
      "By constructing sparsifiers we win.", "By constructing sparsifiers again.",
      "Graph clustering works.", "Spectral clustering is old.",
    ])
    #expect(Set(ex.terms.map(\.key)) == ["sparsifier", "clustering"])
  }

  @Test("function words are never glued, even when the text lost a space once")
  func noFunctionWordJoins() {
    let ex = extract(
      ["A random walk over the graph.", "The random walk overthe subgraph."],
      TermExtractionOptions(minimumOccurrences: 1))
    #expect(ex.terms.contains { $0.key == "random walk" })
    #expect(!ex.terms.contains { $0.key.contains("over") && $0.occurrences == 2 })
  }

  @Test("a glued word with a known prefix is shown hyphenated")
  func gluedDisplay() throws {
    let ex = extract(["Nonconvex optimization is hard.", "nonconvex optimization, convex hulls."])
    #expect(try #require(term(ex, "nonconvex optimization")).label == "non-convex optimization")
  }

  @Test("a thesaurus merges and removes terms")
  func thesaurus() throws {
    let thesaurus = Thesaurus.parse(
      "label\treplace by\nneural nets\tneural network\nmatroid\t\n", file: "t.txt")
    let ex = extract(
      [
        "Neural nets and matroids.", "Neural networks and matroids.",
        "Deep neural nets.",
      ], TermExtractionOptions(thesaurus: thesaurus))
    let net = try #require(term(ex, "neural network"))
    #expect(net.occurrences == 3)
    #expect(net.label == "neural network")
    #expect(term(ex, "matroid") == nil)
  }
}

@Suite("Term extraction edge cases")
struct TermExtractorEdgeTests {
  @Test("no documents, empty documents and a threshold nobody reaches give no terms")
  func empty() {
    #expect(TermExtractor().extract(from: []).terms.isEmpty)
    let blank = TermExtractor().extract(from: [
      TermDocument(text: ""), TermDocument(text: "$x$ 42"),
    ])
    #expect(blank.terms.isEmpty)
    #expect(blank.documentTerms == [[], []])
    let high = TermExtractor(options: TermExtractionOptions(minimumOccurrences: 3))
      .extract(from: [TermDocument(text: "Matroids."), TermDocument(text: "Matroids.")])
    #expect(high.terms.isEmpty)
    #expect(high.candidateCount == 1)
  }

  @Test("the user's stop words are folded like terms and split phrases")
  func additionalStopWords() {
    let texts = ["Graph sparsification.", "Graph sparsification and graphs."]
    let plain = TermExtractor().extract(from: texts.map { TermDocument(text: $0) })
    #expect(plain.terms.map(\.key) == ["graph sparsification"])
    let options = TermExtractionOptions(additionalStopWords: ["Graphs"])
    let ex = TermExtractor(options: options).extract(from: texts.map { TermDocument(text: $0) })
    #expect(ex.terms.map(\.key) == ["sparsification"])
  }

  @Test("a publication's title and abstract are one document, split by a full stop")
  func publication() {
    let p = Publication(
      title: "Graph sparsification", authors: ["A. Author"],
      abstract: "Sparsification of graphs.", location: InputLocation(file: "x.bib", line: 3))
    let doc = TermDocument(p)
    #expect(doc.text == "Graph sparsification.\nSparsification of graphs.")
    #expect(doc.authors == ["A. Author"])
    #expect(TermDocument(p, includeAbstract: false).text == "Graph sparsification")
  }
}

@Suite("Term documents from sources")
struct TermDocumentSourceTests {
  @Test("publications first, then free abstracts owned by the source's owner")
  func fromSource() {
    let here = InputLocation(file: "home.txt", line: 9)
    let source = SourceDocument(
      file: "home.txt", format: .homepage, owner: "Zeyuan Allen-Zhu",
      publications: [Publication(title: "Katyusha", authors: ["Z. Allen-Zhu"], location: here)],
      abstracts: [AbstractText(text: "We study LoRA.", location: here)])
    let docs = TermDocument.documents(from: source)
    #expect(docs.map(\.text) == ["Katyusha", "We study LoRA."])
    #expect(docs.map(\.authors) == [["Z. Allen-Zhu"], ["Zeyuan Allen-Zhu"]])
    #expect(TermDocument.documents(from: source, includeAbstracts: false).count == 1)
  }
}
