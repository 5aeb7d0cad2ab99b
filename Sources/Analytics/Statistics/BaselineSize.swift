/// When a relative change is no comparison at all: the reference is so small against the compared count
/// (impressions of a full campaign against a 1 % pilot, a week against a week with a handful of events) that
/// the percentage, or its interval, runs into the thousands.
public enum BaselineSize {
    /// The largest ratio of compared to reference rate that is still shown as a percentage: 20, i.e. +1,900 %.
    /// The 3919 launch in the sample data, the largest real rise it holds, is a ratio of about 3.6.
    public static let largestComparableRatio = 20.0

    /// Whether a relative change `change` (RR − 1) with upper bound `upper` should be shown as "baseline too
    /// small to compare" rather than as a percentage: its ratio, or its interval's upper ratio, exceeds
    /// `largestComparableRatio`, or is not finite.
    public static func isTooSmall(change: Double, upper: Double? = nil) -> Bool {
        let ratios = [1 + change] + (upper.map { [1 + $0] } ?? [])
        return ratios.contains { !$0.isFinite || $0 > largestComparableRatio }
    }
}
