import Testing

@testable import Graphviz

@Suite("DOT colours")
struct DOTColorTests {
  @Test("hex text round-trips, alpha only when not opaque")
  func hex() {
    #expect(DOTColor(rgb: 0x0072B2).hex == "#0072B2")
    #expect(DOTColor(rgb: 0x0072B2).opacity(0.5).hex == "#0072B280")
    #expect(DOTColor(hex: "#E69F00") == DOTColor(red: 0xE6, green: 0x9F, blue: 0x00))
    #expect(DOTColor(hex: "56b4e9cc") == DOTColor(red: 0x56, green: 0xB4, blue: 0xE9, alpha: 0xCC))
    #expect(DOTColor(hex: "red") == nil)
    #expect(DOTColor(hex: "#12345") == nil)
    #expect(DOTColor(hex: "#12345G") == nil)
  }

  @Test("palettes hold the published colours")
  func palettes() {
    // Okabe & Ito 2008 (orange, sky blue, bluish green, yellow, blue, vermillion, purple).
    #expect(
      DOTColor.okabeIto.map(\.hex) == [
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
      ])
    #expect(DOTColor.tolBright.count == 7)
    #expect(DOTColor.tolMuted.count == 9)
    #expect(DOTColor.tolHighContrast.map(\.hex) == ["#004488", "#DDAA33", "#BB5566"])
    #expect(DOTColor.categorical(9, palette: DOTColor.tolMuted) == DOTColor.tolMuted[0])
    #expect(DOTColor.categorical(-1, palette: DOTColor.okabeIto) == DOTColor.okabeIto[7])
  }

  @Test("greys run from #333333 to #DDDDDD")
  func greys() {
    #expect(DOTColor.greys(3).map(\.hex) == ["#333333", "#888888", "#DDDDDD"])
    #expect(DOTColor.greys(0).isEmpty)
  }

  @Test("text colour contrasts with the fill")
  func contrast() {
    #expect(DOTColor(rgb: 0x332288).contrastingText == .white)
    #expect(DOTColor(rgb: 0xF0E442).contrastingText == .black)
    // WCAG: white has luminance 1, black 0.
    #expect(abs(DOTColor.white.luminance - 1) < 1e-9)
    #expect(DOTColor.black.luminance == 0)
  }
}
