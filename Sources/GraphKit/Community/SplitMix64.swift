/// The pseudo-random generator behind every seeded community algorithm.
///
/// SplitMix64 (Steele, Lea & Flood 2014): 64 bits of state, one addition and a
/// mix per draw. The algorithms draw through ``nextInt(below:)`` and
/// ``nextDouble()`` only, never through the standard library's `shuffle` or
/// `random(in:)`, whose algorithms may change between Swift releases: the same
/// seed must give the same partition on every machine and toolchain.
///
/// Reference: G. L. Steele, D. Lea, C. H. Flood, OOPSLA 2014.
/// https://doi.org/10.1145/2660193.2660195
struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (Lemire's multiply-shift; the bias is below 2⁻³²
  /// for every bound this code uses and the result is fixed by the seed).
  /// - Precondition: `bound > 0`.
  mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A number in [0, 1) with 53 random bits.
  mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}
