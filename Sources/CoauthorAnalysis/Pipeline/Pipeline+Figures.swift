import Formats
import Foundation
import GraphKit
import Graphviz

/// A figure's layout: node positions (inches, by document node index) and what made them.
struct FigureDrawing {
  var positions: [Int: (x: Double, y: Double)]
  var layout: FigureLayout?
  /// The edge routing the figure was drawn with; nil when no drawing finished.
  var splines: DOTSplines?
}

/// A bounding box in inches.
typealias FigureFrame = (minX: Double, minY: Double, maxX: Double, maxY: Double)

extension Pipeline {
  /// Shares of a figure's deadline: layout attempts (preferred, sfdp, sfdp without
  /// overlap removal), drawing attempts (curved, straight), the PNG.
  static let layoutWeights = [3.0, 1.5, 1.0]
  static let routingWeights = [2.0, 1.0]
  static let pngWeight = 1.5

  /// Draws every network (DOT, SVG, PNG, PDF), writes its GEXF and VOSviewer files and
  /// its tables; then the overlay figure. A figure that cannot be drawn even with the
  /// cheapest settings is listed in `folder.missingFigures`; its tables and exports are
  /// written all the same.
  static func drawFigures(
    _ analysis: RunAnalysis, options: RunOptions, into folder: inout OutputFolder,
    progress: (String) -> Void
  ) throws(CoauthorError) {
    for item in analysis.networks {
      progress("drawing \(item.name) (\(item.graph.nodeCount) nodes)")
      let (shown, document, drawing) = try drawNetwork(item, options: options, into: &folder)

      var attributes = item.exportAttributes
      attributes.layout = exportLayout(
        nodeCount: item.graph.nodeCount, shown: shown.nodes, document: document, positions: drawing?.positions,
        size: item.size)
      try folder.write(
        item.name + ".gexf",
        NetworkExport.text(item.graph, format: .gexf, attributes: attributes, weightMeaning: item.weightMeaning))
      try folder.write(item.name + "_map.txt", NetworkExport.text(item.graph, format: .vosviewerMap, attributes: attributes))
      try folder.write(item.name + "_network.txt", NetworkExport.vosviewerNetworkFile(item.graph))
      try folder.write(item.name + ".nodes.csv", gephiNodeTable(item.metrics.csv))
      try folder.write(item.name + ".edges.csv", edgeTable(item.graph))
      try folder.write(item.name + ".metrics.json", item.metrics.json)
      if let c = item.communities {
        try folder.write(item.name + ".communities.csv", communityTable(c.partition, graph: item.graph, size: item.size))
      }
      if item.name == "coauthor-network", let drawing {
        try drawOverlay(item, shown: shown, drawing: drawing, options: options, into: &folder, progress: progress)
      }
    }
  }

  /// Draws one network's figure (`item.name` with each of `options.formats`): its
  /// strongest nodes when it is over the figure limit, coloured by community, with the
  /// legend's swatches for the communities shown.
  static func drawNetwork(
    _ item: RunNetwork, options: RunOptions, into folder: inout OutputFolder
  ) throws(CoauthorError) -> (shown: (nodes: [Int], note: String?), document: DOTDocument, drawing: FigureDrawing?) {
    let shown = NetworkFigure.selection(
      graph: item.graph, size: item.size, keep: item.emphasized, limit: options.figureNodeLimit)
    let entries = shownEntries(item.legend, communities: Set(shown.nodes.map { item.community[$0] }))
    var legend = FigureLegend(
      title: item.title, nodeSize: item.nodeSize, edgeWidth: item.edgeWidth,
      colors: item.colors, communities: [],
      omitted: [item.omitted, shown.note].compactMap { $0 }.joined(separator: " "))
    legend.swatches = entries.map { FigureSwatch(color: $0.color, text: $0.text) }
    let sub = item.graph.subgraph(shown.nodes)
    let (document, _) = NetworkFigure.document(
      graph: sub, size: shown.nodes.map { item.size[$0] },
      importance: shown.nodes.map { item.size[$0] },
      communities: shown.nodes.map { item.community[$0] },
      emphasized: Set(shown.nodes.indices.filter { item.emphasized.contains(shown.nodes[$0]) }),
      secondary: Set(shown.nodes.indices.filter { item.secondary.contains(shown.nodes[$0]) }),
      style: options.style, legend: legend)
    let drawing = try drawFigure(
      document, name: item.name, swatches: legend.swatches, formats: options.formats, options: options,
      into: &folder)
    return (shown, document, drawing)
  }

  /// The metrics table with Gephi's node-table header: `Id,Label,…`.
  static func gephiNodeTable(_ csv: String) -> String {
    guard csv.hasPrefix("node,name,") else { return csv }
    return "Id,Label," + csv.dropFirst("node,name,".count)
  }

  /// The drawing as export attributes: positions in points (NaN for nodes the figure
  /// left out), the fill colour, the diameter of the node's dot in points.
  static func exportLayout(
    nodeCount n: Int, shown: [Int], document: DOTDocument, positions: [Int: (x: Double, y: Double)]?,
    size: [Double]
  ) -> NodeLayout? {
    guard let positions else { return nil }
    var x = [Double](repeating: .nan, count: n)
    var y = [Double](repeating: .nan, count: n)
    var colors = [UInt32](repeating: 0xBBBBBB, count: n)
    let maxSize = max(size.max() ?? 1, 1e-12)
    let sizes = size.map { 72 * (0.08 + 0.3 * ($0 / maxSize).squareRoot()) }
    for (k, u) in shown.enumerated() {
      if let p = positions[k] {
        x[u] = p.x * 72
        y[u] = p.y * 72
      }
      for attribute in document.nodes[k].attributes {
        if case .fillColor(let c) = attribute {
          colors[u] = UInt32(c.red) << 16 | UInt32(c.green) << 8 | UInt32(c.blue)
        }
      }
    }
    return NodeLayout(x: x, y: y, colors: colors, sizes: sizes)
  }

  /// Node positions for `document`: the layout ladder (``FigureLayout/ladder(nodes:edges:)``),
  /// each attempt with its share of `budget`; nil when none finished (`failures` says why).
  static func layOut(
    _ document: DOTDocument, name: String, budget: FigureBudget, reserve: Double, failures: inout [String]
  ) throws(CoauthorError) -> (positions: [Int: (x: Double, y: Double)], layout: FigureLayout)? {
    let ladder = FigureLayout.ladder(nodes: document.nodes.count, edges: document.edges.count)
    let weights = ladder.indices.map { layoutWeights[min($0, layoutWeights.count - 1)] }
    for (i, layout) in ladder.enumerated() {
      let timeout = budget.slice(weight: weights[i], later: weights[(i + 1)...].reduce(0, +) + reserve)
      switch try FigureRendering.positions(
        NetworkFigure.forLayout(document, layout), name: name, engine: layout.engine, timeout: timeout)
      {
      case .success(let positions): return (positions, layout)
      case .failure(let error): failures.append("\(layout): \(error.message)")
      }
    }
    return nil
  }

  /// Lays out (unless `positions` are given), draws and writes one figure: `name.dot`
  /// (the drawing, every node pinned) and each format. Cheaper settings are tried when
  /// an attempt runs out of its share of the deadline; a figure (or its PNG) that no
  /// attempt could draw is listed in `folder.missingFigures` with the reason.
  ///
  /// - Returns: The layout (also when only the drawing failed), or nil without one.
  @discardableResult
  static func drawFigure(
    _ document: DOTDocument, name: String, swatches: [FigureSwatch],
    positions given: [Int: (x: Double, y: Double)]? = nil, frame: FigureFrame? = nil,
    formats: [RenderFormat], options: RunOptions, into folder: inout OutputFolder
  ) throws(CoauthorError) -> FigureDrawing? {
    let started = ContinuousClock.now
    let budget = FigureBudget(total: options.renderTimeout)
    let routings = FigureLayout.routings(nodes: document.nodes.count, edges: document.edges.count)
    let routingShares = routings.indices.map { routingWeights[min($0, routingWeights.count - 1)] }
    let png = formats.contains(.png)
    let vector = formats.filter { $0 != .png }
    var failures: [String] = []
    var drawing: FigureDrawing
    if let given {
      drawing = FigureDrawing(positions: given, layout: nil, splines: nil)
    } else if let laid = try layOut(
      document, name: name, budget: budget, reserve: routingShares.reduce(0, +) + (png ? pngWeight : 0),
      failures: &failures)
    {
      drawing = FigureDrawing(positions: laid.positions, layout: laid.layout, splines: nil)
    } else {
      try folder.write(name + ".dot", document.text)
      let reason = "no layout finished within \(FigureRendering.seconds(options.renderTimeout)) (\(failures.joined(separator: "; ")))"
      folder.missingFigures[name] = reason
      folder.notes.append("\(name): not drawn: \(reason); \(name).dot is written")
      return nil
    }

    var rendered: [RenderFormat: [UInt8]] = [:]
    var final = NetworkFigure.forDrawing(
      document, positions: drawing.positions, splines: .line, swatches: swatches, frame: frame)
    var start = routings.count - 1
    attempts: for (i, splines) in routings.enumerated() {
      let doc = NetworkFigure.forDrawing(
        document, positions: drawing.positions, splines: splines, swatches: swatches, frame: frame)
      if vector.isEmpty {
        (final, drawing.splines, start) = (doc, splines, i)
        break attempts
      }
      let timeout = budget.slice(
        weight: routingShares[i], later: routingShares[(i + 1)...].reduce(0, +) + (png ? pngWeight : 0))
      switch try FigureRendering.attempt(doc.text, name: name, engine: .neato, formats: vector, timeout: timeout) {
      case .success(let outputs):
        rendered = outputs
        (final, drawing.splines, start) = (doc, splines, i)
        break attempts
      case .failure(let error):
        failures.append("\(splines.rawValue) edges: \(error.message)")
      }
    }
    try folder.write(name + ".dot", final.text)
    guard drawing.splines != nil else {
      let reason = "drawing did not finish within \(FigureRendering.seconds(options.renderTimeout)) (\(failures.joined(separator: "; ")))"
      folder.missingFigures[name] = reason
      folder.notes.append("\(name): not drawn: \(reason); \(name).dot is written")
      return drawing
    }
    if png {
      // The PNG from the same pinned document with the raster resolution (set before
      // layout, as Graphviz fixes the drawing size there); straight edges if the curved
      // ones do not fit in what is left.
      var pngDone = false
      for (i, splines) in routings.enumerated() where i >= start {
        var raster = NetworkFigure.forDrawing(
          document, positions: drawing.positions, splines: splines, swatches: swatches, frame: frame)
        raster.graphAttributes.append(.dpi(options.style.dpi))
        let timeout = budget.slice(weight: pngWeight, later: routingShares[(i + 1)...].reduce(0, +))
        switch try FigureRendering.attempt(raster.text, name: name, engine: .neato, formats: [.png], timeout: timeout) {
        case .success(let outputs):
          rendered[.png] = outputs[.png]
          pngDone = true
        case .failure(let error):
          failures.append("PNG with \(splines.rawValue) edges: \(error.message)")
        }
        if pngDone { break }
      }
      if !pngDone {
        let reason = "the PNG did not finish within \(FigureRendering.seconds(options.renderTimeout)) (\(failures.joined(separator: "; ")))"
        folder.missingFigures[name + ".png"] = reason
        folder.notes.append("\(name).png: not drawn: \(reason)")
      }
    }
    for format in formats {
      if let bytes = rendered[format] {
        try folder.writeBytes(
          name + "." + format.fileExtension, format == .pdf ? OutputFiles.withFixedCreationDate(bytes) : bytes)
      }
    }
    let how = [drawing.layout.map { "\($0)" } ?? "pinned positions", "\(drawing.splines?.rawValue ?? "line") edges"]
    var note = "\(name): drawn with \(how.joined(separator: ", ")) in \(FigureRendering.seconds(.now - started))"
    if !failures.isEmpty { note += " after \(failures.count) slower attempt(s) ran out of time (\(failures.joined(separator: "; ")))" }
    folder.notes.append(note)
    return drawing
  }

  /// The coauthor network coloured by each person's average publication year on a
  /// sequential scale (VOSviewer's overlay view), at the same positions, with the scale
  /// as its key: `overlay-network.*`.
  static func drawOverlay(
    _ item: RunNetwork, shown: (nodes: [Int], note: String?), drawing: FigureDrawing, options: RunOptions,
    into folder: inout OutputFolder, progress: (String) -> Void
  ) throws(CoauthorError) {
    guard let mean = item.exportAttributes.real("meanYear") else { return }
    progress("drawing overlay-network (average publication year)")
    let dated = shown.nodes.map { mean[$0] }.filter { $0 > 0 }
    guard let low = dated.min(), let high = dated.max() else { return }
    let grey = DOTColor(rgb: 0xBBBBBB)
    let fills = shown.nodes.map { mean[$0] > 0 ? NetworkFigure.sequentialColor(mean[$0], low: low, high: high) : grey }
    let steps = high > low ? 5 : 1
    var swatches = (0..<steps).map { k -> FigureSwatch in
      let year = steps == 1 ? low : low + (high - low) * Double(k) / Double(steps - 1)
      return FigureSwatch(
        color: NetworkFigure.sequentialColor(year, low: low, high: high),
        text: "average publication year \(formatNumber(year, decimals: 1))")
    }
    if dated.count < shown.nodes.count { swatches.append(FigureSwatch(color: grey, text: "no dated paper")) }
    var legend = FigureLegend(
      title: "Overlay: the coauthor network by average publication year", nodeSize: item.nodeSize,
      edgeWidth: item.edgeWidth, colors: "average publication year of each person's papers (dark: earlier, yellow: later)",
      communities: [], omitted: [item.omitted, shown.note].compactMap { $0 }.joined(separator: " "))
    legend.swatches = swatches
    let sub = item.graph.subgraph(shown.nodes)
    let (document, _) = NetworkFigure.document(
      graph: sub, size: shown.nodes.map { item.size[$0] }, importance: shown.nodes.map { item.size[$0] },
      communities: nil, emphasized: Set(shown.nodes.indices.filter { item.emphasized.contains(shown.nodes[$0]) }),
      style: options.style, legend: legend, fills: fills)
    try drawFigure(
      document, name: "overlay-network", swatches: swatches, positions: drawing.positions,
      formats: options.formats, options: options, into: &folder)
  }

  /// One frame per year of the growing coauthor network, people kept in place: the
  /// people of the coauthor figure, laid out once, every frame with the same bounding
  /// box and size so the frames line up.
  static func drawTimeline(
    _ analysis: RunAnalysis, corpus: Corpus, options: RunOptions, into folder: inout OutputFolder,
    progress: (String) -> Void
  ) throws(CoauthorError) {
    guard let whole = analysis.networks.first else { return }
    progress("drawing the timeline (one frame per year)")
    let shown = NetworkFigure.selection(
      graph: whole.graph, size: whole.size, keep: whole.emphasized, limit: options.figureNodeLimit)
    let legend = FigureLegend(
      title: whole.title, nodeSize: whole.nodeSize, edgeWidth: whole.edgeWidth,
      colors: whole.colors, communities: [], omitted: nil)
    let sub = whole.graph.subgraph(shown.nodes)
    let (document, _) = NetworkFigure.document(
      graph: sub, size: shown.nodes.map { whole.size[$0] }, importance: shown.nodes.map { whole.size[$0] },
      communities: shown.nodes.map { whole.community[$0] },
      emphasized: Set(shown.nodes.indices.filter { whole.emphasized.contains(shown.nodes[$0]) }),
      style: options.style, legend: legend)
    var failures: [String] = []
    guard
      let laid = try layOut(
        document, name: "timeline", budget: FigureBudget(total: options.renderTimeout), reserve: 0,
        failures: &failures)
    else {
      let reason = "the whole network's layout did not finish (\(failures.joined(separator: "; ")))"
      folder.missingFigures["timeline"] = reason
      folder.notes.append("timeline: not drawn: \(reason)")
      return
    }
    var positions: [Int: (x: Double, y: Double)] = [:]
    for (k, u) in shown.nodes.enumerated() { positions[u] = laid.positions[k] }
    // The frame: the whole layout's extent plus room for the widest label (a label
    // sticks out of its node's position by half its width), so no frame grows past it.
    let extent = NetworkFigure.bounds(Array(positions.values))
    let widest = shown.nodes.map { Double(whole.graph.label(of: $0).count) }.max() ?? 0
    let padX = widest * 18 * 0.5 / 72 / 2 + 0.2
    let box: FigureFrame = (extent.minX - padX, extent.minY - 0.4, extent.maxX + padX, extent.maxY + 0.4)
    let entries = whole.legend
    let swatches = entries.map { FigureSwatch(color: $0.color, text: $0.text) }
    let frames = Timeline.frames(
      corpus: corpus, weighting: options.weighting, maxAuthors: options.maxAuthors, positions: positions,
      strength: analysis.strength, communities: analysis.communities.partition.membership, style: options.style)
    let formats = options.formats.filter { $0 != .pdf }
    for frame in frames {
      var framePositions: [Int: (x: Double, y: Double)] = [:]
      for (k, u) in frame.nodes.enumerated() { framePositions[k] = positions[u] }
      try drawFigure(
        frame.document, name: "timeline/coauthor-\(frame.year)", swatches: swatches, positions: framePositions,
        frame: box, formats: formats, options: options, into: &folder)
    }
    folder.notes.append("timeline: \(frames.count) frames (\(frames.first.map { String($0.year) } ?? "")–\(frames.last.map { String($0.year) } ?? ""))")
  }
}
