// Helpers the community algorithms use on the shared generator (Support/SplitMix64.swift).
extension SplitMix64 {
  /// A uniform double in [0, 1) from the top 53 bits.
  mutating func nextDouble() -> Double { nextUnitDouble() }

  /// Fisher–Yates shuffle driven by this generator (deterministic for a seed).
  mutating func shuffle(_ values: inout [Int32]) {
    var i = values.count
    while i > 1 {
      let j = nextInt(below: i)
      i -= 1
      values.swapAt(i, j)
    }
  }
}
