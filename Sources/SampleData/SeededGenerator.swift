import Foundation

/// A seeded xoshiro256** pseudo-random generator: every draw of the sample data comes from one of these,
/// so that the same seed gives byte-identical files on every run and machine.
///
/// The 256-bit state is filled from the seed by SplitMix64, as the xoshiro authors recommend
/// (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021). Independent streams for
/// the different series are derived from the seed and the series name, so that adding a series does not
/// shift the draws of the others.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates the generator for `seed`.
    public init(seed: UInt64) {
        var mixer = seed
        state = (
            SeededGenerator.splitMix(&mixer), SeededGenerator.splitMix(&mixer),
            SeededGenerator.splitMix(&mixer), SeededGenerator.splitMix(&mixer)
        )
    }

    /// Creates the generator of the stream named `stream` under `seed` (FNV-1a of the name, mixed into the
    /// seed), so that each series draws from its own sequence.
    public init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var mixer = seed ^ hash
        self.init(seed: SeededGenerator.splitMix(&mixer))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform draw from the open interval (0, 1), with 53 random bits.
    public mutating func nextUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), by Lemire's multiply-shift without rejection; the bias
    /// is below 2⁻³² for the small bounds used here.
    public mutating func nextIndex(below bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A standard normal draw, by Marsaglia's polar method.
    public mutating func nextStandardNormal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0, s < 1 {
                return u * (-2 * log(s) / s).squareRoot()
            }
        }
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
