import ArgumentParser
import CoauthorAnalysis
import Foundation

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

  @OptionGroup var weighting: WeightingOption

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

  @Option(help: "Seconds betweenness and closeness of one network may take; exact when the estimate fits, sampled (with the guarantee stated) otherwise.")
  var budget = 60.0

  @Flag(inversion: .prefixedNo, help: "Build the topic and author-topic networks (term extraction takes about 1 ms of CPU per title: leave them out for DBLP-sized corpora).")
  var topics = true

  @Option(help: "Terms in the topic network (the most relevant ones).")
  var topicTerms = 60

  @Flag(help: "Also draw one frame per year of the growing network, people kept in place (Output/timeline/).")
  var timeline = false

  @Flag(help: "No caption under the figures (the colour key is drawn either way).")
  var noCaption = false

  @Flag(help: "No progress lines on stderr (diagnostics are still printed).")
  var quiet = false

  @Option(help: "Seconds one figure may take, all attempts together (cheaper layouts are tried when one runs out of its share), in (0, 86400]; a figure still not drawn makes the run exit 1.")
  var renderTimeout = 120.0

  @Flag(help: "Fail (exit status 1) when any input problem is reported.")
  var strict = false

  func validate() throws {
    _ = try checkedSeconds(renderTimeout, "--render-timeout")
    guard resolution > 0, resolution.isFinite, resolution <= 1e6 else {
      throw ValidationError("--resolution must be in (0, 1e6], not \(resolution)")
    }
    try check(maxAuthors, "--max-authors", in: 0...1_000_000)
    try check(labels, "--labels", in: 0...100_000)
    try check(figureNodes, "--figure-nodes", in: 1...100_000)
    try check(topicTerms, "--topic-terms", in: 1...100_000)
    guard budget.isFinite, budget > 0, budget <= 86_400 else {
      throw ValidationError("--budget must be a number of seconds in (0, 86400], not \(budget)")
    }
    if let from { try check(from, "--from", in: 0...9999) }
    if let to { try check(to, "--to", in: 0...9999) }
  }

  func run() throws {
    var options = RunOptions()
    options.dataDirectory = data
    options.outputDirectory = output
    options.weighting = weighting.weighting
    options.distance = distance
    options.resolution = resolution
    options.seed = seed
    options.maxAuthors = maxAuthors > 0 ? maxAuthors : nil
    options.style.labeledNodes = labels
    options.style.seed = seed
    options.style.caption = !noCaption
    options.strict = strict
    options.style.preset = preset
    options.style.palette = palette
    options.fromYear = from
    options.toYear = to
    options.topicTerms = topicTerms
    options.budget = budget
    options.topics = topics
    options.timeline = timeline
    options.figureNodeLimit = figureNodes
    options.commandLine = ["coauthor"] + CommandLine.arguments.dropFirst()
    options.renderTimeout = try checkedSeconds(renderTimeout, "--render-timeout")
    let bar = ProgressBar.make(enabled: !quiet)
    let stages = StageLog.make()
    let result = Commands.run(options, report: { bar?.show($0); stages?.show($0) })
    stages?.step("end")
    bar?.clear()
    try Console.finish(result, notes: !quiet, listWritten: true)
  }
}
