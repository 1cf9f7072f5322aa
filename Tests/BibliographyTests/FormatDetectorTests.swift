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

  @Test(
    "text in no known shape is not claimed",
    arguments: [
      "", "hello world", "1 2\n2 3\n3 1\n",
      "@article{key,\n  title = {A},\n  author = {B and C}\n}\n",
    ])
  func unknown(text: String) {
    let format = FormatDetector.detect(text, fileName: "x.txt")
    #expect(format != .cvText && format != .homepage)
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

  @Test("a format with no registered reader yields a diagnostic, not a crash")
  func unregistered() {
    let format = InputFormat.allCases.first { format in
      !FormatDetector.readers.contains { $0.format == format }
    }
    guard let format else { return }  // every format has a reader: nothing to check
    let document = FormatDetector.reader(for: format, owner: nil).parse("x", file: "f")
    #expect(document.publications.isEmpty)
    #expect(document.diagnostics.count == 1)
    #expect(document.diagnostics.first?.message.contains(format.rawValue) == true)
  }
}
