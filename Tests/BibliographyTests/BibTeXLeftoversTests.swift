import Foundation
import Testing

@testable import Bibliography

/// What the BibTeX reader used to leave in author lists: command names, biblatex's
/// extended name format, trailing commas, editors, braced lists of several people.
@Suite("BibTeX leftovers")
struct BibTeXLeftoversTests {
  func authors(_ field: String, editor: String? = nil) -> [String] {
    publication(field, editor: editor).authors
  }

  func publication(_ field: String?, editor: String? = nil) -> Publication {
    var entry = "@article{k,\n  title = {T},\n"
    if let field { entry += "  author = {\(field)},\n" }
    if let editor { entry += "  editor = {\(editor)},\n" }
    entry += "  year = 2020\n}\n"
    return BibTeXReader().parse(entry, file: "t.bib").publications[0]
  }

  @Test("unknown commands go without their names")
  func unknownCommands() {
    #expect(authors(#"Ada Lovelace\textdagger and Charles Babbage\textsuperscript{*}"#) == ["Ada Lovelace", "Charles Babbage"])
    #expect(authors(#"Sinéad O\textquotesingle Connor"#) == ["Sinéad O'Connor"])
    #expect(authors(#"\textbf {Grace Hopper} and Alan Turing"#) == ["Grace Hopper", "Alan Turing"])
    #expect(authors(#"Jane Doe\footnote{Equal contribution} and \emph{John Roe}"#) == ["Jane Doe", "John Roe"])
  }

  @Test("biblatex extended name format")
  func extendedNames() {
    #expect(authors("family=Felice, given=Giovanni, prefix=de, useprefix=true and Doe, Jane") == ["Giovanni de Felice", "Jane Doe"])
    #expect(authors("given=Ada, family=Lovelace") == ["Ada Lovelace"])
  }

  @Test("a trailing comma does not reverse the name")
  func trailingComma() {
    #expect(authors("Dixit, N, and Smith, J.") == ["N Dixit", "J. Smith"])
    #expect(authors("Dixit, N,") == ["N Dixit"])
  }

  @Test("editors are kept, and an entry with editors only has them as its people")
  func editors() {
    let both = publication("Ada Lovelace", editor: "Charles Babbage and Mary Somerville")
    #expect(both.authors == ["Ada Lovelace"])
    #expect(both.editors == ["Charles Babbage", "Mary Somerville"])
    let editorsOnly = publication(nil, editor: "Babbage, Charles")
    #expect(editorsOnly.authors == ["Charles Babbage"])
    #expect(editorsOnly.editors == ["Charles Babbage"])
  }

  @Test("a braced list of several people is split")
  func bracedLists() {
    #expect(authors("{Ada Lovelace and Charles Babbage}") == ["Ada Lovelace", "Charles Babbage"])
    #expect(authors("{{Lovelace, A. and Babbage, C.}}") == ["A. Lovelace", "C. Babbage"])
    // A corporate name stays whole.
    #expect(authors("{Barnes and Noble}") == ["Barnes and Noble"])
    #expect(authors("{European Space Agency}") == ["European Space Agency"])
  }

  @Test("a name marked \\textbf on most entries is the file's owner")
  func markedOwner() {
    let text = (1...3).map { "@article{k\($0), title={T\($0)}, author={\\textbf{Ada Lovelace} and Person\($0) Other}, year=2020}\n" }.joined()
    let document = BibTeXReader().parse(text, file: "t.bib")
    #expect(document.owner == "Ada Lovelace")
    #expect(document.publications[0].authors == ["Ada Lovelace", "Person1 Other"])
  }

  /// A name that is wrong on sight: LaTeX left in it, a list not split, a field name.
  static func suspicious(_ name: String) -> Bool {
    if name.contains("\\") || name.contains("{") || name.contains("}") || name.contains("=") { return true }
    if name.contains(";") || name.hasSuffix(",") || name.hasPrefix(",") { return true }
    if name.range(of: " and ", options: .caseInsensitive) != nil, name.split(separator: " ").count >= 4 { return true }
    // "Dixit N" from "Dixit, N,": an initial last is a reversed name.
    let words = name.split(separator: " ")
    if words.count >= 2, let last = words.last, last.count <= 2, last.first?.isUppercase == true,
      last.dropFirst().allSatisfy({ $0 == "." }), !(words.first?.last == ".")
    {
      return true
    }
    for word in ["textdagger", "textsuperscript", "textquotesingle", "textbf", "dagger", "footnote", "thanks", "emph", "textit", "underline"] {
      if name.lowercased().contains(word) { return true }
    }
    return false
  }

  /// Author lists on the real files (../shared/datasets/bibtex) with nothing wrong on
  /// sight, and entries with editors only that came out without people.
  @Test("author lists on the real BibTeX files")
  func realFiles() throws {
    let folder = ReaderDatasets.root.appendingPathComponent("bibtex")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bib") }.sorted()
    var lists = 0
    var right = 0
    var wrong: [String] = []
    for name in names {
      let text = try ReaderDatasets.text("bibtex/" + name).text
      var parser = BibTeXParser(file: name)
      var entries: [BibTeXEntry] = []
      _ = parser.parse(Array(text.utf8), isFinal: true) { entries.append($0) }
      var diagnostics: [Diagnostic] = []
      let publications = BibTeXReader().publications(from: entries, diagnostics: &diagnostics)
      for (entry, publication) in zip(entries, publications) where entry["author"] != nil || entry["editor"] != nil || entry["authors"] != nil {
        lists += 1
        let bad = publication.authors.filter(Self.suspicious)
        if bad.isEmpty && !publication.authors.isEmpty {
          right += 1
        } else {
          wrong.append("\(name) \(entry.key): \(publication.authors.prefix(6))")
        }
      }
    }
    let rate = Double(right) / Double(max(lists, 1))
    print("BibTeX author lists right on sight: \(right)/\(lists) = \(String(format: "%.2f", rate * 100)) %")
    for line in wrong { print("    \(line)") }
    #expect(rate >= 0.995)
  }
}
