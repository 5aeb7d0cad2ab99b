import Foundation
import Ingest

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator so simulations are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    /// A Poisson draw with mean `mean` by sequential inversion (fine for means below a few hundred).
    mutating func poisson(_ mean: Double) -> Double {
        let u = uniform()
        var k = 0.0
        var probability = exp(-mean)
        var cumulative = probability
        while cumulative < u && k < 10 * mean + 100 {
            k += 1
            probability *= mean / k
            cumulative += probability
        }
        return k
    }
}

/// A simulated daily call series: 40 calls a day on Mondays, a weekly pattern, a gentle trend, and a
/// multiplicative `effect` on the days of `campaign`.
func simulatedCalls(
    seed: UInt64, from start: CivilDate, days: Int, campaign: DayRange?, effect: Double
) -> [CivilDate: Double] {
    var generator = SplitMix64(seed: seed)
    let weekly = [1.0, 0.95, 0.9, 0.92, 1.05, 0.7, 0.6]
    var series: [CivilDate: Double] = [:]
    for offset in 0..<days {
        let day = start.adding(days: offset)
        var mean = 40 * weekly[day.isoWeekday - 1] * (1 + 0.05 * Double(offset) / 365)
        if let campaign, campaign.contains(day) { mean *= effect }
        series[day] = generator.poisson(mean)
    }
    return series
}

/// The `days`-day range starting at `start` (at least one day); valid by construction.
func dayRange(from start: CivilDate, days: Int) -> DayRange {
    guard let range = DayRange(start: start, end: start.adding(days: max(0, days - 1))) else {
        preconditionFailure("a range of at least one day starting at \(start) always exists")
    }
    return range
}
