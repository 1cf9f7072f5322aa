import ArgumentParser
import CoauthorAnalysis

struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the records read from source files, in one shape for every format.",
    discussion: """
      Formats are detected from the content. Diagnostics (file:line: why) go to stderr.

      Example:
        coauthor parse Data/qi-lei-cv.txt --format json
        cat refs.bib | coauthor parse -
        coauthor parse --explain _publications/
      """)

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: json or csv (publications only).")
  var format: RecordFormat = .json

  @Option(help: "Input format, when detection from the content fails (cv-text, homepage, bibtex, ris, csl-json, csv, wos, scopus-csv, openalex, yaml, frontmatter, dblp-xml, orcid).")
  var inputFormat: InputFormat?

  @Flag(help: "Say which format each input was read as and why (each reader's confidence, the winner, the owner found and on how many entries), instead of printing the records.")
  var explain = false

  @OptionGroup var output: OutputOption

  func run() throws {
    try Console.finish(
      Commands.parse(
        ParseRequest(
          inputs: input.request(format: inputFormat), format: format, output: output.target,
          explain: explain)))
  }
}
