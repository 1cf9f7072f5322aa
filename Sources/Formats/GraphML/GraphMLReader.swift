import CoauthorBase
import Foundation
import GraphKit

/// Reads GraphML (networkx, igraph, Gephi, yEd): `<key>` declarations, `<node id>`,
/// `<edge source target>` and their `<data key>` values.
///
/// The edge weight is the `<data>` whose key has `attr.name` "weight" (else "value",
/// else 1); the node label is the one named "label" (else "name", else the id). Other
/// node keys become ``GraphDocument/attributes`` by their `attr.type`. Nested graphs
/// and hyperedges are not supported (reported); a directed graph is read as undirected
/// with a warning. Edges may name nodes without a `<node>` element: they are added.
///
/// The XML goes through a real parser (`XMLEvents`): entities and CDATA are decoded,
/// comments skipped, external entities never resolved.
///
/// - Complexity: O(*n*) in the bytes.
///
/// Reference: U. Brandes et al., "GraphML Primer", graphml.graphdrawing.org/primer;
/// networkx `networkx/readwrite/graphml.py`.
public enum GraphMLReader {
  /// Parses GraphML bytes, reporting bad nodes and edges and going on.
  /// - Throws: A ``Diagnostic`` when the bytes are not well-formed XML.
  public static func parseDocument(_ bytes: [UInt8], file: String) throws(Diagnostic) -> GraphDocument {
    let (events, xmlDiagnostics) = try XMLEvents.parse(bytes, file: file)
    var diagnostics = xmlDiagnostics
    struct Key {
      var name: String
      var domain: String
      var type: String
      var defaultValue: String?
    }
    var keys: [String: Key] = [:]
    var keyOrder: [String] = []
    var edgeWeightKey: String?
    var edgeValueKey: String?
    var nodeLabelKey: String?
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    var nodeData: [[String: String]] = []
    struct PendingEdge { var source: String, target: String, data: [String: String], line: Int, column: Int }
    var edges: [PendingEdge] = []
    var graphDepth = 0
    var depth = 0
    var currentKey: String?
    var defaultText: String?
    var currentNode: Int?
    var currentEdge: PendingEdge?
    var data: (key: String, depth: Int, text: String)?
    for event in events {
      switch event.kind {
      case .start(let name, let attributes):
        depth += 1
        switch name {
        case "key":
          let id = attributes["id"] ?? ""
          let keyName = (attributes["attr.name"] ?? "").lowercased()
          let domain = attributes["for"] ?? "all"
          if keys[id] == nil { keyOrder.append(id) }
          keys[id] = Key(
            name: attributes["attr.name"] ?? id, domain: domain, type: attributes["attr.type"] ?? "string")
          currentKey = id
          if domain == "edge" || domain == "all" {
            if keyName == "weight" { edgeWeightKey = id }
            if keyName == "value" { edgeValueKey = id }
          }
          if domain == "node" || domain == "all", keyName == "label" || (keyName == "name" && nodeLabelKey == nil) {
            nodeLabelKey = id
          }
        case "default" where currentKey != nil:
          defaultText = ""
        case "graph":
          graphDepth += 1
          if graphDepth > 1 {
            diagnostics.append(.at(file, line: event.line, .error, "nested graphs are not supported"))
          }
          if attributes["edgedefault"] == "directed", graphDepth == 1 {
            diagnostics.append(.at(file, line: event.line, .warning, "directed graph read as undirected"))
          }
        case "node":
          guard let id = attributes["id"] else {
            diagnostics.append(.at(file, line: event.line, .error, "node without id"))
            break
          }
          if let index = idOf[id] {
            currentNode = index
          } else {
            currentNode = labels.count
            idOf[id] = labels.count
            labels.append(id)
            nodeData.append([:])
          }
        case "edge":
          guard let s = attributes["source"], let t = attributes["target"] else {
            diagnostics.append(.at(file, line: event.line, .error, "edge without source or target"))
            break
          }
          currentEdge = PendingEdge(source: s, target: t, data: [:], line: event.line, column: event.column)
        case "hyperedge":
          diagnostics.append(.at(file, line: event.line, .error, "hyperedges are not supported"))
        case "data":
          if let key = attributes["key"] { data = (key, depth, "") }
        default:
          break
        }
      case .text(let text):
        if let open = data, open.depth == depth {
          data?.text += text
        } else if defaultText != nil {
          defaultText? += text
        }
      case .end(let name):
        switch name {
        case "data":
          if let open = data, open.depth == depth {
            let value = open.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if currentEdge != nil {
              currentEdge?.data[open.key] = value
            } else if let node = currentNode {
              nodeData[node][open.key] = value
            }
            data = nil
          }
        case "default":
          if let key = currentKey, let text = defaultText {
            keys[key]?.defaultValue = text.trimmingCharacters(in: .whitespacesAndNewlines)
          }
          defaultText = nil
        case "key": currentKey = nil
        case "node": currentNode = nil
        case "edge":
          if let edge = currentEdge { edges.append(edge) }
          currentEdge = nil
        case "graph": graphDepth -= 1
        default: break
        }
        depth -= 1
      }
    }
    for (index, values) in nodeData.enumerated() {
      if let key = nodeLabelKey, let label = values[key] { labels[index] = label }
    }
    let declarations = keyOrder.compactMap { id -> _AttributeDeclaration? in
      guard let key = keys[id], id != nodeLabelKey,
        key.domain == "node" || (key.domain == "all" && nodeData.contains { $0[id] != nil })
      else { return nil }
      return _AttributeDeclaration(
        id: id, name: key.name, kind: _AttributeDeclaration.kind(ofType: key.type), defaultValue: key.defaultValue)
    }
    // Edges may name nodes that have no <node> element: GraphML allows it; add them.
    for edge in edges {
      for id in [edge.source, edge.target] where idOf[id] == nil {
        idOf[id] = labels.count
        labels.append(id)
        nodeData.append([:])
      }
    }
    let attributes = NodeAttributes(declarations, values: nodeData, file: file, diagnostics: &diagnostics)
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var repeated = _RepeatedEdges()
    let weightKey = edgeWeightKey ?? edgeValueKey
    for edge in edges {
      guard let u = idOf[edge.source], let v = idOf[edge.target] else { continue }
      var weight = 1.0
      if let key = weightKey, let text = edge.data[key] ?? keys[key]?.defaultValue {
        guard let w = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
          diagnostics.append(
            .at(
              file, line: edge.line, column: edge.column, .error,
              "edge weight '\(InputLimits.quote(text, limit: 40))' is not a number"))
          continue
        }
        guard
          let checked = EdgeWeight.check(
            w, file: file, line: edge.line, column: edge.column, edge: "\(edge.source)–\(edge.target)",
            diagnostics: &diagnostics)
        else { continue }
        weight = checked
      }
      if repeated.repeats(u, v), repeated.isListed {
        diagnostics.append(
          .at(file, line: edge.line, column: edge.column, .warning,
            "repeated edge \(edge.source)–\(edge.target): weights summed"))
      }
      builder.addEdge(u, v, weight: weight)
    }
    if let summary = repeated.summary(file: file, what: "edges", merged: "weights summed") { diagnostics.append(summary) }
    return GraphDocument(
      graph: builder.build(), format: .graphML, diagnostics: diagnostics,
      droppedSelfLoops: builder.droppedSelfLoops, mergedDuplicateEdges: repeated.count, attributes: attributes)
  }
}
