import Foundation
import Testing

@testable import Bibliography

/// Nothing is dropped silently: every entry that goes in comes out as a record or as a
/// diagnostic at its line.
@Suite("CV text reader: entries in = records + diagnostics out")
struct CVTextReaderAccountingTests {
  /// Counts entries independently of the reader: lines that start (in column 1) with
  /// "- " between the "Publications" heading and the "Teaching" heading.
  static func entryLines(_ text: String) -> [Int] {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("Publications") }),
      let end = lines.firstIndex(where: { $0 == "Teaching" })
    else { return [] }
    return (start..<end).filter { lines[$0].hasPrefix("- ") }.map { $0 + 1 }
  }

  @Test("seed: 49 entries in (47 + 2 patents), 49 records out, no diagnostics")
  func seed() throws {
    let text = try TestData.text("Data/qi-lei-cv.txt")
    let entries = Self.entryLines(text)
    #expect(entries.count == 49)
    let document = CVTextReader().parse(text, file: "cv.txt")
    #expect(document.publications.count + document.diagnostics.count == entries.count)
    #expect(document.publications.map(\.location.line) == entries)
  }

  @Test("damaged copy: each unreadable entry is a diagnostic at its line, the rest is read")
  func damaged() throws {
    var lines = try TestData.text("Data/qi-lei-cv.txt")
      .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    // Line 102 (entry 5): the authors are gone and no title is quoted.
    lines[101] = "- 5. sample complexity for quadratic bandits: hessian dependent bounds, 2023"
    // Line 107 (entry 10): the closing quote is lost.
    lines[106] =
      "- 10. Zihan Wang, Jason Lee, **Qi Lei**, \"Reconstructing Training Data from Model Gradient, Provably, AISTATS, 2023"
    // Line 133 (entry 33): only a stray fragment is left.
    lines[132] = "- 33. ???"
    let text = lines.joined(separator: "\n")
    let entries = Self.entryLines(text)
    #expect(entries.count == 49)
    let document = CVTextReader().parse(text, file: "damaged.txt")
    #expect(document.publications.count == 46)
    #expect(document.publications.count + document.diagnostics.count == entries.count)
    #expect(document.diagnostics.map(\.location.line) == [102, 107, 133])
    #expect(
      document.diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "damaged.txt" }
    )
    #expect(document.diagnostics[1].message.contains("never closed"))
    #expect(document.diagnostics[0].message.contains("no quoted title"))
    // Reading went on: the entry after each damaged one is still there.
    #expect(document.publications.contains { $0.title.hasPrefix("Provable Hierarchy-Based") })
    #expect(document.publications.contains { $0.title.hasPrefix("Session expert") })
  }

  @Test("every dataset CV list is accounted for", arguments: ["alexei-matveev--cv.txt"])
  func sharedDataset(name: String) throws {
    let path = TestData.packageRoot.deletingLastPathComponent()
      .appendingPathComponent("shared/datasets/cv-text/\(name)").path
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record("shared dataset missing: \(path)")
      return
    }
    let document = try SourceReader.read(contentsOf: path, format: .cvText)
    // 34 numbered items (README of shared/datasets); numbers 0 are unpublished items.
    let text = try SourceReader.readText(contentsOf: path)
    let items = text.split(whereSeparator: \.isNewline).filter { $0.contains(/^\d{1,3}\.\s/) }.count
    #expect(
      document.publications.count + document.diagnostics.filter { $0.severity == .error }.count
        == items)
  }

  @Test(
    "dataset lists without a publication heading are read whole; record counts from the datasets README",
    arguments: [
      ("debetten--debetten.github.io.md", 24),
      ("decision-analytics-group--decision-analytics-group.github.io.md", 19),
    ])
  func headinglessLists(name: String, records: Int) throws {
    let path = TestData.packageRoot.deletingLastPathComponent()
      .appendingPathComponent("shared/datasets/cv-text/\(name)").path
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record("shared dataset missing: \(path)")
      return
    }
    let document = try SourceReader.read(contentsOf: path)
    // A .md list with Markdown marks is read by the Markdown reader (same scanner).
    #expect(document.format == .cvText || document.format == .markdown)
    #expect(document.publications.count == records)
    #expect(document.publications.allSatisfy { !$0.authors.isEmpty && !$0.title.isEmpty })
  }
}
