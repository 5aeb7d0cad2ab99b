/// A binomial proportion with its Wilson score interval (Wilson, JASA 22:209–212, 1927).
///
/// With z = z_{1−α/2}: centre (x + z²/2)/(n + z²), half-width z/(n + z²)·√(x(n − x)/n + z²/4). The bounds
/// always lie in [0, 1]; with 0 trials the proportion is NaN and the interval is [0, 1].
public struct WilsonInterval: Hashable, Sendable {
    /// Successes x (clicks, answered calls…).
    public let successes: Int
    /// Trials n (impressions, calls…).
    public let trials: Int
    /// The observed proportion x/n (NaN when n = 0).
    public let proportion: Double
    /// The Wilson score interval for the proportion.
    public let interval: ConfidenceInterval

    /// The Wilson interval of `successes` out of `trials`; nil when successes < 0 or successes > trials, or the
    /// level is not inside (0, 1).
    public init?(successes: Int, trials: Int, confidenceLevel: Double = 0.95) {
        guard successes >= 0, successes <= trials, confidenceLevel > 0, confidenceLevel < 1 else { return nil }
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            proportion = .nan
            interval = ConfidenceInterval(lower: 0, upper: 1, level: confidenceLevel)
            return
        }
        let z = SpecialFunctions.criticalValue(confidenceLevel: confidenceLevel)
        let n = Double(trials)
        let x = Double(successes)
        proportion = x / n
        let z2 = z * z
        let centre = (x + z2 / 2) / (n + z2)
        let halfWidth = z / (n + z2) * (x * (n - x) / n + z2 / 4).squareRoot()
        // Exact 0 and 1 at the boundaries, where rounding could leave ±1e-17.
        let lower = successes == 0 ? 0 : max(0, centre - halfWidth)
        let upper = successes == trials ? 1 : min(1, centre + halfWidth)
        interval = ConfidenceInterval(lower: lower, upper: upper, level: confidenceLevel)
    }
}
