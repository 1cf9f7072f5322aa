import ArgumentParser
import CoauthorAnalysis
import Foundation

/// The inputs every reading command shares: files, data folders or `-`, and how to read
/// them.
struct InputOptions: ParsableArguments {
  @Argument(help: "Sources (CV, homepage, BibTeX, …), data folders, one plain graph file, or - for standard input.")
  var files: [String]

  @Option(help: "Whose documents the sources are: a homepage's collaborator line links its names to this person (as `owner` in a data folder's manifest).")
  var owner: String?

  @Option(help: "Alias table (canonical<TAB>alias…), besides a data folder's own.")
  var aliases: String?

  @Flag(help: "Fail (exit status 1) when any input problem is reported.")
  var strict = false

  func request(format: InputFormat? = nil) -> InputRequest {
    InputRequest(paths: files, owner: owner, aliasFile: aliases, format: format, strict: strict)
  }
}

/// `--weighting`, for commands that build a network from sources.
struct WeightingOption: ParsableArguments {
  @Option(help: "Edge weights when building from sources: count, fractional or association.")
  var weighting: Weighting = .count
}

/// `--ego`/`--radius`, `--component`, `--largest-component`: the part of the network a
/// command works on.
struct SelectionOptions: ParsableArguments {
  @Option(help: "Only this person's ego network: the node with this label (or id), its neighbours within --radius hops and the links among them.")
  var ego: String?

  @Option(help: "Hops from the --ego node.")
  var radius = 1

  @Option(help: "Only the connected component holding the node with this label (or id).")
  var component: String?

  @Flag(help: "Only the largest connected component.")
  var largestComponent = false

  func validate() throws {
    try check(radius, "--radius", in: 1...1_000)
    let given = [ego != nil, component != nil, largestComponent].filter { $0 }.count
    if given > 1 { throw ValidationError("give at most one of --ego, --component and --largest-component") }
    if radius != 1, ego == nil { throw ValidationError("--radius needs --ego") }
  }

  var selection: NetworkSelection? {
    if let ego { return .ego(ego, radius: radius) }
    if let component { return .component(component) }
    return largestComponent ? .largestComponent : nil
  }
}

/// `-o`, for commands that print one result.
struct OutputOption: ParsableArguments {
  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
  var output: String?

  var target: OutputTarget { OutputTarget(output) }
}

/// The one console renderer: diagnostics and notes to stderr, the result to stdout,
/// then the exit status (0 success, 1 failed work, 64 wrong arguments).
enum Console {
  static func finish(_ output: CommandOutput, notes: Bool = true, listWritten: Bool = false) throws {
    // Diagnostics quote input: bidi and terminal controls neutralised, one line each.
    for diagnostic in output.diagnostics { error(Escaping.textLine(diagnostic.description)) }
    if notes { for note in output.notes { error("coauthor: " + Escaping.textLine(note)) } }
    if !output.standardOutput.isEmpty { FileHandle.standardOutput.write(Data(output.standardOutput)) }
    if listWritten { for path in output.written { print(path) } }
    if let failure = output.failure {
      if !failure.isReported { error("coauthor: error: " + Escaping.textLine(failure.message)) }
      throw ExitCode(failure.exitStatus)
    }
  }

  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}

/// Seconds given on the command line, checked: finite, positive, at most a day.
func checkedSeconds(_ value: Double, _ option: String) throws -> Duration {
  guard value.isFinite, value > 0, value <= 86_400 else {
    throw ValidationError("\(option) must be a number of seconds in (0, 86400], not \(value)")
  }
  return .milliseconds(Int64((value * 1000).rounded(.up)))
}

/// A whole number option checked against its range.
func check(_ value: Int, _ option: String, in range: ClosedRange<Int>) throws {
  guard range.contains(value) else {
    throw ValidationError("\(option) must be in \(range.lowerBound)...\(range.upperBound), not \(value)")
  }
}

extension Weighting: ExpressibleByArgument {}
extension EdgeDistance: ExpressibleByArgument {}
extension FigurePreset: ExpressibleByArgument {}
extension FigurePalette: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension NetworkType: ExpressibleByArgument {}
extension NetworkFormat: ExpressibleByArgument {}
extension CommunityAlgorithm: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
extension TableFormat: ExpressibleByArgument {}
extension RecordFormat: ExpressibleByArgument {}
