import Foundation
import TestSupport
import Testing

@testable import Bibliography

@Suite("Owner detection and the owner's spellings")
struct OwnerDetectionTests {
  static let variants = [
    "Art F Y Poon", "Art FY Poon", "A F Poon", "AFY Poon", "A Poon", "Poon, A. F. Y.",
    "Poon, Art F. Y.", "A. F. Y. Poon",
  ]

  /// 125 entries: the owner in one of eight spellings on every one, with coauthors.
  static func generatedBib() -> String {
    var text = ""
    for index in 0..<125 {
      let owner = variants[index % variants.count]
      let coauthors = ["Coauthor\(index % 17) Smith", "Other\(index % 11) Jones"]
      let names = index % 3 == 0 ? [coauthors[0], owner, coauthors[1]] : [owner] + coauthors
      text += "@article{p\(index),\n  title = {Paper number \(index) on phylogenetics},\n"
        + "  author = {\(names.joined(separator: " and "))},\n  journal = {J},\n  year = {\(2000 + index % 20)}\n}\n\n"
    }
    return text
  }

  @Test("all eight spellings fit the fullest one by initials")
  func variantsFit() {
    for name in Self.variants {
      #expect(OwnerDetection.isVariant(name, of: "Art F Y Poon"), "\(name)")
    }
    #expect(!OwnerDetection.isVariant("Andrew Poon", of: "Art F Y Poon"))
    #expect(!OwnerDetection.isVariant("B Poon", of: "Art F Y Poon"))
    #expect(!OwnerDetection.isVariant("A G Poon", of: "Art F Y Poon"))
    #expect(!OwnerDetection.isVariant("Art F Y Moon", of: "Art F Y Poon"))
  }

  @Test("the person on most entries is the owner, in the fullest spelling")
  func detected() throws {
    let document = BibTeXReader().parse(Self.generatedBib(), file: "poon.bib")
    let found = try #require(OwnerDetection.detect(document.publications))
    #expect(found.entries == 125)
    #expect(NameNormalizer.matchKey(found.name) == NameNormalizer.matchKey("Art F. Y. Poon"))
    #expect(Set(found.variants).count >= 6)
  }

  @Test("no owner for a list that is no one's")
  func noOwner() {
    let publications = (0..<6).map {
      Publication(title: "T\($0)", authors: ["Person\($0) A", "Person\($0 + 1) B"], location: InputLocation(file: "x", line: 1))
    }
    #expect(OwnerDetection.detect(publications) == nil)
  }

  @Test("the resolver makes the owner's spellings one person, and leaves a namesake with another given name")
  func resolverMergesVariants() {
    var documents = Self.variants.enumerated().map { [$0.element, "Coauthor\($0.offset) Smith"] }
    documents.append(["Andrew Poon", "Someone Else"])
    documents.append(["Art F Y Poon"])
    let resolution = PersonResolver().resolve(documents, owners: ["Art F Y Poon"])
    let owner = resolution.lookup("Art F Y Poon")
    for name in Self.variants { #expect(resolution.lookup(name) == owner, "\(name)") }
    #expect(resolution.lookup("Andrew Poon") != owner)
  }

  @Test("coauthor run on a data folder: one owner node, an ego network, a caption with his name")
  func runOnDataFolder() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("Data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try Self.generatedBib().write(to: data.appendingPathComponent("poon.bib"), atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("out")
    let outcome = try CLI.run(["run", "--data", data.path, "--output", output.path, "--quiet"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: output.path)
    #expect(files.contains { $0.hasPrefix("ego-") }, "\(files.sorted())")
    let nodes = try String(contentsOf: output.appendingPathComponent("coauthor-network.nodes.csv"), encoding: .utf8)
    let poonRows = nodes.split(separator: "\n").filter { $0.contains("Poon") }
    #expect(poonRows.count == 1, "\(poonRows)")
    let report = files.filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }.compactMap {
      try? String(contentsOf: output.appendingPathComponent($0), encoding: .utf8)
    }.joined()
    #expect(report.contains("Coauthor network of Art F"), "caption")
    #expect(!report.contains("Coauthor network of :"))
  }
}

@Suite("The owner of a researcher's own .bib, kept whole")
struct OwnerOfOwnBibTests {
  @Test("reordered middle initials of the owner are the owner; other initials are not")
  func reorderedInitials() {
    #expect(OwnerDetection.isVariant("Art Y F Poon", of: "Art F Y Poon"))
    #expect(OwnerDetection.isVariant("Poon, A. Y. F.", of: "Art F Y Poon"))
    #expect(!OwnerDetection.isVariant("Art Y G Poon", of: "Art F Y Poon"))
    #expect(!OwnerDetection.isVariant("Andrew Y F Poon", of: "Art F Y Poon"))
    #expect(!OwnerDetection.isVariant("Art Y Poon", of: "Art F Y Poon"))
  }

  /// ArtPoon--latex-cv.bib spells its owner "Art F Y Poon", "Art FY Poon", "Art Poon",
  /// "A F Y Poon", "AFY Poon", "A Poon", "A F Poon" and once "Art Y F Poon".
  @Test("ArtPoon's own .bib: every spelling of Poon is one person, the detected owner")
  func artPoonOneNode() throws {
    let url = try ReaderDatasets.url("bibtex/ArtPoon--latex-cv.bib")
    let document = try SourceReader.read(contentsOf: url.path)
    let owner = try #require(OwnerDetection.detect(document.publications))
    #expect(NameNormalizer.matchKey(owner.name) == NameNormalizer.matchKey("Art F Y Poon"))
    let documents = document.publications.map(\.authors)
    let poons = Set(documents.joined().filter { NameNormalizer.parse($0).familyKey == NameNormalizer.parse("Art Poon").familyKey })
    #expect(poons.contains("Art Y F Poon"), "\(poons.sorted())")
    #expect(poons.count >= 6, "\(poons.sorted())")
    let resolution = PersonResolver().resolve(documents, owners: [owner.name])
    let people = Set(poons.map { resolution.lookup($0) })
    #expect(people.count == 1, "\(poons.sorted())")
  }
}

@Suite("DOIs with angle brackets")
struct DOIAngleBracketTests {
  @Test("SICI DOIs keep their < and >; markup after a DOI is not part of it")
  func sici() {
    let sici = "10.1002/(SICI)1097-4636(199812)43:4<367::AID-JBM3>3.0.CO;2-M"
    #expect(RecordIdentifiers.doi(in: sici) == sici)
    #expect(RecordIdentifiers.doi(in: "https://doi.org/" + sici + ".") == sici)
    #expect(RecordIdentifiers.doi(in: "<a href=x>" + sici + "</a>") == sici)
    #expect(RecordIdentifiers.doi(in: "10.1000/xyz123</a>") == "10.1000/xyz123")
    #expect(RecordIdentifiers.doi(in: "10.1000/xyz123<br>") == "10.1000/xyz123")
    #expect(RecordIdentifiers.doi(in: "(doi:10.1016/S0140-6736(20)30183-5)") == "10.1016/S0140-6736(20)30183-5")
    #expect(CVEntryParser.doi(in: "Smith, J. Title. J. Biomed. Mater. Res. doi: " + sici + " (1998)") == sici)
    let bib = BibTeXReader().parse("@article{k, title={T}, author={A Smith}, doi={\(sici)}}", file: "k.bib")
    #expect(bib.publications.first?.doi == sici)
  }
}
