import Foundation
import Ingest

/// The anomaly rule of the weekly summary (DESIGN §4.4): which days of a week lie outside what the same weekdays of
/// the previous weeks predict, with the week's false alarms held at `weekFalseAlarmRate` on a series with no change.
///
/// Each day with data is set against the same weekday 7, 14, 21 and 28 days earlier (at least 3 of the 4 with
/// data, else the day is not assessed). The spread is pooled over the week's assessed days — the reference values'
/// squared deviations from their own weekday's mean, over their degrees of freedom (up to 7 × 3 = 21) — because four
/// values alone give a standard deviation too noisy to test against (with the former rule, 3 standard deviations of
/// the day's own four references, about a third of the weeks of a flat series were flagged). A busy Monday strays
/// more than a quiet Sunday, so the deviations are pooled on two scales, divided by the weekday's mean (counting
/// noise, variance φ·mean) and by its square (a shared multiplicative factor, variance ∝ mean²), and the day's
/// spread is the larger of the two rescaled to its own mean: each is right under its own kind of noise and errs
/// wide under the other. The spread is floored
/// at the value's sampling noise (√mean for counts; √(p̄(1 − p̄)/impressions) for `ctr`), so identical reference
/// weeks do not make a small change look extreme. A day is anomalous when its prediction error, scaled by
/// spread · √(1 + 1/references), has a Student-t p-value (with the pooled degrees of freedom) below
/// `weekFalseAlarmRate` divided by the days assessed that week (Bonferroni), so a week with no change is flagged at
/// most about 5% of the time.
public enum WeekdayAnomaly {
    /// The share of weeks with no change that may be flagged: the family-wise error of the week's day tests.
    public static let weekFalseAlarmRate = 0.05
    /// Weeks looked back.
    public static let weeksBack = 4
    /// Reference values required out of `weeksBack`.
    public static let minimumReferences = 3

    /// One assessed day: its value, the mean of its references and what the pooled spread needs.
    private struct Assessed {
        let day: CivilDate
        let value: Double
        let mean: Double
        let references: Int
        /// Σ ((reference − mean) / mean)², 0 when the mean is 0 (then every reference is 0 for counts).
        let relativeSquaredDeviations: Double
        /// Σ (reference − mean)² / mean, 0 when the mean is 0.
        let dispersionDeviations: Double
        let noiseFloor: Double
    }

    /// The anomalous days among `days` (one week's days with data), in the order given.
    public static func anomalousDays(
        _ days: [CivilDate], points: [CivilDate: SeriesPoint], metric: SeriesName.Metric
    ) -> [CivilDate] {
        let assessed = days.compactMap { assess($0, points: points, metric: metric) }
        guard !assessed.isEmpty else { return [] }
        let degreesOfFreedom = assessed.reduce(0) { $0 + $1.references - 1 }
        let pooledRelativeVariance =
            assessed.reduce(0) { $0 + $1.relativeSquaredDeviations } / Double(degreesOfFreedom)
        let pooledDispersion = assessed.reduce(0) { $0 + $1.dispersionDeviations } / Double(degreesOfFreedom)
        let dayLevel = weekFalseAlarmRate / Double(assessed.count)
        return assessed.filter { one in
            let multiplicative = pooledRelativeVariance.squareRoot() * abs(one.mean)
            let counting = (pooledDispersion * abs(one.mean)).squareRoot()
            let spread = max(multiplicative, counting, one.noiseFloor)
            guard spread > 0 else { return one.value != one.mean }
            let scale = spread * (1 + 1 / Double(one.references)).squareRoot()
            let t = abs(one.value - one.mean) / scale
            let pValue = SpecialFunctions.studentTwoSidedPValue(t, degreesOfFreedom: Double(degreesOfFreedom))
            return pValue < dayLevel
        }.map(\.day)
    }

    /// The day's value against its references, or nil when it has no data or too few references.
    private static func assess(
        _ day: CivilDate, points: [CivilDate: SeriesPoint], metric: SeriesName.Metric
    ) -> Assessed? {
        guard let point = points[day] else { return nil }
        let references = (1...weeksBack).compactMap { points[day.adding(days: -7 * $0)]?.value }
        guard references.count >= minimumReferences else { return nil }
        let count = Double(references.count)
        let mean = references.reduce(0, +) / count
        let relativeSquaredDeviations =
            mean == 0 ? 0 : references.reduce(0) { $0 + (($1 - mean) / mean) * (($1 - mean) / mean) }
        let dispersionDeviations =
            mean == 0 ? 0 : references.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / abs(mean)
        let noiseFloor: Double
        if metric == .ctr {
            let trials = Double(point.trials ?? 0)
            noiseFloor = trials > 0 ? (max(0, mean * (1 - mean)) / trials).squareRoot() : 0
        } else {
            noiseFloor = max(0, mean).squareRoot()
        }
        return Assessed(
            day: day, value: point.value, mean: mean, references: references.count,
            relativeSquaredDeviations: relativeSquaredDeviations, dispersionDeviations: dispersionDeviations,
            noiseFloor: noiseFloor)
    }
}
