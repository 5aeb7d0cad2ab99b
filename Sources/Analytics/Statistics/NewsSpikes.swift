import Foundation

/// News spikes among a fit's days: short runs of days far above the model (a news story, a TV programme that gives
/// the number), found robustly, and what they say about how often a window of days holds one.
///
/// Spikes are not noise of the kind `NoiseStructure` describes: a few days at two to four times the usual level in
/// a year add little to the mean but dominate a moment estimate of the variance and of the autocorrelation, so
/// every interval widens for what happens on a few days (on simulated calls with four spikes a year, the median
/// interval was 2.1 to 5.4 times that of the same days without them; docs/estimates.md, "Calibration"). They are found on the standardised
/// residuals z = (y − μ)/√v(μ) of a first fit, measured against their median and their median absolute deviation
/// (scaled by 1.4826, the standard deviation of normal data; Hampel 1974), which a few spikes do not move:
///
/// - a spike starts on a day whose z is more than `onsetDeviations` (4) robust standard deviations above the
///   median, and goes on over the following consecutive days above `tailDeviations` (2), its decaying tail;
/// - a run longer than `longestSpike` (7) days, or one whose `surroundingDays` (7) fitted days before it or after
///   it have a median z above the tail's threshold, is not a spike but a change of level broken by the noise into pieces,
///   which the model's checks (`RecentFitCheck`) are for: it is left in the fit;
/// - a day more than 4 robust standard deviations below the median (a line down, a day of missing calls recorded
///   as few) is left out too, but is no spike.
///
/// The counterfactual model leaves these days out of its fit and of its noise estimate, says so
/// (`EstimateNote.outlierDaysLeftOut`), and gives a window that holds a day standing out as a spike does
/// (`standingOut`) the right skew of the spikes it may hold (`windowExcess(days:holdingOne:)`): the spikes found
/// start on a share λ of the days, so a window of W days holds K of them, K Poisson with mean λW, each adding the
/// extra calls of one of the spikes seen. A window with no such day holds no spike of the size the fit left out,
/// and keeps the symmetric interval of the noise that remains: spikes widen only the intervals of the windows
/// they are in, on their lower side.
public struct NewsSpikes: Sendable, Hashable {
    /// One spike: its days and its extra calls.
    public struct Spike: Sendable, Hashable {
        /// Its days (day numbers), in order; the first is its onset.
        public let days: [Int]
        /// Σ (y/μ − 1) over its days: its extra calls in days of the usual level (one day at 3× is 2).
        public let excess: Double

        /// Creates a spike.
        public init(days: [Int], excess: Double) {
            self.days = days
            self.excess = excess
        }
    }

    /// The median of the standardised residuals.
    public let centre: Double
    /// 1.4826 × the median absolute deviation of the standardised residuals from their median.
    public let scale: Double
    /// The spikes, in day order.
    public let spikes: [Spike]
    /// The days far below the model (day numbers, in order): left out of the fit, not spikes.
    public let lowDays: [Int]
    /// The number of days looked at (the days λ is a share of).
    public let daysLookedAt: Int

    /// A spike's first day is this many robust standard deviations above the median.
    public static let onsetDeviations = 4.0
    /// A spike's tail days are this many robust standard deviations above the median.
    public static let tailDeviations = 2.0
    /// The longest run of days taken for a spike.
    public static let longestSpike = 7
    /// A spike rises from the usual level and returns to it: the median z of this many fitted days before the run,
    /// and that of as many after it, are each below the tail's threshold.
    public static let surroundingDays = 7
    /// At most this many spike sizes enter a window's mixture (quantiles of those seen, when there are more).
    static let largestMixture = 16

    /// No spike (and a unit scale): a model without them, or one that found none.
    public static let none = NewsSpikes(centre: 0, scale: 1, spikes: [], lowDays: [], daysLookedAt: 0)

    /// Creates the outcome of a search.
    public init(centre: Double, scale: Double, spikes: [Spike], lowDays: [Int], daysLookedAt: Int) {
        self.centre = centre
        self.scale = scale
        self.spikes = spikes
        self.lowDays = lowDays
        self.daysLookedAt = daysLookedAt
    }

    /// Every day left out: the spikes' days and the low days, in order.
    public var flaggedDays: [Int] { (spikes.flatMap(\.days) + lowDays).sorted() }

    /// λ, the share of the days looked at on which a spike starts.
    public var onsetRate: Double { daysLookedAt > 0 ? Double(spikes.count) / Double(daysLookedAt) : 0 }

    /// The standardised residual above which a day starts a spike: centre + 4 × scale.
    public var onsetThreshold: Double { centre + Self.onsetDeviations * scale }

    /// Finds the spikes among days with observed counts and fitted means (`days` strictly increasing day numbers;
    /// gaps are missing days), their variance `noise.variance(atLevel:)`. Fewer than 28 days, or residuals with no
    /// spread, give `none`.
    public static func find(days: [Int], observed: [Double], expected: [Double], noise: NoiseStructure) -> NewsSpikes {
        let n = min(days.count, observed.count, expected.count)
        guard n >= 28 else { return .none }
        let z = (0..<n).map { index -> Double in
            let variance = noise.variance(atLevel: expected[index])
            return variance > 0 ? (observed[index] - expected[index]) / variance.squareRoot() : 0
        }
        let centre = median(z)
        let scale = 1.4826 * median(z.map { abs($0 - centre) })
        guard scale > 0, scale.isFinite else { return .none }
        let onset = centre + onsetDeviations * scale
        let tail = centre + tailDeviations * scale
        var spikes: [Spike] = []
        var lowDays: [Int] = []
        var index = 0
        while index < n {
            if z[index] < centre - onsetDeviations * scale { lowDays.append(days[index]) }
            guard z[index] > onset else {
                index += 1
                continue
            }
            var end = index + 1
            while end < n, days[end] == days[end - 1] + 1, z[end] > tail { end += 1 }
            let before = Array(z[max(0, index - surroundingDays)..<index])
            let after = Array(z[end..<min(n, end + surroundingDays)])
            let usualAround = [before, after].allSatisfy { $0.isEmpty || median($0) <= tail }
            if end - index <= longestSpike, usualAround {
                let excess = (index..<end).reduce(0.0) { total, day in
                    expected[day] > 0 ? total + observed[day] / expected[day] - 1 : total
                }
                spikes.append(Spike(days: Array(days[index..<end]), excess: excess))
            }
            index = end
        }
        return NewsSpikes(centre: centre, scale: scale, spikes: spikes, lowDays: lowDays, daysLookedAt: n)
    }

    /// The distribution of the spikes' extra calls in a window of `days` days that holds at least one spike
    /// (`holdingOne`) or none, in days of the window's usual level: (probability, excess) pairs whose
    /// probabilities sum to 1. Given at least one, K is Poisson with mean λW given K ≥ 1: one spike with
    /// probability λW·e^(−λW)/(1 − e^(−λW)), as large as each spike seen with equal chance; two or more with the
    /// rest, taken as two (with λW = 0.15, three or more have a chance of 5·10⁻⁴ before conditioning). Given none,
    /// or when the fit found no spike, [(1, 0)].
    public func windowExcess(days: Int, holdingOne: Bool) -> [(probability: Double, excess: Double)] {
        let mean = onsetRate * Double(max(0, days))
        guard holdingOne, mean > 0 else { return [(1, 0)] }
        let sizes = Self.representatives(spikes.map(\.excess))
        let none = exp(-mean)
        let one = mean * none / (1 - none)
        let more = max(0, 1 - one)
        var result: [(probability: Double, excess: Double)] = []
        let share = 1 / Double(sizes.count)
        for size in sizes { result.append((one * share, size)) }
        for first in sizes {
            for second in sizes { result.append((more * share * share, first + second)) }
        }
        return result
    }

    /// The indices of the days of a window that stand out as a spike's: with R the median of y/μ over the window
    /// (its typical ratio, which a spike does not move), the days whose (y − R·μ)/√v(R·μ) is above
    /// `onsetThreshold`, v the model's variance function `noise` (the one `centre` and `scale` were measured
    /// with: see `rescaled`). A rise of the whole window has none.
    public func standingOut(observed: [Double], levels: [Double], noise: NoiseStructure) -> [Int] {
        let ratios = zip(observed, levels).compactMap { $1 > 0 ? $0 / $1 : nil }
        guard !ratios.isEmpty else { return [] }
        let typical = Self.median(ratios)
        return observed.indices.filter { index in
            guard index < levels.count else { return false }
            let level = typical * levels[index]
            let variance = noise.variance(atLevel: level)
            return variance > 0 && (observed[index] - level) / variance.squareRoot() > onsetThreshold
        }
    }

    /// The same spikes with `centre` and `scale` measured again on the residuals of the days left in the fit,
    /// standardised with the noise estimated on them: the variance function of every day, spikes included, is
    /// larger, so the first scale is in units that a window's residuals under the final noise are not in.
    public func rescaled(days: [Int], observed: [Double], expected: [Double], noise: NoiseStructure) -> NewsSpikes {
        let n = min(days.count, observed.count, expected.count)
        guard n >= 28 else { return self }
        let z = (0..<n).map { index -> Double in
            let variance = noise.variance(atLevel: expected[index])
            return variance > 0 ? (observed[index] - expected[index]) / variance.squareRoot() : 0
        }
        let centre = Self.median(z)
        let scale = 1.4826 * Self.median(z.map { abs($0 - centre) })
        guard scale > 0, scale.isFinite else { return self }
        return NewsSpikes(centre: centre, scale: scale, spikes: spikes, lowDays: lowDays, daysLookedAt: daysLookedAt)
    }

    /// The values, or `largestMixture` evenly spaced quantiles of them when there are more.
    private static func representatives(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        guard sorted.count > largestMixture else { return sorted }
        return (0..<largestMixture).map { index in
            let position = (Double(index) + 0.5) / Double(largestMixture) * Double(sorted.count) - 0.5
            return sorted[min(sorted.count - 1, max(0, Int(position.rounded())))]
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
