import Analytics
import Foundation
import Ingest

extension SplitMix64 {
    /// A standard normal draw (Box–Muller, one of the pair).
    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// A Gamma(shape, scale 1) draw (Marsaglia & Tsang, ACM TOMS 26:363–372, 2000; shape < 1 boosted).
    mutating func gamma(shape: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let v = (1 + c * x) * (1 + c * x) * (1 + c * x)
            guard v > 0 else { continue }
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    /// A negative-binomial draw with mean `mean` and size `size` (variance mean + mean²/size), as a
    /// gamma–Poisson mixture.
    mutating func negativeBinomial(mean: Double, size: Double) -> Double {
        poisson(mean * gamma(shape: size) / size)
    }
}

/// A simulated campaign with known truth: two years of negative-binomial daily calls before a 28-day campaign
/// that multiplies the mean by `effect`.
///
/// Mean: `level` calls on Mondays times a weekday pattern, a 5 %-a-year trend, a yearly cycle of ±10 % and 0.7 on
/// French public holidays. The size is chosen so that φ = 1 + mean/size is `dispersion` at the level.
struct SimulatedCampaign {
    static let start = CivilDate(year: 2018, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0)
    static let historyDays = 730
    static let campaignDays = 28
    static let weekly = [1.0, 0.95, 0.9, 0.92, 1.05, 0.7, 0.6]

    let campaign: DayRange
    let holidays: Set<CivilDate>
    let series: [CivilDate: Double]

    init(seed: UInt64, effect: Double, level: Double = 40, dispersion: Double = 2.5) {
        var generator = SplitMix64(seed: seed)
        campaign = dayRange(from: Self.start.adding(days: Self.historyDays), days: Self.campaignDays)
        holidays = Set((2018...2020).flatMap { PublicHolidays.france(year: $0) })
        let size = level / (dispersion - 1)
        var series: [CivilDate: Double] = [:]
        for offset in 0..<(Self.historyDays + 2 * Self.campaignDays) {
            let day = Self.start.adding(days: offset)
            var mean = level * Self.weekly[day.isoWeekday - 1] * (1 + 0.05 * Double(offset) / 365.25)
            mean *= 1 + 0.1 * sin(2 * Double.pi * Double(day.daysSinceEpoch) / 365.25)
            if holidays.contains(day) { mean *= 0.7 }
            if campaign.contains(day) { mean *= effect }
            series[day] = generator.negativeBinomial(mean: mean, size: size)
        }
        self.series = series
    }
}
