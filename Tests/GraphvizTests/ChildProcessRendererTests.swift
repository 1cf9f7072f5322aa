import Foundation
import Testing

@testable import Graphviz

@Suite("Child-process renderer")
struct ChildProcessRendererTests {
  /// A script standing in for `dot`, in a private temporary directory.
  func fakeDot(_ body: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("fake-dot-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("dot").path
    try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  @Test("renders the same bytes as the in-process renderer", arguments: [LayoutEngine.dot, .neato])
  func matchesInProcess(engine: LayoutEngine) throws {
    let renderer = try ChildProcessRenderer(timeout: .seconds(30))
    let doc = smallDocument()
    let child = try renderer.render(doc, engine: engine, formats: [.svg, .png, .pdf])
    let inProcess = try GraphvizRenderer.render(doc, engine: engine, formats: [.svg, .png])
    #expect(child[.svg] == inProcess[.svg])
    #expect(child[.png] == inProcess[.png])
    #expect(Array((child[.pdf] ?? []).prefix(5)) == Array("%PDF-".utf8))
  }

  @Test("a syntax error carries dot's message")
  func syntaxError() throws {
    let renderer = try ChildProcessRenderer(timeout: .seconds(30))
    #expect {
      try renderer.render("digraph { a -> ; }", formats: [.svg])
    } throws: { error in
      guard let error = error as? GraphvizError else { return false }
      return error.stage == .parse && error.message.contains("syntax error in line 1")
    }
  }

  @Test("a child that hangs is killed at the deadline")
  func hangIsKilled() throws {
    let renderer = try ChildProcessRenderer(
      executable: try fakeDot("exec sleep 30"), timeout: .milliseconds(300))
    let clock = ContinuousClock()
    let start = clock.now
    #expect {
      try renderer.render("graph { a }", formats: [.svg])
    } throws: { error in
      (error as? GraphvizError)?.stage == .timeout
    }
    #expect(clock.now - start < .seconds(10))
  }

  @Test("a real layout over its time limit is stopped")
  func slowLayoutIsStopped() throws {
    // circo took 8 s on 100 nodes (notes §6); a 300-node ring with chords is far slower.
    var doc = DOTDocument()
    for i in 0..<300 { doc.addNode([.label("node \(i)")]) }
    for i in 0..<300 {
      doc.addEdge(from: i, to: (i + 1) % 300)
      doc.addEdge(from: i, to: (i * 17 + 5) % 300)
    }
    let renderer = try ChildProcessRenderer(timeout: .seconds(1))
    #expect {
      try renderer.render(doc, engine: .circo, formats: [.svg])
    } throws: { error in
      (error as? GraphvizError)?.stage == .timeout
    }
  }

  @Test("a crashing child becomes an error, not a crash")
  func crashIsReported() throws {
    let renderer = try ChildProcessRenderer(
      executable: try fakeDot("echo 'Assertion failed' >&2; kill -SEGV $$"),
      timeout: .seconds(10))
    #expect {
      try renderer.render("graph { a }", formats: [.svg])
    } throws: { error in
      guard let error = error as? GraphvizError else { return false }
      return error.stage == .childProcess && error.message.contains("crashed")
        && error.message.contains("Assertion failed")
    }
  }

  @Test("untrusted DOT is sanitized before the child sees it")
  func sanitizesFirst() throws {
    let renderer = try ChildProcessRenderer(timeout: .seconds(30))
    let result = try renderer.renderReport(
      hostileDOT, engine: .dot, formats: [.svg], sanitizing: .strict)
    let svg = String(decoding: result.outputs[.svg] ?? [], as: UTF8.self)
    #expect(svg.contains("<svg"))
    for needle in ["<script", "javascript:", "onload", "<image", "/etc/", "xlink:href"] {
      #expect(!svg.contains(needle), "SVG contains \(needle)")
    }
    #expect(result.removals.contains { $0.attribute == "image" })
  }
}
