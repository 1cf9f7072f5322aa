import Foundation
import Testing

@testable import Bibliography

@Suite("HTML publication page reader")
struct HTMLReaderTests {
  static func read(_ text: String) -> SourceDocument {
    HTMLReader().parse(text, file: "pubs.html")
  }

  @Test("<li> entries; <style> with @media, <script> and comments skipped; entities decoded; HTML wins detection")
  func listItems() {
    let page = """
      <!DOCTYPE html>
      <html><head><style>
      @media (max-width: 600px) { body { font-size: 12px; } }
      @inproceedings{notreal, title={x}}
      </style><script>var x = "<li>Not, An. Entry, 2020</li>";</script></head>
      <body>
      <h2>Publications</h2>
      <!-- <li>Hidden Person, Other Person. A Commented Entry. Venue, 2001.</li> -->
      <ul>
      <li><b>Alice Smith</b>, Bob Jones &amp; Ren&eacute;e Dupont. <i>Caf&#233; Tables and &#x201C;Quotes&#x201D;</i>. Journal of Things, 2020.</li>
      <li>Bob Jones, Alice Smith. <em>A Second Title Here</em>. Proceedings of Stuff, 2019.</li>
      </ul>
      <h2>Teaching</h2>
      <ul><li>Alice Smith, Bob Jones. Course Notes on Things. University, 2018.</li></ul>
      </body></html>
      """
    #expect(FormatDetector.detect(page, fileName: "pubs.html") == .html)
    #expect(BibTeXReader.confidence(for: page) < FormatDetector.minimumConfidence)
    let document = Self.read(page)
    #expect(document.publications.count == 2, "\(document.publications.map(\.title))")
    let first = document.publications[0]
    #expect(first.authors == ["Alice Smith", "Bob Jones", "Renée Dupont"])
    #expect(first.title == "Café Tables and “Quotes”")
    #expect(first.year == 2020)
    #expect(document.publications[1].title == "A Second Title Here")
  }

  @Test("authors <br> title <br> venue in <p>, numbered [N]; title first <br> authors too")
  func hardLines() {
    let document = Self.read(
      """
      <html><body>
      <p>[1] Z. Zhang, W. Hao, and J. Harlim<br>
      <em>A geometric local parameterization method</em> <a href="x">[arXiv]</a></p>
      <p>[2] J. Harlim and D. Huang<br>Learning dynamical systems from data.<br>J. Comput. Phys., 2021</p>
      <div class="paper"><p><a href="y">SIEVE: Cache eviction can be simple.</a><br>
      Juncheng Yang, Yazhuo Zhang*, K. V. Rashmi. <br><em>USENIX ;login:</em>, 2024</p></div>
      </body></html>
      """)
    #expect(document.publications.count == 3, "\(document.diagnostics)")
    #expect(document.publications[0].authors == ["Z. Zhang", "W. Hao", "J. Harlim"])
    #expect(document.publications[0].title == "A geometric local parameterization method")
    #expect(document.publications[0].year == nil)
    #expect(document.publications[1].title == "Learning dynamical systems from data")
    #expect(document.publications[1].year == 2021)
    #expect(document.publications[2].title == "SIEVE: Cache eviction can be simple")
    #expect(document.publications[2].authors == ["Juncheng Yang", "Yazhuo Zhang", "K. V. Rashmi"])
  }

  @Test("one <div> per field, a year block above")
  func divPerField() {
    let document = Self.read(
      """
      <html><body><div class="pub_list">
      <div class="year_block"><div class="year_block_head">2026</div>
      <div class="pub"><div class="authors">Thomas J&auml;nich, Andrea Esuli.</div>
      <div class="title"><a href="x">Quantifying Query Fairness.</a></div>
      <div class="where">J. Artif. Intell. Res.</div></div>
      <div class="pub"><div class="authors">Kajal Negi, Andrea Esuli.</div>
      <div class="title"><a href="y">GSM-Identity: Evaluating Reasoning.</a></div>
      <div class="where">Mach. Learn.</div><div class="pages">2025</div></div>
      </div></div></body></html>
      """)
    #expect(document.publications.count == 2)
    #expect(document.publications[0].authors == ["Thomas Jänich", "Andrea Esuli"])
    #expect(document.publications[0].title == "Quantifying Query Fairness")
    #expect(document.publications[0].year == 2026)
  }

  @Test("a saved Google Scholar profile: gsc_a_tr rows, '...' truncates")
  func googleScholar() {
    let document = Self.read(
      """
      <!DOCTYPE html><html><body><table id="gsc_a_t"><tbody id="gsc_a_b">
      <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/c?x" class="gsc_a_at">Deep residual learning for image recognition</a><div class="gs_gray">K He, X Zhang, S Ren, J Sun</div><div class="gs_gray">Proceedings of the IEEE conference on computer vision, 770-778<span class="gs_oph">, 2016</span></div></td><td class="gsc_a_c"><a class="gsc_a_ac">250000</a></td><td class="gsc_a_y"><span class="gsc_a_h">2016</span></td></tr>
      <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/c?z" class="gsc_a_at">Why &amp;lt;b&amp;gt; is not bold &amp; &lt;i&gt; is</a><div class="gs_gray">A Ng</div><div class="gs_gray">Notes</div></td><td class="gsc_a_y"><span>2015</span></td></tr>
      <tr class="gsc_a_tr"><td class="gsc_a_t"><a href="/c?y" class="gsc_a_at">Mask R-CNN</a><div class="gs_gray">K He, G Gkioxari, P Dollár, ...</div><div class="gs_gray">Proceedings of the IEEE international conference, 2017</div></td><td class="gsc_a_c">40000</td><td class="gsc_a_y"><span>2017</span></td></tr>
      </tbody></table></body></html>
      """)
    #expect(document.publications.count == 3, "\(document.diagnostics)")
    #expect(document.publications[0].title == "Deep residual learning for image recognition")
    // Entities are decoded once: the page's "&amp;lt;b&amp;gt;" is the text "&lt;b&gt;".
    #expect(document.publications[1].title == "Why &lt;b&gt; is not bold & <i> is")
    #expect(document.publications[0].authors == ["K He", "X Zhang", "S Ren", "J Sun"])
    #expect(document.publications[0].year == 2016)
    #expect(document.publications[2].authors == ["K He", "G Gkioxari", "P Dollár"])
    #expect(document.publications[2].authorsTruncated)
  }

  @Test("a block that looks like an entry but reads as none is a diagnostic with its line")
  func unreadable() {
    let document = Self.read(
      "<html><body>\n<ul>\n<li>the 2019 meeting, in town, was fun and long and good</li>\n"
        + "<li>Alice Smith, Bob Jones. A Title of Note. Journal of Things, 2020.</li>\n</ul></body></html>")
    #expect(document.publications.count == 1)
    #expect(document.diagnostics.contains { $0.location.line == 3 })
  }

  /// A saved Google Scholar table of works (Fixtures/lists/dollodart--aeinstein-scholar.html,
  /// 15 rows of a real saved profile, source in Fixtures/lists/README.md); 14 rows
  /// transcribed by hand from the raw HTML in `dollodart--aeinstein-scholar.entries.tsv`.
  @Test("a saved Google Scholar profile: one record per gsc_a_tr row, cut author lists marked")
  func scholarProfile() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/lists")
    let document = try SourceReader.read(
      contentsOf: folder.appendingPathComponent("dollodart--aeinstein-scholar.html").path)
    #expect(document.format == .html)
    #expect(document.publications.count == 15, "\(document.diagnostics)")
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    #expect(document.owner == "A Einstein")
    let rows = try ReaderDatasets.transcribedRows(
      folder.appendingPathComponent("dollodart--aeinstein-scholar.entries.tsv"))
    #expect(rows.count == 14)
    func spaced(_ text: String?) -> String {
      (text ?? "").replacingOccurrences(of: "\u{A0}", with: " ")
    }
    for row in rows {
      let index = try #require(Int(row[0]))
      guard document.publications.indices.contains(index - 1) else {
        Issue.record("row \(index) missing")
        continue
      }
      let found = document.publications[index - 1]
      #expect(found.authors == row[1].components(separatedBy: " | "), "row \(index)")
      #expect(found.authorsTruncated == (row[2] == "yes"), "row \(index)")
      #expect(found.title == row[3], "row \(index)")
      #expect(spaced(found.venue) == row[4], "row \(index)")
      #expect(found.year == Int(row[5]), "row \(index)")
    }
    #expect(document.publications.flatMap(\.authors).filter(PublicationListDatasetTests.isJunk).isEmpty)
  }
}
