import Ingest

/// `summary.md`'s last section: the last ISO week in which any series has data against the week before, for
/// every series that is not a single placement.
public struct LatestWeekComparison: Sendable {
    /// The last week with data.
    public let week: ISOWeek
    /// One row per series, in series-name order.
    public let rows: [WeekComparisonRow]

    /// The comparison of the last week of `series` with data against the week before, its intervals from
    /// `noise`; nil when no series has data.
    public init?(series: [DailySeries], noise: BackgroundNoise, confidenceLevel: Double) {
        guard let week = Self.latestWeek(of: series) else { return nil }
        self.week = week
        rows = WeekComparison.rows(
            week: week, against: week.previous, series: series, noise: noise, confidenceLevel: confidenceLevel
        ).filter { $0.series.placement == nil }
    }

    /// The last ISO week in which any of `series` has data.
    public static func latestWeek(of series: [DailySeries]) -> ISOWeek? {
        series.compactMap { $0.points.last?.date }.max().map { ISOWeek(containing: $0) }
    }
}
