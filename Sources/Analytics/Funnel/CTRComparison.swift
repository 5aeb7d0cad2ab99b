import Foundation

/// Two CTRs compared (week against week, placement against placement; DESIGN §4.3).
///
/// - Difference p₁ − p₂ with Newcombe's hybrid score interval (`NewcombeInterval`), in proportion units.
/// - Relative change p₁/p₂ − 1 with the Katz log interval for a ratio of two independent binomial proportions
///   (Katz, Baptista, Azen & Pike, *Biometrics* 34:469–474, 1978):
///   exp(log(p₁/p₂) ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)) − 1, defined when both have at least one click.
public struct CTRComparison: Hashable, Sendable {
    /// The cell of interest (this week, or the first placement).
    public let first: FunnelCell
    /// The cell it is compared against (the previous week, or the second placement).
    public let second: FunnelCell
    /// p₁ − p₂ with Newcombe's interval.
    public let difference: NewcombeInterval
    /// p₁/p₂ − 1, as a fraction (0.2 is a CTR 20 % higher); nil when p₂ = 0.
    public let relativeChange: Double?
    /// The Katz interval of the relative change; nil when either cell has no clicks.
    public let relativeChangeInterval: ConfidenceInterval?

    /// Compares `first` against `second`; nil when either has no impressions, more clicks than impressions, or
    /// counts too large (``FunnelCell/countsTooLarge``).
    public init?(_ first: FunnelCell, against second: FunnelCell, confidenceLevel: Double = 0.95) {
        guard !first.countsTooLarge, !second.countsTooLarge,
            let difference = NewcombeInterval(
                successes1: Int(first.clicks), trials1: Int(first.impressions), successes2: Int(second.clicks),
                trials2: Int(second.impressions), confidenceLevel: confidenceLevel)
        else { return nil }
        self.first = first
        self.second = second
        self.difference = difference
        let p1 = difference.first.proportion
        let p2 = difference.second.proportion
        relativeChange = p2 > 0 ? p1 / p2 - 1 : nil
        if first.clicks > 0, second.clicks > 0 {
            let ratio = p1 / p2
            let z = SpecialFunctions.criticalValue(confidenceLevel: confidenceLevel)
            let se =
                (1 / Double(first.clicks) - 1 / Double(first.impressions) + 1 / Double(second.clicks)
                - 1 / Double(second.impressions)).squareRoot()
            relativeChangeInterval = ConfidenceInterval(
                lower: ratio * exp(-z * se) - 1, upper: ratio * exp(z * se) - 1, level: confidenceLevel)
        } else {
            relativeChangeInterval = nil
        }
    }
}
