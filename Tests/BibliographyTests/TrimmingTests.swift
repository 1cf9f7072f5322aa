import Foundation
import Testing

@testable import Bibliography

@Suite("Whitespace trimming without NSString")
struct TrimmingTests {
  /// Every scalar Foundation's `whitespacesAndNewlines` holds, found by asking it (not a
  /// list of ours), and scalars beside them that it does not hold.
  static let spaces: [Unicode.Scalar] = (0...0x3100).compactMap(Unicode.Scalar.init).filter {
    CharacterSet.whitespacesAndNewlines.contains($0)
  }
  static let others: [Unicode.Scalar] = [
    "a", "\u{200B}", "\u{FEFF}", "\u{301}", "é", "\u{1F600}", "\u{00}",
  ]

  @Test("White_Space and U+200B are exactly CharacterSet.whitespacesAndNewlines")
  func sameSet() {
    let ours = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { $0.isFoundationWhitespace }
    let theirs = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
      CharacterSet.whitespacesAndNewlines.contains($0)
    }
    #expect(ours == theirs)
    #expect(ours.count == Self.spaces.count)
  }

  @Test("the same result as trimmingCharacters(in: .whitespacesAndNewlines)")
  func sameResult() {
    var generator = SystemRandomNumberGenerator()
    var cases = [
      "", " ", "a", " a ", "\u{2028}x\u{3000}", "\u{20}\u{301}abc", "Ada Lovelace", "\t\r\n",
    ]
    for _ in 0..<2000 {
      let length = Int.random(in: 0...6, using: &generator)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length {
        let pool = Bool.random(using: &generator) ? Self.spaces : Self.others
        scalars.append(pool.randomElement(using: &generator)!)
      }
      cases.append(String(scalars))
    }
    for text in cases {
      #expect(
        text.trimmedWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(text.debugDescription)")
      #expect(text[...].trimmedWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }
}
