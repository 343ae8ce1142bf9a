/// A SplitMix64 random number generator: the same seed gives the same sequence on every
/// platform and Swift version, which `SystemRandomNumberGenerator` cannot promise.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator for `seed`.
    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<upperBound`, by multiply-shift (no rejection loop, so the number of
    /// draws per call is fixed and the sequence stays stable when code changes elsewhere).
    mutating func below(_ upperBound: Int) -> Int {
        Int((UInt128(next()) &* UInt128(upperBound)) >> 64)
    }

    /// Whether an event with probability `1 / oneIn` happens.
    mutating func chance(oneIn: Int) -> Bool {
        below(oneIn) == 0
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ elements: [T]) -> T {
        elements[below(elements.count)]
    }
}
