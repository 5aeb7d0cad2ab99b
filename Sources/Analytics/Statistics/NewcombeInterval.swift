/// The difference of two independent proportions p₁ − p₂ with Newcombe's hybrid score interval
/// (Newcombe, *Statistics in Medicine* 17:873–890, 1998, method 10).
///
/// With (l₁, u₁) and (l₂, u₂) the Wilson intervals of p₁ and p₂ and δ = p₁ − p₂:
/// `L = δ − √((p₁ − l₁)² + (u₂ − p₂)²)`, `U = δ + √((u₁ − p₁)² + (p₂ − l₂)²)`.
public struct NewcombeInterval: Hashable, Sendable {
    /// The first proportion with its Wilson interval.
    public let first: WilsonInterval
    /// The second proportion with its Wilson interval.
    public let second: WilsonInterval
    /// The difference δ = p₁ − p₂ (as a fraction, not in percentage points).
    public let difference: Double
    /// The hybrid score interval for δ, inside [−1, 1].
    public let interval: ConfidenceInterval

    /// Compares `successes1`/`trials1` against `successes2`/`trials2`; nil when either proportion is invalid
    /// or has no trials (the difference is then undefined).
    public init?(successes1: Int, trials1: Int, successes2: Int, trials2: Int, confidenceLevel: Double = 0.95) {
        guard trials1 > 0, trials2 > 0,
            let first = WilsonInterval(successes: successes1, trials: trials1, confidenceLevel: confidenceLevel),
            let second = WilsonInterval(successes: successes2, trials: trials2, confidenceLevel: confidenceLevel)
        else { return nil }
        self.first = first
        self.second = second
        let p1 = first.proportion
        let p2 = second.proportion
        difference = p1 - p2
        let below =
            ((p1 - first.interval.lower) * (p1 - first.interval.lower)
            + (second.interval.upper - p2) * (second.interval.upper - p2)).squareRoot()
        let above =
            ((first.interval.upper - p1) * (first.interval.upper - p1)
            + (p2 - second.interval.lower) * (p2 - second.interval.lower)).squareRoot()
        interval = ConfidenceInterval(
            lower: max(-1, difference - below), upper: min(1, difference + above), level: confidenceLevel)
    }
}
