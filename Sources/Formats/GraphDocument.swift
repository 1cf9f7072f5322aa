import CoauthorBase
import Foundation
import GraphKit

/// The plain-graph file formats ``GraphReader`` reads.
public enum GraphFormat: String, Sendable, Hashable, CaseIterable, Codable {
  /// SNAP-style edge list: `u v [weight]` per line, `#`/`%` comments, tabs or spaces.
  case edgeList = "edge-list"
  /// GML (Newman's netscience.gml): `graph [ node [ id label ] edge [ source target value ] ]`.
  case gml
  /// METIS adjacency format (header `n m [fmt]`, 1-based neighbor lists).
  case metis
  /// GraphML XML (`<node id>`, `<edge source target>`, a `weight` key).
  case graphML = "graphml"
  /// GEXF 1.2/1.3 XML (Gephi): `<node id label>`, `<edge source target weight>`.
  case gexf
  /// VOSviewer map file (`id<TAB>label<TAB>x …`) with its `_network` file beside it.
  case vosviewerText = "vosviewer-text"
  /// VOSviewer JSON (`network.items`, `network.links`), UTF-8 BOM allowed.
  case vosviewerJSON = "vosviewer-json"
  /// Pajek `.net` (`*Vertices n`, `*Edges`/`*Arcs`, `*Edgeslist`).
  case pajek
  /// An edge table: CSV with a `Source,Target[,Weight]` header (Gephi's spreadsheet
  /// import, `coauthor network --format csv`, the Spark job's `edges.csv`).
  case edgeTable = "edge-table"
}

/// A graph read from a file, with what the reader noticed on the way.
public struct GraphDocument: Sendable {
  public var graph: Graph
  public var format: GraphFormat
  /// Bad records (skipped, reading went on) and warnings (e.g. duplicate edges merged).
  public var diagnostics: [Diagnostic]
  /// Self-loops in the input, dropped (a self-collaboration is not a collaboration;
  /// the reference fixtures drop them too).
  public var droppedSelfLoops: Int
  /// Weighted formats whose edges appeared more than once (merged by summing).
  public var mergedDuplicateEdges: Int
  /// Typed node data the file declared (GraphML keys, GEXF attributes), one value per
  /// node; empty for formats that carry none.
  public var attributes = NodeAttributes()
  /// The id the file gives each node where it differs from the label (VOSviewer map
  /// and JSON items: `id` beside `label`); empty otherwise.
  public var ids: [String] = []

  public init(
    graph: Graph, format: GraphFormat, diagnostics: [Diagnostic], droppedSelfLoops: Int,
    mergedDuplicateEdges: Int, attributes: NodeAttributes = NodeAttributes()
  ) {
    self.graph = graph
    self.format = format
    self.diagnostics = diagnostics
    self.droppedSelfLoops = droppedSelfLoops
    self.mergedDuplicateEdges = mergedDuplicateEdges
    self.attributes = attributes
  }
}

extension Diagnostic {
  /// A diagnostic at a line of a graph file (column unknown: 0).
  static func at(_ file: String, line: Int, column: Int = 0, _ severity: Severity, _ message: String, record: String? = nil)
    -> Diagnostic
  {
    Diagnostic(severity, at: InputLocation(file: file, line: line, column: column), message, record: record)
  }
}

/// The undirected pairs a weighted reader has seen, to warn when one comes again (a real
/// second record in GML, GraphML, GEXF and VOSviewer files: the builder sums it).
struct _RepeatedEdges {
  /// Repeated pairs named one by one; the rest are counted in ``summary(file:)`` (a
  /// database-sized edge table with homonyms repeats thousands of pairs).
  static let listed = 20
  private var seen = Set<UInt64>()
  /// How many records repeated a pair already seen.
  private(set) var count = 0

  /// Records the pair and says whether it was seen before; self-loops never count.
  mutating func repeats(_ u: Int, _ v: Int) -> Bool {
    guard u != v, !seen.insert(UInt64(min(u, v)) << 32 | UInt64(max(u, v))).inserted else { return false }
    count += 1
    return true
  }

  /// True for a repeat that gets a warning of its own (the first ``listed``).
  var isListed: Bool { count <= Self.listed }

  /// One warning for the repeats past the first ``listed``, nil when there are none.
  func summary(file: String, what: String = "edges", merged: String = "weights summed") -> Diagnostic? {
    guard count > Self.listed else { return nil }
    return .file(
      .warning, file,
      "\(count - Self.listed) more repeated \(what) (\(count) in all, the first \(Self.listed) listed above): \(merged)")
  }
}

/// A typed node attribute a file declares (GraphML `<key>`, GEXF `<attribute>`).
struct _AttributeDeclaration {
  enum Kind { case integer, real, string }
  var id: String
  var name: String
  var kind: Kind
  var defaultValue: String?

  /// The kind for a GraphML `attr.type` or GEXF `type` name.
  static func kind(ofType type: String) -> Kind {
    switch type.lowercased() {
    case "int", "integer", "long", "short", "byte": .integer
    case "float", "double": .real
    default: .string
    }
  }
}

extension NodeAttributes {
  /// Columns from per-node values keyed by declaration id; a node without a value takes
  /// the declared default, else 0, NaN or "". A value that is not of its type is
  /// reported and read as the missing value.
  init(
    _ declarations: [_AttributeDeclaration], values: [[String: String]], file: String,
    diagnostics: inout [Diagnostic]
  ) {
    self.init()
    for declaration in declarations {
      let texts = values.map { ($0[declaration.id] ?? declaration.defaultValue)?.trimmingCharacters(in: .whitespacesAndNewlines) }
      var bad: String?
      switch declaration.kind {
      case .integer:
        integers.append(
          (declaration.name, texts.map { text in
            guard let text else { return 0 }
            if let value = Int(text) ?? Double(text).flatMap({ $0 == $0.rounded() && abs($0) < 1e18 ? Int($0) : nil }) {
              return value
            }
            bad = bad ?? text
            return 0
          }))
      case .real:
        reals.append(
          (declaration.name, texts.map { text in
            guard let text else { return .nan }
            if let value = Double(text) { return value }
            bad = bad ?? text
            return .nan
          }))
      case .string:
        strings.append((declaration.name, texts.map { $0 ?? "" }))
      }
      if let bad {
        diagnostics.append(
          .file(.warning, file, "node attribute '\(declaration.name)': '\(bad.prefix(40))' is not a number"))
      }
    }
  }
}
