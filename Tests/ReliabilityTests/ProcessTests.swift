import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `coauthor render`'s child processes: they die with coauthor, their scratch folder goes
/// with it, the `dot` that runs is the trusted one, and the deadline covers sanitizing.
@Suite("Child processes", .serialized)
struct ProcessTests {
  /// A folder with a private TMPDIR (scratch folders land there, nowhere else).
  struct Sandbox {
    let folder: URL
    var tmp: URL { folder.appendingPathComponent("tmp") }

    init() throws {
      folder = try CLI.temporaryFolder()
      try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
      var environment = ProcessInfo.processInfo.environment
      environment["TMPDIR"] = tmp.path
      environment.removeValue(forKey: "COAUTHOR_DOT")
      for (key, value) in extra { environment[key] = value }
      return environment
    }

    func scratchFolders() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [])
        .filter { $0.hasPrefix("coauthor-scratch-") || $0.hasPrefix("coauthor-graphviz-") }
    }

    func write(_ name: String, _ text: String) throws -> String {
      let url = folder.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      return url.path
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
  }

  /// A process as /proc shows it: its parent, state and start time (to tell it from a
  /// later process with the same pid).
  struct ProcEntry: Equatable {
    var pid: Int32
    var command: String
    var state: Character
    var parent: Int32
    var start: UInt64
  }

  static func proc(_ pid: Int32) -> ProcEntry? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")")
    else { return nil }
    let command = String(text[text.index(after: open)..<close])
    let fields = text[text.index(close, offsetBy: 2)...].split(separator: " ")
    guard fields.count > 19, let state = fields[0].first, let parent = Int32(fields[1]),
      let start = UInt64(fields[19])
    else { return nil }
    return ProcEntry(pid: pid, command: command, state: state, parent: parent, start: start)
  }

  static func children(of parent: Int32) -> [ProcEntry] {
    let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap {
      Int32($0)
    }
    return pids.compactMap(proc).filter { $0.parent == parent }
  }

  /// True while the process still runs (a zombie waiting for its new parent has died).
  static func isRunning(_ entry: ProcEntry) -> Bool {
    guard let now = proc(entry.pid), now.start == entry.start else { return false }
    return now.state != "Z" && now.state != "X"
  }

  static func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if condition() { return true }
      usleep(50_000)
    }
    return condition()
  }

  /// A graph dot needs minutes for (2,000 nodes, 6,000 edges), which parses in milliseconds.
  static func slowDOT() -> String {
    var text = "graph slow {\n"
    var state: UInt64 = 42
    for i in 0..<2000 {
      for _ in 0..<3 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += "n\(i) -- n\(Int(state >> 33) % 2000);\n"
      }
    }
    return text + "}\n"
  }

  /// Starts `coauthor render` on the slow graph and waits until its `dot` child runs.
  static func startSlowRender(_ sandbox: Sandbox) throws -> (Process, ProcEntry) {
    let input = try sandbox.write("slow.dot", slowDOT())
    let process = Process()
    process.executableURL = try CLI.executable()
    process.arguments = [
      "render", input, "--engine", "dot", "--timeout", "3000", "-o",
      sandbox.folder.appendingPathComponent("slow.svg").path,
    ]
    process.environment = sandbox.environment()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var dot: ProcEntry?
    _ = waitFor(seconds: 120) {
      dot = children(of: process.processIdentifier).first { $0.command == "dot" }
      return dot != nil || !process.isRunning
    }
    guard let dot else {
      process.terminate()
      process.waitUntilExit()
      throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "no dot child appeared"])
    }
    return (process, dot)
  }

  @Test("kill -9 of coauthor kills its dot child within seconds; the next run removes the stale scratch folder")
  func killNine() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (process, dot) = try Self.startSlowRender(sandbox)
    #expect(sandbox.scratchFolders().count == 1, "\(sandbox.scratchFolders())")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    let died = Self.waitFor(seconds: 5) { !Self.isRunning(dot) }
    if !died { kill(dot.pid, SIGKILL) }
    #expect(died, "dot (pid \(dot.pid)) outlived coauthor")
    // Nothing could remove the folder of a process killed with SIGKILL …
    let stale = sandbox.scratchFolders()
    #expect(stale.count == 1, "\(stale)")

    // … so the next process that renders removes it, and its own at exit.
    let small = try sandbox.write("small.dot", "graph { a -- b }\n")
    let outcome = try CLI.run(
      ["render", small, "-o", sandbox.folder.appendingPathComponent("small.svg").path],
      environment: sandbox.environment())
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(sandbox.scratchFolders().isEmpty, "\(sandbox.scratchFolders())")
  }

  @Test("kill -9 of coauthor kills a hanging pdftotext (COAUTHOR_PDFTOTEXT) within seconds; the next PDF read removes the stale scratch folder")
  func killNinePDFToText() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let pidFile = sandbox.folder.appendingPathComponent("pdftotext.pid")
    // A pdftotext that never finishes: its pid, then `exec sleep` (the same process).
    let fake = try sandbox.write("fake-pdftotext", "#!/bin/sh\necho $$ > '\(pidFile.path)'\nexec sleep 300\n")
    chmod(fake, 0o755)
    let pdf = try sandbox.write("cv.pdf", "%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n")
    let process = Process()
    process.executableURL = try CLI.executable()
    process.arguments = ["parse", pdf]
    process.environment = sandbox.environment(["COAUTHOR_PDFTOTEXT": fake])
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var child: ProcEntry?
    _ = Self.waitFor(seconds: 60) {
      child = Self.children(of: process.processIdentifier).first { $0.command == "sleep" }
      return child != nil || !process.isRunning
    }
    let entry = try #require(child, "no pdftotext child appeared")
    // It ran through CProcess: a process group of its own.
    #expect(getpgid(entry.pid) == entry.pid)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let died = Self.waitFor(seconds: 5) { !Self.isRunning(entry) }
    if !died { kill(entry.pid, SIGKILL) }
    #expect(died, "pdftotext (pid \(entry.pid)) outlived coauthor")
    // The PDF's copy sits in the killed process's scratch folder, which nothing could
    // remove; the next process that reads a PDF removes it, and its own at exit.
    #expect(sandbox.scratchFolders().count == 1, "\(sandbox.scratchFolders())")
    let quick = try sandbox.write("quick-pdftotext", "#!/bin/sh\nexit 3\n")
    chmod(quick, 0o755)
    let next = try CLI.run(["parse", pdf], environment: sandbox.environment(["COAUTHOR_PDFTOTEXT": quick]))
    #expect(next.status == 1, "\(next.stderr)")
    #expect(next.stderr.contains("pdftotext exited with status 3"), "\(next.stderr)")
    #expect(sandbox.scratchFolders().isEmpty, "\(sandbox.scratchFolders())")
  }

  @Test("SIGTERM to coauthor kills its dot child and removes the scratch folder", arguments: [SIGTERM, SIGINT])
  func terminate(signal: Int32) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (process, dot) = try Self.startSlowRender(sandbox)
    let signals = ((try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? "")
      .split(separator: "\n").filter { $0.hasPrefix("Sig") }.joined(separator: " ")
    kill(process.processIdentifier, signal)
    let exited = Self.waitFor(seconds: 10) { !process.isRunning }
    if !exited { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    #expect(exited, "coauthor did not stop on signal \(signal) (\(signals))")
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
    let died = Self.waitFor(seconds: 5) { !Self.isRunning(dot) }
    if !died { kill(dot.pid, SIGKILL) }
    #expect(died, "dot (pid \(dot.pid)) outlived coauthor")
    #expect(sandbox.scratchFolders().isEmpty, "\(sandbox.scratchFolders())")
  }

  @Test("scratch folders of dead processes are removed at start, live ones are kept")
  func staleFolders() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    // A pid that just died, and this test process's (alive), as older versions named them.
    let finished = try TestProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo $$"])
    let deadPID = try #require(Int32(finished.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)))
    let dead = sandbox.tmp.appendingPathComponent("coauthor-scratch-\(deadPID)-AAAAAA")
    let alive = sandbox.tmp.appendingPathComponent("coauthor-scratch-\(getpid())-BBBBBB")
    let unrelated = sandbox.tmp.appendingPathComponent("coauthor-graphviz-notes")
    for folder in [dead, alive, unrelated] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("x".utf8).write(to: folder.appendingPathComponent("1-input.dot"))
    }
    let small = try sandbox.write("small.dot", "graph { a -- b }\n")
    let outcome = try CLI.run(
      ["render", small, "-o", sandbox.folder.appendingPathComponent("small.svg").path],
      environment: sandbox.environment())
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dead.path), "the dead process's folder is left")
    #expect(FileManager.default.fileExists(atPath: alive.path), "a live process's folder was removed")
    #expect(FileManager.default.fileExists(atPath: unrelated.path))
    #expect(Set(sandbox.scratchFolders()) == [alive.lastPathComponent, unrelated.lastPathComponent])
  }

  @Test("a planted ./dot is never run: PATH is ignored, COAUTHOR_DOT must be absolute")
  func trustedDot() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let marker = sandbox.folder.appendingPathComponent("planted-dot-ran")
    let planted = try sandbox.write("dot", "#!/bin/sh\ntouch '\(marker.path)'\nexit 3\n")
    chmod(planted, 0o755)
    let input = try sandbox.write("small.dot", "graph { a -- b }\n")
    let output = sandbox.folder.appendingPathComponent("small.svg").path

    for extra in [["PATH": ".:/usr/bin:/bin"], ["PATH": ".:/usr/bin:/bin", "COAUTHOR_DOT": "dot"]] {
      let outcome = try CLI.run(
        ["render", input, "-o", output], in: sandbox.folder, environment: sandbox.environment(extra))
      #expect(outcome.status == 0, "\(extra): \(outcome.stderr)")
      #expect(!FileManager.default.fileExists(atPath: marker.path), "\(extra): ./dot ran")
      let svg = try String(contentsOfFile: output, encoding: .utf8)
      #expect(svg.contains("<svg"), "\(extra)")
      // A relative COAUTHOR_DOT is not silently dropped: a warning names it and its value.
      if extra["COAUTHOR_DOT"] != nil {
        #expect(
          outcome.stderr.contains(
            "environment: warning: COAUTHOR_DOT=dot is not an absolute path (PATH and the working folder are never searched); it is ignored and Graphviz runs /usr/bin/dot instead"
          ), "\(outcome.stderr)")
      } else {
        #expect(!outcome.stderr.contains("COAUTHOR_DOT"), "\(outcome.stderr)")
      }
    }
    // The same warning from `run`, and with --strict it fails the run.
    let data = sandbox.folder.appendingPathComponent("Data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try Data("@article{a, author = {Lovelace, Ada and Babbage, Charles}, title = {Notes}, year = 1843}\n".utf8)
      .write(to: data.appendingPathComponent("refs.bib"))
    for strict in [false, true] {
      let run = try CLI.run(
        ["run", "--data", data.path, "--output", sandbox.folder.appendingPathComponent("Out\(strict)").path]
          + (strict ? ["--strict"] : []),
        in: sandbox.folder, environment: sandbox.environment(["COAUTHOR_DOT": "bin/dot"]))
      #expect(run.status == (strict ? 1 : 0), "\(run.stderr)")
      #expect(run.stderr.contains("COAUTHOR_DOT=bin/dot is not an absolute path"), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: marker.path), "./dot ran")
    }
    // An absolute COAUTHOR_DOT is the one override, and it is used.
    let overridden = try CLI.run(
      ["render", input, "-o", output], in: sandbox.folder,
      environment: sandbox.environment(["COAUTHOR_DOT": planted]))
    #expect(overridden.status == 1, "\(overridden.stderr)")
    #expect(FileManager.default.fileExists(atPath: marker.path), "COAUTHOR_DOT was not used")
  }

  @Test("--timeout 1 covers sanitizing: a 1,000,000-node DOT stops within seconds")
  func deadlineCoversSanitizing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    var text = "graph big {\n"
    text.reserveCapacity(12_000_000)
    for i in 0..<1_000_000 { text += "n\(i);\n" }
    let input = try sandbox.write("big.dot", text + "}\n")
    let output = sandbox.folder.appendingPathComponent("big.svg").path
    let start = Date()
    let outcome = try CLI.run(
      ["render", input, "--engine", "neato", "--timeout", "1", "-o", output],
      environment: sandbox.environment())
    let elapsed = Date().timeIntervalSince(start)
    #expect(outcome.status == 1, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("did not finish within"), "\(outcome.stderr)")
    #expect(elapsed < 8, "took \(elapsed) s with --timeout 1 (16.8 s before the fix)")
    #expect(!FileManager.default.fileExists(atPath: output))
    #expect(sandbox.scratchFolders().isEmpty)
  }

  @Test("non-finite pos, width and height are removed with a diagnostic; the SVG has no nan")
  func nonFiniteAttributes() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let huge = "1" + String(repeating: "0", count: 400)
    let input = try sandbox.write(
      "nan.dot",
      """
      graph { a [pos="nan,nan!"]; b [pos="10,20!", width="nan", height="inf"]; c [pos="\(huge),1"];
      d [pos="-inf,5"]; a -- b; b -- c; c -- d }

      """)
    let output = sandbox.folder.appendingPathComponent("nan.svg").path
    let outcome = try CLI.run(
      ["render", input, "--engine", "neato", "-o", output], environment: sandbox.environment())
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let svg = try String(contentsOfFile: output, encoding: .utf8).lowercased()
    #expect(svg.contains("<svg"))
    #expect(!svg.contains("nan") && !svg.contains("inf"), "non-finite numbers in the SVG")
    for removed in [#"a: pos="nan,nan!""#, #"b: width="nan""#, #"b: height="inf""#, #"d: pos="-inf,5""#, "c: pos=\"1000"] {
      #expect(outcome.stderr.contains("node " + removed), "no diagnostic for \(removed):\n\(outcome.stderr)")
    }
    #expect(!outcome.stderr.contains(#"b: pos="10,20!""#), "a finite pos was removed")
  }
}
