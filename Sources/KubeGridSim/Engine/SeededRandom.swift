/// A random number generator that gives the same sequence for the same seed (SplitMix64).
///
/// The simulation draws every random choice (scheduler tie-breaks, start-up jitter,
/// client keys) from one of these, so `--seed` fixes the whole run.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one part of the simulation, so that drawing more numbers in one
    /// part does not shift the numbers another part gets.
    public func derived(_ stream: UInt64) -> SeededRandom {
        var copy = SeededRandom(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }
}
