import CGraphviz
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// All Graphviz state is process-global (cgraph's agerr statics, the layout code's globals):
// two threads with two contexts and no lock crashed dot in 3 of 3 runs. One lock guards
// every libgvc call, and one context lives for the whole process (a context per render leaks
// about 4.4 KB). ../shared/notes/graphviz.md §5.
private let graphvizLock = GraphvizLock()
private let renderQueue = DispatchQueue(label: "Graphviz.GraphvizRenderer")
nonisolated(unsafe) private var sharedContext: OpaquePointer?
nonisolated(unsafe) private var startupFailure: GraphvizError?
nonisolated(unsafe) private var capturedText = ""

/// Receives every agerr fragment ("Error", ": ", text…) instead of stderr. Runs only while
/// `graphvizLock` is held (Graphviz is only ever called under it).
private func captureGraphvizMessage(_ fragment: UnsafeMutablePointer<CChar>?) -> Int32 {
  if let fragment { capturedText += String(cString: fragment) }
  return 0
}

/// Renders DOT through libgvc in this process: SVG, PNG and PDF bytes, or a
/// ``GraphvizError`` carrying Graphviz's own message.
///
/// Every call parses, lays out, renders and frees under one process-wide lock, so calls from
/// many threads (Swift Testing runs tests in parallel) are safe and run one at a time. A
/// layout cannot be cancelled: bound the input first (``LayoutEngine/recommended(nodeCount:edgeCount:)``,
/// ``LayoutEngine/boundingAttributes(nodeCount:edgeCount:)``), or use
/// ``ChildProcessRenderer`` for a hard time limit.
///
/// Layouts are reproducible: the C random generators are reseeded before each layout, so
/// dot, neato, sfdp, circo and twopi give byte-identical output on every call and match the
/// `dot` CLI. fdp is not reproducible within a process. Engines other than `dot` draw from
/// their layout rounded as DOT text prints it (``LayoutEngine/roundsLayout``), so the output is also
/// the same from one process to the next.
public enum GraphvizRenderer {
  // MARK: Rendering

  /// Lays out `dot` once with `engine` and renders it in every format.
  ///
  /// Use this only for DOT this program wrote (e.g. ``DOTDocument/text``); for a file from
  /// elsewhere use ``renderReport(_:engine:formats:sanitizing:)`` with a policy.
  ///
  /// - Throws: `GraphvizError` with stage `.input` (empty text, NUL byte), `.parse`,
  ///   `.layout` or `.render` and Graphviz's message.
  public static func render(
    _ dot: String, engine: LayoutEngine = .dot, formats: [RenderFormat]
  ) throws(GraphvizError) -> [RenderFormat: [UInt8]] {
    try renderReport(dot, engine: engine, formats: formats).outputs
  }

  /// Writes `document` with ``DOTWriter`` and renders it; see the `String` overload.
  public static func render(
    _ document: DOTDocument, engine: LayoutEngine = .dot, formats: [RenderFormat]
  ) throws(GraphvizError) -> [RenderFormat: [UInt8]] {
    try renderReport(document.text, engine: engine, formats: formats).outputs
  }

  /// Renders `dot` and also returns Graphviz's warnings and, with a policy, what the
  /// sanitizer removed after parsing and before layout.
  ///
  /// - Parameters:
  ///   - sanitizing: `nil` for trusted DOT; a policy (usually ``SanitizePolicy/strict``) for
  ///     DOT the user did not write.
  public static func renderReport(
    _ dot: String, engine: LayoutEngine = .dot, formats: [RenderFormat],
    sanitizing policy: SanitizePolicy? = nil
  ) throws(GraphvizError) -> RenderResult {
    try _render(
      dot, engineName: engine.rawValue, devices: formats.map { ($0, $0.deviceName) },
      policy: policy, engine: engine)
  }

  /// ``renderReport(_:engine:formats:sanitizing:)`` on a dedicated serial queue, so a
  /// layout that takes seconds does not hold a thread of Swift's cooperative pool (2 threads
  /// on a 2-core machine) while it runs or waits for the lock.
  public static func renderInBackground(
    _ dot: String, engine: LayoutEngine = .dot, formats: [RenderFormat],
    sanitizing policy: SanitizePolicy? = nil
  ) async throws(GraphvizError) -> RenderResult {
    let result: Result<RenderResult, GraphvizError> = await withCheckedContinuation {
      continuation in
      renderQueue.async {
        continuation.resume(
          returning: Result { () throws(GraphvizError) -> RenderResult in
            try renderReport(dot, engine: engine, formats: formats, sanitizing: policy)
          })
      }
    }
    return try result.get()
  }

  /// Writes `document` and renders it on the background queue.
  public static func renderInBackground(
    _ document: DOTDocument, engine: LayoutEngine = .dot, formats: [RenderFormat]
  ) async throws(GraphvizError) -> RenderResult {
    try await renderInBackground(document.text, engine: engine, formats: formats)
  }

  /// Rendering with raw engine and device names: for tests of Graphviz's own messages.
  static func _render(
    _ dot: String, engineName: String, devices: [(RenderFormat, String)],
    policy: SanitizePolicy?, engine: LayoutEngine
  ) throws(GraphvizError) -> RenderResult {
    try withParsedGraph(dot) { (context, graph) throws(GraphvizError) -> RenderResult in
      var removals: [SanitizerRemoval] = []
      if let policy {
        removals = sanitizeGraph(graph, engine: engine, policy: policy)
      }
      cgraphviz_reseed()
      guard gvLayout(context, graph, engineName) == 0 else {
        throw failure(.layout, fallback: "layout with \(engineName) failed")
      }
      defer { gvFreeLayout(context, graph) }
      // A malformed HTML label makes gvLayout return 0 with an error recorded.
      if agerrors() >= Int32(AGERR.rawValue) {
        throw failure(.layout, fallback: "layout with \(engineName) reported an error")
      }
      var outputs: [RenderFormat: [UInt8]] = [:]
      if engine.roundsLayout {
        // Draw from the layout written as DOT text (5 significant digits): the last bits of a neato, fdp
        // or sfdp layout differ between processes and would reach the PDF (see
        // `LayoutEngine.roundsLayout`). Same steps as `dot -Kneato -Tdot | dot -Knop2`.
        let positioned = try renderedText(context, graph, device: "dot")
        cgraphviz_reset_scanner()
        guard let drawing = agmemread(positioned) else {
          throw failure(.render, fallback: "reading the laid-out graph failed")
        }
        defer { agclose(drawing) }
        // A layout= attribute (the sanitizer writes one) would win over the engine name.
        _ = mutableCString("layout") { name in
          mutableCString("nop2") { value in
            mutableCString("") { agsafeset(drawing, name, value, $0) }
          }
        }
        guard gvLayout(context, drawing, "nop2") == 0 else {
          throw failure(.layout, fallback: "drawing the laid-out graph (nop2) failed")
        }
        defer { gvFreeLayout(context, drawing) }
        for (format, device) in devices where outputs[format] == nil {
          outputs[format] = try renderedBytes(context, drawing, device: device)
        }
      } else {
        for (format, device) in devices where outputs[format] == nil {
          outputs[format] = try renderedBytes(context, graph, device: device)
        }
      }
      return RenderResult(outputs: outputs, warnings: messages().warnings, removals: removals)
    }
  }

  /// One device's output of a laid-out graph.
  private static func renderedBytes(
    _ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, device: String
  ) throws(GraphvizError) -> [UInt8] {
    var buffer: UnsafeMutablePointer<CChar>? = nil
    var length: UInt32 = 0
    let rc = gvRenderData(context, graph, device, &buffer, &length)
    // On failure the buffer may still be allocated (a 0-length one): always free it.
    defer { if let buffer { gvFreeRenderData(buffer) } }
    guard rc == 0, let buffer else {
      throw failure(.render, fallback: "rendering \(device) failed")
    }
    // The length is exact (PNG and PDF contain NULs; never strlen).
    return Array(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
  }

  private static func renderedText(
    _ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, device: String
  ) throws(GraphvizError) -> String {
    let bytes = try renderedBytes(context, graph, device: device)
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: Parsing only

  /// Parses `dot` without layout and returns what libgvc read: nodes, edges and every
  /// non-empty attribute value.
  ///
  /// - Throws: `GraphvizError` with stage `.input` or `.parse`.
  public static func inspect(_ dot: String) throws(GraphvizError) -> DOTInspection {
    try withParsedGraph(dot) { (_, graph) throws(GraphvizError) -> DOTInspection in
      inspection(of: graph)
    }
  }

  /// DOT text after sanitizing, with the list of what was removed.
  public struct SanitizedDOT: Sendable, Hashable {
    /// The graph written back by Graphviz (`agwrite`), safe to lay out.
    public var text: String
    public var removals: [SanitizerRemoval]
  }

  /// Parses untrusted DOT, removes every attribute `policy` does not allow and writes the
  /// graph back as DOT (for rendering in a child process).
  ///
  /// - Parameter engine: The engine the text will be laid out with (`layout=` is set to it).
  /// - Throws: `GraphvizError` with stage `.input` or `.parse`, or `.render` when writing
  ///   fails.
  public static func sanitize(
    _ dot: String, engine: LayoutEngine = .dot, policy: SanitizePolicy = .strict
  ) throws(GraphvizError) -> SanitizedDOT {
    try withParsedGraph(dot) { (_, graph) throws(GraphvizError) -> SanitizedDOT in
      let removals = sanitizeGraph(graph, engine: engine, policy: policy)
      var length = 0
      guard let buffer = cgraphviz_write(graph, &length) else {
        throw failure(.render, fallback: "writing the sanitized graph failed")
      }
      defer { cgraphviz_free(buffer) }
      let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
      return SanitizedDOT(text: String(decoding: bytes, as: UTF8.self), removals: removals)
    }
  }

  // MARK: Installation

  /// The Graphviz version libgvc reports (e.g. "2.43.0").
  public static func version() throws(GraphvizError) -> String {
    try graphvizLock.withLock { () throws(GraphvizError) -> String in
      let context = try startedContext()
      guard let text = gvcVersion(context) else { return "unknown" }
      return String(cString: text)
    }
  }

  /// The plugins libgvc registered for `kind` ("layout", "device", "render", …).
  public static func plugins(_ kind: String) throws(GraphvizError) -> [String] {
    try graphvizLock.withLock { () throws(GraphvizError) -> [String] in
      pluginList(try startedContext(), kind)
    }
  }

  // MARK: Internals (all called with graphvizLock held)

  private static func withParsedGraph<T: Sendable>(
    _ dot: String,
    _ body: (OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) -> T
  ) throws(GraphvizError) -> T {
    if dot.utf8.contains(0) {
      throw GraphvizError(stage: .input, message: "the DOT text contains a NUL byte")
    }
    if dot.allSatisfy(\.isWhitespace) {
      throw GraphvizError(stage: .input, message: "the DOT text is empty")
    }
    return try graphvizLock.withLock { () throws(GraphvizError) -> T in
      let context = try startedContext()
      capturedText = ""
      agreseterrors()
      // Without this, text left over from the previous input is parsed as this one (see
      // shim.h: a second graph in one input came back from the next call).
      cgraphviz_reset_scanner()
      guard let graph = agmemread(dot) else {
        throw failure(.parse, fallback: "no graph found in the DOT text")
      }
      defer { agclose(graph) }
      if agerrors() >= Int32(AGERR.rawValue) {
        throw failure(.parse, fallback: "the DOT text has errors")
      }
      return try body(context, graph)
    }
  }

  private static func startedContext() throws(GraphvizError) -> OpaquePointer {
    if let sharedContext { return sharedContext }
    if let startupFailure { throw startupFailure }
    // Installed before gvContext so that plugin-loading messages are captured too.
    agseterrf(captureGraphvizMessage)
    agseterr(AGWARN)
    capturedText = ""
    guard let context = gvContext() else {
      let error = GraphvizError(stage: .startup, message: "gvContext() failed. " + capturedText)
      startupFailure = error
      throw error
    }
    // Without config6a gvContext succeeds silently with no plugins; the first render would
    // fail with an empty "Use one of:" list.
    let layouts = pluginList(context, "layout")
    let devices = pluginList(context, "device")
    let missing =
      ["dot", "neato", "sfdp"].filter { !layouts.contains($0) }
      + ["svg", "png", "pdf"].filter { !devices.contains($0) }
    if !missing.isEmpty {
      let error = GraphvizError(
        stage: .startup,
        message: "Graphviz plugins missing: \(missing.joined(separator: ", ")) "
          + "(layouts: [\(layouts.joined(separator: " "))], devices: "
          + "[\(devices.joined(separator: " "))]). The plugin configuration (config6a) is "
          + "missing or stale: run `dot -c` as root, or reinstall libgvc6 and libgraphviz-dev.")
      startupFailure = error
      throw error
    }
    sharedContext = context
    return context
  }

  private static func pluginList(_ context: OpaquePointer, _ kind: String) -> [String] {
    var count: Int32 = 0
    guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
    defer { free(list) }
    var names: [String] = []
    for i in 0..<Int(count) {
      if let name = list[i] {
        names.append(String(cString: name))
        free(name)
      }
    }
    return names
  }

  /// Splits the captured text into messages: a line starting "Error:" or "Warning:" starts
  /// one, other lines continue it.
  static func messages() -> (errors: [String], warnings: [String]) {
    var errors: [String] = []
    var warnings: [String] = []
    var current: (isError: Bool, text: String)? = nil
    func flush() {
      guard let message = current else { return }
      let text = message.text.trimmingTrailingWhitespace()
      if message.isError { errors.append(text) } else { warnings.append(text) }
      current = nil
    }
    for line in capturedText.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("Error") {
        flush()
        current = (true, String(line))
      } else if line.hasPrefix("Warning") {
        flush()
        current = (false, String(line))
      } else if current != nil {
        current?.text += "\n" + line
      } else {
        current = (true, String(line))
      }
    }
    flush()
    return (errors, warnings)
  }

  private static func failure(_ stage: GraphvizError.Stage, fallback: String) -> GraphvizError {
    let (errors, warnings) = messages()
    let message = errors.isEmpty ? fallback : errors.joined(separator: "\n")
    return GraphvizError(stage: stage, message: message, warnings: warnings)
  }

  private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private static func symbols(
    _ graph: UnsafeMutablePointer<Agraph_t>, _ kind: Int32
  ) -> [UnsafeMutablePointer<Agsym_t>] {
    var result: [UnsafeMutablePointer<Agsym_t>] = []
    var symbol = agnxtattr(graph, kind, nil)
    while let s = symbol {
      result.append(s)
      symbol = agnxtattr(graph, kind, s)
    }
    return result
  }

  private static func subgraphs(
    _ graph: UnsafeMutablePointer<Agraph_t>
  ) -> [UnsafeMutablePointer<Agraph_t>] {
    var result: [UnsafeMutablePointer<Agraph_t>] = []
    var sub = agfstsubg(graph)
    while let s = sub {
      result.append(s)
      result += subgraphs(s)
      sub = agnxtsubg(s)
    }
    return result
  }

  private static func nodes(
    _ graph: UnsafeMutablePointer<Agraph_t>
  ) -> [UnsafeMutablePointer<Agnode_t>] {
    var result: [UnsafeMutablePointer<Agnode_t>] = []
    var node = agfstnode(graph)
    while let n = node {
      result.append(n)
      node = agnxtnode(graph, n)
    }
    return result
  }

  private static func edges(
    _ graph: UnsafeMutablePointer<Agraph_t>
  ) -> [UnsafeMutablePointer<Agedge_t>] {
    var result: [UnsafeMutablePointer<Agedge_t>] = []
    for n in nodes(graph) {
      var edge = agfstout(graph, n)
      while let e = edge {
        result.append(e)
        edge = agnxtout(graph, e)
      }
    }
    return result
  }

  private static func edgeName(_ edge: UnsafeMutablePointer<Agedge_t>, directed: Bool) -> String {
    let tail = string(agnameof(UnsafeMutableRawPointer(cgraphviz_tail(edge))))
    let head = string(agnameof(UnsafeMutableRawPointer(cgraphviz_head(edge))))
    return tail + (directed ? " -> " : " -- ") + head
  }

  private static func attributes(
    of object: UnsafeMutableRawPointer, _ symbols: [UnsafeMutablePointer<Agsym_t>]
  ) -> [String: String] {
    var result: [String: String] = [:]
    for symbol in symbols {
      let value = string(agxget(object, symbol))
      if !value.isEmpty { result[string(symbol.pointee.name)] = value }
    }
    return result
  }

  private static func inspection(of graph: UnsafeMutablePointer<Agraph_t>) -> DOTInspection {
    let graphSymbols = symbols(graph, AGRAPH)
    let nodeSymbols = symbols(graph, AGNODE)
    let edgeSymbols = symbols(graph, AGEDGE)
    let nodeList = nodes(graph).map { node in
      DOTInspection.Node(
        name: string(agnameof(UnsafeMutableRawPointer(node))),
        attributes: attributes(of: UnsafeMutableRawPointer(node), nodeSymbols))
    }
    let edgeList = edges(graph).map { edge in
      DOTInspection.Edge(
        tail: string(agnameof(UnsafeMutableRawPointer(cgraphviz_tail(edge)))),
        head: string(agnameof(UnsafeMutableRawPointer(cgraphviz_head(edge)))),
        attributes: attributes(of: UnsafeMutableRawPointer(edge), edgeSymbols))
    }
    return DOTInspection(
      isDirected: agisdirected(graph) != 0,
      graphAttributes: attributes(of: UnsafeMutableRawPointer(graph), graphSymbols),
      nodes: nodeList,
      edges: edgeList,
      subgraphNames: subgraphs(graph).map { string(agnameof(UnsafeMutableRawPointer($0))) },
      declaredGraphAttributes: graphSymbols.map { string($0.pointee.name) }.sorted(),
      declaredNodeAttributes: nodeSymbols.map { string($0.pointee.name) }.sorted(),
      declaredEdgeAttributes: edgeSymbols.map { string($0.pointee.name) }.sorted(),
      warnings: messages().warnings)
  }

  /// Applies `policy` to every attribute value of every object and every default, in the
  /// root graph and in each subgraph. Removed values become "" (Graphviz's "unset").
  private static func sanitizeGraph(
    _ graph: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine, policy: SanitizePolicy
  ) -> [SanitizerRemoval] {
    var removals: [SanitizerRemoval] = []
    let directed = agisdirected(graph) != 0
    let rootName = string(agnameof(UnsafeMutableRawPointer(graph)))
    let subgraphList = subgraphs(graph)
    let graphObjects: [(UnsafeMutableRawPointer, String)] =
      [(UnsafeMutableRawPointer(graph), rootName.isEmpty ? "graph" : rootName)]
      + subgraphList.map {
        (UnsafeMutableRawPointer($0), string(agnameof(UnsafeMutableRawPointer($0))))
      }
    let nodeObjects = nodes(graph).map {
      (UnsafeMutableRawPointer($0), string(agnameof(UnsafeMutableRawPointer($0))))
    }
    let edgeObjects = edges(graph).map {
      (UnsafeMutableRawPointer($0), edgeName($0, directed: directed))
    }
    let kinds: [(Int32, SanitizePolicy.Kind, [(UnsafeMutableRawPointer, String)])] = [
      (AGRAPH, .graph, graphObjects), (AGNODE, .node, nodeObjects), (AGEDGE, .edge, edgeObjects),
    ]
    for (cKind, kind, objects) in kinds {
      for symbol in symbols(graph, cKind) {
        let name = string(symbol.pointee.name)
        func decide(_ pointer: UnsafeMutablePointer<CChar>?) -> (String, String, String)? {
          guard let pointer, pointer.pointee != 0 else { return nil }
          let value = String(cString: pointer)
          let decision = policy.decide(
            kind: kind, name: name, value: value, isHTML: aghtmlstr(pointer) != 0,
            engine: engine)
          guard case .replace(let replacement, let reason) = decision else { return nil }
          return (value, replacement, reason)
        }
        // Subgraphs inherit the root graph's values; report only their own.
        let rootValue =
          cKind == AGRAPH ? string(agxget(UnsafeMutableRawPointer(graph), symbol)) : nil
        for (index, (object, objectName)) in objects.enumerated() {
          guard let (value, replacement, reason) = decide(agxget(object, symbol)) else {
            continue
          }
          _ = mutableCString(replacement) { agxset(object, symbol, $0) }
          if index > 0, value == rootValue { continue }
          removals.append(
            SanitizerRemoval(
              kind: kind, object: objectName, attribute: name, value: value,
              replacement: replacement, reason: reason))
        }
        // Defaults: agwrite writes them back, and subgraph-local defaults shadow the root's.
        for (index, owner) in ([graph] + subgraphList).enumerated() {
          let local = mutableCString(name) { agattr(owner, cKind, $0, nil) }
          guard let local, let (value, replacement, reason) = decide(local.pointee.defval) else {
            continue
          }
          _ = mutableCString(name) { n in
            mutableCString(replacement) { agattr(owner, cKind, n, $0) }
          }
          if cKind != AGRAPH {
            let ownerName = index == 0 ? "defaults" : "defaults in " + graphObjects[index].1
            removals.append(
              SanitizerRemoval(
                kind: kind, object: ownerName, attribute: name, value: value,
                replacement: replacement, reason: reason))
          }
        }
      }
    }
    // An absent size is a size without bound: cap it.
    if string(mutableCString("size") { agget(graph, $0) }).isEmpty {
      _ = mutableCString("size") { n in
        mutableCString(policy.sizeCap) { v in mutableCString("") { agsafeset(graph, n, v, $0) } }
      }
    }
    return removals
  }
}

/// A pthread mutex: ThreadSanitizer sees its happens-before edges (it reported false races
/// through `Synchronization.Mutex`, whose futex-based atomics are not instrumented).
private final class GraphvizLock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  init() {
    mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  func withLock<T>(_ body: () throws(GraphvizError) -> T) throws(GraphvizError) -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}

/// cgraph takes `char *` for names and values it only reads (and copies).
private func mutableCString<R>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> R) -> R {
  var bytes = Array(text.utf8CString)
  return bytes.withUnsafeMutableBufferPointer { buffer in
    guard let base = buffer.baseAddress else { preconditionFailure("utf8CString is never empty") }
    return body(base)
  }
}

extension String {
  fileprivate func trimmingTrailingWhitespace() -> String {
    var end = endIndex
    while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
    return String(self[..<end])
  }
}
