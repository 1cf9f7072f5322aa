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
    return plainPositions(String(decoding: result.outputs[.svg] ?? [], as: UTF8.self))
  }
}
