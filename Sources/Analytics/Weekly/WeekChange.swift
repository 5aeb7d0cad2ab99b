import Foundation
import Ingest

/// The change of a series from a reference period to a period, with its interval (DESIGN §4.4, §4.1 and §4.3).
/// The periods are ISO weeks (`weekly`, `compare 2020-W45`) or any ranges of days (`compare 2020-05-04..2020-05-17`).
///
/// - Count series, periods of equal length: only the days at the same position in both periods that both have
///   data are compared (for weeks, the same weekdays), so that a partial week (a nightly export cut after a
///   Tuesday) is set against the same weekdays of the reference week, never a partial mean against a full
///   week's; `comparedWeekdays` says which weekdays for weeks, `comparedDays` how many days in all.
/// - Count series, periods of unequal length: every day with data of each period, compared per day (`basis`
///   `.dailyMean`).
/// - Either way the change is the ratio of daily rates over the compared days, RR = (O/n)/(O_ref/n_ref), reported
///   as the fraction RR − 1 with the interval exp(log RR ± z·se) − 1. With a `NoiseStructure` of the series (its
///   variance function and day-to-day correlation), se² = var(O)/O² + var(O_ref)/O_ref² − 2·cov(O, O_ref)/(O·O_ref),
///   each day at its period's mean level (`NoiseStructure.standardErrorOfLogRatio`). Without one,
///   se² = φ(1/O + 1/O_ref), with φ from the days ending on each period's last day (28, or the period's length
///   when longer; one merged block when they overlap), Pearson's X² around each block's weekday means over the
///   days minus the groups, floored at 1 (two weeks alone cannot estimate φ). When O = 0 the log scale breaks
///   down and the exact conditional interval of `RateRatio` is used (change −1).
/// - `ctr` series: the difference CTR − CTR_ref of the periods' CTRs (sum of clicks over sum of impressions), in
///   proportion units (0.004 is +0.4 percentage points), with Newcombe's hybrid score interval.
public struct WeekChange: Hashable, Sendable {
    /// How the change is expressed.
    public enum Kind: String, Hashable, Sendable {
        /// RR − 1, a fraction of the reference rate (0.2 is +20 %).
        case relative
        /// p − p_ref, a difference of proportions.
        case difference
    }

    /// Which days of the two periods a relative change compares.
    public enum Basis: String, Hashable, Sendable {
        /// The days at the same position of both periods (for weeks, the same weekdays) that both have data.
        case sameDays = "same_days"
        /// Every day with data of each period, as daily means: the periods have different lengths.
        case dailyMean = "daily_mean"
    }

    /// How `estimate` is expressed.
    public let kind: Kind
    /// The change: RR − 1 for counts, the CTR difference for `ctr`.
    public let estimate: Double
    /// Its interval at the requested level.
    public let interval: ConfidenceInterval
    /// φ ≥ 1 used to widen a relative change; nil for a difference.
    public let dispersion: Double?
    /// The ISO weekdays (1 = Monday) compared, when fewer than the seven: the weekdays both weeks have data for.
    /// Empty when whole weeks were compared (and for CTR differences, which use every day).
    public let comparedWeekdays: [Int]
    /// Which days a relative change compares; nil for a CTR difference, which pools every day of each period.
    public let basis: Basis?
    /// The days of the period of interest that entered a relative change (those of the reference period number
    /// the same for `.sameDays`); 0 for a CTR difference.
    public let comparedDays: Int

    /// A change from its parts.
    public init(
        kind: Kind, estimate: Double, interval: ConfidenceInterval, dispersion: Double?, comparedWeekdays: [Int] = [],
        basis: Basis? = nil, comparedDays: Int = 0
    ) {
        self.kind = kind
        self.estimate = estimate
        self.interval = interval
        self.dispersion = dispersion
        self.comparedWeekdays = comparedWeekdays
        self.basis = basis
        self.comparedDays = comparedDays
    }

    /// The change of `series` from `reference` to `week`, or nil when either week has no data, the reference
    /// total is 0 (no baseline), or a CTR week has more clicks than impressions.
    ///
    public static func between(
        _ week: ISOWeek, and reference: ISOWeek, in series: DailySeries, noise: NoiseStructure? = nil,
        confidenceLevel: Double = 0.95
    ) -> WeekChange? {
        between(
            week, and: reference, metric: series.name.metric, values: series.values, points: series.pointsByDay,
            noise: noise, confidenceLevel: confidenceLevel)
    }

    /// The change of `series` from the days of `reference` to those of `period`, any inclusive ranges of days; nil
    /// as for weeks.
    public static func between(
        _ period: DayRange, and reference: DayRange, in series: DailySeries, noise: NoiseStructure? = nil,
        confidenceLevel: Double = 0.95
    ) -> WeekChange? {
        between(
            period, and: reference, metric: series.name.metric, values: series.values, points: series.pointsByDay,
            noise: noise, confidenceLevel: confidenceLevel)
    }

    /// `between(_:and:in:confidenceLevel:)` on a series already indexed by day.
    static func between(
        _ week: ISOWeek, and reference: ISOWeek, metric: SeriesName.Metric, values byDay: [CivilDate: Double],
        points: [CivilDate: SeriesPoint], noise: NoiseStructure? = nil, confidenceLevel: Double
    ) -> WeekChange? {
        between(
            week.days, and: reference.days, metric: metric, values: byDay, points: points, noise: noise,
            confidenceLevel: confidenceLevel)
    }

    /// The change between two ranges of days of a series already indexed by day.
    static func between(
        _ period: DayRange, and reference: DayRange, metric: SeriesName.Metric, values byDay: [CivilDate: Double],
        points: [CivilDate: SeriesPoint], noise: NoiseStructure? = nil, confidenceLevel: Double
    ) -> WeekChange? {
        if metric == .ctr {
            return ctrDifference(period, reference, points, confidenceLevel)
        }
        let basis: Basis
        let currentDays: [CivilDate]
        let previousDays: [CivilDate]
        var compared: [Int] = []
        if period.dayCount == reference.dayCount {
            basis = .sameDays
            let offsets = (0..<period.dayCount).filter { offset in
                byDay[period.start.adding(days: offset)] != nil && byDay[reference.start.adding(days: offset)] != nil
            }
            currentDays = offsets.map { period.start.adding(days: $0) }
            previousDays = offsets.map { reference.start.adding(days: $0) }
            if period.dayCount == 7, offsets.count < 7 {
                compared = currentDays.map(\.isoWeekday).sorted()
            }
        } else {
            basis = .dailyMean
            currentDays = period.days.filter { byDay[$0] != nil }
            previousDays = reference.days.filter { byDay[$0] != nil }
        }
        let current = currentDays.compactMap { byDay[$0] }
        let previous = previousDays.compactMap { byDay[$0] }
        guard !current.isEmpty, !previous.isEmpty else { return nil }
        let total = current.reduce(0, +)
        let referenceTotal = previous.reduce(0, +)
        // Past 2⁶³ − 1 in all the exact interval's integer counts would trap; such a change is not given.
        guard referenceTotal > 0, total + referenceTotal < WindowComparison.totalLimit, confidenceLevel > 0,
            confidenceLevel < 1
        else { return nil }
        let ratio = (total / Double(current.count)) / (referenceTotal / Double(previous.count))
        let phi = dispersion(byDay, period, reference)
        if total == 0 {
            guard
                let exact = RateRatio(
                    events: 0, exposure: Double(current.count), referenceEvents: Int(referenceTotal.rounded()),
                    referenceExposure: Double(previous.count), confidenceLevel: confidenceLevel)
            else { return nil }
            return WeekChange(
                kind: .relative, estimate: -1, interval: exact.interval.mapped { $0 - 1 }, dispersion: phi,
                comparedWeekdays: compared, basis: basis, comparedDays: current.count)
        }
        let z = SpecialFunctions.criticalValue(confidenceLevel: confidenceLevel)
        let se: Double
        if let noise {
            se = noise.standardErrorOfLogRatio(
                currentDays.map(\.daysSinceEpoch), total: total, previousDays.map(\.daysSinceEpoch),
                total: referenceTotal)
        } else {
            se = (phi * (1 / total + 1 / referenceTotal)).squareRoot()
        }
        let interval = ConfidenceInterval(
            lower: ratio * exp(-z * se) - 1, upper: ratio * exp(z * se) - 1, level: confidenceLevel)
        return WeekChange(
            kind: .relative, estimate: ratio - 1, interval: interval, dispersion: phi, comparedWeekdays: compared,
            basis: basis, comparedDays: current.count)
    }

    /// Sums of clicks and impressions of a `ctr` series over `week`: nil when the week has no data.
    static func ctrTotals(_ week: ISOWeek, _ points: [CivilDate: SeriesPoint]) -> (clicks: Int64, impressions: Int64)? {
        ctrTotals(week.days, points)
    }

    /// Sums of clicks and impressions of a `ctr` series over `days`: nil when none of them has data, or when a sum
    /// goes past the largest count (2⁶³ − 1), since a CTR of totals that do not fit would be wrong.
    static func ctrTotals(_ days: DayRange, _ points: [CivilDate: SeriesPoint]) -> (clicks: Int64, impressions: Int64)?
    {
        var clicks: Int64 = 0
        var impressions: Int64 = 0
        var any = false
        for day in days.days {
            guard let point = points[day], let successes = point.successes, let trials = point.trials else {
                continue
            }
            any = true
            let (clickSum, clicksOverflow) = clicks.addingReportingOverflow(successes)
            let (impressionSum, impressionsOverflow) = impressions.addingReportingOverflow(trials)
            if clicksOverflow || impressionsOverflow { return nil }
            clicks = clickSum
            impressions = impressionSum
        }
        return any ? (clicks, impressions) : nil
    }

    private static func ctrDifference(
        _ week: DayRange, _ reference: DayRange, _ points: [CivilDate: SeriesPoint], _ level: Double
    ) -> WeekChange? {
        guard let current = ctrTotals(week, points), let previous = ctrTotals(reference, points),
            let newcombe = NewcombeInterval(
                successes1: Int(current.clicks), trials1: Int(current.impressions),
                successes2: Int(previous.clicks), trials2: Int(previous.impressions), confidenceLevel: level)
        else { return nil }
        return WeekChange(
            kind: .difference, estimate: newcombe.difference, interval: newcombe.interval, dispersion: nil)
    }

    /// φ from the blocks of days ending on each period's last day (28 days, or the period's length when longer),
    /// merged when they overlap, at least 1.
    private static func dispersion(_ values: [CivilDate: Double], _ period: DayRange, _ reference: DayRange) -> Double {
        func block(_ range: DayRange) -> DayRange {
            let length = max(28, range.dayCount)
            return DayRange(ending: range.end, dayCount: length)
        }
        let blocks = [block(period), block(reference)].sorted { $0.start < $1.start }
        let ranges: [DayRange]
        if blocks[1].start <= blocks[0].end {
            ranges = [blocks[0].joined(with: blocks[1])]
        } else {
            ranges = blocks
        }
        let windows = ranges.map { range in range.days.filter { values[$0] != nil } }
        return WindowComparison.dispersion(series: values, windows: windows).0
    }
}
