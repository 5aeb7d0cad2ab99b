import Ingest

/// What the history of a series lets a planned campaign detect (`awareness plan`, DESIGN §4.2): the minimum
/// detectable uplift of a campaign of a given length, or the length needed to detect a given uplift, from the
/// counterfactual model's projection onto the planned window (`CounterfactualModel.projection(over:)`).
public enum CampaignPlan {
    /// The longest campaign the length search tries: a year.
    public static let longestSearchedDays = 365

    /// How long a campaign must run to detect an uplift.
    public enum Length: Hashable, Sendable {
        /// The shortest length whose minimum detectable uplift is at most the uplift, with its projection.
        case days(CounterfactualModel.Projection)
        /// No length up to `longestSearchedDays` detects it; the projection of the length tried whose minimum
        /// detectable uplift is the lowest (the shortest of them on a tie).
        case longerThanSearched(CounterfactualModel.Projection)
    }

    /// The model a campaign planned on the series `name` (whose daily values are `values`) from `start`, for up
    /// to `days` days, would be judged by: the calendar's public holidays over every year from the series' first
    /// day to the planned window's last, one column per context event, the window and carry-over of every
    /// campaign that touches the series left out of the fit (`CampaignExclusions`), the calendar's confidence
    /// level and calendar columns (`CampaignCalendar.calendarTerms(holidays:)`) (`exclusions`, when given, stands for the calendar's campaigns, indexed once for a whole night).
    /// `awareness plan` and each report's "before the next campaign" line both use it, so they agree.
    public static func model(
        of values: [CivilDate: Double], named name: SeriesName, calendar: CampaignCalendar, start: CivilDate,
        days: Int, exclusions: CampaignExclusions? = nil
    ) -> CounterfactualModel? {
        guard let first = values.keys.min(),
            let window = DayRange(start: start, end: start.adding(days: max(0, days - 1)))
        else { return nil }
        let background = calendar.backgroundAdjustments(years: min(first.year, start.year)...window.end.year)
        return CounterfactualModel(
            series: values, campaign: window,
            excludedDays: (exclusions ?? background.exclusions).excludedDays(touching: [name]),
            holidays: background.holidays,
            contextEvents: background.contextEvents, confidenceLevel: calendar.confidenceLevel,
            calendarTerms: calendar.calendarTerms(holidays: background.holidays))
    }

    /// The projection of a campaign of `days` days starting on `start` (`days` ≥ 1).
    public static func minimumDetectableUplift(
        of model: CounterfactualModel, start: CivilDate, days: Int
    ) -> Result<CounterfactualModel.Projection, NotFittedReason> {
        guard days >= 1, let window = DayRange(start: start, end: start.adding(days: days - 1)) else {
            return .failure(.emptyPlannedWindow)
        }
        return model.projection(over: window)
    }

    /// The shortest campaign starting on `start`, of 1 to `longestSearchedDays` days, whose minimum detectable
    /// uplift is at most `uplift` (a fraction: 0.1 is +10%). Every length is tried in turn, since the minimum
    /// detectable uplift need not fall with the length: the parameter part of the variance grows as the window
    /// reaches further from the fitted days, and the critical value grows as fewer window-length stretches fit in
    /// the history.
    public static func length(
        toDetect uplift: Double, with model: CounterfactualModel, start: CivilDate,
        longest: Int = longestSearchedDays
    ) -> Result<Length, NotFittedReason> {
        var best: CounterfactualModel.Projection
        switch minimumDetectableUplift(of: model, start: start, days: 1) {
        case .failure(let reason): return .failure(reason)
        case .success(let projection): best = projection
        }
        if best.minimumDetectableUplift <= uplift { return .success(.days(best)) }
        for days in stride(from: 2, through: longest, by: 1) {
            switch minimumDetectableUplift(of: model, start: start, days: days) {
            case .failure(let reason): return .failure(reason)
            case .success(let projection):
                if projection.minimumDetectableUplift <= uplift { return .success(.days(projection)) }
                if projection.minimumDetectableUplift < best.minimumDetectableUplift { best = projection }
            }
        }
        return .success(.longerThanSearched(best))
    }
}
