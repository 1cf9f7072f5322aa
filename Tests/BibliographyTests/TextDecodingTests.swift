import Foundation
import Testing

@testable import Bibliography

@Suite("Text decoding")
struct TextDecodingTests {
  @Test("UTF-8 with and without a byte-order mark")
  func utf8() {
    let plain = TextDecoding.decode(Data("Müller".utf8))
    #expect(plain.text == "Müller")
    #expect(plain.encoding == .utf8)
    let bom = TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("Müller".utf8)))
    #expect(bom.text == "Müller")
    #expect(bom.encoding == .utf8WithBOM)
    #expect(bom.diagnostics.isEmpty)
  }

  @Test("UTF-16 little and big endian with a byte-order mark, and without one")
  func utf16() {
    // "Aé" = U+0041 U+00E9.
    let le = TextDecoding.decode(Data([0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00]))
    #expect(le.text == "Aé")
    #expect(le.encoding == .utf16LittleEndian)
    let be = TextDecoding.decode(Data([0xFE, 0xFF, 0x00, 0x41, 0x00, 0xE9]))
    #expect(be.text == "Aé")
    #expect(be.encoding == .utf16BigEndian)
    let bare = TextDecoding.decode(
      Data(Array("title,author\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
    #expect(bare.text == "title,author\n")
    #expect(bare.encoding == .utf16LittleEndian)
  }

  @Test("Latin-1 and Windows-1252 bytes fall back, with a warning at the first bad byte")
  func latin1() {
    // "Zürich" in Latin-1 on line 2, then Windows-1252 quotes (0x93, 0x94) and euro (0x80).
    let bytes: [UInt8] = Array("a\nZ".utf8) + [0xFC] + Array("rich ".utf8) + [0x93, 0x80, 0x94]
    let decoded = TextDecoding.decode(Data(bytes), file: "l.txt")
    #expect(decoded.text == "a\nZürich “€”")
    #expect(decoded.encoding == .windows1252)
    #expect(decoded.diagnostics.map(\.location.line) == [2])
  }
}
