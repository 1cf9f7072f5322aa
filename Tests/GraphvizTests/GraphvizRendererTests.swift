import Testing

@testable import Graphviz

#if canImport(Glibc)
  import Glibc
#endif

func smallDocument() -> DOTDocument {
  var doc = DOTDocument(graphAttributes: [.overlap(.remove), .start(seed: 1)])
  let names = ["Qi Lei", "Zeyuan Allen-Zhu", "Sébastien Bubeck", "Wei Hu", "李"]
  for name in names { doc.addNode([.label(name)]) }
  for (a, b) in [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (0, 4)] {
    doc.addEdge(from: a, to: b, [.penWidth(Double(a + 1))])
  }
  return doc
}

@Suite("Graphviz renderer")
struct GraphvizRendererTests {
  @Test("the plugins this package needs are registered")
  func plugins() throws {
    let layouts = try GraphvizRenderer.plugins("layout")
    let devices = try GraphvizRenderer.plugins("device")
    for engine in LayoutEngine.allCases { #expect(layouts.contains(engine.rawValue)) }
    for format in ["svg", "png", "pdf"] { #expect(devices.contains(format)) }
    #expect(try GraphvizRenderer.version().hasPrefix("2."))
  }

  @Test(
    "every engine renders real SVG, PNG and PDF from one layout", arguments: LayoutEngine.allCases)
  func allFormats(engine: LayoutEngine) throws {
    let outputs = try GraphvizRenderer.render(
      smallDocument(), engine: engine, formats: [.svg, .png, .pdf])
    let svg = String(decoding: outputs[.svg] ?? [], as: UTF8.self)
    #expect(svg.hasPrefix("<?xml"))
    #expect(svg.contains("<svg"))
    #expect(svg.contains("Sébastien Bubeck"))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(
      Array((outputs[.png] ?? []).prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(Array((outputs[.pdf] ?? []).prefix(5)) == Array("%PDF-".utf8))
    #expect(String(decoding: (outputs[.pdf] ?? []).suffix(6), as: UTF8.self).contains("%%EOF"))
  }

  @Test(
    "malformed DOT gives Graphviz's own message",
    arguments: [
      ("digraph { a -> ; }", "syntax error in line 1 near ';'"),
      ("graph { a [label=\"oops] }", "missing endquote"),
      ("this is not dot at all", "syntax error in line 1 near 'this'"),
      ("digraph { a -- b }", "syntax error in line 1 near '--'"),
      ("graph { a [penwidth=1e6] }", "syntax error"),
    ])
  func parseError(dot: String, fragment: String) {
    #expect {
      try GraphvizRenderer.render(dot, formats: [.svg])
    } throws: { error in
      guard let error = error as? GraphvizError else { return false }
      return error.stage == .parse && error.message.contains(fragment)
        && error.message.hasPrefix("Error")
    }
  }

  @Test("without a plugin configuration the first call fails with a hint, not a crash")
  func missingPlugins() async {
    // In a child process: GVBINDIR points at an empty directory, so gvContext() finds no
    // config6a and registers no plugins (notes §2).
    await #expect(processExitsWith: .success) {
      let directory = "/tmp/graphviz-no-plugins-\(getpid())"
      mkdir(directory, 0o700)
      setenv("GVBINDIR", directory, 1)
      do throws(GraphvizError) {
        _ = try GraphvizRenderer.render("graph { a }", formats: [.svg])
        exit(2)
      } catch {
        let hint = error.stage == .startup && error.message.contains("dot -c")
        // The failure is remembered: later calls fail the same way without retrying.
        let again = (try? GraphvizRenderer.version()) == nil
        rmdir(directory)
        exit(hint && again ? 0 : 1)
      }
    }
  }

  @Test("empty text and NUL bytes are rejected before Graphviz sees them")
  func inputErrors() {
    #expect(throws: GraphvizError(stage: .input, message: "the DOT text is empty")) {
      try GraphvizRenderer.render("  \n", formats: [.svg])
    }
    #expect(throws: GraphvizError(stage: .input, message: "the DOT text contains a NUL byte")) {
      try GraphvizRenderer.inspect("graph { a\u{0} }")
    }
  }

  @Test("an unknown engine: our message for a name, Graphviz's for the C call")
  func unknownEngine() throws {
    #expect(throws: GraphvizError.self) { try LayoutEngine.named("nosuchengine") }
    #expect(try LayoutEngine.named("sfdp") == .sfdp)
    #expect {
      try GraphvizRenderer._render(
        "graph { a }", engineName: "nosuchengine", devices: [(.svg, "svg")], policy: nil,
        engine: .dot)
    } throws: { error in
      guard let error = error as? GraphvizError else { return false }
      return error.stage == .layout
        && error.message.contains("Layout type: \"nosuchengine\" not recognized")
    }
    // layout= in the DOT overrides the engine (never written by DOTWriter).
    #expect {
      try GraphvizRenderer.render("graph { layout=bogus; a }", formats: [.svg])
    } throws: { error in
      (error as? GraphvizError)?.message.contains("Layout type: \"bogus\" not recognized") == true
    }
  }

  @Test("an unknown device fails at the render stage, and the context still works")
  func unknownFormat() throws {
    #expect {
      try GraphvizRenderer._render(
        "graph { a }", engineName: "dot", devices: [(.svg, "nosuchformat")], policy: nil,
        engine: .dot)
    } throws: { error in
      guard let error = error as? GraphvizError else { return false }
      return error.stage == .render && error.message.contains("nosuchformat")
    }
    #expect(try GraphvizRenderer.render("graph { a }", formats: [.svg])[.svg]?.isEmpty == false)
  }

  @Test("a malformed HTML label is a layout error although gvLayout returns 0")
  func htmlLabelError() {
    #expect {
      try GraphvizRenderer.render("graph { a [label=<<b>x</i>>] }", formats: [.svg])
    } throws: { error in
      guard let error = error as? GraphvizError else { return false }
      return error.stage == .layout && error.message.contains("mismatched tag")
    }
  }

  @Test("warnings are returned, not printed")
  func warnings() throws {
    let result = try GraphvizRenderer.renderReport(
      "graph { a [shape=nosuchshape] }", formats: [.svg])
    #expect(result.warnings == ["Warning: using box for unknown shape nosuchshape"])
  }

  @Test(
    "two renders are byte-identical", arguments: [LayoutEngine.dot, .neato, .sfdp, .twopi, .circo])
  func determinism(engine: LayoutEngine) throws {
    var doc = smallDocument()
    for i in 0..<20 { doc.addNode([.label("extra \(i)")]) }
    for i in 5..<25 { doc.addEdge(from: i, to: (i * 7) % 25) }
    let first = try GraphvizRenderer.render(doc, engine: engine, formats: [.svg, .png])
    let second = try GraphvizRenderer.render(doc, engine: engine, formats: [.svg, .png])
    let svg1 = String(decoding: first[.svg] ?? [], as: UTF8.self)
    let svg2 = String(decoding: second[.svg] ?? [], as: UTF8.self)
    if svg1 != svg2 {
      let l1 = svg1.split(separator: "\n")
      let l2 = svg2.split(separator: "\n")
      let i = (0..<min(l1.count, l2.count)).first { l1[$0] != l2[$0] } ?? min(l1.count, l2.count)
      Issue.record(
        "SVG differs at line \(i): \(i < l1.count ? l1[i] : "") | \(i < l2.count ? l2[i] : "")")
    }
    #expect((first[.png] ?? []) == (second[.png] ?? []), "PNG differs")
  }

  @Test("background renders give the same bytes as direct ones")
  func background() async throws {
    async let first = GraphvizRenderer.renderInBackground(smallDocument(), formats: [.svg])
    async let second = GraphvizRenderer.renderInBackground(
      smallDocument(), engine: .neato, formats: [.svg])
    let direct = try GraphvizRenderer.render(smallDocument(), formats: [.svg])
    #expect(try await first.outputs == direct)
    #expect(try await second.outputs[.svg]?.isEmpty == false)
    await #expect(throws: GraphvizError.self) {
      try await GraphvizRenderer.renderInBackground("graph {", formats: [.svg])
    }
  }

  @Test("concurrent renders from many tasks neither crash nor mix outputs")
  func concurrency() async throws {
    let engines: [LayoutEngine] = [.dot, .neato, .sfdp, .twopi]
    let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for i in 0..<16 {
        group.addTask {
          var doc = DOTDocument()
          for j in 0..<12 { doc.addNode([.label("task \(i) node \(j)")]) }
          for j in 0..<11 { doc.addEdge(from: j, to: j + 1) }
          let out = try GraphvizRenderer.render(doc, engine: engines[i % 4], formats: [.svg])
          return (i, String(decoding: out[.svg] ?? [], as: UTF8.self))
        }
      }
      var collected: [Int: String] = [:]
      for try await (i, svg) in group { collected[i] = svg }
      return collected
    }
    #expect(results.count == 16)
    for (i, svg) in results {
      #expect(svg.contains("task \(i) node 11"))
      #expect(!svg.contains("task \((i + 1) % 16) node"))
    }
  }
}

@Suite("Graphviz parser state")
struct GraphvizParserStateTests {
  @Test("text after the first graph never leaks into the next parse")
  func noLeftovers() throws {
    // 2.42's scanner kept "graph B { evil }" buffered and returned it for the next input.
    let first = try GraphvizRenderer.inspect("graph A { a } graph B { evil }")
    #expect(first.nodes.map(\.name) == ["a"])
    let second = try GraphvizRenderer.inspect("graph C { b }")
    #expect(second.nodes.map(\.name) == ["b"])
    // An unterminated comment made the next valid input fail.
    _ = try? GraphvizRenderer.inspect("graph E { d } /* unterminated")
    #expect(try GraphvizRenderer.inspect("graph F { e }").nodes.map(\.name) == ["e"])
  }

  @Test("line numbers in messages count from the start of each input")
  func lineNumbers() {
    _ = try? GraphvizRenderer.inspect("graph {\n a -- b\n}\n\n\n")
    #expect {
      try GraphvizRenderer.inspect("digraph {\n a -> ; }")
    } throws: { error in
      (error as? GraphvizError)?.message == "Error: syntax error in line 2 near ';'"
    }
  }
}
