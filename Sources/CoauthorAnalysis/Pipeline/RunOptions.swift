import Bibliography
import Foundation
import GraphKit
import Formats
import Graphviz

/// Choices for `coauthor run`: the request of the whole pipeline.
public struct RunOptions: Sendable {
  public var dataDirectory = "Data"
  public var outputDirectory = "Output"
  public var weighting: Weighting = .count
  public var distance: EdgeDistance = .inverseWeight
  /// Modularity resolution γ for Leiden (larger γ: more, smaller communities).
  public var resolution = 1.0
  public var seed = 1
  /// Papers with more authors are left out of the coauthor edges (and listed).
  public var maxAuthors: Int? = 25
  /// Only papers from these years (inclusive); papers without a year are kept only when
  /// no window is set.
  public var fromYear: Int?
  public var toYear: Int?
  /// Seconds the path-based metrics (betweenness, closeness) of one network may take:
  /// exact when the estimate fits, sampled with a stated guarantee otherwise
  /// (``MetricsBudget``).
  public var budget = 60.0
  /// Build the topic and author–topic networks (`--no-topics` leaves them out).
  public var topics = true
  /// Terms kept in the topic network (the most relevant ones).
  public var topicTerms = 60
  /// Most nodes a figure shows (Graphviz layout time grows fast: neato needs minutes for
  /// 5,000 nodes); larger networks are drawn as the strongest nodes of their largest
  /// component, and the figure says so.
  public var figureNodeLimit = 300
  /// Also draw one frame per year of the growing coauthor network (timeline/).
  public var timeline = false
  public var style = FigureStyle()
  public var formats: [RenderFormat] = [.svg, .png, .pdf]
  /// Fail before writing anything when an input record could not be read.
  public var strict = false
  /// The command line as typed, for the provenance block.
  public var commandLine: [String] = []
  /// Wall-clock limit for laying out and rendering one figure; a figure over it is not
  /// drawn (its DOT file is still written) and the run says so.
  public var renderTimeout: Duration = .seconds(120)
  /// Also exit with status 1 when a figure could not be drawn: always on (see
  /// docs/figures.md); kept as an option for callers that draw best-effort.
  public var failOnMissingFigure = true

  public init() {}
}

/// One network of a run, ready to be drawn and tabulated.
struct RunNetwork {
  var name: String
  var title: String
  var graph: Graph
  /// Node size (area ∝ value) and label priority.
  var size: [Double]
  var community: [Int]
  var emphasized: Set<Int>
  /// Nodes drawn as the second kind of a two-mode network (terms).
  var secondary: Set<Int> = []
  var nodeSize: String
  var edgeWidth: String
  var colors: String
  var legend: [LegendEntry]
  var omitted: String?
  var metrics: MetricsReport
  var communities: CommunityResult?
  /// The analysis as node attributes for the GEXF and VOSviewer files beside the figure
  /// (the drawing is added when the figure is drawn).
  var exportAttributes = NodeAttributes()
  var weightMeaning = "weight"
}

/// One line of a figure's colour key: its colour, its text, and the values of
/// `RunNetwork.community` it stands for (the line is shown only when the figure shows
/// one of them).
struct LegendEntry {
  var color: DOTColor
  var text: String
  var communities: Set<Int>
}
