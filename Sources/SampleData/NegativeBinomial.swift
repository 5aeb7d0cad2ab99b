/// The negative binomial distribution of an overdispersed count, parametrised by its mean and its size `r`
/// (variance `mean + mean²/r`).
///
/// Drawn as a gamma–Poisson mixture: `λ ~ Gamma(r, mean/r)`, then `Poisson(λ)`. Helpline series use
/// ``init(mean:varianceToMean:)`` so that a day's variance is a fixed multiple of its mean, the 2–4 times
/// that real helpline counts show.
public struct NegativeBinomial: Sendable {
    /// The mean (≥ 0).
    public let mean: Double
    /// The size `r` (> 0); the larger, the closer to Poisson.
    public let size: Double

    /// Creates the distribution from its mean and size.
    public init(mean: Double, size: Double) {
        self.mean = max(0, mean)
        self.size = size
    }

    /// Creates the distribution whose variance is `varianceToMean` times its mean (`varianceToMean` > 1):
    /// `r = mean / (varianceToMean − 1)`.
    public init(mean: Double, varianceToMean: Double) {
        self.init(mean: mean, size: max(mean, 1e-9) / (varianceToMean - 1))
    }

    /// The variance, `mean + mean²/size`.
    public var variance: Double { mean + mean * mean / size }

    /// One draw.
    public func sample(using generator: inout SeededGenerator) -> Int {
        guard mean > 0 else { return 0 }
        let rate = GammaDistribution(shape: size, scale: mean / size).sample(using: &generator)
        return PoissonDistribution(mean: rate).sample(using: &generator)
    }
}
