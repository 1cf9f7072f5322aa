import Foundation
import Testing

@testable import Bibliography

@Suite("DBLP XML")
struct DBLPReaderTests {
  @Test("a person page: records, homonym numbers kept, owner the person, ORCID iDs")
  func personPage() {
    let text = """
      <?xml version="1.0" encoding="US-ASCII"?>
      <dblpperson name="Shuaiwen Song" pid="23/7512" n="2">
      <person key="homepages/23/7512"><author pid="23/7512">Shuaiwen Song</author><author pid="23/7512">Shuaiwen Leon Song</author></person>
      <r><article key="journals/tpds/Li20" mdate="2020-01-15">
      <author orcid="0000-0003-3734-9137" pid="33/2805">Ang Li</author>
      <author pid="23/7512">Shuaiwen Leon Song</author>
      <author pid="93/3167-1">Xu Liu 0001</author>
      <title>Evaluating Modern GPU Interconnect: <i>PCIe</i>, NVLink.</title>
      <year>2020</year><journal>IEEE Trans. Parallel Distrib. Syst.</journal>
      <ee>https://doi.org/10.1109/TPDS.2019.2928289</ee>
      </article></r>
      <r><inproceedings key="conf/sc/X09"><author>Shuaiwen Song</author><title>Energy Profiling.</title><year>2009</year><booktitle>SC</booktitle></inproceedings></r>
      <coauthors n="1"><co><na pid="33/2805">Ang Li</na></co></coauthors>
      </dblpperson>
      """
    #expect(DBLPReader.confidence(for: text) >= 0.95)
    let document = DBLPReader().parse(text, file: "song.xml")
    #expect(document.publications.count == 2)
    let first = document.publications[0]
    #expect(first.authors == ["Ang Li", "Shuaiwen Leon Song", "Xu Liu 0001"])
    #expect(first.title == "Evaluating Modern GPU Interconnect: PCIe, NVLink")
    #expect(first.year == 2020)
    #expect(first.doi == "10.1109/TPDS.2019.2928289")
    #expect(first.identifiers(ofAuthorAt: 0)?.orcid == "0000-0003-3734-9137")
    #expect(document.publications[1].kind == .conference)
    #expect(document.owner == "Shuaiwen Leon Song")
  }

  @Test("dblp.xml: the DTD's character entities, www records left out, editors of proceedings")
  func fullDump() {
    let text = """
      <?xml version="1.0" encoding="ISO-8859-1"?>
      <!DOCTYPE dblp SYSTEM "dblp.dtd">
      <dblp>
      <article key="journals/x/M20"><author>Andr&eacute; M&uuml;ller</author><author>Zo&euml; Sm&oslash;rgrav</author><title>Caf&eacute; &amp; more.</title><year>2020</year><journal>X</journal></article>
      <www key="homepages/1/1"><author>Andr&eacute; M&uuml;ller</author><title>Home Page</title></www>
      <proceedings key="conf/y/2021"><editor>Jane Roe</editor><title>Proc. Y.</title><year>2021</year></proceedings>
      </dblp>
      """
    let document = DBLPReader().parse(text, file: "dblp.xml")
    #expect(document.publications.count == 2)
    #expect(document.publications[0].authors == ["André Müller", "Zoë Smørgrav"])
    #expect(document.publications[0].title == "Café & more")
    #expect(document.publications[1].authors == ["Jane Roe"])
    #expect(!document.diagnostics.contains { $0.severity == .error })
  }
}

/// The full dblp.xml is several GB: it must be read as a stream, with dblp.dtd's
/// entities, the DTD file absent.
@Suite("DBLP: the full dblp.xml streamed")
struct DBLPStreamingTests {
  /// The resident set size of this process, in bytes (Linux `/proc/self/statm`).
  static func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * 4096 : 0
  }

  /// A dblp.xml-shaped file: the DTD declared, not present; ISO-8859-1 declared; names
  /// with dblp.dtd's entities; `count` records of about 400 bytes.
  static func writeDBLP(records count: Int, to url: URL) throws {
    FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    var chunk = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n"
    for index in 0..<count {
      chunk += """
        <article mdate="2020-01-01" key="journals/x/M\(index)">
        <author>J&uuml;rgen M&uuml;ller</author>
        <author orcid="0000-0002-1825-0097">Fran&ccedil;ois Andr&eacute; \(index % 97)</author>
        <title>On the stability of &quot;streams&quot; number \(index) &amp; more.</title>
        <pages>1-\(index % 50 + 2)</pages><year>\(1990 + index % 30)</year>
        <journal>J. Stream Res.</journal><ee>https://doi.org/10.1000/s\(index)</ee>
        </article>

        """
      if chunk.utf8.count > 1 << 20 {
        handle.write(Data(chunk.utf8))
        chunk = ""
      }
    }
    chunk += "<www key=\"homepages/x/y\"><author>Someone</author><title>Home Page</title></www>\n</dblp>\n"
    handle.write(Data(chunk.utf8))
  }

  @Test("a 40 MB dblp.xml: every record, entities decoded, memory bounded")
  func streamed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dblp-stream-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("dblp.xml")
    let count = 100_000
    try Self.writeDBLP(records: count, to: url)
    let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
    #expect(size > 35_000_000)
    let before = Self.residentBytes()
    var peak = before
    var read = 0
    var first: Publication?
    var last: Publication?
    let result = try DBLPReader().read(contentsOf: url) { publication in
      if read == 0 { first = publication }
      last = publication
      read += 1
      if read % 5_000 == 0 { peak = max(peak, Self.residentBytes()) }
    }
    #expect(read == count)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
    #expect(first?.authors == ["Jürgen Müller", "François André 0"])
    #expect(first?.title == "On the stability of \"streams\" number 0 & more")
    #expect(first?.authorIdentifiers.last?.orcid == "0000-0002-1825-0097")
    #expect(first?.doi == "10.1000/s0")
    #expect(last?.year == 1990 + (count - 1) % 30)
    // Reading the file whole would hold its 40 MB of bytes and their text (UTF-16 in
    // XMLParser) at least 3× over. The resident set is the whole test process's, shared
    // with the suites running in parallel (seen: 54 MiB of growth under a loaded full
    // suite), so the bound is twice the input's size, not the 16 MiB a lone run stays
    // under: still below the 3× that reading the file whole costs.
    #expect(peak - before < 2 * size, "resident set grew by \((peak - before) >> 20) MB while reading \(size >> 20) MB")
  }

  @Test("entities cut by a piece boundary, undeclared entities and XML errors are reported")
  func boundaries() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dblp-edge-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Padding puts an entity across the first 256 KiB boundary of the stream.
    let head = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<dblp>\n<!--"
    // "&ouml;" starts 3 bytes before the end of the first piece.
    let before = "--><article key=\"journals/x/1\"><author>G"
    let pad = String(repeating: "x", count: DBLPScanner.pieceSize - head.utf8.count - before.utf8.count - 3)
    let body = "--><article key=\"journals/x/1\"><author>G&ouml;del &Ouml;rn</author><title>T&bogus;.</title><year>1931</year></article>\n<article key=\"journals/x/2\"><author>A B</author><title>Broken</title>\n</dblp>\n"
    let url = folder.appendingPathComponent("edge.xml")
    try Data((head + pad + body).utf8).write(to: url)
    var records: [Publication] = []
    let result = try DBLPReader().read(contentsOf: url) { records.append($0) }
    #expect(records.first?.authors == ["Gödel Örn"])
    #expect(records.first?.title == "T")
    #expect(result.diagnostics.contains { $0.message.contains("'&bogus;'") })
    #expect(result.diagnostics.contains { $0.severity == .error && $0.message.contains("XML error") })
    // SourceReader streams a DBLP file it detects from the file's head.
    let document = try SourceReader.read(contentsOf: url.path)
    #expect(document.format == .dblpXML)
    #expect(document.publications.first?.authors == ["Gödel Örn"])
  }
}
