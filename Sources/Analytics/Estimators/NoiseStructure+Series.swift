import Ingest

extension NoiseStructure {
    /// The noise of a daily series around its own background: the counterfactual model's design (trend, day of
    /// week, holidays, context steps, yearly terms when a year is covered) fitted on up to the last
    /// `CounterfactualModel.defaultFitDays` days with data, leaving out `excludedDays` (campaign windows), and
    /// `NoiseStructure.estimate` on its residuals. Nil when the series is too short to fit (fewer than 29 days).
    ///
    /// Weekly changes and window comparisons that have no model of their own use it, so that their intervals
    /// account for the same day-to-day correlation and level-dependent variance as the model's.
    public static func background(
        of series: [CivilDate: Double], holidays: Set<CivilDate> = [], contextEvents: [ContextStep] = [],
        excludedDays: [DayRange] = []
    ) -> NoiseStructure? {
        guard let last = series.keys.max(), let first = series.keys.min(), first < last else { return nil }
        let start = max(first, last.adding(days: -CounterfactualModel.defaultFitDays))
        guard let fitWindow = DayRange(start: start, end: last.adding(days: -1)),
            let lastDay = DayRange(start: last, end: last)
        else { return nil }
        let model = CounterfactualModel(
            series: series, campaign: lastDay, fitWindow: fitWindow, excludedDays: excludedDays,
            holidays: holidays, contextEvents: contextEvents)
        return model.estimate().figures?.noise
    }
}
