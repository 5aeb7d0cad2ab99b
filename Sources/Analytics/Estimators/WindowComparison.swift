import Foundation
import Ingest

/// A campaign window compared with a baseline window on a daily count series (DESIGN §4.1).
///
/// With O_c counted over the n_c campaign days that have data and O_b over the n_b baseline days that have data:
/// rate ratio RR = (O_c/n_c)/(O_b/n_b), uplift RR − 1, extra count O_c − n_c·O_b/n_b. Days without data are
/// left out of both the totals and the day counts; they are never taken as zero.
///
/// Two intervals are given. The exact one is the conditional Clopper–Pearson interval of `RateRatio`
/// (totals rounded to whole counts), which assumes Poisson days. Daily counts usually vary more than that, and
/// stay high or low for days in a row, so the reported interval is exp(log RR ± z·se) with:
/// - given the series' `NoiseStructure` (the campaign model's, fitted before the campaign), se² = var(O_c)/O_c² +
///   var(O_b)/O_b² − 2·cov(O_c, O_b)/(O_c·O_b), each window's days at its mean level
///   (`NoiseStructure.standardErrorOfLogRatio`);
/// - otherwise se² = φ·(1/O_c + 1/O_b), with the dispersion φ from Pearson's statistic around each window's
///   day-of-week means, φ = max(1, X²/df), df = (n_c + n_b) − (number of window × weekday groups with data), at
///   least 1.
/// Uplift and extra-count intervals are mapped from it (extra = O_c − O_c/RR is increasing in RR).
public struct WindowComparison: Sendable {
    /// Which comparison this is.
    public enum Method: String, Sendable, Hashable {
        /// Against a baseline window, by default the 28 days before the campaign.
        case window
        /// Against the same window 364 days earlier (weekday-aligned year over year).
        case yearOverYear = "year_over_year"
    }

    /// Whether there was enough data to compare.
    public enum Status: String, Sendable, Hashable {
        /// Both windows have data and the baseline total is positive: `estimate` is set.
        case estimated
        /// The baseline has no days with data, or a total of 0: no ratio can be formed ("no baseline").
        case noBaseline
        /// The campaign window has no days with data.
        case noCampaignData
        /// The totals add up past the largest count (``Shortfall/totalTooLarge(window:)``).
        case totalTooLarge = "total_too_large"
    }

    /// The figures of a comparison that could be made.
    public struct Estimate: Sendable, Hashable {
        /// RR = (O_c/n_c)/(O_b/n_b).
        public let rateRatio: Double
        /// RR − 1, as a fraction (0.2 is +20 %).
        public let uplift: Double
        /// O_c − n_c·O_b/n_b, in counts.
        public let extra: Double
        /// The exact conditional interval and central p-value (Poisson days assumed).
        public let exact: RateRatio
        /// φ ≥ 1, the day-to-day overdispersion relative to Poisson.
        public let dispersion: Double
        /// The residual degrees of freedom behind `dispersion` (at least 1).
        public let dispersionDegreesOfFreedom: Int
        /// The interval for RR under the noise (the exact interval when O_c = 0, where the log scale breaks down).
        public let rateRatioInterval: ConfidenceInterval
        /// The φ-scaled interval for the uplift, `rateRatioInterval` − 1.
        public let upliftInterval: ConfidenceInterval
        /// The φ-scaled interval for the extra count, O_c − O_c/RR at the RR bounds.
        public let extraInterval: ConfidenceInterval
        /// Two-sided p-value for RR = 1 from the φ-scaled statistic log RR / √(φ(1/O_c + 1/O_b)); below 1 − level
        /// exactly when `rateRatioInterval` excludes 1. The exact p-value when O_c = 0.
        public let pValue: Double
        /// True when φ > 1.5, i.e. the φ-scaled interval is more than √1.5 ≈ 1.22 times as wide on the log scale
        /// as the Poisson one: the exact interval then overstates the precision and should not be reported.
        public let exactIntervalIsMisleadinglyNarrow: Bool
        /// The noise behind `rateRatioInterval`, when the comparison was given one (else φ was used).
        public let noise: NoiseStructure?
        /// How many times wider `rateRatioInterval` is on the log scale than the φ-scaled √(φ(1/O_c + 1/O_b));
        /// 1 without a noise structure.
        public let intervalWidening: Double
    }

    /// Which comparison this is.
    public let method: Method
    /// The campaign (index) window, inclusive.
    public let campaignWindow: DayRange
    /// The baseline (reference) window, inclusive.
    public let baselineWindow: DayRange
    /// O_c, the total over campaign days with data.
    public let campaignTotal: Double
    /// n_c, the campaign days with data.
    public let campaignDaysWithData: Int
    /// O_b, the total over baseline days with data.
    public let baselineTotal: Double
    /// n_b, the baseline days with data.
    public let baselineDaysWithData: Int
    /// Campaign and baseline days without data, in date order.
    public let missingDays: [CivilDate]
    /// The confidence level of the intervals.
    public let confidenceLevel: Double
    /// Whether the comparison could be made.
    public let status: Status
    /// The figures, present exactly when `status == .estimated`.
    public let estimate: Estimate?
    /// Why a comparison other than `.estimated` could not be made, else nil.
    public let shortfall: Shortfall?

    /// Why no ratio could be formed, with the days concerned.
    public enum Shortfall: Hashable, Sendable {
        /// No day of the campaign window has data.
        case noCampaignData(DayRange)
        /// No day of the baseline has data.
        case noBaselineData(DayRange)
        /// The baseline's total over its days with data is 0.
        case zeroBaselineTotal(days: Int)
        /// The totals or the confidence level do not make a rate ratio.
        case invalidRateRatio
        /// The counts of `window` (the campaign's or the baseline's days with data) add up, with those of the
        /// other window, past the largest count (2⁶³ − 1), though each day's count is within it: the exact test
        /// counts events in 64-bit integers, so no ratio is formed rather than one from rounded totals.
        case totalTooLarge(window: DayRange)
    }

    /// The largest total of counts a comparison takes, campaign and baseline together: 2⁶³ − 1, the limit of a
    /// single count (DESIGN §3.2), as a `Double` bound that is exact (2⁶³) and excluded.
    public static let totalLimit = 9_223_372_036_854_775_808.0

    /// The dispersion above which the exact interval is flagged as misleadingly narrow.
    public static let misleadingDispersion = 1.5

    /// The default baseline: the `days` days (28 by default) that end the day before `campaign` starts.
    public static func precedingBaseline(for campaign: DayRange, days: Int = 28) -> DayRange? {
        DayRange(start: campaign.start.adding(days: -max(1, days)), end: campaign.start.adding(days: -1))
    }

    /// The `days` days before `campaign`, moved earlier until they overlap none of `avoiding` (the windows and
    /// carry-over of other campaigns on the series): each time they overlap, they end the day before the
    /// earliest start among the ranges they overlap. A baseline inside another campaign's effect would hide
    /// this one's.
    public static func precedingBaseline(
        for campaign: DayRange, days: Int = 28, avoiding: [DayRange]
    ) -> DayRange? {
        var baseline = precedingBaseline(for: campaign, days: days)
        // Each move ends before another range's start, so there are at most `avoiding.count` moves.
        for _ in 0...avoiding.count {
            guard let current = baseline else { return nil }
            let hits = avoiding.filter { $0.start <= current.end && current.start <= $0.end }
            guard let earliest = hits.map(\.start).min(),
                let moved = DayRange(start: earliest, end: earliest)
            else { return current }
            baseline = precedingBaseline(for: moved, days: days)
        }
        return baseline
    }

    /// The year-over-year baseline: `campaign` shifted 364 days earlier, so weekdays line up.
    public static func yearEarlierBaseline(for campaign: DayRange) -> DayRange? {
        DayRange(start: campaign.start.adding(days: -364), end: campaign.end.adding(days: -364))
    }

    /// Compares `campaign` with the same window 364 days earlier.
    public static func yearOverYear(
        series: [CivilDate: Double], campaign: DayRange, noise: NoiseStructure? = nil, confidenceLevel: Double = 0.95
    ) -> WindowComparison? {
        guard let baseline = yearEarlierBaseline(for: campaign) else { return nil }
        return WindowComparison(
            series: series, campaign: campaign, baseline: baseline, method: .yearOverYear, noise: noise,
            confidenceLevel: confidenceLevel)
    }

    /// Compares the daily counts of `series` over `campaign` with those over `baseline`.
    ///
    /// - Parameters:
    ///   - series: daily counts by local day; absent days are missing, not zero.
    ///   - campaign: the campaign window (inclusive).
    ///   - baseline: the baseline window (inclusive); see `precedingBaseline(for:days:)`.
    ///   - method: recorded in the result; `.window` unless this is a year-over-year comparison.
    ///   - noise: the series' variance function and day-to-day correlation, or nil to use φ alone.
    ///   - confidenceLevel: 1 − α, in (0, 1), default 0.95.
    public init(
        series: [CivilDate: Double], campaign: DayRange, baseline: DayRange, method: Method = .window,
        noise: NoiseStructure? = nil, confidenceLevel: Double = 0.95
    ) {
        self.method = method
        self.campaignWindow = campaign
        self.baselineWindow = baseline
        self.confidenceLevel = confidenceLevel
        let campaignDays = campaign.days.filter { series[$0] != nil }
        let baselineDays = baseline.days.filter { series[$0] != nil }
        missingDays = Set(campaign.days + baseline.days).filter { series[$0] == nil }.sorted()
        campaignTotal = campaignDays.reduce(0) { $0 + (series[$1] ?? 0) }
        baselineTotal = baselineDays.reduce(0) { $0 + (series[$1] ?? 0) }
        campaignDaysWithData = campaignDays.count
        baselineDaysWithData = baselineDays.count
        guard !campaignDays.isEmpty else {
            status = .noCampaignData
            estimate = nil
            shortfall = .noCampaignData(campaign)
            return
        }
        guard !baselineDays.isEmpty, baselineTotal > 0 else {
            status = .noBaseline
            estimate = nil
            shortfall =
                baselineDays.isEmpty ? .noBaselineData(baseline) : .zeroBaselineTotal(days: baselineDays.count)
            return
        }
        guard campaignTotal + baselineTotal < Self.totalLimit else {
            status = .totalTooLarge
            estimate = nil
            shortfall = .totalTooLarge(window: campaignTotal >= baselineTotal ? campaign : baseline)
            return
        }
        guard
            let exact = RateRatio(
                events: Int(campaignTotal.rounded()), exposure: Double(campaignDays.count),
                referenceEvents: Int(baselineTotal.rounded()), referenceExposure: Double(baselineDays.count),
                confidenceLevel: confidenceLevel)
        else {
            status = .noBaseline
            estimate = nil
            shortfall = .invalidRateRatio
            return
        }
        let (dispersion, degreesOfFreedom) = WindowComparison.dispersion(
            series: series, windows: [campaignDays, baselineDays])
        let rateRatio =
            (campaignTotal / Double(campaignDays.count)) / (baselineTotal / Double(baselineDays.count))
        let ratioInterval: ConfidenceInterval
        let pValue: Double
        var widening = 1.0
        if campaignTotal > 0 {
            let z = SpecialFunctions.criticalValue(confidenceLevel: confidenceLevel)
            let independent = (dispersion * (1 / campaignTotal + 1 / baselineTotal)).squareRoot()
            var se = independent
            if let noise {
                se = noise.standardErrorOfLogRatio(
                    campaignDays.map(\.daysSinceEpoch), total: campaignTotal, baselineDays.map(\.daysSinceEpoch),
                    total: baselineTotal)
                widening = se / independent
            }
            ratioInterval = ConfidenceInterval(
                lower: rateRatio * exp(-z * se), upper: rateRatio * exp(z * se), level: confidenceLevel)
            pValue = 2 * SpecialFunctions.normalCDF(-abs(log(rateRatio)) / se)
        } else {
            ratioInterval = exact.interval
            pValue = exact.pValue
        }
        let observed = campaignTotal
        status = .estimated
        shortfall = nil
        estimate = Estimate(
            rateRatio: rateRatio, uplift: rateRatio - 1, extra: observed - observed / rateRatio, exact: exact,
            dispersion: dispersion, dispersionDegreesOfFreedom: degreesOfFreedom, rateRatioInterval: ratioInterval,
            upliftInterval: ratioInterval.mapped { $0 - 1 },
            extraInterval: ratioInterval.mapped { $0 > 0 ? observed - observed / $0 : observed },
            pValue: pValue, exactIntervalIsMisleadinglyNarrow: dispersion > WindowComparison.misleadingDispersion,
            noise: noise, intervalWidening: widening)
    }

    /// φ = max(1, X²/df): Pearson's statistic around each window's day-of-week means, over the days minus the
    /// number of (window, weekday) groups, at least 1.
    static func dispersion(series: [CivilDate: Double], windows: [[CivilDate]]) -> (Double, Int) {
        var chiSquare = 0.0
        var groups = 0
        var days = 0
        for window in windows {
            let byWeekday = Dictionary(grouping: window, by: \.isoWeekday)
            for (_, weekdayDays) in byWeekday {
                let values = weekdayDays.map { series[$0] ?? 0 }
                let mean = values.reduce(0, +) / Double(values.count)
                groups += 1
                days += values.count
                guard mean > 0 else { continue }
                chiSquare += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / mean
            }
        }
        let degreesOfFreedom = max(1, days - groups)
        return (max(1, chiSquare / Double(degreesOfFreedom)), degreesOfFreedom)
    }
}
