import Foundation
import Ingest

/// The anomaly rule of the weekly summary (DESIGN §4.4): a day is anomalous when its value lies more than
/// 3 standard deviations from the mean of the same weekday over the previous 4 weeks.
///
/// The reference values are those on the days 7, 14, 21 and 28 days earlier that have data; at least 3 of the 4
/// are required, else the day is not assessed (not anomalous). The standard deviation is the sample one (n − 1),
/// floored at the sampling noise of the value so that a run of identical reference values cannot make a tiny
/// change look extreme: √mean for counts (Poisson), √(p̄(1 − p̄)/impressions of the day) for `ctr`.
public enum WeekdayAnomaly {
    /// The number of standard deviations beyond which a day is anomalous.
    public static let threshold = 3.0
    /// Weeks looked back.
    public static let weeksBack = 4
    /// Reference values required out of `weeksBack`.
    public static let minimumReferences = 3

    /// Whether `day` is anomalous in `series`; false when the day has no data or too few references.
    public static func isAnomalous(
        _ day: CivilDate, points: [CivilDate: SeriesPoint], metric: SeriesName.Metric
    )
        -> Bool
    {
        guard let point = points[day] else { return false }
        let references = (1...weeksBack).compactMap { points[day.adding(days: -7 * $0)]?.value }
        guard references.count >= minimumReferences else { return false }
        let count = Double(references.count)
        let mean = references.reduce(0, +) / count
        let variance = references.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        let noiseFloor: Double
        if metric == .ctr {
            let trials = Double(point.trials ?? 0)
            noiseFloor = trials > 0 ? (max(0, mean * (1 - mean)) / trials).squareRoot() : 0
        } else {
            noiseFloor = max(0, mean).squareRoot()
        }
        let deviation = max(variance.squareRoot(), noiseFloor)
        guard deviation > 0 else { return point.value != mean }
        return abs(point.value - mean) > threshold * deviation
    }
}
