/// Reads GML graphs (Newman's netscience.gml and files written by networkx, igraph,
/// Gephi): `graph [ node [ id N label "…" ] edge [ source A target B value W ] ]`.
///
/// Nodes keep file order; labels come from `label` (else the id). The edge weight is
/// `weight` when present, else `value` (Newman's files), else 1. A repeated edge is a
/// real second record: weights are summed and a warning says so. `directed 1` is read
/// as undirected with a warning. Unknown keys are skipped.
enum GMLReader {
  enum Token: Equatable {
    case key(String), number(Double), string(String), open, close
  }

  struct Lexed {
    var token: Token
    var line: Int
  }

  static func lex(_ bytes: [UInt8], file: String) throws(GraphReadError) -> [Lexed] {
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
          throw GraphReadError(file: file, line: startLine, message: "unterminated string")
        }
        let text = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        tokens.append(Lexed(token: .string(decodeEntities(text)), line: startLine))
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

  /// GML escapes non-ASCII as HTML character entities (`&#233;`, `&amp;`).
  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10
      else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let name = rest[rest.index(after: amp)..<semi]
      var replacement: String?
      switch name {
      case "amp": replacement = "&"
      case "quot": replacement = "\""
      case "lt": replacement = "<"
      case "gt": replacement = ">"
      case "apos": replacement = "'"
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16),
          let scalar = Unicode.Scalar(code)
        {
          replacement = String(Character(scalar))
        } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
          replacement = String(Character(scalar))
        }
      }
      if let replacement {
        out += replacement
        rest = rest[rest.index(after: semi)...]
      } else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
      }
    }
    out += rest
    return out
  }

  /// One `key [ … ]` block's scalar attributes.
  struct Block {
    var line: Int
    var values: [String: Token] = [:]
  }

  static func parseDocument(_ bytes: [UInt8], file: String) throws(GraphReadError) -> GraphDocument {
    let tokens = try lex(bytes, file: file)
    var diagnostics: [GraphDiagnostic] = []
    // Find `graph [`.
    var i = 0
    while i + 1 < tokens.count, !(tokens[i].token == .key("graph") && tokens[i + 1].token == .open) {
      i += 1
    }
    guard i + 1 < tokens.count else {
      throw GraphReadError(file: file, line: 1, message: "no 'graph [' block")
    }
    i += 2
    var nodes: [Block] = []
    var edges: [Block] = []
    var directed = false
    var graphLine = tokens[i - 1].line
    // Reads a block's contents after its `[`, returning scalar values and skipping
    // nested blocks (e.g. `graphics [ … ]`).
    func readBlock(line: Int) throws(GraphReadError) -> Block {
      var block = Block(line: line)
      while i < tokens.count {
        let t = tokens[i]
        if t.token == .close {
          i += 1
          return block
        }
        guard case .key(let key) = t.token else {
          throw GraphReadError(file: file, line: t.line, message: "expected a key")
        }
        guard i + 1 < tokens.count else { break }
        let value = tokens[i + 1]
        if value.token == .open {
          i += 2
          _ = try readBlock(line: value.line)
        } else {
          if block.values[key] == nil { block.values[key] = value.token }
          i += 2
        }
      }
      throw GraphReadError(file: file, line: line, message: "block is not closed with ']'")
    }
    while i < tokens.count {
      let t = tokens[i]
      if t.token == .close { break }
      guard case .key(let key) = t.token, i + 1 < tokens.count else {
        throw GraphReadError(file: file, line: t.line, message: "expected a key inside 'graph'")
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
        GraphDiagnostic(
          severity: .warning, file: file, line: graphLine,
          message: "directed graph read as undirected"))
    }
    var idOf: [String: Int] = [:]
    var labels: [String] = []
    for node in nodes {
      guard let id = node.values["id"].flatMap(keyText) else {
        diagnostics.append(
          GraphDiagnostic(severity: .error, file: file, line: node.line, message: "node without id"))
        continue
      }
      if idOf[id] != nil {
        diagnostics.append(
          GraphDiagnostic(severity: .error, file: file, line: node.line, message: "duplicate node id \(id)"))
        continue
      }
      idOf[id] = labels.count
      if case .string(let label)? = node.values["label"] { labels.append(label) } else { labels.append(id) }
    }
    var builder = GraphBuilder(nodeCount: labels.count, labels: labels, parallelEdges: .sum, selfLoops: .drop)
    var seen = Set<UInt64>()
    var merged = 0
    for edge in edges {
      guard let s = edge.values["source"].flatMap(keyText), let t = edge.values["target"].flatMap(keyText)
      else {
        diagnostics.append(
          GraphDiagnostic(severity: .error, file: file, line: edge.line, message: "edge without source or target"))
        continue
      }
      guard let u = idOf[s], let v = idOf[t] else {
        diagnostics.append(
          GraphDiagnostic(
            severity: .error, file: file, line: edge.line,
            message: "edge refers to unknown node \(idOf[s] == nil ? s : t)"))
        continue
      }
      var weight = 1.0
      if let w = edge.values["weight"] ?? edge.values["value"] {
        guard case .number(let x) = w, x.isFinite else {
          diagnostics.append(
            GraphDiagnostic(severity: .error, file: file, line: edge.line, message: "edge weight is not a number"))
          continue
        }
        weight = x
      }
      if u != v {
        let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
        if !seen.insert(key).inserted {
          merged += 1
          diagnostics.append(
            GraphDiagnostic(
              severity: .warning, file: file, line: edge.line,
              message: "repeated edge \(s)–\(t): weights summed"))
        }
      }
      builder.addEdge(u, v, weight: weight)
    }
    return GraphDocument(
      graph: builder.build(), format: .gml, diagnostics: diagnostics,
      droppedSelfLoops: builder.droppedSelfLoops, mergedDuplicateEdges: merged)
  }

  static func keyText(_ token: Token) -> String? {
    switch token {
    case .number(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    case .string(let s): return s
    default: return nil
    }
  }
}
