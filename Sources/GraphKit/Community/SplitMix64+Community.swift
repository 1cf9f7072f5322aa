// What the community algorithms draw from the shared generator (Support/SplitMix64.swift).
// These keep the exact streams the community benchmarks were measured with.
extension SplitMix64 {
  /// A uniform index in 0..<bound by Lemire's multiply-high (no rejection step: the
  /// bias is below bound/2^64, irrelevant for node orders).
  mutating func nextIndex(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A uniform double in [0, 1) from the top 53 bits.
  mutating func nextDouble() -> Double { nextUnitDouble() }

}
