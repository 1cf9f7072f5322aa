extension GraphvizRenderer {
  /// Lays out a document and returns every node's position, in inches, by node index.
  ///
  /// For keeping positions across drawings (e.g. one frame per year): pass them back as
  /// ``DOTAttribute/position(x:y:pinned:)`` with `pinned: true`.
  ///
  /// - Throws: ``GraphvizError`` when the layout fails.
  /// - Complexity: One layout, plus O(*n*) to read Graphviz's `plain` output.
  public static func layoutPositions(
    _ document: DOTDocument, engine: LayoutEngine
  ) throws(GraphvizError) -> [Int: (x: Double, y: Double)] {
    // The `plain` device is text: "node <name> <x> <y> <width> <height> …" per node.
    let result = try _render(
      document.text, engineName: engine.rawValue, devices: [(.svg, "plain")], policy: nil,
      engine: engine)
    let text = String(decoding: result.outputs[.svg] ?? [], as: UTF8.self)
    var positions: [Int: (x: Double, y: Double)] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("node ") {
      let fields = line.split(separator: " ", maxSplits: 4)
      guard fields.count >= 4, fields[1].hasPrefix("n"), let index = Int(fields[1].dropFirst()),
        let x = Double(fields[2]), let y = Double(fields[3])
      else { continue }
      positions[index] = (x, y)
    }
    return positions
  }
}
