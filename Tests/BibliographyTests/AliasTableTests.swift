import Foundation
import Testing

@testable import Bibliography

@Suite("Alias table")
struct AliasTableTests {
  @Test("Data/aliases.tsv: five people, no diagnostics")
  func seedTable() throws {
    let table = try AliasTable.read(contentsOf: TestData.path("Data/aliases.tsv"))
    #expect(table.diagnostics.isEmpty, "\(table.diagnostics)")
    #expect(
      table.groups.map(\.canonical) == [
        "Zeyuan Allen-Zhu", "Enxu Yen", "Constantinos Daskalakis", "David Simchi-Levi",
        "Hsiang-Fu Yu",
      ])
    #expect(table.groups[0].aliases == ["Zeyuan Allen Zhu", "Z. Allen-Zhu"])
    #expect(table.groups[0].location?.line == 4)
  }

  @Test(
    "lookups match by key",
    arguments: [
      ("Z. Allen-Zhu", "Zeyuan Allen-Zhu"),
      ("zeyuan allen zhu", "Zeyuan Allen-Zhu"),
      ("Zeyuan Allen-Zhu", "Zeyuan Allen-Zhu"),
      ("Ian E. H. Yen", "Enxu Yen"),
      ("**Contantinos Daskalakis**", "Constantinos Daskalakis"),
      ("David SimchiLevi", "David Simchi-Levi"),
    ])
  func lookup(name: String, canonical: String) throws {
    let table = try AliasTable.read(contentsOf: TestData.path("Data/aliases.tsv"))
    #expect(table.canonical(for: name) == canonical)
  }

  @Test("unknown names are not in the table")
  func unknown() throws {
    let table = try AliasTable.read(contentsOf: TestData.path("Data/aliases.tsv"))
    #expect(table.canonical(for: "Qi Lei") == nil)
  }

  @Test("bad lines give diagnostics at their line; good lines are still read")
  func badLines() {
    let text =
      "# comment\r\nAda Lovelace\tAugusta Ada King\r\nLonely Name\r\n\r\nAlan Turing\t\tA. M. Turing\r\nGrace Hopper\tAugusta Ada King\r\n  # indented comment\n\tOnly Alias\n"
    let table = AliasTable.parse(text, file: "a.tsv")
    #expect(table.groups.map(\.canonical) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"])
    #expect(table.groups[1].aliases == ["A. M. Turing"])
    #expect(table.canonical(for: "Augusta Ada King") == "Ada Lovelace")
    #expect(table.diagnostics.map(\.location.line) == [3, 5, 6, 8])
    #expect(table.diagnostics[0].message.contains("Lonely Name"))
    #expect(table.diagnostics[2].message.contains("already an alias of 'Ada Lovelace'"))
  }
}
