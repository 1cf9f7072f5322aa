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
}
