import CoauthorBase
import Foundation
import GraphKit

/// Reads GEXF 1.2 and 1.3 (Gephi, networkx `write_gexf`, our ``GEXFWriter``): node
/// attribute declarations (`<attributes class="node">`), `<node id label>` with their
/// `<attvalue for value>`, and `<edge source target weight>`.
///
/// Labels come from `label` (else the id); node attributes become
/// ``GraphDocument/attributes`` by their declared type. A missing weight is 1. A
/// repeated edge is a real second record: weights are summed and a warning says so. A
/// negative, NaN or infinite weight is an error (edge skipped), zero a warning (edge
/// dropped). A
/// directed graph is read as undirected with a warning. Edges to undeclared nodes, bad
/// weights and duplicate node ids are reported and skipped; `viz:` elements, dynamic
/// spells and edge attributes are ignored.
///
/// The XML goes through a real parser (`XMLEvents`), external entities never resolved.
///
/// - Complexity: O(*n*) in the bytes.
///
/// Reference: GEXF Working Group, "GEXF 1.3 Primer" and schema, gexf.net (2022);
/// networkx `networkx/readwrite/gexf.py`.
public enum GEXFReader {
  /// Parses GEXF bytes, reporting bad nodes and edges and going on.
  /// - Throws: A ``Diagnostic`` when the bytes are not well-formed XML.
  public static func parseDocument(_ bytes: [UInt8], file: String) throws(Diagnostic) -> GraphDocument {
    let (events, xmlDiagnostics) = try XMLEvents.parse(bytes, file: file)
    var diagnostics = xmlDiagnostics
    var declarations: [_AttributeDeclaration] = []
    var attributeClass: String?
    var inDefault = false
    var defaultText = ""
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    var nodeValues: [[String: String]] = []
    var currentNode: Int?
    var inEdge = false
    var builderEdges: [(u: Int, v: Int, weight: Double, line: Int, column: Int, source: String, target: String)] = []
    var directedWarned = false
    func warnDirected(_ event: XMLEvent) {
      guard !directedWarned else { return }
      directedWarned = true
      diagnostics.append(.at(file, line: event.line, column: event.column, .warning, "directed graph read as undirected"))
    }
    for event in events {
      switch event.kind {
      case .start(let name, let attributes):
        switch name {
        case "graph":
          if attributes["defaultedgetype"] == "directed" { warnDirected(event) }
        case "attributes":
          attributeClass = attributes["class"]
        case "attribute" where attributeClass == "node":
          let id = attributes["id"] ?? ""
          declarations.append(
            _AttributeDeclaration(
              id: id, name: attributes["title"] ?? id,
              kind: _AttributeDeclaration.kind(ofType: attributes["type"] ?? "string")))
        case "default" where attributeClass == "node" && !declarations.isEmpty:
          inDefault = true
          defaultText = ""
        case "node":
          guard let id = attributes["id"] else {
            diagnostics.append(.at(file, line: event.line, column: event.column, .error, "node without id"))
            currentNode = nil
            break
          }
          guard idOf[id] == nil else {
            diagnostics.append(
              .at(file, line: event.line, column: event.column, .error, "duplicate node id \(id)", record: id))
            currentNode = nil
            break
          }
          currentNode = labels.count
          idOf[id] = labels.count
          labels.append(attributes["label"] ?? id)
          nodeValues.append([:])
        case "attvalue" where !inEdge:
          if let node = currentNode, let key = attributes["for"] ?? attributes["id"], let value = attributes["value"] {
            nodeValues[node][key] = value
          }
        case "edge":
          inEdge = true
          guard let s = attributes["source"], let t = attributes["target"] else {
            diagnostics.append(.at(file, line: event.line, column: event.column, .error, "edge without source or target"))
            break
          }
          guard let u = idOf[s], let v = idOf[t] else {
            let unknown = idOf[s] == nil ? s : t
            diagnostics.append(
              .at(file, line: event.line, column: event.column, .error, "edge refers to unknown node \(unknown)",
                record: unknown))
            break
          }
          var weight = 1.0
          if let text = attributes["weight"] {
            guard let w = Double(text.trimmingCharacters(in: .whitespaces)) else {
              diagnostics.append(
                .at(file, line: event.line, column: event.column, .error,
                  "edge weight '\(InputLimits.quote(text, limit: 40))' is not a number"))
              break
            }
            guard
              let checked = EdgeWeight.check(
                w, file: file, line: event.line, column: event.column, edge: "\(s)–\(t)", diagnostics: &diagnostics)
            else { break }
            weight = checked
          }
          if attributes["type"] == "directed" { warnDirected(event) }
          builderEdges.append((u, v, weight, event.line, event.column, s, t))
        default:
          break
        }
      case .text(let text):
        if inDefault { defaultText += text }
      case .end(let name):
        switch name {
        case "default" where inDefault:
          declarations[declarations.count - 1].defaultValue = defaultText
          inDefault = false
        case "attributes": attributeClass = nil
        case "node": currentNode = nil
        case "edge": inEdge = false
        default: break
        }
      }
    }
    let attributes = NodeAttributes(declarations, values: nodeValues, file: file, diagnostics: &diagnostics)
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var repeated = _RepeatedEdges()
    for edge in builderEdges {
      if repeated.repeats(edge.u, edge.v), repeated.isListed {
        diagnostics.append(
          .at(file, line: edge.line, column: edge.column, .warning,
            "repeated edge \(edge.source)–\(edge.target): weights summed"))
      }
      builder.addEdge(edge.u, edge.v, weight: edge.weight)
    }
    if let summary = repeated.summary(file: file, what: "edges", merged: "weights summed") { diagnostics.append(summary) }
    return GraphDocument(
      graph: builder.build(), format: .gexf, diagnostics: diagnostics, droppedSelfLoops: builder.droppedSelfLoops,
      mergedDuplicateEdges: repeated.count, attributes: attributes)
  }
}
