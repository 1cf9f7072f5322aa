import Foundation
import Testing

@testable import Bibliography

/// The two seed documents in `Data/`, split the simplest possible way (the real
/// CV and homepage readers live elsewhere; these tests need only text).
enum TopicSeed {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath)  // …/Tests/BibliographyTests/TopicSeedSupport.swift
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  static func text(_ name: String) throws -> String {
    let url = packageRoot.appendingPathComponent("Data").appendingPathComponent(name)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw SeedMissing(path: url.path)
    }
    return text
  }

  struct SeedMissing: Error, CustomStringConvertible {
    var path: String
    var description: String { "seed file missing: \(path) (Data/ is part of the repository)" }
  }

  /// The homepage's abstracts: the long paragraphs (≥ 200 characters) after the
  /// collaborator line "Name (count), …".
  static func homepageAbstracts() throws -> [TermDocument] {
    let lines = try text("allen-zhu-homepage.txt").split(
      separator: "\n", omittingEmptySubsequences: false)
    guard let collaboratorLine = lines.firstIndex(where: { $0.contains("(1), ") }) else {
      throw SeedMissing(path: "collaborator line in allen-zhu-homepage.txt")
    }
    var out: [TermDocument] = []
    for (i, line) in lines.enumerated() where i > collaboratorLine && line.count >= 200 {
      out.append(
        TermDocument(
          text: String(line),
          location: InputLocation(file: "allen-zhu-homepage.txt", line: i + 1)))
    }
    return out
  }

  /// The CV's publication titles: the first double-quoted string of each line
  /// between "Publications" and "Patents".
  static func cvTitles() throws -> [TermDocument] {
    let lines = try text("qi-lei-cv.txt").split(separator: "\n", omittingEmptySubsequences: false)
    var inside = false
    var out: [TermDocument] = []
    for (i, line) in lines.enumerated() {
      if line.hasPrefix("Publications") {
        inside = true
        continue
      }
      if line.hasPrefix("Patents") { break }
      guard inside, let open = line.firstIndex(of: "\"") else { continue }
      let rest = line[line.index(after: open)...]
      guard let close = rest.firstIndex(of: "\"") else { continue }
      out.append(
        TermDocument(
          text: String(rest[..<close]),
          location: InputLocation(file: "qi-lei-cv.txt", line: i + 1)))
    }
    return out
  }
}
