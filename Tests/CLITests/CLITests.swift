import Foundation
import TestSupport
import Testing

/// End-to-end tests of the built `coauthor` executable: stdout, stderr and exit status.
@Suite("coauthor command line")
struct CLITests {
  static let packageRoot = CLI.packageRoot
  typealias Outcome = CLI.Outcome

  static func run(_ arguments: [String], in folder: URL = packageRoot, input: Data? = nil) throws -> Outcome {
    try CLI.run(arguments, in: folder, input: input)
  }

  static func temporaryFolder() throws -> URL { try CLI.temporaryFolder() }

  @Test("parse prints the seed CV's 47 publications and 2 patents as JSON")
  func parseCV() throws {
    let outcome = try Self.run(["parse", "Data/qi-lei-cv.txt", "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    let publications = try #require(object?["publications"] as? [[String: Any]])
    #expect(publications.count == 49)
    #expect(publications.filter { $0["kind"] as? String == "patent" }.count == 2)
    #expect(publications.filter { $0["alphabetical"] as? Bool == true }.count == 7)
    let gradientCoding = publications.first {
      $0["title"] as? String == "Gradient Coding: Avoiding Stragglers in Distributed Learning"
    }
    #expect(gradientCoding?["year"] as? Int == 2017)
    #expect(
      gradientCoding?["authors"] as? [String]
        == ["Rashish Tandon", "Qi Lei", "Alexandros G. Dimakis", "Nikos Karampatziakis"])
  }

  @Test("parse reads the homepage's collaborator line: 56 people, 128 joint works")
  func parseHomepage() throws {
    let outcome = try Self.run(["parse", "Data/allen-zhu-homepage.txt"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    let collaborators = try #require(object?["collaborators"] as? [[String: Any]])
    #expect(collaborators.count == 56)
    #expect(collaborators.compactMap { $0["count"] as? Int }.reduce(0, +) == 128)
  }

  @Test("run writes every figure and table, and a second run gives the same bytes")
  func runIsDeterministic() throws {
    // Same command, same output folder (the report records the command): run, move the
    // results aside, run again.
    let parent = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let second = parent.appendingPathComponent("out")
    let first = parent.appendingPathComponent("first")
    for round in 0..<2 {
      let outcome = try Self.run(["run", "--data", "Data", "--output", second.path])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      if round == 0 { try FileManager.default.moveItem(at: second, to: first) }
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
    for expected in [
      "coauthor-network.dot", "coauthor-network.svg", "coauthor-network.png",
      "coauthor-network.pdf", "coauthor-network.nodes.csv", "coauthor-network.edges.csv",
      "coauthor-network.communities.csv", "coauthor-network.metrics.json", "ego-qi-lei.svg",
      "ego-zeyuan-allen-zhu.png", "topic-network.svg", "author-topic-network.svg", "themes.csv",
      "name-merges.csv", "name-review.tsv", "report.md", "report.html",
    ] {
      #expect(names.contains(expected), "missing \(expected)")
    }
    #expect(!names.contains { $0.hasSuffix(".tmp") }, "a temporary file was left behind")
    // Wei Hu and Yining Wang are in both seeds: one node each, linked to both owners.
    let edges = try String(
      contentsOf: first.appendingPathComponent("coauthor-network.edges.csv"), encoding: .utf8)
    for shared in ["Wei Hu", "Yining Wang"] {
      for owner in ["Qi Lei", "Zeyuan Allen-Zhu"] {
        let linked = edges.split(separator: "\n").contains {
          $0.contains(",\(shared),") && $0.contains(",\(owner),")
        }
        #expect(linked, "\(shared) is not linked to \(owner)")
      }
    }
    #expect(names.filter { $0.hasSuffix(".pdf") }.count >= 3, "too few PDFs to compare")
    for name in names {
      // Every file byte for byte, PDF included: the figures are drawn from the layout
      // rounded as DOT text prints it (Graphviz's prism overlap removal differs in the last bits
      // between processes, which cairo's PDF numbers showed), and the PDF creation date is
      // fixed (OutputFiles.withFixedCreationDate).
      let a = try Data(contentsOf: first.appendingPathComponent(name))
      let b = try Data(contentsOf: second.appendingPathComponent(name))
      #expect(a == b, "\(name) differs between two runs")
    }
  }

  @Test("the merged network joins both seeds through the shared coauthors")
  func mergedNetwork() throws {
    let outcome = try Self.run([
      "network", "Data/qi-lei-cv.txt", "Data/allen-zhu-homepage.txt", "--format", "csv",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    // Homepage-only edges need an owner; without the manifest the homepage has none,
    // and the tool says so instead of dropping the line silently.
    #expect(outcome.stderr.contains("owner"))
  }

  @Test("--owner links a homepage's collaborator line to its owner: 56 edges, 128 joint works")
  func networkOwner() throws {
    let outcome = try Self.run([
      "network", "Data/allen-zhu-homepage.txt", "--owner", "Zeyuan Allen-Zhu", "--format", "csv",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(!outcome.stderr.contains("without an owner"))
    let rows = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
    #expect(rows.count == 56)
    #expect(rows.allSatisfy { $0.first == "Zeyuan Allen-Zhu" })
    #expect(rows.compactMap { $0.last.flatMap { Double($0) } }.reduce(0, +) == 128)
    // Without it the line cannot be linked, and the message says how to fix that.
    let bare = try Self.run(["network", "Data/allen-zhu-homepage.txt", "--format", "csv"])
    #expect(bare.stderr.contains("--owner"))
    let metrics = try Self.run([
      "metrics", "Data/allen-zhu-homepage.txt", "--owner", "Zeyuan Allen-Zhu", "--format", "csv",
    ])
    #expect(metrics.status == 0, "\(metrics.stderr)")
    #expect(metrics.stdout.contains("Zeyuan Allen-Zhu"))
  }

  @Test("gzip on the command line: a .bib.gz is a source, a .txt.gz edge list a plain graph")
  func gzipInputs() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bib = """
      @article{a, author = {Ann Smith and Bo Jones}, title = {One}, year = {2020}}
      @article{b, author = {Ann Smith and Cy Lee}, title = {Two}, year = {2021}}
      """
    let edges = "# SNAP-style\n1\t2\n2\t3\n3\t4\n"
    for (name, text) in [("refs.bib", bib), ("graph.txt", edges)] {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
      let gzip = try TestProcess.run(
        URL(fileURLWithPath: "/bin/gzip"), ["-n", folder.appendingPathComponent(name).path])
      #expect(gzip.status == 0)
    }
    let sources = try Self.run(["network", "refs.bib.gz", "--format", "csv"], in: folder)
    #expect(sources.status == 0, "\(sources.stderr)")
    let rows = Set(sources.stdout.split(separator: "\n").dropFirst().map(String.init))
    #expect(rows == ["Ann Smith,Bo Jones,1", "Ann Smith,Cy Lee,1"])
    let graph = try Self.run(["network", "graph.txt.gz", "--format", "csv"], in: folder)
    #expect(graph.status == 0, "\(graph.stderr)")
    #expect(graph.stdout.split(separator: "\n").count == 4)
  }

  @Test("a missing data folder is a one-line error and a non-zero exit")
  func missingData() throws {
    let outcome = try Self.run(["run", "--data", "/nonexistent/coauthor-data", "--output", "/tmp/x"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("/nonexistent/coauthor-data"))
    #expect(outcome.stderr.split(separator: "\n").count <= 2)
  }

  @Test("--strict turns a damaged entry into failure naming file:line")
  func strict() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var text = try String(
      contentsOf: Self.packageRoot.appendingPathComponent("Data/qi-lei-cv.txt"), encoding: .utf8)
    text = text.replacingOccurrences(
      of: "- 38. Rashish Tandon, **Qi Lei**, Alexandros G. Dimakis, Nikos Karampatziakis, \"Gradient Coding: Avoiding Stragglers in Distributed Learning\", *International Conference of Machine Learning (ICML)*, 2017: 3368-3376",
      with: "- 38. @@@ ###")
    #expect(text.contains("- 38. @@@ ###"), "the damaged entry was not written")
    let file = folder.appendingPathComponent("cv.txt")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let lenient = try Self.run(["parse", file.path])
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("cv.txt:"))
    let strict = try Self.run(["parse", file.path, "--strict"])
    #expect(strict.status != 0)
    #expect(strict.stderr.contains("cv.txt:"))
  }

  @Test("render reports Graphviz's own message for malformed DOT")
  func renderMalformed() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("bad.dot")
    try "graph { a -- ; }".write(to: dot, atomically: true, encoding: .utf8)
    let outcome = try Self.run([
      "render", dot.path, "-o", folder.appendingPathComponent("bad.svg").path,
    ])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("syntax error"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.svg").path))
  }

  @Test("render strips file-reading attributes from untrusted DOT")
  func renderSanitizes() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("evil.dot")
    try #"graph { a [image="/etc/passwd" label="a"]; a -- b }"#.write(to: dot, atomically: true, encoding: .utf8)
    let svg = folder.appendingPathComponent("evil.svg")
    let outcome = try Self.run(["render", dot.path, "-o", svg.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("image"))
    let text = try String(contentsOf: svg, encoding: .utf8)
    #expect(text.contains("<svg"))
    #expect(!text.contains("passwd"))
  }
}

@Suite("coauthor run on a folder of mixed files")
struct MixedFolderTests {
  @Test("BibTeX, RIS and a CV in one folder without a manifest make one corpus; a stray file is reported")
  func mixedFolder() throws {
    let folder = try CLITests.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try """
      @inproceedings{k1, author = {Lei, Qi and Dimakis, Alexandros G.}, title = {A BibTeX Paper on Coding},
        booktitle = {ICML}, year = {2017}}
      """.write(to: data.appendingPathComponent("a.bib"), atomically: true, encoding: .utf8)
    try """
      TY  - JOUR
      AU  - Lei, Qi
      AU  - Wang, Yining
      TI  - An RIS Paper on Bandits
      PY  - 2023
      JO  - Journal
      ER  -
      """.write(to: data.appendingPathComponent("b.ris"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: CLITests.packageRoot.appendingPathComponent("Data/qi-lei-cv.txt"),
      to: data.appendingPathComponent("cv.txt"))
    try Data([0x00, 0x01, 0xFF, 0xFE, 0x00]).write(to: data.appendingPathComponent("junk.bin"))
    let out = folder.appendingPathComponent("out")
    let outcome = try CLITests.run(["run", "--data", data.path, "--output", out.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("junk.bin"), "the unreadable file is reported")
    let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
    for file in ["a.bib", "b.ris", "cv.txt"] { #expect(report.contains("| \(file) |")) }
    // 49 CV records + 2 others, none of them a duplicate of a CV entry.
    #expect(report.contains("51 distinct papers"))
  }

  @Test("parse shows authors' identifiers from a gzip-compressed OpenAlex export")
  func parseIdentifiers() throws {
    let sample = CLITests.packageRoot.deletingLastPathComponent()
      .appendingPathComponent("shared/datasets/corpora/biblium/openalex_dataset.csv.gz")
    try #require(FileManager.default.fileExists(atPath: sample.path))
    let outcome = try CLITests.run(["parse", sample.path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
    let publications = try #require(object?["publications"] as? [[String: Any]])
    #expect(publications.count == 613)
    let first = try #require(publications.first)
    let identifiers = try #require(first["authorIdentifiers"] as? [[String: Any]])
    #expect(identifiers.count == (first["authors"] as? [String])?.count)
    // The first work's first author, as the export gives it.
    #expect(identifiers.first?["orcid"] as? String == "0000-0002-8525-3159")
    #expect(identifiers.first?["openAlexID"] as? String == "A5074473734")
  }
}
