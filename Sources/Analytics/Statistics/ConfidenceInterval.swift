/// A two-sided confidence interval with its confidence level.
///
/// Bounds may be infinite (`upper == .infinity` when the data cannot bound the quantity from above, as for a
/// rate ratio with no events in the reference group).
public struct ConfidenceInterval: Hashable, Sendable {
    /// The lower bound.
    public let lower: Double
    /// The upper bound (may be `Double.infinity`).
    public let upper: Double
    /// The confidence level, such as 0.95.
    public let level: Double

    /// Creates the interval [`lower`, `upper`] at confidence level `level` (0 < level < 1).
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether `value` lies inside the interval, both bounds included.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// The interval with `transform` applied to both bounds; `transform` must be increasing.
    public func mapped(_ transform: (Double) -> Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: transform(lower), upper: transform(upper), level: level)
    }
}
