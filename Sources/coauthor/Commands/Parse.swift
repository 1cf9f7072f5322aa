import ArgumentParser
import Bibliography
import CoauthorAnalysis

struct Parse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the records read from source files, in one shape for every format.",
    discussion: """
      Formats are detected from the content. Diagnostics (file:line: why) go to stderr.

      Example:
        coauthor parse Data/qi-lei-cv.txt --format json
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

  @Argument(help: "Source files (CV text, homepage text, BibTeX, …).")
  var files: [String]

  @Option(help: "Output format: json or csv (publications only).")
  var format: Format = .json

  @Option(help: "Input format, when detection from the content fails (cv-text, homepage, bibtex, ris, csl-json, csv, wos, scopus-csv, openalex).")
  var inputFormat: InputFormat?

  @Option(help: "Whose documents these are (for a homepage's collaborator line).")
  var owner: String?

  @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
  var output: String?

  @OptionGroup var input: InputOptions

  func run() throws {
    var documents: [SourceDocument] = []
    for file in files {
      documents.append(try SourceReader.read(contentsOf: file, format: inputFormat, owner: owner))
    }
    let report = ParseReport(documents)
    try Console.report(report.diagnostics, strict: input.strict)
    try Console.emit(format == .json ? report.json : report.csv, to: output)
  }
}
