import Ingest

/// One day of a daily series: its value and, for a ratio series (`ctr`), the counts behind it.
public struct SeriesPoint: Hashable, Sendable {
    /// The local day.
    public let date: CivilDate
    /// The day's value: a count, or for `ctr` the fraction clicks/impressions.
    public let value: Double
    /// For `ctr`, the day's clicks (the numerator); nil for count series.
    public let successes: Int64?
    /// For `ctr`, the day's impressions (the denominator, > 0); nil for count series.
    public let trials: Int64?

    /// A count (or any value without a numerator and denominator).
    public init(date: CivilDate, value: Double) {
        self.date = date
        self.value = value
        self.successes = nil
        self.trials = nil
    }

    /// A ratio `successes/trials`; `trials` must be positive.
    public init(date: CivilDate, successes: Int64, trials: Int64) {
        self.date = date
        self.value = trials > 0 ? Double(successes) / Double(trials) : .nan
        self.successes = successes
        self.trials = trials
    }
}
