import Foundation
import Ingest

/// The campaign's effect accumulated day by day: on each day d of the window, the extra counts (observed minus
/// expected) summed over the window's days with data up to d, with the interval the model gives for that total.
///
/// The interval of the first k days is computed as the model's headline interval is for the whole window
/// (`CounterfactualModel`): the inverted test of the ratio O_k/E_k (`CounterfactualModel.ratioInterval`) with the
/// relative parameter variance g_kᵀΣg_k/E_k², g_k = Σ μ_t x_t over those days, the window's own noise from
/// `NoiseStructure.varianceOfTotal(_:trustedOver:)`, and Student's critical value with 3n/(2k) degrees of
/// freedom, and the right skew of news spikes when one of its first k days stands out as a spike's (whole-window
/// `NewsSpikes.standingOut`). On the window's last day with data the total is the whole window's, so that day's
/// figures are the model row's `extra` and its interval exactly. Intervals of early days are wide: a day or two carry little
/// evidence, and the critical value of few days is large.
public struct CumulativeEffect: Sendable, Hashable {
    /// The total over the window's first days with data, up to and including `date`.
    public struct Day: Sendable, Hashable {
        /// The last day added (a window day with data).
        public let date: CivilDate
        /// O_k, the observed total so far.
        public let observed: Double
        /// E_k, the expected total so far without the campaign.
        public let expected: Double
        /// O_k − E_k.
        public let extra: Double
        /// (O_k − E_k,high, O_k − E_k,low), E_k's bounds from the inverted ratio test over the same days.
        public let extraInterval: ConfidenceInterval
    }

    /// One entry per window day with data, in date order (a day without data adds nothing and has no entry).
    public let days: [Day]

    /// The cumulative effect of a fitted model's window.
    public init(_ figures: CounterfactualEstimate.Figures) {
        let terms = figures.windowTerms
        let noise = figures.noise
        var days: [Day] = []
        var observed = 0.0
        var expected = 0.0
        var gradient = [Double](repeating: 0, count: terms.covariance.count)
        var levels: [(day: Int, level: Double)] = []
        let firstStandingOut = figures.newsSpikes.standingOut(
            observed: terms.observed, levels: terms.levels, noise: noise
        ).min()
        for index in terms.days.indices {
            let mu = terms.levels[index]
            // Accumulated in the model's own order, so the last total is the window's to the last bit.
            observed += terms.observed[index]
            expected += mu
            for j in terms.rows[index].indices { gradient[j] += mu * terms.rows[index][j] }
            levels.append((day: terms.days[index].daysSinceEpoch, level: mu))
            let parameterVariance =
                CounterfactualModel.quadraticForm(terms.covariance, gradient) / (expected * expected)
            let processVariance = noise.varianceOfTotal(levels) / (expected * expected)
            let se = (parameterVariance + processVariance).squareRoot()
            let critical = SpecialFunctions.studentCriticalValue(
                confidenceLevel: terms.confidenceLevel,
                degreesOfFreedom: CounterfactualModel.degreesOfFreedom(
                    fittedDays: figures.fittedDays, windowDays: levels.count))
            let ratio = CounterfactualModel.ratioInterval(
                observed: observed, expected: expected, levels: levels, relativeParameterVariance: parameterVariance,
                noise: noise, fittedLevels: terms.fittedLevels, critical: critical, spikes: figures.newsSpikes,
                holdsSpike: firstStandingOut.map { $0 <= index } ?? false, confidenceLevel: terms.confidenceLevel)
            let expectedLow = ratio.upper.isFinite && ratio.upper > 0 ? observed / ratio.upper : 0
            let expectedHigh = ratio.lower > 0 ? observed / ratio.lower : expected * exp(critical * se)
            days.append(
                Day(
                    date: terms.days[index], observed: observed, expected: expected, extra: observed - expected,
                    extraInterval: ConfidenceInterval(
                        lower: observed - expectedHigh, upper: observed - expectedLow, level: terms.confidenceLevel)))
        }
        self.days = days
    }
}

/// The parts of a model's window that its interval is built from, kept with its figures so that the interval of
/// the window's first days can be computed afterwards (`CumulativeEffect`) without fitting again.
public struct WindowTerms: Sendable, Hashable {
    /// The window's days with data, in order (those O and E are summed over).
    public let days: [CivilDate]
    /// The observed count of each of `days`.
    public let observed: [Double]
    /// The expected count μ_t of each of `days`.
    public let levels: [Double]
    /// The design row x_t of each of `days`, in the fit's column order.
    public let rows: [[Double]]
    /// Σ, the sandwich covariance of the coefficients.
    public let covariance: [[Double]]
    /// The smallest to the largest fitted mean, the levels the noise was estimated on.
    public let fittedLevels: ClosedRange<Double>
    /// The confidence level of the intervals.
    public let confidenceLevel: Double

    /// Creates the terms.
    public init(
        days: [CivilDate], observed: [Double], levels: [Double], rows: [[Double]], covariance: [[Double]],
        fittedLevels: ClosedRange<Double>, confidenceLevel: Double
    ) {
        self.days = days
        self.observed = observed
        self.levels = levels
        self.rows = rows
        self.covariance = covariance
        self.fittedLevels = fittedLevels
        self.confidenceLevel = confidenceLevel
    }
}
