/// The binomial distribution of successes in `trials` trials with probability `probability`, used for
/// answered calls and banner clicks (so that neither can exceed calls or impressions).
///
/// Fewer than 64 trials are drawn exactly, one Bernoulli trial at a time. Otherwise the smaller of the two
/// tails is drawn as Poisson when its mean is below 30 (the Poisson limit) and the rest by the normal
/// approximation with continuity rounding; the draw is always clamped to `0...trials`.
public struct BinomialDistribution: Sendable {
    /// The number of trials (≥ 0).
    public let trials: Int
    /// The probability of success, clamped to 0...1.
    public let probability: Double

    /// Creates the distribution.
    public init(trials: Int, probability: Double) {
        self.trials = max(0, trials)
        self.probability = min(1, max(0, probability))
    }

    /// One draw.
    public func sample(using generator: inout SeededGenerator) -> Int {
        if trials < 64 {
            var successes = 0
            for _ in 0..<trials where generator.nextUnit() < probability { successes += 1 }
            return successes
        }
        let n = Double(trials)
        let draw: Int
        if n * probability < 30 {
            draw = PoissonDistribution(mean: n * probability).sample(using: &generator)
        } else if n * (1 - probability) < 30 {
            draw = trials - PoissonDistribution(mean: n * (1 - probability)).sample(using: &generator)
        } else {
            let sd = (n * probability * (1 - probability)).squareRoot()
            draw = Int((n * probability + sd * generator.nextStandardNormal()).rounded())
        }
        return min(trials, max(0, draw))
    }
}
