import Ingest

/// Every series compared between two periods (DESIGN §2 `compare`): two ISO weeks or any two ranges of days, with
/// the change and interval of `WeekChange`.
public enum WeekComparison {
    /// One row per series that has data in at least one of the two weeks, in series-name order.
    ///
    /// - Parameters:
    ///   - week: the week of interest.
    ///   - against: the reference week; pass `week.previous` for the default of the command.
    ///   - series: the daily series (such as `SeriesCatalog.series`).
    ///   - noise: each count series' background noise (empty: φ-scaled intervals).
    ///   - confidenceLevel: 1 − α of the intervals.
    public static func rows(
        week: ISOWeek, against: ISOWeek, series: [DailySeries], noise: BackgroundNoise = BackgroundNoise(),
        confidenceLevel: Double = 0.95
    ) -> [WeekComparisonRow] {
        rows(
            period: ComparisonPeriod(week: week), against: ComparisonPeriod(week: against), series: series,
            noise: noise, confidenceLevel: confidenceLevel)
    }

    /// One row per series that has data in at least one of the two periods, in series-name order; the periods
    /// may differ in length (the change is then per day, `WeekChange.Basis.dailyMean`).
    public static func rows(
        period: ComparisonPeriod, against: ComparisonPeriod, series: [DailySeries],
        noise background: BackgroundNoise = BackgroundNoise(), confidenceLevel: Double = 0.95
    ) -> [WeekComparisonRow] {
        var rows: [WeekComparisonRow] = []
        for one in series.sorted(by: { $0.name < $1.name }) {
            let values = one.values
            let points = one.pointsByDay
            func summary(_ target: ComparisonPeriod) -> (Double?, Int) {
                let days = target.days.days.filter { points[$0] != nil }
                guard !days.isEmpty else { return (nil, 0) }
                if one.name.metric == .ctr {
                    let totals = WeekChange.ctrTotals(target.days, points)
                    let ratio = totals.flatMap { $0.impressions > 0 ? Double($0.clicks) / Double($0.impressions) : nil }
                    return (ratio, days.count)
                }
                return (days.reduce(0) { $0 + (values[$1] ?? 0) }, days.count)
            }
            let (value, days) = summary(period)
            let (againstValue, againstDays) = summary(against)
            guard days > 0 || againstDays > 0 else { continue }
            let noise = background.noise(of: one.name)
            let change = WeekChange.between(
                period.days, and: against.days, metric: one.name.metric, values: values, points: points, noise: noise,
                confidenceLevel: confidenceLevel)
            rows.append(
                WeekComparisonRow(
                    series: one.name, period: period, against: against, value: value, daysWithData: days,
                    againstValue: againstValue, againstDaysWithData: againstDays,
                    changeKind: one.name.metric == .ctr ? .difference : .relative, change: change?.estimate,
                    changeLow: change?.interval.lower, changeHigh: change?.interval.upper,
                    dispersion: change?.dispersion, comparedWeekdays: change?.comparedWeekdays ?? [],
                    basis: change?.basis))
        }
        return rows
    }
}
