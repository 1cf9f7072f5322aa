import CoauthorAnalysis
import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Regression tests for the output side of issue 15 that was fixed without tests:
/// temporary files from mkstemp, the output folder lock, `--output` inside `--data`, and
/// owners' ego-network file names.
@Suite("Output safety")
struct OutputSafetyTests {
  /// A folder with a victim file that a planted link points to.
  static func victim(in folder: URL) throws -> URL {
    let victim = folder.appendingPathComponent("victim.txt")
    try Data("victim\n".utf8).write(to: victim)
    return victim
  }

  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & 0o170000) == 0o100000
  }

  @Test("a symbolic link at the old temporary name .<name>.<pid>.tmp is not followed")
  func plantedTemporaryLink() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let victim = try Self.victim(in: folder)
    let destination = folder.appendingPathComponent("table.csv")
    let planted = folder.appendingPathComponent(".table.csv.\(getpid()).tmp")
    try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: victim)

    try OutputFiles.write(text: "a,b\n", to: destination.path)

    #expect(try String(contentsOf: victim, encoding: .utf8) == "victim\n")
    #expect(Self.isRegularFile(destination.path))
    #expect(try String(contentsOf: destination, encoding: .utf8) == "a,b\n")
    // The link is left as it was (a link to the victim), and no other file was added.
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: planted.path) == victim.path)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        == [".table.csv.\(getpid()).tmp", "table.csv", "victim.txt"])
  }

  @Test("a symbolic link at the destination is replaced, its target untouched")
  func plantedDestinationLink() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let victim = try Self.victim(in: folder)
    let destination = folder.appendingPathComponent("report.md")
    try FileManager.default.createSymbolicLink(at: destination, withDestinationURL: victim)

    try OutputFiles.write(text: "# report\n", to: destination.path)

    #expect(try String(contentsOf: victim, encoding: .utf8) == "victim\n")
    #expect(Self.isRegularFile(destination.path), "the destination is still a link")
    #expect(try String(contentsOf: destination, encoding: .utf8) == "# report\n")
  }

  @Test("`coauthor run` replaces planted links in its output folder without writing through them")
  func plantedLinksThroughTheCLI() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let victim = try Self.victim(in: folder)
    let output = folder.appendingPathComponent("Output")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    for name in ["report.md", "coauthor-network.nodes.csv"] {
      try FileManager.default.createSymbolicLink(
        at: output.appendingPathComponent(name), withDestinationURL: victim)
    }
    let outcome = try CLI.run(["run", "--data", "Data", "--output", output.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(try String(contentsOf: victim, encoding: .utf8) == "victim\n")
    for name in ["report.md", "coauthor-network.nodes.csv"] {
      #expect(Self.isRegularFile(output.appendingPathComponent(name).path), "\(name) is a link")
    }
  }

  @Test("a second run into a locked output folder fails with status 1 and says why")
  func lockedOutputFolder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("Output")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    // This test process is the first "run": it holds the lock coauthor takes.
    let lockPath = output.appendingPathComponent(".coauthor.lock").path
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    try #require(descriptor >= 0)
    try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)

    let blocked = try CLI.run(["run", "--data", "Data", "--output", output.path])
    #expect(blocked.status == 1, "\(blocked.stderr)")
    #expect(blocked.reason == .exit)
    #expect(
      blocked.stderr.contains("another coauthor run is writing to this folder"), "\(blocked.stderr)")
    #expect(blocked.errorLines.count == 1, "\(blocked.stderr)")
    #expect(
      !FileManager.default.fileExists(atPath: output.appendingPathComponent("report.md").path),
      "the blocked run wrote outputs")

    flock(descriptor, LOCK_UN)
    close(descriptor)
    let free = try CLI.run(["run", "--data", "Data", "--output", output.path])
    #expect(free.status == 0, "\(free.stderr)")
  }

  @Test("two concurrent runs into one folder: one wins, any other fails cleanly with status 1")
  func concurrentRuns() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("Output").path
    let results = Mutex([CLI.Outcome]())
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      if let outcome = try? CLI.run(["run", "--data", "Data", "--output", output]) {
        results.withLock { $0.append(outcome) }
      }
    }
    let outcomes = results.withLock { $0 }
    #expect(outcomes.count == 2)
    #expect(outcomes.contains { $0.status == 0 }, "\(outcomes.map(\.stderr))")
    for outcome in outcomes where outcome.status != 0 {
      #expect(outcome.status == 1)
      #expect(outcome.stderr.contains("another coauthor run is writing to this folder"))
    }
  }

  @Test("--output equal to or inside --data is refused with status 64", arguments: ["", "Output"])
  func outputInsideData(subfolder: String) throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("Data")
    try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Data"), to: data)
    let before = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
    let output = subfolder.isEmpty ? data : data.appendingPathComponent(subfolder)
    let outcome = try CLI.run(["run", "--data", data.path, "--output", output.path])
    #expect(outcome.status == 64, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("is inside --data"), "\(outcome.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).sorted() == before)
  }

  @Test("owners 王伟 and 李娜 get transliterated, distinct ego-network files")
  func egoFileNames() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("Data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    func homepage(_ collaborators: String) -> String {
      """
      Homepage
      I would love to thank my wonderful collaborators without whom these results below would never have been accomplished. In inverse chronological order:
      \(collaborators)

      """
    }
    let files = [
      ("wang.txt", homepage("Alice Smith (3), Bob Jones (2), Carol White (1)")),
      ("li.txt", homepage("Dan Brown (2), Eve Black (1), Alice Smith (1)")),
      (
        "manifest.json",
        """
        {"sources": [{"file": "wang.txt", "owner": "王伟", "format": "homepage"},
                     {"file": "li.txt", "owner": "李娜", "format": "homepage"}]}
        """
      ),
    ]
    for (name, text) in files { try Data(text.utf8).write(to: data.appendingPathComponent(name)) }
    let output = folder.appendingPathComponent("Output")
    let outcome = try CLI.run(["run", "--data", data.path, "--output", output.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
    let egoDOT = names.filter { $0.hasPrefix("ego-") && $0.hasSuffix(".dot") }.sorted()
    #expect(egoDOT == ["ego-li-na.dot", "ego-wang-wei.dot"], "\(egoDOT)")
    #expect(!egoDOT.contains("ego-person.dot"), "\(egoDOT)")
    #expect(egoDOT.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "\(egoDOT)")
    // Each owner's file is its own ego network: 王伟's holds his coauthors, not 李娜's.
    let wang = try String(contentsOf: output.appendingPathComponent("ego-wang-wei.dot"), encoding: .utf8)
    let li = try String(contentsOf: output.appendingPathComponent("ego-li-na.dot"), encoding: .utf8)
    // (Node tooltips: the legend names members of the whole network's communities.)
    #expect(wang.contains(#"tooltip="Bob Jones""#) && !wang.contains(#"tooltip="Dan Brown""#))
    #expect(li.contains(#"tooltip="Dan Brown""#) && !li.contains(#"tooltip="Bob Jones""#))
    #expect(wang.contains(#"tooltip="王伟""#) && li.contains(#"tooltip="李娜""#))
  }
}
