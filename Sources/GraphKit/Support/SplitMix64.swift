/// A small, fast, seedable pseudo-random generator (SplitMix64).
///
/// Used wherever GraphKit samples (approximate betweenness, sampled path statistics):
/// the same seed gives the same stream on every platform, so results are reproducible.
/// Each sample derives its own generator from the seed and its index
/// (``init(seed:stream:)``), which makes sampled results independent of how the work
/// is split between threads.
///
/// Reference: G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014. https://doi.org/10.1145/2660193.2660195
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  public private(set) var state: UInt64

  /// Creates a generator whose stream is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// Creates the generator of one independent stream (for example one sample) of `seed`.
  public init(seed: UInt64, stream: UInt64) {
    var mixer = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C909)
    for _ in 0..<(stream & 1) { _ = mixer.next() }
    state = mixer.next() &+ stream &* 0x9E37_79B9_7F4A_7C15
    _ = next()
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` by Lemire's multiply-shift (bias below 2⁻³² for the
  /// bounds used here). Not the standard library's `random(in:)`, whose algorithm may
  /// change between Swift releases: the same seed must give the same numbers everywhere.
  /// - Precondition: `bound > 0`.
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A number in [0, 1) with 53 random bits.
  public mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}
