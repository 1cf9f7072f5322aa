import ArgumentParser
import CoauthorAnalysis

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

  @OptionGroup var input: InputOptions

  @Option(help: "Window length in months (1 to 1200).")
  var months = 48

  @Option(help: "Last year of the window (default: the current year).")
  var asOf: Int?

  @OptionGroup var output: OutputOption

  func validate() throws {
    try check(months, "--months", in: 1...1200)
    if let asOf { try check(asOf, "--as-of", in: 1000...9999) }
  }

  func run() throws {
    try Console.finish(
      Commands.coa(COARequest(person: name, inputs: input.request(), months: months, asOf: asOf, output: output.target)))
  }
}
