/// Reads GraphML (networkx, igraph, Gephi, yEd): `<key>` declarations, `<node id>`,
/// `<edge source target>` and their `<data key>` values.
///
/// The edge weight is the `<data>` whose key has `attr.name` "weight" (else "value",
/// else 1); the node label is the one named "label" or "name" (else the id). Nested
/// graphs and hyperedges are not supported (reported). A small scanner, not a full XML
/// parser: entities in values are decoded; CDATA and comments are skipped.
enum GraphMLReader {
  struct Tag {
    var name: String
    var attributes: [String: String]
    var closing: Bool
    var selfClosing: Bool
    var line: Int
    /// Text between this tag and the next one.
    var textAfter: String
  }

  static func scan(_ bytes: [UInt8], file: String) throws(GraphReadError) -> [Tag] {
    var tags: [Tag] = []
    var i = 0
    var line = 1
    let n = bytes.count
    func count(_ from: Int, _ to: Int) {
      for k in from..<to where bytes[k] == UInt8(ascii: "\n") { line += 1 }
    }
    while i < n {
      guard bytes[i] == UInt8(ascii: "<") else {
        if bytes[i] == UInt8(ascii: "\n") { line += 1 }
        i += 1
        continue
      }
      let tagLine = line
      if bytes[i...].starts(with: Array("<!--".utf8)) {
        var j = i + 4
        while j + 2 < n, !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
        count(i, min(j, n))
        i = j + 3
        continue
      }
      var j = i + 1
      var quote: UInt8 = 0
      while j < n {
        let b = bytes[j]
        if quote != 0 {
          if b == quote { quote = 0 }
        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
          quote = b
        } else if b == UInt8(ascii: ">") {
          break
        }
        j += 1
      }
      guard j < n else { throw GraphReadError(file: file, line: tagLine, message: "unterminated tag") }
      count(i, j)
      let inner = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
      i = j + 1
      if inner.hasPrefix("?") || inner.hasPrefix("!") { continue }
      var k = i
      while k < n, bytes[k] != UInt8(ascii: "<") { k += 1 }
      let text = String(decoding: bytes[i..<k], as: UTF8.self)
      tags.append(parseTag(inner, line: tagLine, textAfter: text))
    }
    return tags
  }

  static func parseTag(_ inner: String, line: Int, textAfter: String) -> Tag {
    var body = Substring(inner)
    let closing = body.hasPrefix("/")
    if closing { body = body.dropFirst() }
    let selfClosing = body.hasSuffix("/")
    if selfClosing { body = body.dropLast() }
    let name = String(body.prefix { !$0.isWhitespace })
    var rest = body.dropFirst(name.count)
    var attributes: [String: String] = [:]
    while true {
      rest = rest.drop { $0.isWhitespace }
      guard let eq = rest.firstIndex(of: "=") else { break }
      let key = rest[..<eq].trimmingCharacters(in: .whitespaces)
      var after = rest[rest.index(after: eq)...].drop { $0.isWhitespace }
      guard let q = after.first, q == "\"" || q == "'" else { break }
      after = after.dropFirst()
      guard let close = after.firstIndex(of: q) else { break }
      attributes[key] = GMLReader.decodeEntities(String(after[..<close]))
      rest = after[after.index(after: close)...]
    }
    let localName = name.split(separator: ":").last.map(String.init) ?? name
    return Tag(
      name: localName, attributes: attributes, closing: closing, selfClosing: selfClosing, line: line,
      textAfter: GMLReader.decodeEntities(textAfter))
  }

  static func parseDocument(_ bytes: [UInt8], file: String) throws(GraphReadError) -> GraphDocument {
    let tags = try scan(bytes, file: file)
    var diagnostics: [GraphDiagnostic] = []
    var edgeWeightKey: String?
    var edgeValueKey: String?
    var nodeLabelKey: String?
    var defaults: [String: String] = [:]
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    var explicitLabel: [Bool] = []
    struct PendingEdge { var source: String, target: String, data: [String: String], line: Int }
    var edges: [PendingEdge] = []
    var graphDepth = 0
    var k = 0
    while k < tags.count {
      let tag = tags[k]
      switch (tag.name, tag.closing) {
      case ("key", false):
        let id = tag.attributes["id"] ?? ""
        let name = (tag.attributes["attr.name"] ?? "").lowercased()
        let domain = tag.attributes["for"] ?? "all"
        if domain == "edge" || domain == "all" {
          if name == "weight" { edgeWeightKey = id }
          if name == "value" { edgeValueKey = id }
        }
        if domain == "node" || domain == "all", name == "label" || (name == "name" && nodeLabelKey == nil) {
          nodeLabelKey = id
        }
        if !tag.selfClosing, k + 1 < tags.count, tags[k + 1].name == "default", !tags[k + 1].closing {
          defaults[id] = tags[k + 1].textAfter.trimmingCharacters(in: .whitespacesAndNewlines)
        }
      case ("graph", false):
        graphDepth += 1
        if graphDepth > 1 {
          diagnostics.append(
            GraphDiagnostic(severity: .error, file: file, line: tag.line, message: "nested graphs are not supported"))
        }
        if tag.attributes["edgedefault"] == "directed", graphDepth == 1 {
          diagnostics.append(
            GraphDiagnostic(severity: .warning, file: file, line: tag.line, message: "directed graph read as undirected"))
        }
      case ("graph", true):
        graphDepth -= 1
      case ("node", false):
        guard let id = tag.attributes["id"] else {
          diagnostics.append(GraphDiagnostic(severity: .error, file: file, line: tag.line, message: "node without id"))
          break
        }
        var index = idOf[id]
        if index == nil {
          index = labels.count
          idOf[id] = labels.count
          labels.append(id)
          explicitLabel.append(false)
        }
        if !tag.selfClosing {
          let data = collectData(tags, &k, until: "node")
          if let key = nodeLabelKey, let label = data[key], let index {
            labels[index] = label
            explicitLabel[index] = true
          }
        }
      case ("edge", false):
        guard let s = tag.attributes["source"], let t = tag.attributes["target"] else {
          diagnostics.append(
            GraphDiagnostic(severity: .error, file: file, line: tag.line, message: "edge without source or target"))
          break
        }
        let data = tag.selfClosing ? [:] : collectData(tags, &k, until: "edge")
        edges.append(PendingEdge(source: s, target: t, data: data, line: tag.line))
      case ("hyperedge", false):
        diagnostics.append(GraphDiagnostic(severity: .error, file: file, line: tag.line, message: "hyperedges are not supported"))
      default:
        break
      }
      k += 1
    }
    // Edges may name nodes that have no <node> element: GraphML allows it; add them.
    for edge in edges {
      for id in [edge.source, edge.target] where idOf[id] == nil {
        idOf[id] = labels.count
        labels.append(id)
        explicitLabel.append(false)
      }
    }
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var seen = Set<UInt64>()
    var merged = 0
    let weightKey = edgeWeightKey ?? edgeValueKey
    for edge in edges {
      guard let u = idOf[edge.source], let v = idOf[edge.target] else { continue }
      var weight = 1.0
      if let key = weightKey, let text = edge.data[key] ?? defaults[key] {
        guard let w = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), w.isFinite else {
          diagnostics.append(
            GraphDiagnostic(severity: .error, file: file, line: edge.line, message: "edge weight '\(text)' is not a number"))
          continue
        }
        weight = w
      }
      if u != v, !seen.insert(UInt64(min(u, v)) << 32 | UInt64(max(u, v))).inserted {
        merged += 1
        diagnostics.append(
          GraphDiagnostic(
            severity: .warning, file: file, line: edge.line,
            message: "repeated edge \(edge.source)–\(edge.target): weights summed"))
      }
      builder.addEdge(u, v, weight: weight)
    }
    return GraphDocument(
      graph: builder.build(), format: .graphML, diagnostics: diagnostics,
      droppedSelfLoops: builder.droppedSelfLoops, mergedDuplicateEdges: merged)
  }

  /// Collects `<data key>text</data>` up to the closing `</element>`; advances `k` to it.
  static func collectData(_ tags: [Tag], _ k: inout Int, until element: String) -> [String: String] {
    var data: [String: String] = [:]
    var j = k + 1
    while j < tags.count {
      let t = tags[j]
      if t.name == element, t.closing { break }
      if t.name == "data", !t.closing, let key = t.attributes["key"] {
        data[key] = t.selfClosing ? "" : t.textAfter.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      j += 1
    }
    k = min(j, tags.count - 1)
    return data
  }
}
