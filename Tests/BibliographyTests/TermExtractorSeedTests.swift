import Foundation
import Testing

@testable import Bibliography

@Suite("Term extraction on the seeds")
struct TermExtractorSeedTests {
  @Test func dump() throws {
    let docs = try TopicSeed.homepageAbstracts()
    let ex = TermExtractor().extract(from: docs)
    print("HOMEPAGE docs", docs.count, "terms", ex.terms.count, "candidates", ex.candidateCount)
    for t in ex.terms.prefix(60) { print("H", t.occurrences, t.frequency, String(format: "%.1f", t.relevance), t.cValue.map { String(format: "c%.1f", $0) } ?? "-", t.label, "|", t.key, "|", t.variants.prefix(3)) }
    let cv = try TopicSeed.cvTitles()
    let ex2 = TermExtractor().extract(from: cv)
    print("CV docs", cv.count, "terms", ex2.terms.count)
    for t in ex2.terms.prefix(40) { print("C", t.occurrences, t.frequency, t.label, "|", t.key) }
  }
}
