import Foundation

/// The test of one ratio r = O/E of a window's observed total to its expected one, that
/// `CounterfactualModel.ratioInterval` inverts: symmetric without news spikes, right-skewed by the spikes the
/// window may hold when the fit found some (see there).
struct WindowTotalTest {
    let observed: Double
    let expected: Double
    let levels: [(day: Int, level: Double)]
    let relativeParameterVariance: Double
    let noise: NoiseStructure
    let fittedLevels: ClosedRange<Double>
    /// t, the two-sided critical value of the symmetric test.
    let critical: Double
    /// The spikes' extra calls in the window, in days of its usual level, with their probabilities.
    let mixture: [(probability: Double, excess: Double)]
    /// (1 − level)/2, the probability left in each tail.
    let tail: Double
    /// z, the normal critical value of the level: the noise's standard deviation is scaled by z/t.
    let normalCritical: Double
    /// E/W, the window's mean expected count per day with data.
    let meanLevel: Double

    init(
        observed: Double, expected: Double, levels: [(day: Int, level: Double)], relativeParameterVariance: Double,
        noise: NoiseStructure, fittedLevels: ClosedRange<Double>, critical: Double, spikes: NewsSpikes,
        holdsSpike: Bool, confidenceLevel: Double
    ) {
        self.observed = observed
        self.expected = expected
        self.levels = levels
        self.relativeParameterVariance = relativeParameterVariance
        self.noise = noise
        self.fittedLevels = fittedLevels
        self.critical = critical
        mixture = spikes.windowExcess(days: levels.count, holdingOne: holdsSpike)
        tail = (1 - confidenceLevel) / 2
        normalCritical = SpecialFunctions.criticalValue(confidenceLevel: confidenceLevel)
        meanLevel = expected / Double(max(1, levels.count))
    }

    /// Whether the window holds a spike the fit has seen the like of (else the test is the symmetric one).
    var isSkewed: Bool { mixture.count > 1 }

    /// V(r·μ) + r²·Ê²·s²: the variance of the window's total, spikes aside, were r the ratio.
    func variance(_ r: Double) -> Double {
        let scaled = levels.map { (day: $0.day, level: $0.level * r) }
        return noise.varianceOfTotal(scaled, trustedOver: fittedLevels)
            + r * r * expected * expected * relativeParameterVariance
    }

    /// P(total ≤ O) were r the ratio: the spikes' mixture, each with normal noise of standard deviation
    /// √V·t/z.
    func position(_ r: Double) -> Double {
        let deviation = variance(r).squareRoot() * critical / normalCritical
        var total = 0.0
        for (probability, excess) in mixture {
            let difference = observed - r * (expected + meanLevel * excess)
            if deviation > 0 {
                total += probability * SpecialFunctions.normalCDF(difference / deviation)
            } else if difference >= 0 {
                total += probability
            }
        }
        return total
    }

    /// At most 0 when r is kept, above 0 when it is rejected.
    func excess(_ r: Double) -> Double {
        guard isSkewed else {
            let difference = observed - r * expected
            return difference * difference - critical * critical * variance(r)
        }
        let position = position(r)
        return max(position - (1 - tail), tail - position)
    }

    /// A ratio the test keeps, to search the bounds from: max(O, ½)/E when symmetric; with spikes, the ratio
    /// whose position is ½ (the median of the skewed totals is O there), by bisection on log r.
    var centre: Double {
        let plain = max(observed, 0.5) / expected
        guard isSkewed else { return plain }
        var (a, b) = (log(plain) - log(1e6), log(plain))
        for _ in 0..<80 {
            let middle = (a + b) / 2
            if position(exp(middle)) > 0.5 { a = middle } else { b = middle }
        }
        return exp((a + b) / 2)
    }

    /// 2·min(F, 1 − F) with F the position of r = 1: below 1 − level exactly when the interval leaves 1 out.
    var pValueOfNoChange: Double {
        let position = position(1)
        return min(1, 2 * min(position, 1 - position))
    }
}
