import Ingest

extension CampaignCalendar {
    /// What a series' background model adjusts for when it is fitted outside a campaign (weekly changes, week
    /// comparisons, `plan`): the calendar's public holidays over `years`, one column per context event (with its
    /// gradual return, if declared), and the campaigns indexed by what they touch, so that each series leaves out
    /// the windows and carry-over of the campaigns on it (`CampaignExclusions`).
    public func backgroundAdjustments(
        years: ClosedRange<Int>
    ) -> (holidays: Set<CivilDate>, contextEvents: [ContextStep], exclusions: CampaignExclusions) {
        (holidays.holidays(years: years).dates, context.map(ContextStep.init), CampaignExclusions(campaigns: campaigns))
    }

    /// `backgroundAdjustments(years:)` over the years of the series' days.
    public func backgroundAdjustments(
        for series: [DailySeries]
    ) -> (holidays: Set<CivilDate>, contextEvents: [ContextStep], exclusions: CampaignExclusions) {
        let days = series.flatMap { [$0.points.first?.date, $0.points.last?.date].compactMap { $0 } }
        guard let first = days.min(), let last = days.max() else {
            return ([], [], CampaignExclusions(campaigns: campaigns))
        }
        return backgroundAdjustments(years: first.year...last.year)
    }
}
