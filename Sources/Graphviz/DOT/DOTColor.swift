#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An sRGB colour with alpha, written as `"#RRGGBB"` or `"#RRGGBBAA"`.
///
/// Colours never come from input text: they are values built here, so no colour name or
/// scheme can smuggle text into the DOT. The palettes below are colour-blind safe.
public struct DOTColor: Sendable, Hashable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8
  public var alpha: UInt8

  public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// A colour from `0xRRGGBB`.
  public init(rgb: UInt32, alpha: UInt8 = 255) {
    self.init(
      red: UInt8((rgb >> 16) & 0xFF), green: UInt8((rgb >> 8) & 0xFF), blue: UInt8(rgb & 0xFF),
      alpha: alpha)
  }

  /// Parses `#RRGGBB` or `#RRGGBBAA` (the `#` is optional); `nil` for anything else.
  public init?(hex: String) {
    var digits = Substring(hex)
    if digits.first == "#" { digits = digits.dropFirst() }
    guard digits.count == 6 || digits.count == 8,
      digits.allSatisfy(\.isHexDigit),
      let value = UInt32(digits, radix: 16)
    else { return nil }
    if digits.count == 6 {
      self.init(rgb: value)
    } else {
      self.init(rgb: value >> 8, alpha: UInt8(value & 0xFF))
    }
  }

  /// The same colour with another opacity (0 = transparent, 1 = opaque).
  public func opacity(_ value: Double) -> DOTColor {
    var copy = self
    copy.alpha = UInt8((min(max(value.isFinite ? value : 1, 0), 1) * 255).rounded())
    return copy
  }

  /// `#RRGGBB`, or `#RRGGBBAA` when not opaque: the DOT colour syntax.
  public var hex: String {
    func byte(_ value: UInt8) -> String {
      let digits = Array("0123456789ABCDEF")
      return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
    }
    return "#" + byte(red) + byte(green) + byte(blue) + (alpha == 255 ? "" : byte(alpha))
  }

  public var description: String { hex }

  /// Relative luminance (WCAG 2), for choosing black or white text on a fill.
  public var luminance: Double {
    func linear(_ c: UInt8) -> Double {
      let v = Double(c) / 255
      return v <= 0.039_28 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// Black or white, whichever reads better on this colour.
  public var contrastingText: DOTColor { luminance > 0.179 ? .black : .white }

  public static let black = DOTColor(rgb: 0x000000)
  public static let white = DOTColor(rgb: 0xFFFFFF)
  public static let transparent = DOTColor(rgb: 0xFFFFFF, alpha: 0)

  /// Okabe & Ito's eight colours for colour-vision deficiency (black last, as it is
  /// usually reserved for text).
  ///
  /// Reference: M. Okabe, K. Ito, "Color Universal Design", 2008.
  /// https://jfly.uni-koeln.de/color/
  public static let okabeIto: [DOTColor] = [
    DOTColor(rgb: 0xE69F00), DOTColor(rgb: 0x56B4E9), DOTColor(rgb: 0x009E73),
    DOTColor(rgb: 0xF0E442), DOTColor(rgb: 0x0072B2), DOTColor(rgb: 0xD55E00),
    DOTColor(rgb: 0xCC79A7), DOTColor(rgb: 0x000000),
  ]

  /// Paul Tol's "bright" qualitative scheme (7 colours, grey last).
  ///
  /// Reference: P. Tol, "Colour Schemes", SRON/EPS/TN/09-002, 2021.
  /// https://personal.sron.nl/~pault/
  public static let tolBright: [DOTColor] = [
    DOTColor(rgb: 0x4477AA), DOTColor(rgb: 0xEE6677), DOTColor(rgb: 0x228833),
    DOTColor(rgb: 0xCCBB44), DOTColor(rgb: 0x66CCEE), DOTColor(rgb: 0xAA3377),
    DOTColor(rgb: 0xBBBBBB),
  ]

  /// Paul Tol's "muted" qualitative scheme (9 colours; pale grey #DDDDDD is for "no data").
  public static let tolMuted: [DOTColor] = [
    DOTColor(rgb: 0xCC6677), DOTColor(rgb: 0x332288), DOTColor(rgb: 0xDDCC77),
    DOTColor(rgb: 0x117733), DOTColor(rgb: 0x88CCEE), DOTColor(rgb: 0x882255),
    DOTColor(rgb: 0x44AA99), DOTColor(rgb: 0x999933), DOTColor(rgb: 0xAA4499),
  ]

  /// Paul Tol's "high contrast" scheme: three colours (blue, yellow, red) that stay
  /// distinct when printed in greyscale and for colour-blind readers.
  public static let tolHighContrast: [DOTColor] = [
    DOTColor(rgb: 0x004488), DOTColor(rgb: 0xDDAA33), DOTColor(rgb: 0xBB5566),
  ]

  /// The colour for category `index` in `palette`, cycling when there are more categories
  /// than colours.
  ///
  /// - Precondition: `palette` is not empty.
  public static func categorical(_ index: Int, palette: [DOTColor] = tolMuted) -> DOTColor {
    precondition(!palette.isEmpty, "DOTColor.categorical needs a non-empty palette")
    let count = palette.count
    return palette[((index % count) + count) % count]
  }

  /// `count` greys from dark (`#333333`) to light (`#DDDDDD`), evenly spaced: a
  /// greyscale-safe sequential scale.
  public static func greys(_ count: Int) -> [DOTColor] {
    guard count > 0 else { return [] }
    guard count > 1 else { return [DOTColor(rgb: 0x777777)] }
    return (0..<count).map { i in
      let v = UInt8((0x33 + Double(0xDD - 0x33) * Double(i) / Double(count - 1)).rounded())
      return DOTColor(red: v, green: v, blue: v)
    }
  }
}
