import Foundation

/// How the effect of a context event ends after its last day, from `ends_over:` and `return:` in
/// `campaigns.yaml` (DESIGN §3.4): calls do not snap back the day a lockdown is lifted.
///
/// The event's design column is 1 on its days and then falls to 0 over `days` days after its end: on the k-th
/// day after the end (k = 1…`days`) it is 1 − k/`days` for a linear return, and 20^(−k/`days`) for an
/// exponential one, a half-life of `days`·ln 2/ln 20 (about 0.23·`days`) that leaves 5 % on the last day;
/// 0 afterwards.
public struct ContextReturn: Sendable, Hashable {
    /// The shape of the return to the usual level.
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        /// A straight line from the event's level to the usual level (the default).
        case linear
        /// A geometric decay that leaves 5 % of the effect on the last day of the return, then none.
        case exponential
    }

    /// The days over which the effect ends, after the event's last day (at least 1).
    public let days: Int
    /// The shape of the return.
    public let shape: Shape

    /// Creates a return over `days` days (at least 1) of the given shape.
    public init(days: Int, shape: Shape = .linear) {
        self.days = max(1, days)
        self.shape = shape
    }

    /// The share of the event's effect left `daysAfterEnd` days after its last day: 1 on the last day and
    /// before, 0 from the `days`-th day after it on (the linear return) or after it (the exponential one).
    public func remainingEffect(daysAfterEnd: Int) -> Double {
        guard daysAfterEnd > 0 else { return 1 }
        guard daysAfterEnd <= days else { return 0 }
        let fraction = Double(daysAfterEnd) / Double(days)
        switch shape {
        case .linear: return 1 - fraction
        case .exponential: return pow(20, -fraction)
        }
    }
}
