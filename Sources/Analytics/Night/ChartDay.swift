import Ingest

/// One day of an observed-against-expected chart and of `uplift.json`'s `daily` rows: the observed count may be
/// missing, the expected count and its interval are nil without a fitted model.
public struct ChartDay: Sendable, Equatable {
    /// The day.
    public let date: CivilDate
    /// The observed count, nil on a day without data.
    public let observed: Double?
    /// The expected count without the campaign.
    public let expected: Double?
    /// The lower bound of the expected count.
    public let expectedLow: Double?
    /// The upper bound of the expected count.
    public let expectedHigh: Double?
    /// Whether the day is in the campaign window.
    public let inWindow: Bool

    /// Creates a day from its figures.
    public init(
        date: CivilDate, observed: Double?, expected: Double?, expectedLow: Double?, expectedHigh: Double?,
        inWindow: Bool
    ) {
        self.date = date
        self.observed = observed
        self.expected = expected
        self.expectedLow = expectedLow
        self.expectedHigh = expectedHigh
        self.inWindow = inWindow
    }
}
