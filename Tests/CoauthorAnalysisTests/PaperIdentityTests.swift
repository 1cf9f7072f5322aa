import Foundation
import Testing

@testable import CoauthorAnalysis

@Suite("Paper identity")
struct PaperIdentityTests {
  /// Foundation's folding, which titles with letters beyond ASCII still go through.
  static func foundationFolded(_ title: String) -> String {
    let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }
    return String(String.UnicodeScalarView(folded))
  }

  @Test(
    "the ASCII fast path folds as Foundation does",
    arguments: [
      String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }),
      "Evaluating Modern GPU Interconnect: PCIe, NVLink, NV-SLI, NVSwitch and GPUDirect",
      "H2O in a CDATA <b>section</b>", "  ", "", "Tab\tand\nnewline 42",
    ])
  func asciiAsFoundation(title: String) {
    #expect(PaperIdentity.foldedASCII(title.utf8) != nil)
    #expect(PaperIdentity.foldedTitle(title) == Self.foundationFolded(title))
  }

  @Test("titles beyond ASCII keep Foundation's folding", arguments: ["Café Müller", "Ⅻ ½ Straße", "Ω-Kalkül"])
  func beyondASCII(title: String) {
    #expect(PaperIdentity.foldedASCII(title.utf8) == nil)
    #expect(PaperIdentity.foldedTitle(title) == Self.foundationFolded(title))
  }
}
