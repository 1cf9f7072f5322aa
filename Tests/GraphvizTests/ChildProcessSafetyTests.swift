import Foundation
import Testing

@testable import CoauthorBase
@testable import Graphviz

#if canImport(Glibc)
  import Glibc
#endif

/// Which `dot` runs, the scratch folders, the sanitizer child and its deadline, and
/// non-finite numbers in untrusted DOT.
@Suite("Child-process safety")
struct ChildProcessSafetyTests {
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("graphviz-safety-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func script(_ body: String, in folder: URL, name: String = "dot") throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o755)
    return path
  }

  @Test("the trusted dot is /usr/bin/dot or an absolute COAUTHOR_DOT; PATH is ignored")
  func trustedExecutable() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let planted = try script("exit 0", in: folder)
    #expect(
      try ChildProcessRenderer.trustedExecutable(environment: ["PATH": folder.path + ":/usr/bin"])
        == "/usr/bin/dot")
    #expect(
      try ChildProcessRenderer.trustedExecutable(environment: ["PATH": ".:/usr/bin"]) == "/usr/bin/dot")
    #expect(
      try ChildProcessRenderer.trustedExecutable(environment: ["COAUTHOR_DOT": planted]) == planted)
    for bad in ["dot", "./dot", folder.appendingPathComponent("missing").path] {
      #expect(throws: GraphvizError.self, "\(bad)") {
        try ChildProcessRenderer.trustedExecutable(environment: ["COAUTHOR_DOT": bad])
      }
    }
    #expect(throws: GraphvizError.self) { try ChildProcessRenderer(executable: "dot") }
    // What a process uses: an unusable COAUTHOR_DOT falls back to /usr/bin/dot, with a warning.
    for bad in ["dot", "./dot", folder.appendingPathComponent("missing").path] {
      #expect(try ChildProcessRenderer.usableExecutable(environment: ["COAUTHOR_DOT": bad]) == "/usr/bin/dot")
      let warning = try #require(ChildProcessRenderer.environmentWarning(environment: ["COAUTHOR_DOT": bad]))
      #expect(warning.hasPrefix("COAUTHOR_DOT=\(bad) is not"), "\(warning)")
      #expect(warning.contains("/usr/bin/dot"), "\(warning)")
    }
    #expect(ChildProcessRenderer.environmentWarning(environment: [:]) == nil)
    #expect(ChildProcessRenderer.environmentWarning(environment: ["COAUTHOR_DOT": planted]) == nil)
    #expect(try ChildProcessRenderer.usableExecutable(environment: ["COAUTHOR_DOT": planted]) == planted)
    #expect(try ChildProcessRenderer().executable == "/usr/bin/dot")
  }

  @Test("a sanitizer child that hangs is killed at the render's deadline")
  func sanitizerDeadline() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let hanging = try script("exec sleep 30", in: folder, name: "sanitizer")
    let renderer = try ChildProcessRenderer(timeout: .milliseconds(500), sanitizerCommand: [hanging])
    let clock = ContinuousClock()
    let start = clock.now
    #expect {
      try renderer.renderReport("graph { a }", engine: .dot, formats: [.svg], sanitizing: .strict)
    } throws: { error in
      guard let error = error as? GraphvizError else { return false }
      return error.stage == .timeout && error.message.contains("sanitizing")
    }
    #expect(clock.now - start < .seconds(5))
  }

  @Test("the sanitizer child's side: sanitized text and removals, or the parse error")
  func sanitizerChild() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.dot")
    let output = folder.appendingPathComponent("out.dot")
    let report = folder.appendingPathComponent("report.json")
    let policy = folder.appendingPathComponent("policy.json")
    try JSONEncoder().encode(SanitizePolicy.strict).write(to: policy)
    try Data(#"graph { a [image="/etc/passwd", label="A"] }"#.utf8).write(to: input)
    let arguments = [input.path, output.path, report.path, "neato", policy.path]
    #expect(SanitizerChild.main(arguments: arguments) == 0)
    let decoded = try JSONDecoder().decode(
      SanitizerChild.Report.self, from: Data(contentsOf: report))
    #expect(decoded.removals?.contains { $0.attribute == "image" } == true)
    let text = try String(contentsOf: output, encoding: .utf8)
    #expect(!text.contains("passwd") && text.contains("label=A"))

    try Data("graph { a -- ; }".utf8).write(to: input)
    #expect(SanitizerChild.main(arguments: arguments) == 1)
    let failed = try JSONDecoder().decode(
      SanitizerChild.Report.self, from: Data(contentsOf: report))
    #expect(failed.error?.stage == .parse)
    #expect(SanitizerChild.main(arguments: ["too", "few"]) == 2)
  }

  @Test("stale scratch folders: free lock or dead pid removed; held lock, live pid, other names kept")
  func staleFolders() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    func make(_ name: String, lock: Bool) throws -> String {
      let path = folder.appendingPathComponent(name).path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      try Data("x".utf8).write(to: URL(fileURLWithPath: path + "/1-input.dot"))
      if lock { try Data().write(to: URL(fileURLWithPath: path + "/.lock")) }
      return path
    }
    let freeLock = try make("coauthor-scratch-\(getpid())-aaaaaa", lock: true)
    let heldLock = try make("coauthor-scratch-\(getpid())-bbbbbb", lock: true)
    let held = open(heldLock + "/.lock", O_RDWR | O_CLOEXEC)
    try #require(held >= 0 && flock(held, LOCK_EX | LOCK_NB) == 0)
    defer { close(held) }
    let livePID = try make("coauthor-scratch-\(getpid())-cccccc", lock: false)
    let deadPID = try make("coauthor-scratch-2147483646-dddddd", lock: false)
    let legacy = try make("coauthor-graphviz-12345678-ABCD-EF01-2345-6789ABCDEF01", lock: false)
    // Earlier versions' folders of dead processes go too.
    let oldGraphviz = try make("coauthor-graphviz-2147483644-ffffff", lock: false)
    let oldPDF = try make("coauthor-pdf-2147483643-gggggg", lock: true)
    let link = folder.appendingPathComponent("coauthor-scratch-2147483645-eeeeee").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: deadPID)

    ScratchFolder.removeStaleFolders(in: folder.path)

    let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
    #expect(!exists(freeLock))
    #expect(exists(heldLock))
    #expect(exists(livePID))
    #expect(!exists(deadPID))
    #expect(exists(legacy))
    #expect(!exists(oldGraphviz))
    #expect(!exists(oldPDF))
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == deadPID)
  }

  @Test("the process's scratch folder is private, locked, reused and emptied after each render")
  func scratchFolder() throws {
    let scratch = try ScratchFolder.shared()
    let name = (scratch.path as NSString).lastPathComponent
    #expect(name.hasPrefix("coauthor-scratch-\(getpid())-"))
    var info = stat()
    #expect(lstat(scratch.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
    let renderer = try ChildProcessRenderer(timeout: .seconds(60))
    for _ in 0..<2 { _ = try renderer.render("graph { a -- b }", engine: .neato, formats: [.svg]) }
    #expect(try ScratchFolder.shared().path == scratch.path)
    let files = scratch.files()
    try Data("x".utf8).write(to: URL(fileURLWithPath: files.path("input.dot")))
    try Data("x".utf8).write(to: URL(fileURLWithPath: files.path("output.svg")))
    files.removeAll()
    let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
    #expect(!left.contains { $0.hasPrefix(files.prefix) }, "\(left)")
    #expect(left.contains(".lock"))
    let lock = open(scratch.path + "/.lock", O_RDWR | O_CLOEXEC)
    defer { close(lock) }
    #expect(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0, "the scratch folder is not locked")
  }

  @Test(
    "non-finite or huge numbers in untrusted DOT are removed",
    arguments: [
      ("pos", "nan,nan!"), ("pos", "1,inf"), ("pos", "1" + String(repeating: "0", count: 400) + ",1"),
      ("width", "nan"), ("height", "inf"), ("width", "1" + String(repeating: "0", count: 400)),
      ("xlp", "nan,1"), ("vertices", "1,1 nan,2"), ("gradientangle", "nan"),
    ])
  func nonFinite(attribute: String, value: String) throws {
    let sanitized = try GraphvizRenderer.sanitize(
      "graph { a [\(attribute)=\"\(value)\"] }", engine: .neato, policy: .strict)
    #expect(sanitized.removals.contains { $0.attribute == attribute && $0.object == "a" })
    let node = try #require(try GraphvizRenderer.inspect(sanitized.text).nodes.first)
    #expect(node.attributes[attribute] == nil, "\(node.attributes)")
  }

  @Test("finite positions, edge splines and graph orientation stay")
  func finiteKept() throws {
    let dot = """
      graph { orientation=landscape; a [pos="1.5,-2!", width="0.5"]; b [pos="3,4"];
      a -- b [pos="e,3,4 1,2 2,3 2.5,3.5 3,4"] }
      """
    let sanitized = try GraphvizRenderer.sanitize(dot, engine: .neato, policy: .strict)
    #expect(sanitized.removals.isEmpty, "\(sanitized.removals)")
  }
}
