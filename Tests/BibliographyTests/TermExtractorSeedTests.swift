import Foundation
import Testing

@testable import Bibliography

@Suite("Term extraction on the seeds")
struct TermExtractorSeedTests {
  /// LaTeX command names used in the homepage's abstracts (counted with
  /// `grep -o '\\[a-zA-Z]\+' Data/allen-zhu-homepage.txt | sort -u`).
  static let latexNames: Set<String> = [
    "varepsilon", "tilde", "sqrt", "mathsf", "log", "phi", "omega", "sigma", "big", "frac",
    "times", "lambda", "cdot", "gamma", "mathbf", "enspace", "bigg", "alpha", "emph", "ell",
    "dots", "approx", "mathrm", "leq", "infty", "exp", "propto", "min", "in",
  ]

  /// A label with spaces and hyphens removed, lower case: twins collide here.
  func squashed(_ label: String) -> String {
    label.lowercased().filter { $0 != " " && $0 != "-" }
  }

  func checkClean(_ terms: ArraySlice<Term>) {
    for term in terms {
      let words = term.key.split(separator: " ").map(String.init)
      for word in words {
        #expect(!StopWords.all.contains(word), "stop word \"\(word)\" in \"\(term.label)\"")
        #expect(!Self.latexNames.contains(word), "LaTeX name \"\(word)\" in \"\(term.label)\"")
      }
      #expect(
        !term.label.contains(where: { "\\$^_{}()[]".contains($0) }),
        "markup left in \"\(term.label)\"")
    }
    let squashedLabels = terms.map { squashed($0.label) }
    #expect(
      Set(squashedLabels).count == squashedLabels.count, "unmerged twins in \(squashedLabels)")
  }

  @Test("homepage: the top 30 terms hold no stop word, no LaTeX, no unmerged twin")
  func homepageTop30() throws {
    let docs = try TopicSeed.homepageAbstracts()
    #expect(docs.count == 53)
    let ex = TermExtractor(options: TermExtractionOptions(maximumTermCount: 30)).extract(from: docs)
    #expect(ex.terms.count == 30)
    checkClean(ex.terms[...])
  }

  @Test("homepage: spellings that lost their hyphen are merged with the spaced ones")
  func homepageTwins() throws {
    let ex = TermExtractor().extract(from: try TopicSeed.homepageAbstracts())
    // The homepage writes both "running time" and "runningtime", "variance
    // reduction" and "variancereduction" (grep the seed).
    let running = try #require(ex.index(ofKey: "runningtime").map { ex.terms[$0] })
    #expect(running.variants.contains("running time"))
    #expect(running.variants.contains("runningtime"))
    let variance = try #require(ex.index(ofKey: "variancereduction").map { ex.terms[$0] })
    #expect(Set(variance.variants).isSuperset(of: ["variance reduction", "variancereduction"]))
    // No term anywhere in the list is a glued twin of another.
    let squashedKeys = ex.terms.map { $0.key.filter { $0 != " " } }
    #expect(Set(squashedKeys).count == squashedKeys.count)
    // Every "nonconvex" spelling in the abstracts ends up in terms keyed "nonconvex".
    #expect(ex.terms.contains { $0.key == "nonconvex optimization" })
    #expect(!ex.terms.contains { $0.key.contains("non convex") })
  }

  @Test(
    "homepage and CV together: \"Non-convex\" meets \"nonconvex\", \"Frank-Wolfe\" meets \"FrankWolfe\""
  )
  func combinedTwins() throws {
    let docs = try TopicSeed.homepageAbstracts() + TopicSeed.cvTitles()
    let ex = TermExtractor(options: TermExtractionOptions(minimumOccurrences: 1)).extract(
      from: docs)
    let frankWolfe = ex.terms.filter { $0.key.split(separator: " ").contains("frankwolfe") }
    #expect(!frankWolfe.isEmpty)
    let variants = Set(frankWolfe.flatMap(\.variants))
    #expect(variants.contains { $0.contains("Frank-Wolfe") })
    #expect(variants.contains { $0.contains("FrankWolfe") })
    // The homepage's glued "FrankWolfe" is more frequent, but labels spell the
    // boundary out when any source does.
    for term in frankWolfe {
      #expect(term.label.contains("Frank-Wolfe"), "label \(term.label)")
    }
    let nonconvex = ex.terms.filter { $0.key.split(separator: " ").contains("nonconvex") }
    let ncVariants = Set(nonconvex.flatMap(\.variants))
    #expect(ncVariants.contains { $0.contains("non-convex") })
    #expect(ncVariants.contains { $0.contains("nonconvex") })
    let squashedKeys = ex.terms.map { $0.key.filter { $0 != " " } }
    #expect(Set(squashedKeys).count == squashedKeys.count)
  }

  @Test("CV titles: 47 titles, clean top terms, sample complexity found as a phrase")
  func cvTitles() throws {
    let docs = try TopicSeed.cvTitles()
    #expect(docs.count == 47)
    let ex = TermExtractor().extract(from: docs)
    #expect(ex.terms.count >= 20)
    checkClean(ex.terms.prefix(30))
    let sample = try #require(ex.index(ofKey: "sample complexity").map { ex.terms[$0] })
    #expect(sample.occurrences == 3)
    #expect(ex.terms.first?.key == "learning")
  }
}
