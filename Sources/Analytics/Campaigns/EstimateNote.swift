import Ingest

/// Something a reader of an estimate should know about it, as a value: Reporting words each one in English and
/// French (the tidy files in English). The notes of a row of `uplift.csv` are these, joined with "; ".
public enum EstimateNote: Sendable, Hashable {
    /// A window comparison's reference period.
    case baseline(DayRange)
    /// The exact conditional Poisson interval would be misleadingly narrow: the dispersion is above `threshold`.
    case exactIntervalTooNarrow(threshold: Double)
    /// `count` days of the window have no data, the first on `first`.
    case missingDays(count: Int, first: CivilDate)
    /// A design column with no variation over the fitted days was dropped: a context event's step, the holiday
    /// dummy or another column.
    case columnDropped(DesignColumn)
    /// Calendar columns (`CalendarTerms`: school holidays, rentrée, days around public holidays, recurring periods)
    /// with no variation over the fitted days, or equal over them to an earlier column (a context event), were
    /// dropped, in design order: one note for all of them,
    /// since a short history routinely lacks a summer or a bridge day.
    case calendarColumnsDropped([DesignColumn])
    /// The fitted days span fewer days than yearly seasonality needs.
    case seasonalityNotModelled(spanDays: Int, minimumDays: Int)
    /// The fit stopped before converging.
    case fitNotConverged(iterations: Int)
    /// Only France's public holidays are built in: `holidays: {country: …}` for another country models none.
    case noBuiltInHolidays(country: String)
    /// No model was fitted, for this reason.
    case noModel(NotFittedReason)
    /// The model found a change of level or slope in its fitted days that nobody declared (``TrendChange``),
    /// and carries it into the window: "the model found a change of level on 2020-03-02".
    case trendChanged(TrendChange)
    /// A window comparison could not be made, for this reason.
    case noComparison(WindowComparison.Shortfall)
    /// The context event `event` (its id) ended `endedDaysBefore` days before the window's first day (1: the day
    /// before; 0 or less: inside the window), so the counts may still be returning to their usual level: the
    /// expectation rests on `declaredReturn` (nil: the event declares none, and its effect is taken to stop on
    /// its last day).
    case contextEnding(event: String, endedDaysBefore: Int, declaredReturn: ContextReturn?)
    /// `days` fitted days stood more than 4 robust standard deviations from the model (`NewsSpikes`) and were left
    /// out of the fit and of the noise estimate: the days of `spikes` news spikes (with their decaying tails) and
    /// days far below the model. The window's interval allows for spikes like them.
    case outlierDaysLeftOut(days: Int, spikes: Int)
}
