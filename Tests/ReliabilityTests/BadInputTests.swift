import Bibliography
import Foundation
import TestSupport
import Testing

/// The bad-input corpus (BadInput/README.md) through the command line and the readers:
/// a clear one-line message and a non-zero exit, or diagnostics with the valid records
/// around the bad ones still read; never a crash.
@Suite("Bad input")
struct BadInputTests {
  static func path(_ name: String) -> String { CLI.badInput.appendingPathComponent(name).path }

  @Test("unreadable content gives an unknown-format line naming the file and exit 1")
  func unreadableContent() throws {
    let outcome = try CLI.run(["parse", Self.path("garbage.bin")])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("garbage.bin: error: unknown format"))
    #expect(outcome.stdout.isEmpty)
  }

  /// Empty input is said, not silently an empty result; there is nothing wrong to fail on.
  @Test("an empty or blank file is one warning naming it, exit 0", arguments: ["empty.bib", "blank.txt"])
  func emptyContent(name: String) throws {
    let outcome = try CLI.run(["parse", Self.path(name)])
    #expect(outcome.reason == .exit)
    #expect(outcome.status == 0)
    #expect(outcome.errorLines.count == 1, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("\(name): warning: empty input"))
    #expect(try CLI.run(["parse", Self.path(name), "--strict"]).status == 1)
  }

  /// Every BibTeX file is detected by content; complete entries are read, and every
  /// broken one is a diagnostic line on stderr.
  @Test(
    "BibTeX files through the command line: the complete entries, diagnostics for the rest",
    arguments: [
      ("truncated.bib", 3), ("bad-middle.bib", 3), ("latin1.bib", 1), ("utf16le.bib", 1),
      ("utf16be.bib", 1), ("nul.bib", 1),
    ])
  func bibtexThroughCLI(name: String, records: Int) throws {
    let outcome = try CLI.run(["parse", Self.path(name), "--format", "json"])
    #expect(outcome.reason == .exit)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    let publications = try #require(object?["publications"] as? [[String: Any]])
    #expect(publications.count == records)
    for line in outcome.errorLines { #expect(isDiagnosticLine(line), "\(line)") }
  }

  @Test("a truncated CV keeps the complete entries before the cut")
  func truncatedCV() throws {
    let outcome = try CLI.run(["parse", Self.path("truncated-cv.txt"), "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    for line in outcome.errorLines { #expect(isDiagnosticLine(line), "\(line)") }
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    let titles = try #require(object?["publications"] as? [[String: Any]]).compactMap {
      $0["title"] as? String
    }
    #expect(
      titles.starts(with: [
        "The Education of a Computer",
        "A Manual of Operation for the Automatic Sequence Controlled Calculator",
      ]))
  }

  @Test(
    "Latin-1 and UTF-16 CVs are decoded: accented names intact",
    arguments: ["cv-latin1.txt", "cv-utf16le.txt", "cv-utf16be.txt"])
  func encodings(name: String) throws {
    let outcome = try CLI.run(["parse", Self.path(name), "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    let publications = try #require(object?["publications"] as? [[String: Any]])
    let authors = Set(publications.flatMap { $0["authors"] as? [String] ?? [] })
    #expect(
      authors.isSuperset(of: ["José Cañete", "Jürgen Müller", "Françoise Noël"]), "\(authors)")
    #expect(publications.compactMap { $0["title"] as? String }.contains("Größenordnung der Fehler"))
    // Latin-1 is a guess and must say so; UTF-16 with a byte-order mark is not.
    #expect(outcome.stderr.contains("Latin-1") == (name == "cv-latin1.txt"), "\(outcome.stderr)")
  }

  @Test("BibTeX reader: the entries around a broken or truncated one are read")
  func bibtexRecordsAroundBadOnes() throws {
    let reader = BibTeXReader()
    let truncated = try Self.document(reader, "truncated.bib")
    #expect(
      truncated.publications.map(\.title).prefix(2) == [
        "Sketch of the Analytical Engine", "The Education of a Computer",
      ])
    #expect(!truncated.diagnostics.isEmpty, "the cut entry is not reported")
    #expect(truncated.diagnostics.allSatisfy { $0.location.line >= 15 }, "\(truncated.diagnostics)")

    let middle = try Self.document(reader, "bad-middle.bib")
    let titles = middle.publications.map(\.title)
    #expect(titles.first == "The First Good Paper")
    #expect(titles.last == "The Last Good Paper")
    #expect(!middle.diagnostics.isEmpty, "the broken entry is not reported")
  }

  @Test("BibTeX reader: Latin-1 and UTF-16 files give the same names")
  func bibtexEncodings() throws {
    let reader = BibTeXReader()
    let latin1 = try Self.document(reader, "latin1.bib")
    #expect(latin1.publications.first?.authors == ["Jürgen Müller", "José Cañete"])
    #expect(latin1.diagnostics.contains { $0.message.contains("Latin-1") })
    for name in ["utf16le.bib", "utf16be.bib"] {
      let document = try Self.document(reader, name)
      #expect(document.publications.first?.title == "Unicode in Author Lists", "\(name)")
      #expect(document.publications.first?.authors.count == 2, "\(name)")
    }
  }

  static func document(_ reader: BibTeXReader, _ name: String) throws -> SourceDocument {
    let bytes = try [UInt8](Data(contentsOf: CLI.badInput.appendingPathComponent(name)))
    let decoded = SourceReader.decode(bytes, file: name)
    var document = reader.parse(decoded.text, file: name)
    document.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
    return document
  }

  @Test("a missing data folder: one line, non-zero exit, nothing written")
  func missingDataFolder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("Output")
    let outcome = try CLI.run([
      "run", "--data", folder.appendingPathComponent("Data").path, "--output", output.path,
    ])
    expectCleanFailure(outcome, naming: "Data")
    #expect(!FileManager.default.fileExists(atPath: output.path), "a failed run created Output/")
  }

  @Test("a folder, a dangling link and a missing file given as sources fail cleanly")
  func notAFile() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("dangling.txt")
    try FileManager.default.createSymbolicLink(
      atPath: link.path, withDestinationPath: folder.appendingPathComponent("nowhere").path)
    for path in [folder.path, link.path, folder.appendingPathComponent("missing.bib").path] {
      expectCleanFailure(
        try CLI.run(["parse", path]), naming: (path as NSString).lastPathComponent)
    }
  }

  @Test("an unreadable file fails cleanly", .enabled(if: getuid() != 0, "root reads any file"))
  func unreadable() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("locked.txt")
    try FileManager.default.copyItem(atPath: Self.path("truncated-cv.txt"), toPath: file.path)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
    expectCleanFailure(try CLI.run(["parse", file.path]), naming: "locked.txt")
    let data = folder.appendingPathComponent("Data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    try FileManager.default.moveItem(at: file, to: data.appendingPathComponent("locked.txt"))
    let outcome = try CLI.run([
      "run", "--data", data.path, "--output", folder.appendingPathComponent("Output").path,
    ])
    expectCleanFailure(outcome, naming: "locked.txt")
  }

  @Test(
    "an unreadable data folder fails cleanly", .enabled(if: getuid() != 0, "root reads any folder"))
  func unreadableFolder() throws {
    let folder = try CLI.temporaryFolder()
    let data = folder.appendingPathComponent("Data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: data.path)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data.path)
      try? FileManager.default.removeItem(at: folder)
    }
    let outcome = try CLI.run([
      "run", "--data", data.path, "--output", folder.appendingPathComponent("Output").path,
    ])
    expectCleanFailure(outcome, naming: "Data")
  }

  @Test("a 10 MB single line is read or refused, never a crash")
  func tenMegabyteLine() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("long-line.txt")
    // Words, commas, quotes and an @ so every reader's scanner has work to do on one line.
    let unit = #"Ada Lovelace, "A Title", @article{x, author = {B and C}, "#
    let line = String(repeating: unit, count: 10_000_000 / unit.utf8.count + 1)
    try Data(line.utf8).write(to: file)
    let outcome = try CLI.run(["parse", file.path])
    #expect(outcome.reason == .exit, "\(outcome.stderr.prefix(500))")
    if outcome.status == 0 {
      for line in outcome.errorLines { #expect(isDiagnosticLine(line), "\(line.prefix(300))") }
    } else {
      expectCleanFailure(outcome, naming: "long-line.txt")
    }
    // Every reader directly, unregistered ones included.
    let bibtex = BibTeXReader().parse(line, file: "long-line.txt")
    #expect(bibtex.publications.count <= 1)
  }

  /// A CV entry with 5,000 authors: read whole, left out of the coauthor edges
  /// (`--max-authors 25`), and the run still writes every output.
  @Test("a paper with 5,000 authors")
  func fiveThousandAuthors() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("Data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let names = Self.distinctNames(5_000)
    let cv = """
      Hedy Owner

      Publications

      - 1. **Hedy Owner**, \(names.joined(separator: ", ")), "A Very Large Collaboration", Physical Review Letters, 2016
      - 2. **Hedy Owner**, Ada Lovelace, "A Small Paper", Journal of Small Things, 2017

      """
    try Data(cv.utf8).write(to: data.appendingPathComponent("cv.txt"))
    let parse = try CLI.run([
      "parse", data.appendingPathComponent("cv.txt").path, "--format", "json",
    ])
    #expect(parse.status == 0, "\(parse.stderr.prefix(500))")
    let object = try JSONSerialization.jsonObject(with: Data(parse.stdout.utf8)) as? [String: Any]
    let publications = try #require(object?["publications"] as? [[String: Any]])
    let big = publications.first { $0["title"] as? String == "A Very Large Collaboration" }
    #expect((big?["authors"] as? [String])?.count == 5_001)

    // The merged figure has 5,002 nodes, 5,000 of them isolated: sfdp's packing of 5,000
    // components took over 14 minutes in-process. The deadline ends it; the run goes on.
    let output = folder.appendingPathComponent("Output")
    let run = try CLI.run([
      "run", "--data", data.path, "--output", output.path, "--render-timeout", "5",
    ])
    #expect(run.status == 0, "\(run.stderr.prefix(500))")
    let written = try FileManager.default.contentsOfDirectory(atPath: output.path)
    for name in ["coauthor-network.dot", "coauthor-network.nodes.csv", "coauthor-network.edges.csv", "coauthor-network.metrics.json", "report.md"] {
      #expect(written.contains(name), "\(name) was not written")
    }
    if !written.contains("coauthor-network.svg") {
      #expect(run.stderr.contains("coauthor-network: not drawn"), "\(run.stderr.prefix(500))")
    }
    let edges = try String(contentsOf: output.appendingPathComponent("coauthor-network.edges.csv"), encoding: .utf8)
    // Only the small paper makes an edge; the 5,001-author paper is listed, not drawn.
    #expect(edges.split(separator: "\n").count == 2, "\(edges.prefix(300))")
  }

  /// `count` different two-word names made of letters only ("Ab Cadfe"), deterministic.
  static func distinctNames(_ count: Int) -> [String] {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    func word(_ value: Int, length: Int) -> String {
      var v = value
      var out = ""
      for _ in 0..<length {
        out.append(letters[v % 26])
        v /= 26
      }
      return out.prefix(1).uppercased() + out.dropFirst()
    }
    return (0..<count).map { "\(word($0 * 7 + 3, length: 4)) \(word($0, length: 5))" }
  }
}
