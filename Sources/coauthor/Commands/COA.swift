import ArgumentParser
import CoauthorAnalysis
import Foundation

struct COA: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coa",
    abstract: "List a person's coauthors of the last 48 months for the NSF COA form (CSV).",
    discussion: """
      Years only: a 48-month window as of 2026 covers papers from 2022 to 2026. Papers
      without a year are counted on stderr, not silently dropped.

      Example:
        coauthor coa "Qi Lei" Data/qi-lei-cv.txt --as-of 2024
      """)

  @Argument(help: "The person, as spelled in the sources (any known spelling).")
  var name: String

  @Argument(help: "Source files.")
  var files: [String]

  @Option(help: "Window length in months.")
  var months = 48

  @Option(help: "Last year of the window (default: the current year).")
  var asOf: Int?

  @Option(help: "Alias table (canonical<TAB>alias…).")
  var aliases: String?

  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
  var output: String?

  @OptionGroup var input: InputOptions

  func validate() throws {
    guard months > 0 else { throw ValidationError("--months must be positive") }
  }

  func run() throws {
    let corpus = try Corpus.load(
      sources: files.map { ManifestSource(file: $0, owner: nil, format: nil) }, aliasFile: aliases)
    try Console.report(corpus.diagnostics, strict: input.strict)
    guard let person = corpus.person(named: name) else {
      throw ValidationError("'\(name)' is not a person in the sources (or fits several)")
    }
    let year = asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
    let table = CollaboratorsTable.make(corpus: corpus, person: person, months: months, asOf: year)
    if table.undatedPapers > 0 {
      Console.error("coauthor: \(table.undatedPapers) joint paper(s) without a year are not in the window")
    }
    try Console.emit(table.csv, to: output)
  }
}
