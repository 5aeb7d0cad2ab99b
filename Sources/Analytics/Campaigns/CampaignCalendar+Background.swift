import Ingest

extension CampaignCalendar {
    /// What a series' background model adjusts for when it is fitted outside a campaign (weekly changes, week
    /// comparisons): the calendar's public holidays over `years`, one step per context event, and every
    /// campaign's window left out of the fit.
    public func backgroundAdjustments(
        years: ClosedRange<Int>
    ) -> (holidays: Set<CivilDate>, contextEvents: [ContextStep], excludedDays: [DayRange]) {
        (
            holidays.holidays(years: years).dates, context.map { ContextStep(id: $0.id, days: $0.window) },
            campaigns.map(\.window)
        )
    }

    /// `backgroundAdjustments(years:)` over the years of the series' days.
    public func backgroundAdjustments(
        for series: [DailySeries]
    ) -> (holidays: Set<CivilDate>, contextEvents: [ContextStep], excludedDays: [DayRange]) {
        let days = series.flatMap { [$0.points.first?.date, $0.points.last?.date].compactMap { $0 } }
        guard let first = days.min(), let last = days.max() else { return ([], [], []) }
        return backgroundAdjustments(years: first.year...last.year)
    }
}
