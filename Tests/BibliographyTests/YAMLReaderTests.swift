import Foundation
import Testing

@testable import Bibliography

@Suite("YAML publication lists")
struct YAMLReaderTests {
  @Test("a list under section keys, authors as a list or one string, patents left out")
  func sections() {
    let text = """
      journal:
        - authors:
          - Y.-J. Lu
          - R. Scheibler
          title: "Software Design of ESPnet-SE++"
          journal: Journal of Open Source Software
          year: 2023
      conference:
        - title: "Observation of disorder-induced superfluidity"
          authors:  Nicole Ticea*, <strong>Alexander Schuckert</strong>*,..., Pedram Roushan
          conference: arXiv, 2025.
      patents:
        - authors: [R. Scheibler]
          title: A patent
          year: 2019
      """
    let document = YAMLReader().parse(text, file: "pubs.yml")
    #expect(YAMLReader.confidence(for: text) >= 0.8)
    #expect(document.publications.count == 2)
    #expect(document.publications[0].authors == ["Y.-J. Lu", "R. Scheibler"])
    #expect(document.publications[0].year == 2023)
    #expect(document.publications[1].authors == ["Nicole Ticea", "Alexander Schuckert", "Pedram Roushan"])
    #expect(document.publications[1].authorsTruncated)
    #expect(document.publications[1].year == 2025)
    #expect(document.publications[1].title == "Observation of disorder-induced superfluidity")
  }

  @Test("invalid YAML is an error with its line, not a crash")
  func invalid() {
    let document = YAMLReader().parse("- title: [unclosed\n- authors: x\n", file: "bad.yml")
    #expect(document.diagnostics.contains { $0.severity == .error })
  }

  @Test("a real list (AdamFHolt): APA author strings with 'and', owner found")
  func realFixture() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/lists/AdamFHolt--publications.yml")
    let document = try SourceReader.read(contentsOf: url.path)
    #expect(document.format == .yaml)
    #expect(document.publications.count == 6)
    #expect(document.publications[0].authors == ["V. Turino", "A. F. Holt", "D. J. Neuharth", "R. K. Stoner", "W. M. Behr"])
    #expect(document.publications[2].authors == ["S. L. Goldberg", "A. F. Holt"])
    #expect(document.publications[4].title == "Mountain building, mantle convection, and supercontinents: Holmes (1931) revisited")
    #expect(OwnerDetection.detect(document.publications)?.name == "A. F. Holt")
  }
}
