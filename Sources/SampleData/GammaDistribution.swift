import Foundation

/// The gamma distribution with a shape and a scale (mean `shape·scale`, variance `shape·scale²`).
///
/// Sampled by Marsaglia and Tsang's squeeze method ("A simple method for generating gamma variables",
/// ACM TOMS 26(3), 2000); shapes below 1 use their boost `Gamma(shape + 1)·U^(1/shape)`.
public struct GammaDistribution: Sendable {
    /// The shape `k` (> 0).
    public let shape: Double
    /// The scale `θ` (> 0).
    public let scale: Double

    /// Creates the distribution; shape and scale must be positive.
    public init(shape: Double, scale: Double) {
        self.shape = shape
        self.scale = scale
    }

    /// One draw.
    public func sample(using generator: inout SeededGenerator) -> Double {
        if shape < 1 {
            let boosted = GammaDistribution(shape: shape + 1, scale: scale).sample(using: &generator)
            return boosted * pow(generator.nextUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = generator.nextStandardNormal()
            let root = 1 + c * x
            guard root > 0 else { continue }
            let v = root * root * root
            let u = generator.nextUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }
}
