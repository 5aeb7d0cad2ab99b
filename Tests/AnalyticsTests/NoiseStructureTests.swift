import Foundation
import Testing

@testable import Analytics

/// `NoiseStructure` against hand computation: the residual autocorrelation over calendar lags, the fit of c·ρᵏ,
/// the variance of a total, the variance function and the floor of a log-ratio's standard error.
@Suite("Noise structure")
struct NoiseStructureTests {
    /// Alternating ±1 residuals: lag 1 is −1 and lag 2 is +1 exactly. A missing day (day 10) leaves out the pairs
    /// that would straddle it rather than pairing days 9 and 11 as neighbours.
    @Test func autocorrelationIsOverCalendarLagsAndSkipsMissingDays() {
        let days = Array(0..<10) + Array(11..<40)
        let values = days.map { $0 % 2 == 0 ? 1.0 : -1.0 }
        let (autocorrelation, pairs) = NoiseStructure.autocorrelations(days: days, values: values)
        #expect(abs(autocorrelation[0] + 1) < 1e-12 && abs(autocorrelation[1] - 1) < 1e-12)
        // 39 days over a span of 40: lag 1 has 40 − 1 − 2 pairs (two straddle day 10), lag 2 has 40 − 2 − 2.
        #expect(pairs[0] == 37 && pairs[1] == 36)
        #expect(autocorrelation.count == NoiseStructure.diagnosticLags)
    }

    /// An autocorrelation that is exactly 0.5·0.6ᵏ is fitted back exactly (0.6 is on the grid); a negative one is
    /// not credited.
    @Test func theCorrelationFitRecoversAnExactShapeAndCreditsNoNegativeOne() {
        let exact = (1...14).map { 0.5 * pow(0.6, Double($0)) }
        let (scale, decay) = NoiseStructure.fitCorrelation(exact, Array(repeating: 100, count: 14))
        #expect(abs(scale - 0.5) < 1e-9 && abs(decay - 0.6) < 1e-12)
        let negative = (1...14).map { -0.3 * pow(0.5, Double($0)) }
        #expect(NoiseStructure.fitCorrelation(negative, Array(repeating: 100, count: 14)) == (0, 0))
    }

    /// Two days at 100 with v = μ and r(1) = 0.5·0.5: var = 100 + 100 + 2·√(100·100)·0.25 = 250. Independent
    /// days with v = 2μ + 0.01μ²: var = Σ (2μ + 0.01μ²) = 2·300 + 0.01·(100² + 200²) = 1,100.
    @Test func theVarianceOfATotalSumsEveryPair() {
        let correlated = NoiseStructure(
            linear: 1, quadratic: 0, correlationScale: 0.5, decay: 0.5, autocorrelation: [])
        #expect(abs(correlated.varianceOfTotal([(day: 0, level: 100), (day: 1, level: 100)]) - 250) < 1e-9)
        let independent = NoiseStructure(
            linear: 2, quadratic: 0.01, correlationScale: 0, decay: 0, autocorrelation: [])
        #expect(abs(independent.varianceOfTotal([(day: 0, level: 100), (day: 5, level: 200)]) - 1_100) < 1e-9)
    }

    /// Residuals with u² = 2.5μ on every day, at levels 50 and 200: the weighted fit of u²/μ on (1, μ) gives
    /// a = 2.5 and b = 0 exactly, then scaled by n/(n − p) for p fitted parameters (here 40/(40 − 4)).
    @Test func theVarianceFunctionOfQuasiPoissonResidualsIsPhiTimesTheLevel() {
        let expected = (0..<40).map { $0 % 2 == 0 ? 50.0 : 200.0 }
        // Signs alternate in pairs so that no lag is correlated in a way the fit would credit.
        let observed = expected.enumerated().map { index, mu in
            mu + ((index / 2) % 2 == 0 ? 1 : -1) * (2.5 * mu).squareRoot()
        }
        let noise = NoiseStructure.estimate(
            days: Array(0..<40), observed: observed, expected: expected, parameters: 4)
        #expect(abs(noise.linear - 2.5 * 40 / 36) < 1e-9, "a = \(noise.linear)")
        #expect(abs(noise.quadratic) < 1e-12, "b = \(noise.quadratic)")
    }

    /// Strong negative cross-covariance cannot take a log-ratio's standard error below independent days':
    /// with a = 1 and totals 100 and 400 the floor is √(1/100 + 1/400).
    @Test func aLogRatiosStandardErrorIsNeverBelowIndependentDays() {
        let noise = NoiseStructure(linear: 1, quadratic: 0, correlationScale: 1, decay: 0.98, autocorrelation: [])
        let se = noise.standardErrorOfLogRatio([0, 1], total: 100, [2, 3], total: 400)
        #expect(se >= (1.0 / 100 + 1.0 / 400).squareRoot() - 1e-12)
        #expect(abs(se - (1.0 / 100 + 1.0 / 400).squareRoot()) < 1e-12)
    }

    /// With Poisson days and a known expectation the inverted test is the score interval of a Poisson mean:
    /// (O − rE)² = t²·rE, whose roots are r = (2O + t² ± t·√(4O + t²))/(2E). With a = 2.5 and a parameter
    /// variance s² the roots solve (O − rE)² = t²·(2.5·rE + r²E²s²), a quadratic in r.
    @Test func theRatioIntervalIsTheScoreIntervalOfAPoissonMean() {
        let (observed, expected, t) = (130.0, 100.0, 1.96)
        let levels = (0..<10).map { (day: $0, level: expected / 10) }
        let poisson = CounterfactualModel.ratioInterval(
            observed: observed, expected: expected, levels: levels, relativeParameterVariance: 0,
            noise: .poisson, fittedLevels: 1...1_000, critical: t)
        let root = t * (4 * observed + t * t).squareRoot()
        #expect(abs(poisson.lower - (2 * observed + t * t - root) / (2 * expected)) < 1e-9)
        #expect(abs(poisson.upper - (2 * observed + t * t + root) / (2 * expected)) < 1e-9)

        let s2 = 0.004
        let dispersed = CounterfactualModel.ratioInterval(
            observed: observed, expected: expected, levels: levels, relativeParameterVariance: s2,
            noise: NoiseStructure(linear: 2.5, quadratic: 0, correlationScale: 0, decay: 0, autocorrelation: []),
            fittedLevels: 1...1_000, critical: t)
        // E²(1 − t²s²)·r² − (2OE + 2.5t²E)·r + O² = 0.
        let a = expected * expected * (1 - t * t * s2)
        let b = -(2 * observed * expected + 2.5 * t * t * expected)
        let c = observed * observed
        let discriminant = (b * b - 4 * a * c).squareRoot()
        #expect(abs(dispersed.lower - (-b - discriminant) / (2 * a)) < 1e-9)
        #expect(abs(dispersed.upper - (-b + discriminant) / (2 * a)) < 1e-9)
        // The test at r = O/E is never rejected, and the Wald interval at the expected level is wider above.
        #expect(dispersed.lower < 1.3 && 1.3 < dispersed.upper)
        let wald = exp(t * (s2 + 2.5 / expected).squareRoot())
        #expect(dispersed.upper < 1.3 * wald)
    }

    /// Beyond the fitted levels the variance grows as μ²: with v = 2μ fitted on levels 5–10, days at a mean
    /// level of 20 have their total's variance scaled by v(10)·4/v(20) = 2 (80 rather than 40 for one day);
    /// inside the levels it is the fitted one. Below them it falls linearly.
    @Test func theVarianceBeyondTheFittedLevelsGrowsAsTheSquareOfTheLevel() {
        let noise = NoiseStructure(linear: 2, quadratic: 0, correlationScale: 0, decay: 0, autocorrelation: [])
        #expect(abs(noise.varianceOfTotal([(day: 0, level: 20)], trustedOver: 5...10) - 80) < 1e-12)
        let days = [(day: 0, level: 16.0), (day: 1, level: 24.0)]
        #expect(abs(noise.varianceOfTotal(days, trustedOver: 5...10) - 2 * 80) < 1e-12)
        #expect(
            abs(noise.varianceOfTotal([(day: 0, level: 8), (day: 1, level: 12)], trustedOver: 5...10) - 40) < 1e-12)
        let below = NoiseStructure(linear: 1, quadratic: 0.1, correlationScale: 0, decay: 0, autocorrelation: [])
        // v(5) = 5 + 2.5 = 7.5, scaled by 2.5/5: 3.75, where the fitted function gives 2.5 + 0.625 = 3.125.
        #expect(abs(below.varianceOfTotal([(day: 0, level: 2.5)], trustedOver: 5...10) - 3.75) < 1e-12)
    }
}
