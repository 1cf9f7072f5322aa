import Graphviz

extension FuzzTargets {
  /// The DOT writer round trip and the sanitizer on the same bytes.
  ///
  /// 1. The bytes, split at `|` into at most 16 strings, become node labels, tooltips and
  ///    edge labels of a ``DOTDocument``; libgvc parses the written text back. Invariant:
  ///    exactly the nodes `n0…`, the edges and the attribute names that were written, and
  ///    every label reads back as the text the writer quoted (no input string adds a node,
  ///    an edge or an attribute).
  /// 2. The bytes as untrusted DOT go through the strict sanitizer. Invariant: the written
  ///    back graph parses, holds only allowed attribute names and no HTML `<IMG>`, and
  ///    sanitizing it again removes nothing that could read a file.
  ///
  /// - Complexity: linear parsing by libgvc; no layout is run.
  public static func dot(_ bytes: [UInt8]) -> [String] {
    var failures: [String] = []
    let text = String(decoding: bytes, as: UTF8.self)
    dotWriterRoundTrip(text, &failures)
    dotSanitizer(text, &failures)
    return failures
  }

  static func dotWriterRoundTrip(_ text: String, _ failures: inout [String]) {
    let pieces = text.split(separator: "|", maxSplits: 15, omittingEmptySubsequences: false)
      .map(String.init)
    var document = DOTDocument(directed: pieces.count % 2 == 0)
    for piece in pieces {
      document.addNode([.label(piece), .tooltip(piece), .xlabel(piece)])
    }
    for index in pieces.indices.dropFirst() {
      document.addEdge(from: index - 1, to: index, [.label(pieces[index]), .penWidth(1.5)])
    }
    let written = document.text
    let parsed: DOTInspection
    do {
      parsed = try GraphvizRenderer.inspect(written)
    } catch {
      failures.append("the writer's DOT does not parse: \(error)\n\(written)")
      return
    }
    let expectedNames = pieces.indices.map { DOTDocument.nodeID($0) }
    if parsed.nodes.map(\.name) != expectedNames {
      failures.append("nodes \(parsed.nodes.map(\.name)), expected \(expectedNames)")
    }
    if parsed.edges.count != max(pieces.count - 1, 0) {
      failures.append("\(parsed.edges.count) edges, expected \(max(pieces.count - 1, 0))")
    }
    if !parsed.subgraphNames.isEmpty {
      failures.append("subgraphs appeared: \(parsed.subgraphNames)")
    }
    let nodeNames: Set<String> = ["label", "tooltip", "xlabel", "fontname"]
    let edgeNames: Set<String> = ["label", "penwidth", "fontname"]
    for name in parsed.declaredNodeAttributes where !nodeNames.contains(name) {
      failures.append("node attribute \(name) appeared")
    }
    for name in parsed.declaredEdgeAttributes where !edgeNames.contains(name) {
      failures.append("edge attribute \(name) appeared")
    }
    for name in parsed.declaredGraphAttributes where name != "fontname" {
      failures.append("graph attribute \(name) appeared")
    }
    for (index, node) in parsed.nodes.enumerated() where index < pieces.count {
      let expected = storedValue(DOTEscaping.quoted(pieces[index]))
      if (node.attributes["label"] ?? "") != expected {
        failures.append(
          "node \(index) label \(String(reflecting: node.attributes["label"] ?? "")), expected \(String(reflecting: expected))"
        )
      }
    }
  }

  /// What cgraph's lexer stores for a quoted string: `\"` becomes `"`, an escaped newline
  /// disappears, every other byte (including other backslashes) is kept.
  static func storedValue(_ quoted: String) -> String {
    var scalars = Array(quoted.unicodeScalars.dropFirst().dropLast())
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "\"" {
        out.append("\"")
        index += 2
      } else if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "\n" {
        index += 2
      } else {
        out.append(scalar)
        index += 1
      }
    }
    scalars.removeAll()
    return String(out)
  }

  static func dotSanitizer(_ text: String, _ failures: inout [String]) {
    let policy = SanitizePolicy.strict
    let sanitized: GraphvizRenderer.SanitizedDOT
    do {
      sanitized = try GraphvizRenderer.sanitize(text, engine: .neato, policy: policy)
    } catch {
      return  // rejected input: fine, as long as nothing crashed
    }
    let parsed: DOTInspection
    do {
      parsed = try GraphvizRenderer.inspect(sanitized.text)
    } catch {
      failures.append("sanitized DOT does not parse: \(error)\n\(sanitized.text)")
      return
    }
    let engineAttributes: Set<String> = ["layout"]
    func checkNames(_ names: [String: String], _ allowed: Set<String>, _ what: String) {
      for (name, value) in names where !allowed.contains(name) && !engineAttributes.contains(name) {
        failures.append(
          "\(what) attribute \(name)=\(String(reflecting: value)) survived sanitizing")
      }
      for (name, value) in names where value.lowercased().contains("<img") {
        failures.append("\(what) attribute \(name) keeps an HTML <IMG>")
      }
    }
    checkNames(parsed.graphAttributes, policy.allowedGraphAttributes, "graph")
    for node in parsed.nodes { checkNames(node.attributes, policy.allowedNodeAttributes, "node") }
    for edge in parsed.edges { checkNames(edge.attributes, policy.allowedEdgeAttributes, "edge") }
    let fileReaders: Set<String> = [
      "image", "shapefile", "fontpath", "imagepath", "stylesheet", "URL", "href", "layout",
    ]
    if let again = try? GraphvizRenderer.sanitize(sanitized.text, engine: .neato, policy: policy) {
      for removal in again.removals
      where fileReaders.contains(removal.attribute)
        && removal.attribute != "layout"
      {
        failures.append("a second sanitizing pass still removed \(removal)")
      }
    }
  }
}
