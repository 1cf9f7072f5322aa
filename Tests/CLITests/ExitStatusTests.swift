import Foundation
import TestSupport
import Testing

/// Exit statuses, exactly: 0 success, 1 failed work, 64 wrong arguments (README, "Exit
/// status"). Runtime failures never print usage text.
@Suite("exit statuses and input recognition")
struct ExitStatusTests {
  static let usage = "Usage:"

  func folder(_ files: [String: String]) throws -> URL {
    let folder = try CLI.temporaryFolder()
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  static let bibtex = """
    @article{a, author = {Ann Smith and Bo Jones}, title = {One}, year = {2020}}
    @article{b, author = {Ann Smith and Cy Lee}, title = {Two}, year = {2021}}

    """

  @Test("a text file that is no known format: an 'unknown format' diagnostic naming it, exit 1, no usage")
  func unknownFormat() throws {
    let dir = try folder(["hello.txt": "hello world\n"])
    for command in ["network", "metrics", "communities", "parse"] {
      let outcome = try CLI.run([command, "hello.txt"], in: dir)
      #expect(outcome.status == 1, "\(command): \(outcome.stderr)")
      #expect(outcome.stderr.contains("hello.txt: error: unknown format"), "\(command): \(outcome.stderr)")
      #expect(!outcome.stderr.contains(Self.usage))
      #expect(outcome.stdout.isEmpty)
    }
  }

  @Test("a source its reader cannot read at all (pdftotext fails): exit 1, the error named")
  func unreadableSource() throws {
    let dir = try folder([
      "cv.pdf": "%PDF-1.4\n%%EOF\n",
      "refs.bib": Self.bibtex,
    ])
    for command in ["network", "metrics", "parse"] {
      let pdf = try CLI.run([command, "cv.pdf"], in: dir, environment: ProcessInfo.processInfo.environment.merging(["COAUTHOR_PDFTOTEXT": "/bin/false"]) { $1 })
      #expect(pdf.status == 1, "\(command): \(pdf.stderr)")
      #expect(pdf.stderr.contains("cv.pdf:1:1: error: cannot read the PDF: pdftotext exited with status 1"), "\(pdf.stderr)")
      #expect(pdf.stdout.isEmpty)
      // With a readable source beside it, the unreadable one is a diagnostic (exit 0).
      let both = try CLI.run(
        [command, "cv.pdf", "refs.bib"], in: dir,
        environment: ProcessInfo.processInfo.environment.merging(["COAUTHOR_PDFTOTEXT": "/bin/false"]) { $1 })
      #expect(both.status == 0, "\(command): \(both.stderr)")
      #expect(both.stderr.contains("cv.pdf:1:1: error: cannot read the PDF"), "\(both.stderr)")
    }
  }

  @Test("one unknown file among sources is a diagnostic; the rest is read, exit 0 (1 with --strict)")
  func unknownAmongMany() throws {
    let dir = try folder(["hello.txt": "hello world\n", "refs.bib": Self.bibtex])
    let outcome = try CLI.run(["network", "refs.bib", "hello.txt", "--format", "csv"], in: dir)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("hello.txt: error: unknown format"))
    #expect(outcome.stdout.split(separator: "\n").count == 3)
    let strict = try CLI.run(["network", "refs.bib", "hello.txt", "--strict"], in: dir)
    #expect(strict.status == 1)
    #expect(strict.stdout.isEmpty)
    #expect(!strict.stderr.contains(Self.usage))
  }

  @Test("an empty .bib is a warning, not a silent empty result")
  func emptyInput() throws {
    let dir = try folder(["empty.bib": ""])
    let outcome = try CLI.run(["network", "empty.bib", "--format", "csv"], in: dir)
    #expect(outcome.status == 0)
    #expect(outcome.stderr.contains("empty.bib: warning: empty input"))
    #expect(try CLI.run(["network", "empty.bib", "--strict"], in: dir).status == 1)
  }

  @Test("render of a missing file: exit 1, the file named, no usage text")
  func renderMissing() throws {
    let dir = try CLI.temporaryFolder()
    let outcome = try CLI.run(["render", "/missing.dot", "-o", "x.svg"], in: dir)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("/missing.dot"))
    #expect(!outcome.stderr.contains(Self.usage))
  }

  @Test("--strict with an input problem is failed work (1) for every command, never 64")
  func strictEverywhere() throws {
    let dir = try folder([
      "refs.bib": Self.bibtex + "@article{broken, author = {X Y}, title = {Cut\n",
    ])
    for arguments in [
      ["network", "refs.bib", "--strict"], ["metrics", "refs.bib", "--strict"],
      ["communities", "refs.bib", "--strict"], ["parse", "refs.bib", "--strict"],
      ["coa", "Ann Smith", "refs.bib", "--strict", "--as-of", "2021"],
    ] {
      let outcome = try CLI.run(arguments, in: dir)
      #expect(outcome.status == 1, "\(arguments): \(outcome.stderr)")
      #expect(outcome.stderr.contains("--strict"))
      #expect(!outcome.stderr.contains(Self.usage))
      #expect(try CLI.run(arguments.filter { $0 != "--strict" }, in: dir).status == 0)
    }
    let data = try folder(["refs.bib": Self.bibtex + "@article{broken, author = {X Y}, title = {Cut\n"])
    let out = try CLI.temporaryFolder()
    let run = try CLI.run(["run", "--data", data.path, "--output", out.path, "--strict"])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.md").path))
    // An output folder inside the data folder would be read back as sources next time.
    let inside = try CLI.run(["run", "--data", data.path, "--output", data.appendingPathComponent("out").path])
    #expect(inside.status == 64, "\(inside.stderr)")
  }

  @Test(
    "wrong arguments exit 64",
    arguments: [
      ["metrics", "Data", "--top=-1"], ["render", "x.dot", "-o", "x.svg", "--timeout", "nan"],
      ["render", "x.dot", "-o", "x.svg", "--timeout", "inf"],
      ["render", "x.dot", "-o", "x.svg", "--timeout", "1e300"],
      ["run", "--render-timeout", "nan"], ["run", "--render-timeout=-5"], ["run", "--topic-terms=-1"],
      ["coa", "X", "Data", "--months", "9223372036854775807"],
      ["coa", "X", "Data", "--as-of=-9223372036854775808"],
      ["network", "Data", "--format", "vosviewer-map"], ["network"], ["network", "Data", "--bogus"],
      ["render", "x.dot", "-o", "x.unknown"],
    ])
  func wrongArguments(_ arguments: [String]) throws {
    let outcome = try CLI.run(arguments)
    #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
    #expect(outcome.reason == .exit)
  }

  @Test("a plain graph and sources together are wrong arguments (64)")
  func graphAndSources() throws {
    let dir = try folder(["g.txt": "1 2\n2 3\n", "refs.bib": Self.bibtex])
    #expect(try CLI.run(["network", "g.txt", "refs.bib"], in: dir).status == 64)
  }

  @Test("a data folder is accepted by every command, and Data/* reads as Data")
  func dataFolders() throws {
    let whole = try CLI.run(["network", "Data", "--format", "csv"])
    #expect(whole.status == 0, "\(whole.stderr)")
    #expect(whole.stdout.split(separator: "\n").count == 285)  // header + 284 links (CLITests)
    let files = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("Data").path)
      .sorted().map { "Data/" + $0 }
    let star = try CLI.run(["network", "--format", "csv"] + files)
    #expect(star.status == 0, "\(star.stderr)")
    #expect(star.stdout == whole.stdout)
    let metrics = try CLI.run(["metrics"] + files + ["--format", "csv"])
    #expect(metrics.status == 0)
    #expect(metrics.stdout == (try CLI.run(["metrics", "Data", "--format", "csv"]).stdout))
    #expect(try CLI.run(["communities", "Data"]).status == 0)
    #expect(try CLI.run(["coa", "Qi Lei", "Data", "--as-of", "2024"]).status == 0)
    #expect(try CLI.run(["parse", "Data"]).status == 0)
  }

  @Test("`-` reads standard input: the same records as the file")
  func standardInput() throws {
    let dir = try folder(["refs.bib": Self.bibtex])
    let fromFile = try CLI.run(["network", "refs.bib", "--format", "csv"], in: dir)
    let fromInput = try CLI.run(["network", "-", "--format", "csv"], in: dir, input: Data(Self.bibtex.utf8))
    #expect(fromInput.status == 0, "\(fromInput.stderr)")
    #expect(fromInput.stdout == fromFile.stdout)
    let parsed = try CLI.run(["parse", "-"], in: dir, input: Data(Self.bibtex.utf8))
    let object = try JSONSerialization.jsonObject(with: parsed.stdoutData) as? [String: Any]
    #expect((object?["publications"] as? [Any])?.count == 2)
    let graph = try CLI.run(["metrics", "-", "--format", "csv"], in: dir, input: Data("1 2\n2 3\n".utf8))
    #expect(graph.status == 0, "\(graph.stderr)")
  }
}
