import Bibliography
import Foundation

/// `coauthor coa`: a person's coauthors of the last months, for the NSF COA form.
public struct COARequest: Sendable {
  public var person: String
  public var inputs: InputRequest
  public var months: Int
  /// Last year of the window; nil: the current year.
  public var asOf: Int?
  public var output: OutputTarget

  public init(
    person: String, inputs: InputRequest, months: Int = 48, asOf: Int? = nil,
    output: OutputTarget = OutputTarget()
  ) {
    self.person = person
    self.inputs = inputs
    self.months = months
    self.asOf = asOf
    self.output = output
  }
}

extension Commands {
  public static func coa(_ request: COARequest) -> CommandOutput {
    CommandOutput.collecting { (output: inout CommandOutput) throws(CoauthorError) in
      let corpus = try Inputs.corpus(request.inputs)
      output.diagnostics = corpus.diagnostics
      output.applyStrict(request.inputs.strict)
      if output.failure != nil { return }
      guard let person = corpus.person(named: request.person) else {
        throw .failed("'\(request.person)' is not a person in the sources (or fits several)")
      }
      let year = request.asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
      let table = CollaboratorsTable.make(corpus: corpus, person: person, months: request.months, asOf: year)
      if table.undatedPapers > 0 {
        output.notes.append("\(table.undatedPapers) joint paper(s) without a year are not in the window")
      }
      try request.output.emit(table.csv, into: &output)
    }
  }
}
