import Foundation
import Testing

@testable import Bibliography

@Suite("ORCID exports")
struct ORCIDReaderTests {
  @Test("a record's JSON: one work per group, the holder as owner")
  func recordJSON() {
    let text = """
      {"orcid-identifier":{"path":"0000-0001-6318-9021"},"person":{"name":{"given-names":{"value":"Diogo"},"family-name":{"value":"Aguiam"},"credit-name":{"value":"Diogo E. Aguiam"}}},
       "activities-summary":{"works":{"group":[
         {"work-summary":[{"put-code":1,"title":{"title":{"value":"Overview of progress"}},"type":"JOURNAL_ARTICLE","publication-date":{"year":{"value":"2017"}},"external-ids":{"external-id":[{"external-id-type":"doi","external-id-value":"10.1088/1741-4326/aa6084"}]}},
                          {"put-code":2,"title":{"title":{"value":"Overview of progress (other source)"}}}]},
         {"work-summary":[{"put-code":3,"title":{"title":{"value":"Eddy currents"}},"type":"CONFERENCE_PAPER","publication-date":{"year":{"value":"2014"}}}]}]}}}
      """
    #expect(ORCIDReader.confidence(for: text) >= 0.95)
    #expect(CSLJSONReader.confidence(for: text) < ORCIDReader.confidence(for: text))
    let document = ORCIDReader().parse(text, file: "orcid.json")
    #expect(document.owner == "Diogo E. Aguiam")
    #expect(document.publications.map(\.title) == ["Overview of progress", "Eddy currents"])
    #expect(document.publications[0].doi == "10.1088/1741-4326/aa6084")
    #expect(document.publications[1].kind == .conference)
    #expect(document.publications[0].authors.isEmpty)
  }

  @Test("works with contributors (JSON bulk and XML)")
  func contributors() {
    let json = """
      {"bulk":[{"work":{"put-code":5,"title":{"title":{"value":"A paper"}},"publication-date":{"year":{"value":"2019"}},
        "contributors":{"contributor":[{"credit-name":{"value":"Ada Lovelace"},"contributor-attributes":{"contributor-role":"author"}},{"credit-name":{"value":"Charles Babbage"}}]}}}]}
      """
    let document = ORCIDReader().parse(json, file: "works.json")
    #expect(document.publications.first?.authors == ["Ada Lovelace", "Charles Babbage"])
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <record:record xmlns:record="http://www.orcid.org/ns/record" xmlns:work="http://www.orcid.org/ns/work" xmlns:common="http://www.orcid.org/ns/common" xmlns:activities="http://www.orcid.org/ns/activities" xmlns:person="http://www.orcid.org/ns/person" xmlns:personal-details="http://www.orcid.org/ns/personal-details">
      <person:person><person:name><personal-details:given-names>Ada</personal-details:given-names><personal-details:family-name>Lovelace</personal-details:family-name></person:name></person:person>
      <activities:activities-summary><activities:works><activities:group>
      <work:work-summary put-code="1"><work:title><common:title>Notes on the engine</common:title></work:title><work:type>journal-article</work:type><common:publication-date><common:year>1843</common:year></common:publication-date></work:work-summary>
      </activities:group></activities:works></activities:activities-summary></record:record>
      """
    #expect(ORCIDReader.confidence(for: xml) >= 0.95)
    let fromXML = ORCIDReader().parse(xml, file: "record.xml")
    #expect(fromXML.owner == "Ada Lovelace")
    #expect(fromXML.publications.map(\.title) == ["Notes on the engine"])
    #expect(fromXML.publications.first?.year == 1843)
  }

  /// A real ORCID v1.2 `<message>` export (Fixtures/lists/chr1swallace--orcid.xml, an
  /// excerpt: 5 of its 122 works, each byte for byte, source in Fixtures/lists/README.md).
  /// Expected values transcribed from the file's `title`, `year`, `work-type`,
  /// `work-external-identifier` and `credit-name` elements (title without its final period).
  @Test("ORCID v1.2 message XML: titles, years, types, DOIs and contributors")
  func messageVersion12() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/lists/chr1swallace--orcid.xml").path
    let document = try SourceReader.read(contentsOf: path)
    #expect(document.format == .orcid)
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    let truth: [(title: String, year: Int, kind: PublicationKind, doi: String, authors: [String])] = [
      ("Epigenetic analysis of regulatory T cells using multiplex bisulfite sequencing", 2015, .journal,
       "10.1002/eji.201545646",
       ["Rainbow DB", "Yang X", "Burren O", "Pekalski ML", "Smyth DJ", "Klarqvist MD", "Penkett CJ", "Brugger K",
        "Martin H", "Todd JA", "Wallace C", "Wicker LS"]),
      ("Statistical colocalization of genetic risk variants for related autoimmune diseases in the context of common controls",
       2015, .journal, "10.1038/ng.3330",
       ["Fortune MD", "Guo H", "Burren O", "Schofield E", "Walker NM", "Ban M", "Sawcer SJ", "Bowes J", "Worthington J",
        "Barton A", "Eyre S", "Todd JA", "Wallace C"]),
      ("Dissection of a complex disease susceptibility region using a Bayesian stochastic search approach to fine mapping",
       2015, .report, "10.1101/015164", []),
      ("Bayesian Test for Colocalisation between Pairs of Genetic Association Studies Using Summary Statistics", 2014,
       .journal, "10.1371/journal.pgen.1004383",
       ["Giambartolomei, C.", "Vukcevic, D.", "Schadt, E.E.", "Franke, L.", "Hingorani, A.D.", "Wallace, C.", "Plagnol, V."]),
      ("Seven newly identified loci for autoimmune thyroid disease", 2012, .journal, "10.1093/hmg/dds357",
       ["Cooper JD", "Simmonds MJ", "Walker NM", "Burren O", "Brand OJ", "Guo H", "Wallace C", "Stevens H", "Coleman G",
        "Wellcome Trust Case Control Consortium", "Franklyn JA", "Todd JA", "Gough SC"]),
    ]
    #expect(document.publications.count == truth.count)
    for (publication, entry) in zip(document.publications, truth) {
      #expect(publication.title == entry.title)
      #expect(publication.year == entry.year)
      #expect(publication.kind == entry.kind, "\(entry.title)")
      #expect(publication.doi == entry.doi)
      #expect(publication.authors == entry.authors, "\(entry.title)")
    }
    #expect(document.publications[0].location.line == 24)  // the <work> element's line
    #expect(document.publications[2].venue == nil)
    #expect(document.publications[3].venue == "PLoS Genetics")
  }
}
