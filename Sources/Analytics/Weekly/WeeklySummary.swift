import Ingest

/// The weekly summary of DESIGN §4.4: one row per ISO week and series, ordered by week, then series name.
public enum WeeklySummary {
    /// The rows of every series for the weeks in which it has data, optionally limited to `from`…`to`
    /// (inclusive ISO weeks).
    ///
    /// Changes use the series' data outside the range too (the week before `from`, a year before).
    ///
    /// - Parameters:
    ///   - series: the daily series (such as `SeriesCatalog.series`).
    ///   - campaigns: the calendar's campaigns, for the `campaigns` column.
    ///   - from: the first week reported, or nil for the first week with data.
    ///   - to: the last week reported, or nil for the last week with data.
    ///   - noise: each count series' background noise (empty: φ-scaled intervals).
    ///   - confidenceLevel: 1 − α of the change intervals.
    public static func rows(
        series: [DailySeries], campaigns: [Campaign] = [], from: ISOWeek? = nil, to: ISOWeek? = nil,
        noise background: BackgroundNoise = BackgroundNoise(), confidenceLevel: Double = 0.95
    ) -> [WeeklySummaryRow] {
        var rows: [WeeklySummaryRow] = []
        for one in series {
            let values = one.values
            let points = one.pointsByDay
            let noise = background.noise(of: one.name)
            let weeks = Set(one.points.map { ISOWeek(containing: $0.date) })
            for week in weeks.sorted() {
                if let from, week < from { continue }
                if let to, to < week { continue }
                let days = week.days.days.filter { points[$0] != nil }
                let value: Double?
                if one.name.metric == .ctr {
                    value = WeekChange.ctrTotals(week, points).flatMap { totals in
                        totals.impressions > 0 ? Double(totals.clicks) / Double(totals.impressions) : nil
                    }
                } else {
                    value = days.reduce(0) { $0 + (values[$1] ?? 0) }
                }
                let previous = WeekChange.between(
                    week, and: week.previous, metric: one.name.metric, values: values, points: points,
                    noise: noise, confidenceLevel: confidenceLevel)
                let lastYear = week.sameWeekLastYear.flatMap {
                    WeekChange.between(
                        week, and: $0, metric: one.name.metric, values: values, points: points,
                        noise: noise, confidenceLevel: confidenceLevel)
                }
                let active = campaigns.filter { $0.window.start <= week.sunday && week.monday <= $0.window.end }
                let anomalous = WeekdayAnomaly.anomalousDays(days, points: points, metric: one.name.metric)
                rows.append(
                    WeeklySummaryRow(
                        week: week, series: one.name, value: value, daysWithData: days.count,
                        changeVsPrevious: previous, changeVsLastYear: lastYear, campaigns: active.map(\.id),
                        anomalousDays: anomalous))
            }
        }
        return rows.sorted { ($0.week, $0.series.description) < ($1.week, $1.series.description) }
    }
}
