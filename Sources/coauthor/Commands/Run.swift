import ArgumentParser
import CoauthorAnalysis
import Foundation
import GraphKit

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the whole pipeline on a data folder and write figures, tables and a report.",
    discussion: """
      Reads every source listed in DATA/manifest.json (or every file in DATA), merges them
      into one coauthor network, finds communities, computes metrics and renders the merged
      network and each owner's ego network as DOT, SVG, PNG and PDF.

      Example:
        coauthor run --data Data --output Output
      """)

  @Option(help: "Folder with the inputs (and optionally manifest.json, aliases.tsv).")
  var data = "Data"

  @Option(help: "Folder for the outputs.")
  var output = "Output"

  @Option(help: "Edge weights: count, fractional or association.")
  var weighting: Weighting = .count

  @Option(help: "Path lengths for betweenness and closeness: hops or inverse-weight.")
  var distance: EdgeDistance = .inverseWeight

  @Option(help: "Leiden resolution γ (larger: more, smaller communities).")
  var resolution = 1.0

  @Option(help: "Seed for communities and layouts.")
  var seed = 1

  @Option(help: "Leave papers with more authors out of the coauthor edges (0: keep all).")
  var maxAuthors = 25

  @Option(help: "How many nodes get a label in figures.")
  var labels = 40

  @Option(help: "Figure size: single-column, double-column or slide.")
  var preset: FigurePreset = .doubleColumn

  @Option(help: "Colours: color-blind-safe or greyscale.")
  var palette: FigurePalette = .colorBlindSafe

  @Option(help: "Only papers from this year on (undated papers and homepage counts are left out).")
  var from: Int?

  @Option(help: "Only papers up to this year.")
  var to: Int?

  @Option(help: "Most nodes drawn per figure; larger networks show their largest component's strongest nodes.")
  var figureNodes = 300

  @Option(help: "Terms in the topic network (the most relevant ones).")
  var topicTerms = 60

  @Flag(help: "Also draw one frame per year of the growing network, people kept in place (Output/timeline/).")
  var timeline = false

  @Flag(help: "No progress lines on stderr (diagnostics are still printed).")
  var quiet = false

  @Option(help: "Seconds one figure may take to lay out and render before it is skipped.")
  var renderTimeout = 120.0

  @OptionGroup var input: InputOptions

  func run() throws {
    var options = RunOptions()
    options.dataDirectory = data
    options.outputDirectory = output
    options.weighting = weighting
    options.distance = distance
    options.resolution = resolution
    options.seed = seed
    options.maxAuthors = maxAuthors > 0 ? maxAuthors : nil
    options.style.labeledNodes = labels
    options.style.seed = seed
    options.strict = input.strict
    options.style.preset = preset
    options.style.palette = palette
    options.fromYear = from
    options.toYear = to
    options.topicTerms = topicTerms
    options.timeline = timeline
    options.figureNodeLimit = figureNodes
    options.commandLine = ["coauthor"] + CommandLine.arguments.dropFirst()
    let showProgress = !quiet && isatty(STDERR_FILENO) != 0
    options.renderTimeout = .milliseconds(Int64((max(renderTimeout, 0.001) * 1000).rounded()))
    let result = try Pipeline.run(options) { line in
      if showProgress { Console.error("coauthor: \(line)") }
    }
    for d in result.diagnostics { Console.error(d.description) }
    if !quiet { for note in result.notes { Console.error("coauthor: \(note)") } }
    for path in result.written { print(path) }
  }
}
