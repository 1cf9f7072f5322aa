import Foundation
import Testing

@testable import Bibliography

@Suite("Format detector")
struct FormatDetectorTests {
  @Test("the seeds are told apart by content, whatever their file names say")
  func seeds() throws {
    let cv = try TestData.text("Data/qi-lei-cv.txt")
    let homepage = try TestData.text("Data/allen-zhu-homepage.txt")
    #expect(FormatDetector.detect(cv, fileName: "qi-lei-cv.txt") == .cvText)
    #expect(FormatDetector.detect(homepage, fileName: "allen-zhu-homepage.txt") == .homepage)
    #expect(FormatDetector.detect(cv, fileName: "homepage.bib") == .cvText)
    #expect(FormatDetector.detect(homepage, fileName: "cv.txt") == .homepage)
  }

  @Test("confidences: each reader is sure of its own seed and not of the other")
  func confidences() throws {
    let cv = try TestData.text("Data/qi-lei-cv.txt")
    let homepage = try TestData.text("Data/allen-zhu-homepage.txt")
    #expect(CVTextReader.confidence(for: cv) >= 0.8)
    #expect(CVTextReader.confidence(for: homepage) == 0)
    #expect(HomepageReader.confidence(for: homepage) >= 0.8)
    #expect(HomepageReader.confidence(for: cv) < FormatDetector.minimumConfidence)
  }

  /// One small hand-written input per export format, in the shape the format's own
  /// documentation gives (CV and homepage: the committed seeds).
  static let samples: [(format: InputFormat, text: String)] = [
    (
      .bibtex,
      """
      @article{lee2016gradient,
        author = {Jason D. Lee and Max Simchowitz and Michael I. Jordan and Benjamin Recht},
        title = {Gradient Descent Only Converges to Minimizers},
        journal = {Conference on Learning Theory},
        year = {2016}
      }

      """
    ),
    (
      .ris,
      """
      TY  - JOUR
      AU  - Lee, Jason D.
      AU  - Simchowitz, Max
      TI  - Gradient Descent Only Converges to Minimizers
      PY  - 2016
      ER  -

      """
    ),
    (
      .cslJSON,
      """
      [{"id": "lee2016", "type": "paper-conference",
        "title": "Gradient Descent Only Converges to Minimizers",
        "author": [{"family": "Lee", "given": "Jason D."}, {"family": "Recht", "given": "Benjamin"}],
        "container-title": "Conference on Learning Theory",
        "issued": {"date-parts": [[2016]]}}]

      """
    ),
    (
      .wosTagged,
      """
      FN Clarivate Analytics Web of Science
      VR 1.0
      PT J
      AU Lee, JD
         Recht, B
      TI Gradient Descent Only Converges to Minimizers
      PY 2016
      ER

      EF

      """
    ),
    (
      .scopusCSV,
      """
      Authors,Author(s) ID,Title,Year,Source title,DOI,EID
      "Lee J.D., Recht B.","57190000001;7004000002;","Gradient Descent Only Converges to Minimizers",2016,"Conference on Learning Theory",,2-s2.0-84900000000

      """
    ),
    (
      .openAlex,
      """
      {"results": [{"id": "https://openalex.org/W2963000000",
        "display_name": "Gradient Descent Only Converges to Minimizers", "publication_year": 2016,
        "authorships": [{"author": {"id": "https://openalex.org/A5000000001", "display_name": "Jason D. Lee"}}]}]}

      """
    ),
    (
      .csv,
      """
      title,authors,year
      Gradient Descent Only Converges to Minimizers,Jason D. Lee; Benjamin Recht,2016

      """
    ),
  ]

  @Test("every format's sample is detected as that format, whatever the file name says")
  func samplesAreDetected() throws {
    var samples = Self.samples
    samples.append((.cvText, try TestData.text("Data/qi-lei-cv.txt")))
    samples.append((.homepage, try TestData.text("Data/allen-zhu-homepage.txt")))
    samples.append((.markdown, "# Publications\n\n- [A Title of Note](https://x.org) by Jason D. Lee, Ben Recht. *COLT*, 2016\n- [Another Title Here](#) by Ben Recht, Jason D. Lee. *ICML*, 2017\n- [A Third Title Here](#) by Jason D. Lee. *NeurIPS*, 2018\n"))
    samples.append((.html, "<!DOCTYPE html><html><head><style>@media (max-width: 600px) { p { margin: 0; } }</style></head><body><ul><li>Jason D. Lee, Ben Recht. <i>A Title of Note</i>. COLT, 2016.</li></ul></body></html>\n"))
    samples.append((.latex, "\\documentclass{article}\n\\begin{document}\n\\section{Publications}\n\\begin{itemize}\n\\item Jason D. Lee, Ben Recht. \\emph{A Title of Note}. COLT, 2016.\n\\end{itemize}\n\\end{document}\n"))
    samples.append((.pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"))
    samples.append((.yaml, "- title: A Title of Note\n  authors: Jason D. Lee, Ben Recht\n  year: 2016\n  venue: COLT\n- title: Another Title Here\n  authors:\n    - Ben Recht\n    - Jason D. Lee\n  year: 2017\n"))
    samples.append((.frontMatter, "---\ntitle: \"A Title of Note\"\ncollection: publications\ndate: 2016-06-01\nvenue: 'COLT'\ncitation: 'Lee, J. D., &amp; Recht, B. (2016). A Title of Note. <i>COLT</i>.'\n---\nAbstract text.\n"))
    samples.append((.dblpXML, "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<dblpperson name=\"Jason D. Lee\" pid=\"88/3262\" n=\"1\">\n<r><article key=\"journals/x/Lee16\"><author pid=\"88/3262\">Jason D. Lee</author><title>A Title of Note.</title><year>2016</year><journal>X</journal></article></r>\n</dblpperson>\n"))
    samples.append((.orcid, "{\"orcid-identifier\": {\"path\": \"0000-0002-1825-0097\"}, \"activities-summary\": {\"works\": {\"group\": [{\"work-summary\": [{\"put-code\": 1, \"title\": {\"title\": {\"value\": \"A Title of Note\"}}, \"publication-date\": {\"year\": {\"value\": \"2016\"}}}]}]}}}\n"))
    // A sample for every format, so a format added later needs one here.
    #expect(Set(samples.map(\.format)) == Set(InputFormat.allCases))
    for (format, text) in samples {
      for fileName in ["input", "input.txt", "input.bib"] {
        #expect(
          FormatDetector.detect(text, fileName: fileName) == format,
          "\(format.rawValue) sample named \(fileName)")
      }
    }
  }

  @Test(
    "text in no known shape is not claimed",
    arguments: [
      "", "hello world", "1 2\n2 3\n3 1\n", "graph [\n  node [ id 1 ]\n  node [ id 2 ]\n]\n",
      "Dear colleague,\nthank you for your letter of 3 May.\n",
    ])
  func unknown(text: String) {
    #expect(FormatDetector.detect(text, fileName: "x.txt") == nil)
  }

  @Test("reader(for:owner:) builds the reader of the format with the owner")
  func readers() throws {
    let cv = try TestData.text("Data/qi-lei-cv.txt")
    let reader = FormatDetector.reader(for: .cvText, owner: "Given Owner")
    #expect(reader is CVTextReader)
    #expect(reader.parse(cv, file: "cv").owner == "Given Owner")
    #expect(FormatDetector.reader(for: .cvText, owner: nil).parse(cv, file: "cv").owner == "Qi Lei")
    let homepage = FormatDetector.reader(for: .homepage, owner: "Zeyuan Allen-Zhu")
    #expect(homepage is HomepageReader)
    #expect(homepage.parse("", file: "h").owner == "Zeyuan Allen-Zhu")
  }

  @Test("every registered reader answers for its own format")
  func registry() {
    for type in FormatDetector.readers {
      for owner in [nil, "Someone"] {
        let document = FormatDetector.reader(for: type.format, owner: owner).parse("", file: "f")
        #expect(document.format == type.format)
        #expect(owner == nil || document.owner == owner)
      }
    }
    #expect(FormatDetector.readers.contains { $0.format == .cvText })
    #expect(FormatDetector.readers.contains { $0.format == .homepage })
  }

  @Test("every format has a registered reader")
  func everyFormatRegistered() {
    for format in InputFormat.allCases {
      #expect(FormatDetector.readers.contains { $0.format == format }, "\(format.rawValue)")
    }
  }

  @Test("a format with no registered reader yields a diagnostic, not a crash")
  func unregistered() {
    // Every format has a reader (above), so the stand-in is checked directly.
    let document = UnsupportedFormatReader(format: .ris, owner: "Someone").parse("x", file: "f")
    #expect(document.format == .ris)
    #expect(document.owner == "Someone")
    #expect(document.publications.isEmpty)
    #expect(document.diagnostics.count == 1)
    #expect(document.diagnostics.first?.message.contains("'ris'") == true)
  }
}
