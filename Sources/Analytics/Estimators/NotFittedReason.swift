import Ingest

/// Why the counterfactual model gave no projection, with the figures that explain it; Reporting words it.
public enum NotFittedReason: Error, Hashable, Sendable {
    /// The confidence level is not strictly between 0 and 1.
    case confidenceLevelOutOfRange(Double)
    /// Too few days with data in the fitted range, outside the excluded windows.
    case tooFewFittedDays(found: Int, fitRange: DayRange, needed: Int)
    /// Every fitted day has a count of 0: there is no level to project.
    case allFittedDaysZero(days: Int)
    /// No day of the estimated window has data.
    case noDataInWindow(DayRange)
    /// The fit itself failed.
    case fitFailed(ModelFitError)
    /// The design is singular because of this column of it (`ModelFitError.singular`, with the column as a
    /// value rather than its name).
    case singularDesign(column: DesignColumn, cause: ModelFitError.SingularCause)
    /// A planned campaign of no days.
    case emptyPlannedWindow
}
