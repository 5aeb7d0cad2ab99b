import Foundation
import Ingest

/// The change of a series from a reference week to a week, with its interval (DESIGN §4.4, §4.1 and §4.3).
///
/// - Count series: the ratio of daily rates over the days with data, RR = (O/n)/(O_ref/n_ref), reported as the
///   fraction RR − 1, with the φ-scaled interval of §4.1, exp(log RR ± z·√(φ(1/O + 1/O_ref))) − 1, computed
///   directly (not through `WindowComparison`). Two weeks alone cannot estimate φ — with one day per
///   (week, weekday) group the Pearson statistic around weekday means has no degrees of freedom — so φ comes
///   from longer blocks: the 28 days ending on each compared week's Sunday (one merged block when they overlap),
///   Pearson's X² around each block's weekday means over the days minus the groups, floored at 1. When O = 0 the
///   log scale breaks down and the exact conditional interval of `RateRatio` is used (change −1).
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

    /// The change of `series` from `reference` to `week`, or nil when either week has no data, the reference
    /// total is 0 (no baseline), or a CTR week has more clicks than impressions.
    ///
    public static func between(
        _ week: ISOWeek, and reference: ISOWeek, in series: DailySeries, confidenceLevel: Double = 0.95
    ) -> WeekChange? {
        between(
            week, and: reference, metric: series.name.metric, values: series.values, points: series.pointsByDay,
            confidenceLevel: confidenceLevel)
    }

    /// `between(_:and:in:confidenceLevel:)` on a series already indexed by day.
    static func between(
        _ week: ISOWeek, and reference: ISOWeek, metric: SeriesName.Metric, values byDay: [CivilDate: Double],
        points: [CivilDate: SeriesPoint], confidenceLevel: Double
    ) -> WeekChange? {
        if metric == .ctr {
            return ctrDifference(week, reference, points, confidenceLevel)
        }
        let current = week.days.days.compactMap { byDay[$0] }
        let previous = reference.days.days.compactMap { byDay[$0] }
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
                kind: .relative, estimate: -1, interval: exact.interval.mapped { $0 - 1 }, dispersion: phi)
        }
        let z = SpecialFunctions.criticalValue(confidenceLevel: confidenceLevel)
        let se = (phi * (1 / total + 1 / referenceTotal)).squareRoot()
        let interval = ConfidenceInterval(
            lower: ratio * exp(-z * se) - 1, upper: ratio * exp(z * se) - 1, level: confidenceLevel)
        return WeekChange(kind: .relative, estimate: ratio - 1, interval: interval, dispersion: phi)
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
