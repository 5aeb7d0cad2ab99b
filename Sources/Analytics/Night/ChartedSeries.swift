import Ingest

/// What the daily charts of one call or video series of a campaign show, decided once for the report's charts
/// and `uplift.json` alike: the days drawn (``span``), each day's observed and expected counts, and the extra
/// counts accumulated over the campaign when the series' model was fitted.
public struct ChartedSeries: Sendable {
    /// The series' estimates.
    public let estimate: SeriesEstimate
    /// The days drawn: ``span(of:)`` of the campaign window, started earlier when a context event the model
    /// adjusts for begins less than ``daysBeforeContext`` days after that span's start.
    public let span: DayRange
    /// The day-by-day observed and expected values over ``span``.
    public let days: [ChartDay]
    /// The extra counts of the model accumulated over the campaign window (``CumulativeEffect``); nil without a
    /// fitted model.
    public let cumulative: CumulativeEffect?

    /// Days drawn before the campaign starts.
    public static let daysBefore = 42
    /// Days drawn after the campaign ends.
    public static let daysAfter = 21
    /// Days drawn before the first context event a model adjusts for, so that the chart shows the level the
    /// event changed.
    public static let daysBeforeContext = 14

    /// Six weeks before a campaign window to three weeks after it: the weeks of the banner charts, and the daily
    /// charts' days when no context event reaches further back.
    public static func span(of window: DayRange) -> DayRange {
        window.widened(before: daysBefore, after: daysAfter)
    }

    /// The chart figures of `estimate`, one series of the campaign whose window is `window`.
    ///
    /// - Parameters:
    ///   - values: the series' daily values (observed counts of days the model did not see).
    ///   - context: the calendar's context events, for the span.
    public init(estimate: SeriesEstimate, window: DayRange, values: [CivilDate: Double], context: [ContextEvent]) {
        self.estimate = estimate
        let base = Self.span(of: window)
        let adjusted = Set(estimate.model?.figures?.contextEventsAdjustedFor ?? [])
        let starts = context.filter { adjusted.contains($0.id) }.map {
            $0.window.start.adding(days: -Self.daysBeforeContext)
        }
        let span: DayRange
        if let earliest = starts.min(), earliest < base.start {
            span = base.joined(with: DayRange(day: earliest))
        } else {
            span = base
        }
        self.span = span
        let expectations = Dictionary(
            (estimate.model?.figures?.daily ?? []).map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        days = span.days.map { day in
            let expectation = expectations[day]
            return ChartDay(
                date: day, observed: values[day] ?? expectation?.observed, expected: expectation?.expected,
                expectedLow: expectation?.interval.lower, expectedHigh: expectation?.interval.upper,
                inWindow: window.contains(day))
        }
        cumulative = estimate.model?.figures.map(CumulativeEffect.init)
    }

    /// Whether `estimate` gets an observed-against-expected chart: a call or video series with data.
    public static func isCharted(_ estimate: SeriesEstimate) -> Bool {
        (estimate.series.metric == .calls || estimate.series.metric == .videos) && estimate.hasData
    }
}
