import Foundation

/// The Poisson distribution with mean `mean`.
///
/// Means below 10 are drawn exactly by multiplying uniforms (Knuth); larger means by Hörmann's transformed
/// rejection with squeeze, PTRS ("The transformed rejection method for generating Poisson random variables",
/// Insurance: Mathematics and Economics 12, 1993), which is exact as well and takes O(1) draws for any mean.
public struct PoissonDistribution: Sendable {
    /// The mean λ (≥ 0).
    public let mean: Double

    /// Creates the distribution; a negative mean is treated as 0.
    public init(mean: Double) {
        self.mean = max(0, mean)
    }

    /// One draw.
    public func sample(using generator: inout SeededGenerator) -> Int {
        if mean == 0 { return 0 }
        if mean < 10 { return multiplication(using: &generator) }
        return transformedRejection(using: &generator)
    }

    private func multiplication(using generator: inout SeededGenerator) -> Int {
        let limit = exp(-mean)
        var product = generator.nextUnit()
        var count = 0
        while product > limit {
            product *= generator.nextUnit()
            count += 1
        }
        return count
    }

    private func transformedRejection(using generator: inout SeededGenerator) -> Int {
        let root = mean.squareRoot()
        let logMean = log(mean)
        let b = 0.931 + 2.53 * root
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let acceptBound = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = generator.nextUnit() - 0.5
            let v = generator.nextUnit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07, v <= acceptBound { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = log(v) + log(inverseAlpha) - log(a / (us * us) + b)
            if lhs <= -mean + k * logMean - PoissonDistribution.logFactorial(Int(k)) { return Int(k) }
        }
    }

    /// `log(n!)`: summed exactly below 256, Stirling's series (to `1/n⁵`) above, where it is exact to
    /// double precision.
    static func logFactorial(_ n: Int) -> Double {
        if n < smallLogFactorials.count { return smallLogFactorials[n] }
        let x = Double(n)
        let inverse = 1 / x
        let inverse2 = inverse * inverse
        let series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 / 1260))
        return x * log(x) - x + 0.5 * log(2 * Double.pi * x) + series
    }

    private static let smallLogFactorials: [Double] = {
        var table = [0.0]
        var sum = 0.0
        for n in 1..<256 {
            sum += log(Double(n))
            table.append(sum)
        }
        return table
    }()
}
