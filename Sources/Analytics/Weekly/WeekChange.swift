import Foundation
import Ingest

/// The change of a series from a reference week to a week, with its interval (DESIGN §4.4, §4.1 and §4.3).
///
/// - Count series: only the weekdays that have data in both weeks are compared, so that a partial week (a
///   nightly export cut after a Tuesday) is set against the same weekdays of the reference week, never a partial
///   mean against a full week's; `comparedWeekdays` says which. The ratio of daily rates over those days,
///   RR = (O/n)/(O_ref/n_ref), is reported as the fraction RR − 1 with the interval exp(log RR ± z·se) − 1.
///   With a `NoiseStructure` of the series (its variance function and day-to-day correlation),
///   se² = var(O)/O² + var(O_ref)/O_ref² − 2·cov(O, O_ref)/(O·O_ref), each day at its week's mean level.
///   Without one, se² = φ(1/O + 1/O_ref), with φ from the 28 days ending on each compared week's Sunday (one
///   merged block when they overlap), Pearson's X² around each block's weekday means over the days minus the
///   groups, floored at 1 (two weeks alone cannot estimate φ). When O = 0 the log scale breaks down and the
///   exact conditional interval of `RateRatio` is used (change −1).
/// - `ctr` series: the difference CTR − CTR_ref of the weekly CTRs (sum of clicks over sum of impressions), in
///   proportion units (0.004 is +0.4 percentage points), with Newcombe's hybrid score interval.
public struct WeekChange: Hashable, Sendable {
    /// How the change is expressed.
    public enum Kind: String, Hashable, Sendable {
        /// RR − 1, a fraction of the reference rate (0.2 is +20 %).
        case relative
        /// p − p_ref, a difference of proportions.
        case difference
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

    /// A change from its parts.
    public init(
        kind: Kind, estimate: Double, interval: ConfidenceInterval, dispersion: Double?, comparedWeekdays: [Int] = []
    ) {
        self.kind = kind
        self.estimate = estimate
        self.interval = interval
        self.dispersion = dispersion
        self.comparedWeekdays = comparedWeekdays
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

    /// `between(_:and:in:confidenceLevel:)` on a series already indexed by day.
    static func between(
        _ week: ISOWeek, and reference: ISOWeek, metric: SeriesName.Metric, values byDay: [CivilDate: Double],
        points: [CivilDate: SeriesPoint], noise: NoiseStructure? = nil, confidenceLevel: Double
    ) -> WeekChange? {
        if metric == .ctr {
            return ctrDifference(week, reference, points, confidenceLevel)
        }
        let weekdays = (1...7).filter { weekday in
            byDay[week.monday.adding(days: weekday - 1)] != nil
                && byDay[reference.monday.adding(days: weekday - 1)] != nil
        }
        let currentDays = weekdays.map { week.monday.adding(days: $0 - 1) }
        let previousDays = weekdays.map { reference.monday.adding(days: $0 - 1) }
        let current = currentDays.compactMap { byDay[$0] }
        let previous = previousDays.compactMap { byDay[$0] }
        let compared = weekdays.count == 7 ? [] : weekdays
        guard !current.isEmpty, !previous.isEmpty else { return nil }
        let total = current.reduce(0, +)
        let referenceTotal = previous.reduce(0, +)
        guard referenceTotal > 0, confidenceLevel > 0, confidenceLevel < 1 else { return nil }
        let ratio = (total / Double(current.count)) / (referenceTotal / Double(previous.count))
        let phi = dispersion(byDay, week, reference)
        if total == 0 {
            guard
                let exact = RateRatio(
                    events: 0, exposure: Double(current.count), referenceEvents: Int(referenceTotal.rounded()),
                    referenceExposure: Double(previous.count), confidenceLevel: confidenceLevel)
            else { return nil }
            return WeekChange(
                kind: .relative, estimate: -1, interval: exact.interval.mapped { $0 - 1 }, dispersion: phi,
                comparedWeekdays: compared)
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
            kind: .relative, estimate: ratio - 1, interval: interval, dispersion: phi, comparedWeekdays: compared)
    }

    /// Sums of clicks and impressions of a `ctr` series over `week`: nil when the week has no data.
    static func ctrTotals(_ week: ISOWeek, _ points: [CivilDate: SeriesPoint]) -> (clicks: Int64, impressions: Int64)? {
        var clicks: Int64 = 0
        var impressions: Int64 = 0
        var any = false
        for day in week.days.days {
            guard let point = points[day], let successes = point.successes, let trials = point.trials else {
                continue
            }
            any = true
            clicks.addSaturating(successes)
            impressions.addSaturating(trials)
        }
        return any ? (clicks, impressions) : nil
    }

    private static func ctrDifference(
        _ week: ISOWeek, _ reference: ISOWeek, _ points: [CivilDate: SeriesPoint], _ level: Double
    ) -> WeekChange? {
        guard let current = ctrTotals(week, points), let previous = ctrTotals(reference, points),
            let newcombe = NewcombeInterval(
                successes1: Int(current.clicks), trials1: Int(current.impressions),
                successes2: Int(previous.clicks), trials2: Int(previous.impressions), confidenceLevel: level)
        else { return nil }
        return WeekChange(
            kind: .difference, estimate: newcombe.difference, interval: newcombe.interval, dispersion: nil)
    }

    /// φ from the 28-day blocks ending on each week's Sunday (merged when they overlap), at least 1.
    private static func dispersion(_ values: [CivilDate: Double], _ week: ISOWeek, _ reference: ISOWeek) -> Double {
        let ends = [week.sunday, reference.sunday].sorted()
        let blockDays = 28
        func block(_ start: CivilDate, _ end: CivilDate) -> [CivilDate] {
            guard let range = DayRange(start: start, end: end) else { return [] }
            return range.days.filter { values[$0] != nil }
        }
        let windows: [[CivilDate]]
        if ends[0].days(to: ends[1]) < blockDays {
            windows = [block(ends[0].adding(days: 1 - blockDays), ends[1])]
        } else {
            windows = ends.map { block($0.adding(days: 1 - blockDays), $0) }
        }
        return WindowComparison.dispersion(series: values, windows: windows).0
    }
}
