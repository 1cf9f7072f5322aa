import CoauthorBase
import GraphKit

/// Reads GML graphs (Newman's netscience.gml and files written by networkx, igraph,
/// Gephi): `graph [ node [ id N label "…" ] edge [ source A target B value W ] ]`.
///
/// Nodes keep file order; labels come from `label` (else the id). The edge weight is
/// `weight` when present, else `value` (Newman's files), else 1. A repeated edge is a
/// real second record: weights are summed and a warning says so. A negative, NaN or
/// infinite weight is an error (the edge skipped), a zero weight a warning (the edge
/// dropped). Lists nested deeper than 1,000 levels are refused with an error. `directed 1` is read
/// as undirected with a warning. Unknown keys are skipped.
///
/// - Complexity: O(*n*) in the bytes.
///
/// Reference: M. Himsolt, "GML: A portable Graph File Format", Universität Passau, 1997;
/// networkx `networkx/readwrite/gml.py`.
public enum GMLReader {
  enum Token: Equatable {
    case key(String), number(Double), string(String), open, close
  }

  struct Lexed {
    var token: Token
    var line: Int
  }

  static func lex(_ bytes: [UInt8], file: String) throws(Diagnostic) -> [Lexed] {
    var tokens: [Lexed] = []
    var line = 1
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b == UInt8(ascii: "\n") {
        line += 1
        i += 1
      } else if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
        i += 1
      } else if b == UInt8(ascii: "#") {
        while i < n, bytes[i] != UInt8(ascii: "\n") { i += 1 }
      } else if b == UInt8(ascii: "[") {
        tokens.append(Lexed(token: .open, line: line))
        i += 1
      } else if b == UInt8(ascii: "]") {
        tokens.append(Lexed(token: .close, line: line))
        i += 1
      } else if b == UInt8(ascii: "\"") {
        let startLine = line
        var j = i + 1
        while j < n, bytes[j] != UInt8(ascii: "\"") {
          if bytes[j] == UInt8(ascii: "\n") { line += 1 }
          j += 1
        }
        guard j < n else {
          throw Diagnostic.at(file, line: startLine, .error, "unterminated string")
        }
        let text = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        tokens.append(Lexed(token: .string(Escaping.decodeCharacterReferences(text)), line: startLine))
        i = j + 1
      } else {
        var j = i
        while j < n, !isDelimiter(bytes[j]) { j += 1 }
        let word = String(decoding: bytes[i..<j], as: UTF8.self)
        if let value = Double(word) {
          tokens.append(Lexed(token: .number(value), line: line))
        } else {
          tokens.append(Lexed(token: .key(word), line: line))
        }
        i = j
      }
    }
    return tokens
  }

  static func isDelimiter(_ b: UInt8) -> Bool {
    b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n")
      || b == UInt8(ascii: "\r") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
      || b == UInt8(ascii: "\"")
  }

  /// One `key [ … ]` block's scalar attributes.
  struct Block {
    var line: Int
    var values: [String: Token] = [:]
  }

  /// Parses GML bytes, reporting bad nodes and edges and going on.
  /// - Throws: A ``Diagnostic`` when the text is not GML at all (no `graph [`, an
  ///   unterminated string or block).
  public static func parseDocument(_ bytes: [UInt8], file: String) throws(Diagnostic) -> GraphDocument {
    let tokens = try lex(bytes, file: file)
    var diagnostics: [Diagnostic] = []
    // Find `graph [`.
    var i = 0
    while i + 1 < tokens.count, !(tokens[i].token == .key("graph") && tokens[i + 1].token == .open) {
      i += 1
    }
    guard i + 1 < tokens.count else {
      throw Diagnostic.at(file, line: 1, .error, "no 'graph [' block")
    }
    i += 2
    var nodes: [Block] = []
    var edges: [Block] = []
    var directed = false
    var graphLine = tokens[i - 1].line
    // Reads a block's contents after its `[`, returning scalar values and skipping
    // nested blocks (e.g. `graphics [ … ]`).
    // Nested blocks are skipped iteratively (a depth counter, no recursion), and refused
    // past InputLimits.maxNestingDepth levels: 50,000 nested lists cannot exhaust the stack.
    func readBlock(line: Int) throws(Diagnostic) -> Block {
      var block = Block(line: line)
      var nested = 0
      var openLines: [Int] = []
      while i < tokens.count {
        let t = tokens[i]
        if t.token == .close {
          i += 1
          if nested == 0 { return block }
          nested -= 1
          openLines.removeLast()
          continue
        }
        guard case .key(let key) = t.token else {
          throw Diagnostic.at(file, line: t.line, .error, "expected a key")
        }
        guard i + 1 < tokens.count else { break }
        let value = tokens[i + 1]
        if value.token == .open {
          i += 2
          nested += 1
          openLines.append(value.line)
          if nested + 2 > InputLimits.maxNestingDepth {
            throw Diagnostic.at(
              file, line: value.line, .error,
              "lists nested more than \(InputLimits.maxNestingDepth) levels deep; file not read")
          }
        } else {
          if nested == 0, block.values[key] == nil { block.values[key] = value.token }
          i += 2
        }
      }
      throw Diagnostic.at(file, line: openLines.last ?? line, .error, "block is not closed with ']'")
    }
    while i < tokens.count {
      let t = tokens[i]
      if t.token == .close { break }
      guard case .key(let key) = t.token, i + 1 < tokens.count else {
        throw Diagnostic.at(file, line: t.line, .error, "expected a key inside 'graph'")
      }
      let value = tokens[i + 1]
      if value.token == .open {
        i += 2
        let block = try readBlock(line: t.line)
        if key == "node" { nodes.append(block) } else if key == "edge" { edges.append(block) }
      } else {
        if key == "directed", value.token == .number(1) {
          directed = true
          graphLine = t.line
        }
        i += 2
      }
    }
    if directed {
      diagnostics.append(
        Diagnostic.at(file, line: graphLine, .warning, "directed graph read as undirected"))
    }
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    for node in nodes {
      guard let id = node.values["id"].flatMap(keyText) else {
        diagnostics.append(
          Diagnostic.at(file, line: node.line, .error, "node without id"))
        continue
      }
      if idOf[id] != nil {
        diagnostics.append(
          Diagnostic.at(file, line: node.line, .error, "duplicate node id \(id)"))
        continue
      }
      idOf[id] = labels.count
      if case .string(let label)? = node.values["label"] { labels.append(label) } else { labels.append(id) }
    }
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var repeated = _RepeatedEdges()
    for edge in edges {
      guard let s = edge.values["source"].flatMap(keyText), let t = edge.values["target"].flatMap(keyText)
      else {
        diagnostics.append(
          Diagnostic.at(file, line: edge.line, .error, "edge without source or target"))
        continue
      }
      guard let u = idOf[s], let v = idOf[t] else {
        diagnostics.append(
          Diagnostic.at(file, line: edge.line, .error, "edge refers to unknown node \(idOf[s] == nil ? s : t)"))
        continue
      }
      var weight = 1.0
      if let w = edge.values["weight"] ?? edge.values["value"] {
        guard case .number(let x) = w else {
          diagnostics.append(
            Diagnostic.at(file, line: edge.line, .error, "edge weight is not a number"))
          continue
        }
        guard let checked = EdgeWeight.check(x, file: file, line: edge.line, edge: "\(s)–\(t)", diagnostics: &diagnostics)
        else { continue }
        weight = checked
      }
      if repeated.repeats(u, v), repeated.isListed {
        diagnostics.append(Diagnostic.at(file, line: edge.line, .warning, "repeated edge \(s)–\(t): weights summed"))
      }
      builder.addEdge(u, v, weight: weight)
    }
    if let summary = repeated.summary(file: file, what: "edges", merged: "weights summed") { diagnostics.append(summary) }
    return GraphDocument(
      graph: builder.build(), format: .gml, diagnostics: diagnostics,
      droppedSelfLoops: builder.droppedSelfLoops, mergedDuplicateEdges: repeated.count)
  }

  /// True when the text starts with top-level GML `key value` pairs (`#` comments
  /// allowed) and the first list among them is `graph [`. Looks at the first 64 KiB.
  static func recognize(_ bytes: [UInt8]) -> Bool {
    guard let tokens = try? lex(Array(bytes.prefix(1 << 16)), file: "") else {
      // A string cut off at 64 KiB: judge the tokens before it.
      return recognize(Array(bytes.prefix(1 << 16).prefix { $0 != UInt8(ascii: "\"") }))
    }
    var i = 0
    while i + 1 < tokens.count {
      guard case .key(let key) = tokens[i].token, key.first.map({ $0.isLetter || $0 == "_" }) == true,
        key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
      else { return false }
      switch tokens[i + 1].token {
      case .open: return key.lowercased() == "graph"
      case .number, .string: i += 2
      case .key, .close: return false
      }
    }
    return false
  }

  static func keyText(_ token: Token) -> String? {
    switch token {
    case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    case .string(let s): return s
    default: return nil
    }
  }
}
