import Foundation
import Ingest

/// How well the model fits the weeks just before the campaign: the observed total over the last fitted days
/// before the start against the model's fitted total, with an interval from the model's noise structure.
///
/// A placebo fitted on the days before a fake start cannot see a level that moved six weeks before the campaign,
/// nor a trend that bent months before it: the placebo's own fit carries the same misfit. The fitted days'
/// residuals do see it, since the model spreads the misfit over years of days and leaves most of it at the end.
///
/// The ratio r = O/E over the last `spanDays` calendar days before the start that were fitted (at least
/// `minimumDays` of them); its interval is r·exp(±t·√V/E), V the process variance of the total at the fitted
/// levels (`NoiseStructure.varianceOfTotal`), t Student's with the model's degrees of freedom for a window of
/// that many days. The fit's own columns absorb part of any stretch's residuals, so V slightly overstates the
/// variance of the in-sample sum: the check errs towards silence.
public struct RecentFitCheck: Sendable, Hashable {
    /// How many calendar days before the start the check looks at: six weeks.
    public static let spanDays = 42
    /// The fewest fitted days among them for a check: two weeks.
    public static let minimumDays = 14

    /// The calendar days looked at, the last ending the day before the campaign.
    public let days: DayRange
    /// How many of them were fitted and have data.
    public let fittedDays: Int
    /// The observed total over those days.
    public let observed: Double
    /// The model's fitted total over the same days.
    public let expected: Double
    /// O/E with its interval at the model's confidence level.
    public let ratio: Double
    /// The interval of `ratio`.
    public let interval: ConfidenceInterval
    /// The two-sided p-value of O − E against the noise of the total.
    public let pValue: Double

    /// Whether the fit misses the recent weeks: p below 1 − the confidence level.
    public var fails: Bool { pValue < 1 - interval.level }

    /// Creates a check from its figures.
    public init(
        days: DayRange, fittedDays: Int, observed: Double, expected: Double, interval: ConfidenceInterval,
        pValue: Double
    ) {
        self.days = days
        self.fittedDays = fittedDays
        self.observed = observed
        self.expected = expected
        self.ratio = observed / expected
        self.interval = interval
        self.pValue = pValue
    }

    /// The check of `estimate` (a fitted campaign model), nil when it was not fitted or has fewer than
    /// `minimumDays` fitted days in the span.
    public init?(_ estimate: CounterfactualEstimate) {
        guard let figures = estimate.figures,
            let span = DayRange(
                start: estimate.window.start.adding(days: -Self.spanDays), end: estimate.window.start.adding(days: -1))
        else { return nil }
        let recent = figures.daily.filter { $0.usedInFit && $0.observed != nil && span.contains($0.date) }
        guard recent.count >= Self.minimumDays else { return nil }
        let observed = recent.reduce(0) { $0 + ($1.observed ?? 0) }
        let expected = recent.reduce(0) { $0 + $1.expected }
        guard expected > 0 else { return nil }
        let variance = figures.noise.varianceOfTotal(recent.map { (day: $0.date.daysSinceEpoch, level: $0.expected) })
        guard variance > 0, variance.isFinite else { return nil }
        let degreesOfFreedom = CounterfactualModel.degreesOfFreedom(
            fittedDays: figures.fittedDays, windowDays: recent.count)
        let level = estimate.confidenceLevel
        let critical = SpecialFunctions.studentCriticalValue(
            confidenceLevel: level, degreesOfFreedom: degreesOfFreedom)
        let relative = variance.squareRoot() / expected
        let ratio = observed / expected
        days = span
        fittedDays = recent.count
        self.observed = observed
        self.expected = expected
        self.ratio = ratio
        interval = ConfidenceInterval(
            lower: ratio * exp(-critical * relative), upper: ratio * exp(critical * relative), level: level)
        pValue = SpecialFunctions.studentTwoSidedPValue(
            (observed - expected) / variance.squareRoot(), degreesOfFreedom: degreesOfFreedom)
    }
}
