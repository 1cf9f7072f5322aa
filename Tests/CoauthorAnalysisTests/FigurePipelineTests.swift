import Foundation
import GraphKit
import Graphviz
import Testing

@testable import CoauthorAnalysis

/// The seed data folder of the repository.
private let seedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path

private func temporaryFolder(_ name: String) -> String {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-\(name)-\(UUID().uuidString)")
  return url.path
}

private func read(_ folder: String, _ name: String) -> String? {
  try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
}

@Suite("Figure layout choice")
struct FigureLayoutTests {
  @Test("small figures: neato with prism first, then sfdp, then sfdp without overlap removal")
  func smallLadder() {
    let ladder = FigureLayout.ladder(nodes: 300, edges: 2_127)
    #expect(ladder.map(\.engine) == [.neato, .sfdp, .sfdp])
    #expect(ladder.map(\.overlap) == [.prism, .prism, .allow])
  }

  @Test("large figures start with sfdp; above 2,000 nodes with overlap=scale")
  func largeLadder() {
    #expect(FigureLayout.ladder(nodes: 1_000, edges: 3_000).map(\.engine) == [.sfdp, .sfdp])
    #expect(FigureLayout.ladder(nodes: 12_000, edges: 100_000).map(\.overlap) == [.scale, .allow])
  }

  @Test("curved edges only where nodes × edges is cheap; never polyline or spline routing")
  func routings() {
    #expect(FigureLayout.routings(nodes: 135, edges: 284) == [.curved, .line])
    #expect(FigureLayout.routings(nodes: 60, edges: 548) == [.line])
    #expect(FigureLayout.routings(nodes: 300, edges: 2_127) == [.line])
    for n in [10, 100, 1_000] {
      #expect(!FigureLayout.routings(nodes: n, edges: n * 3).contains(.polyline))
      #expect(!FigureLayout.routings(nodes: n, edges: n * 3).contains(.spline))
    }
  }

  @Test("the deadline is split by weight among the attempts still possible")
  func budget() {
    let budget = FigureBudget(total: .seconds(100))
    let first = budget.slice(weight: 3, later: 7)
    #expect(first > .seconds(29) && first <= .seconds(30))
    #expect(FigureBudget(total: .milliseconds(1)).slice(weight: 1, later: 0) <= .milliseconds(1))
  }

  @Test("an ego figure's key lists only the communities it shows")
  func shownLegend() {
    let entries = [
      LegendEntry(color: DOTColor(rgb: 0xE69F00), text: "orange", communities: [0]),
      LegendEntry(color: DOTColor(rgb: 0x56B4E9), text: "sky blue", communities: [1]),
      LegendEntry(color: DOTColor(rgb: 0xBBBBBB), text: "grey", communities: [7, 8]),
    ]
    #expect(Pipeline.shownEntries(entries, communities: [1, 8]).map(\.text) == ["sky blue", "grey"])
  }

  @Test("the drawing document pins every node, draws the key as swatches and can fix the frame")
  func drawingDocument() {
    var doc = DOTDocument(directed: false)
    doc.addNode([.label("a")])
    doc.addNode([.label("b")])
    doc.addEdge(from: 0, to: 1)
    let drawn = NetworkFigure.forDrawing(
      doc, positions: [0: (0, 0), 1: (2, 1)], splines: .line,
      swatches: [FigureSwatch(color: DOTColor(rgb: 0xE69F00), text: "orange: 2 people")],
      frame: (-1, -1, 5, 5))
    let text = drawn.text
    #expect(text.contains("pos=\"0,0!\"") && text.contains("pos=\"2,1!\""))
    #expect(text.contains("splines=line") && text.contains("overlap=true"))
    // The key's text is left-justified (\l) in a box that starts right of its square.
    #expect(text.contains("label=\"orange: 2 people\\l\""), "\(text)")
    #expect(text.contains("pos=\"-1,-1!\"") && text.contains("pos=\"5,5!\""), "frame corners")
    #expect(drawn.nodes.count == 2 + 2 + 2)
  }
}

@Suite("Figures in the pipeline", .serialized)
struct FigurePipelineTests {
  @Test("a figure that cannot be drawn in time: listed, on stderr, exit 1; tables and exports written")
  func missingFigure() throws {
    var options = RunOptions()
    options.dataDirectory = seedData
    options.outputDirectory = temporaryFolder("missing")
    options.renderTimeout = .milliseconds(1)
    options.formats = [.svg]
    defer { try? FileManager.default.removeItem(atPath: options.outputDirectory) }
    let result = Pipeline.run(options)
    guard (try? ChildProcessRenderer()) != nil else { return }  // in-process: no deadline
    #expect(result.exitStatus == ExitStatus.failedWork)
    #expect(result.failure?.message.contains("could not be drawn") == true)
    #expect(result.notes.contains { $0.hasPrefix("coauthor-network: not drawn") })
    let out = options.outputDirectory
    for name in [
      "coauthor-network.dot", "coauthor-network.nodes.csv", "coauthor-network.edges.csv",
      "coauthor-network.metrics.json", "coauthor-network.gexf", "coauthor-network_map.txt",
      "coauthor-network_network.txt", "report.md", "report.html",
    ] {
      #expect(read(out, name) != nil, "\(name) was not written")
    }
    #expect(read(out, "coauthor-network.svg") == nil)
  }

  @Test("seed run: every figure, the overlay, GEXF with viz, Gephi headers, no caption, frames of one size")
  func seedRun() throws {
    var options = RunOptions()
    options.dataDirectory = seedData
    options.outputDirectory = temporaryFolder("seed")
    options.formats = [.svg]
    options.timeline = true
    options.style.caption = false
    defer { try? FileManager.default.removeItem(atPath: options.outputDirectory) }
    let result = Pipeline.run(options)
    #expect(result.exitStatus == ExitStatus.success, "\(result.failure?.message ?? "") \(result.notes)")
    let out = options.outputDirectory
    for name in ["coauthor-network.svg", "overlay-network.svg", "topic-network.svg"] {
      #expect(read(out, name)?.contains("<svg") == true, "\(name)")
    }
    let dot = try #require(read(out, "coauthor-network.dot"))
    #expect(!dot.contains("labelloc"), "--no-caption leaves the caption out")
    #expect(dot.contains("shape=plaintext"), "the key is drawn as swatches")
    let overlay = try #require(read(out, "overlay-network.dot"))
    #expect(overlay.contains("average publication year"))
    let gexf = try #require(read(out, "coauthor-network.gexf"))
    #expect(gexf.contains("<viz:position") && gexf.contains("<spells>") && gexf.contains("title=\"owner\" type=\"boolean\""))
    #expect(read(out, "coauthor-network.nodes.csv")?.hasPrefix("Id,Label,") == true)
    #expect(read(out, "coauthor-network.edges.csv")?.hasPrefix("Source,Target,source_name,target_name,Weight\n") == true)
    let map = try #require(read(out, "coauthor-network_map.txt"))
    #expect(map.hasPrefix("id\tlabel\tx\ty\tcluster\tweight<Links>"))
    // Every timeline frame has the same size.
    let frames = try FileManager.default.contentsOfDirectory(atPath: out + "/timeline").filter { $0.hasSuffix(".svg") }
    #expect(frames.count >= 2)
    let sizes = Set(frames.compactMap { name -> String? in
      guard let svg = read(out + "/timeline", name), let r = svg.range(of: #"width="[0-9.]+pt" height="[0-9.]+pt""#, options: .regularExpression)
      else { return nil }
      return String(svg[r])
    })
    #expect(sizes.count == 1, "\(sizes)")
    #expect(result.notes.contains { $0.hasPrefix("coauthor-network: drawn with") })
  }
}
