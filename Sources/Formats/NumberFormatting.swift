import Foundation

/// Formats a number deterministically without an exponent (DOT, CSV and the line-based
/// graph formats reject or misread `1e-05`): integers without a fraction, other values
/// with up to `decimals` decimals, trailing zeros removed; `nan`, `inf`, `-inf`.
///
/// - Complexity: O(`decimals`).
public func formatNumber(_ x: Double, decimals: Int = 10) -> String {
  guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
  if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
  var s = String(format: "%.\(decimals)f", x)
  while s.hasSuffix("0") { s.removeLast() }
  if s.hasSuffix(".") { s.removeLast() }
  return s == "-0" ? "0" : s
}
