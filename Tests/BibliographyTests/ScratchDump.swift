import Foundation
import Testing
@testable import Bibliography

@Test func scratchDump() throws {
  guard let which = ProcessInfo.processInfo.environment["DUMP"] else { return }
  let decoded = try SharedDatasets.text(which)
  let document = BibTeXReader().parse(decoded.text, file: which)
  var out = ""
  for d in document.diagnostics { out += "D \(d)\n" }
  for p in document.publications {
    out += "\(p.location.line) [\(p.kind)] \(p.year.map(String.init) ?? "-") | \(p.title) | \(p.authors.joined(separator: "; "))\(p.authorsTruncated ? " +others" : "") | \(p.venue ?? "-") | doi=\(p.doi ?? "-") arxiv=\(p.arxivID ?? "-") kw=\(p.keywords.count)\n"
  }
  try out.write(toFile: "/tmp/dump.txt", atomically: true, encoding: .utf8)
}
