import CoauthorAnalysis
import Foundation
import Graphviz
import Testing

/// PDF output is the same from one process to the next.
///
/// Graphviz 2.42's prism overlap removal gives positions that differ in their last bits
/// between processes; cairo snaps PDF coordinates to 1/256 pt and prints them with `%f`, so a
/// tie such as 227.1796875 printed as 227.179687 in one process and 227.179688 in the next.
/// Measured on `ego()` below with `dot -Kneato -Tpdf`: 6 runs gave 5 different PDFs (the
/// creation date masked). The renderers now draw from the layout rounded as DOT text prints it (0.01 pt here)
/// (`LayoutEngine.roundsLayout`); the wall-clock `/CreationDate` is the only field that
/// `OutputFiles.withFixedCreationDate` rewrites (cairo 1.16 reads no SOURCE_DATE_EPOCH).
@Suite("PDF determinism")
struct PDFDeterminismTests {
  /// An ego network like `coauthor run`'s: one centre, 47 labelled neighbours, a few links
  /// between neighbours, prism overlap removal, curved edges, a graph label.
  static func ego() -> String {
    let names = [
      "Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger W. Dijkstra", "Donald E. Knuth",
      "Barbara Liskov", "John McCarthy", "Frances Allen", "Tony Hoare", "Leslie Lamport",
    ]
    var lines = [
      "graph G {",
      #"  graph [overlap=prism, splines=curved, start=1, size="7,7", sep="+3", label="Determinism check\nline two of the legend", labelloc=b];"#,
      #"  node [fontname="DejaVu Sans", shape=box, style="filled,rounded"];"#,
    ]
    let count = 48
    for i in 0..<count {
      lines.append("  n\(i) [label=\"\(names[i % 10]) \(i)\", fontsize=\(8 + (i * 7) % 9)];")
    }
    for i in 1..<count {
      lines.append("  n0 -- n\(i);")
      if i % 4 == 0 { lines.append("  n\(i) -- n\(i - 1);") }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("four dot processes draw the same PDF, and it is the in-process renderer's")
  func samePDFAcrossProcesses() throws {
    let renderer = try ChildProcessRenderer(timeout: .seconds(60))
    let dot = Self.ego()
    var pdfs: [[UInt8]] = []
    for _ in 0..<4 {
      let bytes = try #require(try renderer.render(dot, engine: .neato, formats: [.pdf])[.pdf])
      pdfs.append(OutputFiles.withFixedCreationDate(bytes))
    }
    #expect(Array(pdfs[0].prefix(5)) == Array("%PDF-".utf8))
    // Compared as Bool: a failing #expect on two arrays prints both (30 KB each).
    for (index, pdf) in pdfs.enumerated().dropFirst() {
      let same = pdf == pdfs[0]
      #expect(same, "run \(index + 1) differs from run 1")
    }
    let inProcess = try #require(
      try GraphvizRenderer.render(dot, engine: .neato, formats: [.pdf])[.pdf])
    let same = OutputFiles.withFixedCreationDate(inProcess) == pdfs[0]
    #expect(same, "the in-process PDF differs from the child's")
  }

  @Test("the rounded layout keeps every label where the layout put it (within 0.02 pt)")
  func roundingKeepsTheDrawing() throws {
    // Rounded (neato, then nop2) against straight (the engine named by layout= in the text,
    // which the renderers do not round for `.dot`).
    let renderer = try ChildProcessRenderer(timeout: .seconds(60))
    let dot = Self.ego()
    let rounded = try #require(try renderer.render(dot, engine: .neato, formats: [.svg])[.svg])
    let straight = try #require(
      try renderer.render(
        dot.replacingOccurrences(of: "graph [", with: "graph [layout=neato, "), engine: .dot,
        formats: [.svg])[.svg])
    let a = Self.textPositions(rounded)
    let b = Self.textPositions(straight)
    #expect(a.count == 48 + 2)
    try #require(a.count == b.count)
    // The graph label sits up to 4 pt closer to the drawing after nop2, which moves every
    // graph coordinate by the same amount; nothing else moves.
    let dy = a[0].y - b[0].y
    #expect(abs(dy) <= 4.01)
    for (p, q) in zip(a, b) {
      #expect(abs(p.x - q.x) <= 0.02, "x \(p.x) vs \(q.x)")
      #expect(abs((p.y - q.y) - dy) <= 0.02, "y \(p.y) vs \(q.y)")
    }
  }

  /// The x and y attributes of every `<text>` element of an SVG, in document order.
  static func textPositions(_ svg: [UInt8]) -> [(x: Double, y: Double)] {
    let text = String(decoding: svg, as: UTF8.self)
    var result: [(x: Double, y: Double)] = []
    for line in text.split(separator: "\n") where line.hasPrefix("<text ") {
      func value(_ name: String) -> Double? {
        guard let start = line.range(of: " \(name)=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return Double(rest[..<end])
      }
      if let x = value("x"), let y = value("y") { result.append((x, y)) }
    }
    return result
  }
}
