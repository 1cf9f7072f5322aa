import Foundation
import Testing

@testable import Bibliography

@Suite("Thesaurus")
struct ThesaurusTests {
  @Test("VOSviewer's format: header skipped, empty replacement removes")
  func parse() {
    let t = Thesaurus.parse(
      "\u{FEFF}label\treplace by\r\nneural nets\tneural network\r\n\r\ntheorem\t\r\n", file: "t.txt"
    )
    #expect(t.diagnostics.isEmpty)
    #expect(
      t.entries.map { [$0.label, $0.replacement ?? "∅"] } == [
        ["neural nets", "neural network"], ["theorem", "∅"],
      ])
    #expect(t.entries.map { $0.location?.line } == [2, 4])
  }

  @Test("malformed lines are reported at file:line and reading goes on")
  func diagnostics() {
    let t = Thesaurus.parse(
      "label\treplace by\nlonely label\n\tno label\na\tb\tc\nsgd\tstochastic gradient descent\n",
      file: "my.txt")
    #expect(t.entries.map(\.label) == ["lonely label", "a", "sgd"])
    #expect(t.entries[0].replacement == nil)
    #expect(t.entries[1].replacement == "b")
    #expect(
      t.diagnostics.map { $0.location.description } == ["my.txt:2:1", "my.txt:3:1", "my.txt:4:1"])
    #expect(t.diagnostics.allSatisfy { $0.severity == .warning })
  }

  @Test("a file that does not exist throws with its path")
  func missingFile() {
    let url = URL(fileURLWithPath: "/nonexistent/thesaurus.txt")
    #expect(throws: ThesaurusReadError.self) { try Thesaurus.read(contentsOf: url) }
  }
}
