import Foundation
import Testing
@testable import Bibliography

@Suite("CV text reader")
struct CVTextReaderTests {
  @Test func dump() throws {
    let text = try TestData.text("Data/qi-lei-cv.txt")
    let doc = CVTextReader().parse(text, file: "cv.txt")
    for (i, p) in doc.publications.enumerated() {
      print(i + 1, p.location.line, p.kind, p.alphabetical ? "ALPHA" : "", p.year ?? -1, "|", p.authors.joined(separator: "; "), "|", p.title, "|", p.venue ?? "nil")
    }
    print(doc.owner ?? "no owner", doc.diagnostics)
    let h = HomepageReader().parse(try TestData.text("Data/allen-zhu-homepage.txt"), file: "h.txt")
    print(h.collaborators.count, h.collaborators.reduce(0) { $0 + $1.count }, h.abstracts.count, h.diagnostics)
    for a in h.abstracts { print(a.location.line, a.text.prefix(60)) }
  }
}
