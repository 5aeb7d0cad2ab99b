import Analytics
import Foundation
import Testing

@Suite("Special functions")
struct SpecialFunctionsTests {
    /// Two-sided 95 % critical values of Student's t from the standard tables (Abramowitz & Stegun, table 26.10):
    /// 2.776445 for 4 degrees of freedom, 2.228139 for 10, 2.008559 for 50; the normal 1.959964 for infinity.
    @Test(arguments: [(4.0, 2.776445), (10.0, 2.228139), (50.0, 2.008559), (Double.infinity, 1.959964)])
    func studentCriticalValuesMatchTheTables(degreesOfFreedom: Double, value: Double) {
        let t = SpecialFunctions.studentCriticalValue(confidenceLevel: 0.95, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(t - value) < 1e-6, "t(\(degreesOfFreedom)) = \(t)")
        let p = SpecialFunctions.studentTwoSidedPValue(t, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(p - 0.05) < 1e-9, "p = \(p)")
    }

    @Test(arguments: [(0.5, 0.5723649429247001), (1.0, 0.0), (10.0, 12.801827480081469), (0.1, 2.252712651734206)])
    func logGammaMatchesKnownValues(x: Double, expected: Double) {
        #expect(abs(SpecialFunctions.logGamma(x) - expected) <= 1e-14 * max(1, abs(expected)))
    }

    @Test func logGammaAgreesWithTheCLibraryOverAWideRange() {
        for x in stride(from: 0.05, through: 2e5, by: 997.3) + [0.3, 1.5, 2.5, 7.25, 33.3, 171.5] {
            #expect(abs(SpecialFunctions.logGamma(x) - lgamma(x)) <= 1e-13 * max(1, abs(lgamma(x))), "x = \(x)")
        }
    }

    @Test(arguments: [
        (0.5, 2.0, 3.0, 0.6875), (0.2, 1.0, 1.0, 0.2), (0.3, 2.0, 1.0, 0.09), (0.5, 10.0, 10.0, 0.5),
        (0.4, 0.5, 0.5, 0.43590578315102513),  // 2/π·asin(√0.4)
    ])
    func incompleteBetaMatchesClosedForms(x: Double, a: Double, b: Double, expected: Double) {
        #expect(abs(SpecialFunctions.regularizedIncompleteBeta(x: x, a: a, b: b) - expected) <= 1e-14)
    }

    @Test(arguments: [(2.0, 3.0), (0.5, 0.5), (1.0, 10.0), (2.0, 10.0), (1200.0, 1001.0), (97542.0, 62468.0)])
    func inverseIncompleteBetaRoundTrips(a: Double, b: Double) {
        for p in [1e-10, 0.0001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.9999] {
            let x = SpecialFunctions.inverseRegularizedIncompleteBeta(p: p, a: a, b: b)
            let back = SpecialFunctions.regularizedIncompleteBeta(x: x, a: a, b: b)
            #expect(abs(back - p) <= 1e-10 * p, "a=\(a) b=\(b) p=\(p) x=\(x)")
        }
    }

    @Test func inverseIncompleteBetaMatchesAClosedForm() {
        // I_x(a, 1) = x^a, so the inverse is p^(1/a).
        let x = SpecialFunctions.inverseRegularizedIncompleteBeta(p: 0.025, a: 3, b: 1)
        #expect(abs(x - pow(0.025, 1.0 / 3.0)) <= 1e-13 * x)
    }

    @Test(arguments: [
        (0.975, 1.959963984540054), (0.5, 0.0), (0.8, 0.8416212335729143), (0.001, -3.090232306167813),
        (1e-10, -6.361340902404056), (0.9, 1.2815515655446004),
    ])
    func normalQuantileMatchesPublishedValues(p: Double, z: Double) {
        #expect(abs(SpecialFunctions.normalQuantile(p) - z) <= 1e-14 * max(1, abs(z)))
    }

    @Test func normalQuantileInvertsTheCumulativeDistribution() {
        for p in [1e-300, 1e-20, 1e-5, 0.01, 0.07, 0.2, 0.4, 0.5, 0.6, 0.9, 0.99, 0.999999] {
            let back = SpecialFunctions.normalCDF(SpecialFunctions.normalQuantile(p))
            #expect(abs(back - p) <= 1e-13 * p, "p = \(p)")
        }
        #expect(SpecialFunctions.normalQuantile(0) == -.infinity)
        #expect(SpecialFunctions.normalQuantile(1) == .infinity)
        #expect(SpecialFunctions.normalQuantile(1.5).isNaN)
    }

    @Test func normalCDFMatchesKnownValues() {
        #expect(abs(SpecialFunctions.normalCDF(1.959963984540054) - 0.975) <= 1e-15)
        #expect(abs(SpecialFunctions.normalCDF(-1) - 0.15865525393145707) <= 1e-15)
    }

    @Test func binomialTailsMatchDirectSums() {
        let n = 12
        let p = 0.3
        var cumulative = 0.0
        for k in 0...n {
            let logChoose =
                SpecialFunctions.logGamma(Double(n + 1)) - SpecialFunctions.logGamma(Double(k + 1))
                - SpecialFunctions.logGamma(Double(n - k + 1))
            let upperBefore = 1 - cumulative
            cumulative += exp(logChoose + Double(k) * log(p) + Double(n - k) * log(1 - p))
            #expect(abs(SpecialFunctions.binomialCDF(k, trials: n, probability: p) - cumulative) <= 1e-13)
            #expect(abs(SpecialFunctions.binomialUpperTail(k, trials: n, probability: p) - upperBefore) <= 1e-13)
        }
        #expect(SpecialFunctions.binomialCDF(-1, trials: n, probability: p) == 0)
        #expect(SpecialFunctions.binomialUpperTail(0, trials: n, probability: p) == 1)
        #expect(abs(SpecialFunctions.binomialCDF(0, trials: 5, probability: 0.5) - 0.03125) <= 1e-15)
    }
}
