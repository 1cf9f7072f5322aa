import Formats
import Foundation
import GraphKit

/// File formats a network can be exported to.
public enum NetworkFormat: String, Sendable, Hashable, CaseIterable, Codable {
  case dot, graphml, gexf, gml, json, csv, edgelist, pajek
  /// VOSviewer JSON (`network.items` / `network.links`), opened by VOSviewer and
  /// VOSviewer Online.
  case vosviewer
  /// VOSviewer's map file (items, tab-separated); its network file comes from
  /// ``NetworkExport/vosviewerNetworkFile(_:)``.
  case vosviewerMap = "vosviewer-map"

  /// Whether the format carries node attributes (communities, centralities, papers,
  /// years); the edge lists and plain DOT carry the edges and labels only.
  public var carriesNodeAttributes: Bool {
    switch self {
    case .graphml, .gexf, .gml, .json, .vosviewer, .vosviewerMap: true
    case .dot, .csv, .edgelist, .pajek: false
    }
  }
}

/// Exports for interchange formats (Gephi, networkx, igraph, Pajek, VOSviewer…): a
/// dispatcher over the `Formats` module's writers, one per format.
///
/// Every string from input is escaped for the format (`Escaping`); node ids are the
/// dense node ids, names go only into label attributes.
public enum NetworkExport {
  /// The network as text in `format`. `.dot` here is a plain (unstyled) DOT graph;
  /// styled figures come from ``NetworkFigure``.
  public static func text(
    _ graph: Graph, format: NetworkFormat, attributes: NodeAttributes = NodeAttributes(),
    weightMeaning: String = "weight"
  ) -> String {
    switch format {
    case .graphml: GraphMLWriter.text(graph, attributes: attributes, weightMeaning: weightMeaning)
    case .gexf:
      GEXFWriter.text(
        graph, attributes: attributes, weightMeaning: weightMeaning,
        creator: "coauthor \(CoauthorVersion.string)")
    case .gml: GMLWriter.text(graph, attributes: attributes)
    case .json: NodeLinkJSONWriter.text(graph, attributes: attributes)
    case .csv: EdgeCSVWriter.text(graph)
    case .edgelist: EdgeListWriter.text(graph)
    case .pajek: PajekWriter.text(graph)
    case .dot: PlainDOTWriter.text(graph)
    case .vosviewer: VOSviewerWriter.json(graph, attributes: attributes)
    case .vosviewerMap: VOSviewerWriter.mapFile(graph, attributes: attributes)
    }
  }

  /// VOSviewer network file: `id id strength`, 1-based, one line per edge.
  public static func vosviewerNetworkFile(_ graph: Graph) -> String {
    VOSviewerWriter.networkFile(graph)
  }
}

/// When each person published: first, last and mean year of their dated papers (0 when
/// they have none, e.g. a homepage's declared collaborator) and the years they published
/// in, as closed ranges of consecutive years (GEXF spells).
public struct NodeYears: Sendable {
  public var first: [Int]
  public var last: [Int]
  public var mean: [Double]
  public var spells: [[ClosedRange<Int>]]

  /// The years of `people` (corpus person ids, one per node) in `corpus`.
  public init(corpus: Corpus, people: [Int]) {
    var years: [Int: [Int]] = [:]
    for paper in corpus.papers {
      guard let year = paper.publication.year else { continue }
      for a in paper.authors { years[a, default: []].append(year) }
    }
    first = []
    last = []
    mean = []
    spells = []
    for p in people {
      let ys = years[p] ?? []
      first.append(ys.min() ?? 0)
      last.append(ys.max() ?? 0)
      mean.append(ys.isEmpty ? 0 : Double(ys.reduce(0, +)) / Double(ys.count))
      var ranges: [ClosedRange<Int>] = []
      for y in Set(ys).sorted() {
        if let r = ranges.last, r.upperBound + 1 == y {
          ranges[ranges.count - 1] = r.lowerBound...y
        } else {
          ranges.append(y...y)
        }
      }
      spells.append(ranges)
    }
  }
}

extension NetworkExport {
  /// The analysis as node attributes, the same in every format and from `coauthor run`
  /// and `coauthor network`: `community` (1-based, as communities.csv), `papers`,
  /// `degree`, `core`, `firstYear`, `lastYear` (integers); `strength`, `pagerank`,
  /// `eigenvector`, `betweenness`, `closeness`, `harmonic`, `clustering`, `meanYear`
  /// (reals); `owner` (boolean); the years as spells. Columns without data are left out.
  public static func analysisAttributes(
    metrics: MetricsReport, community: [Int]?, papers: [Int]?, years: NodeYears?, owners: Set<Int>,
    nodeCount n: Int
  ) -> NodeAttributes {
    var a = NodeAttributes()
    var rows = [MetricsReport.Row?](repeating: nil, count: n)
    for r in metrics.rows where r.node < n { rows[r.node] = r }
    func column<T>(_ value: (MetricsReport.Row) -> T, _ missing: T) -> [T] {
      rows.map { $0.map(value) ?? missing }
    }
    if let community { a.integers.append(("community", community.map { $0 + 1 })) }
    if let papers { a.integers.append(("papers", papers)) }
    a.integers.append(("degree", column({ $0.degree }, 0)))
    a.integers.append(("core", column({ $0.core }, 0)))
    if let years {
      a.integers.append(("firstYear", years.first))
      a.integers.append(("lastYear", years.last))
    }
    a.reals.append(("strength", column({ $0.strength }, 0)))
    a.reals.append(("pagerank", column({ $0.pageRank }, 0)))
    a.reals.append(("eigenvector", column({ $0.eigenvector }, 0)))
    a.reals.append(("betweenness", column({ $0.betweenness }, 0)))
    a.reals.append(("closeness", column({ $0.closeness }, 0)))
    a.reals.append(("harmonic", column({ $0.harmonic }, 0)))
    a.reals.append(("clustering", column({ $0.clustering }, 0)))
    if let years {
      a.reals.append(("meanYear", years.mean))
      a.spells = years.spells
    }
    a.booleans.append(("owner", (0..<n).map { owners.contains($0) }))
    return a
  }
}
