import Foundation

/// How daily counts vary around their expected values μ_t: a variance that may grow faster than the level, and
/// deviations that persist from one day to the next (a news story, a TV spot, a viral video).
///
/// The working model is Zeger's (Biometrika 75:621–629, 1988) log-linear model with a latent stationary process:
///
/// - variance v(μ) = a·μ + b·μ², with a ≥ 1 and b ≥ 0 (a = φ, b = 0 is quasi-Poisson; a = 1, b = α is the
///   negative binomial NB2);
/// - correlation of two days k ≥ 1 days apart r(k) = c·ρᵏ, with c in [0, 1] and ρ in [0, 0.98]: the
///   autocorrelation of an AR(1) latent process seen through count noise, which attenuates every lag by the same
///   factor c (an ARMA(1,1) shape). c = 0 is independent days;
/// - so cov(y_s, y_t) = √(v_s·v_t)·r(|s − t|), and the variance of a total over a window is the sum of that over
///   every pair of its days (DESIGN §4.2).
///
/// Why this form rather than a Newey–West estimate with an automatic lag: the sum over a 28-day window needs the
/// correlation at lags up to 27, while the automatic lag for a year of days is 5; with ρ = 0.6 Bartlett weights
/// truncated there recover little more than half of the window's extra variance. Fitting c and ρ to the first
/// 14 lags of the residual autocorrelation extrapolates the tail instead, and stays deterministic.
public struct NoiseStructure: Sendable, Hashable {
    /// a ≥ 1, the part of the variance proportional to the level.
    public let linear: Double
    /// b ≥ 0, the part of the variance proportional to the squared level (α of a negative binomial).
    public let quadratic: Double
    /// c in [0, 1], the correlation at lag k is c·ρᵏ.
    public let correlationScale: Double
    /// ρ in [0, 0.98], the decay of the correlation per day.
    public let decay: Double
    /// The autocorrelation of the standardised residuals (y − μ)/√v(μ) at lags 1, 2, … 14 (fewer when the days
    /// do not hold enough pairs at a lag), as estimated; the fitted c·ρᵏ smooths these.
    public let autocorrelation: [Double]

    /// The lags whose autocorrelation is reported and fitted: 1 to 14 days.
    public static let diagnosticLags = 14
    /// Lags with fewer pairs of days than this are not estimated.
    public static let minimumPairs = 20

    /// Independent Poisson days: v(μ) = μ, no correlation.
    public static let poisson = NoiseStructure(
        linear: 1, quadratic: 0, correlationScale: 0, decay: 0, autocorrelation: [])

    /// A structure from its parameters; they are clamped to their ranges.
    public init(linear: Double, quadratic: Double, correlationScale: Double, decay: Double, autocorrelation: [Double]) {
        self.linear = max(1, linear.isFinite ? linear : 1)
        self.quadratic = max(0, quadratic.isFinite ? quadratic : 0)
        self.correlationScale = min(1, max(0, correlationScale.isFinite ? correlationScale : 0))
        self.decay = min(0.98, max(0, decay.isFinite ? decay : 0))
        self.autocorrelation = autocorrelation
    }

    /// v(μ) = a·μ + b·μ².
    public func variance(atLevel level: Double) -> Double {
        linear * level + quadratic * level * level
    }

    /// r(k): 1 at lag 0, c·ρᵏ beyond.
    public func correlation(lag: Int) -> Double {
        lag == 0 ? 1 : correlationScale * pow(decay, Double(lag))
    }

    /// Whether any correlation between days is assumed.
    public var isSeriallyCorrelated: Bool { correlationScale > 0 && decay > 0 }

    /// The lag beyond which r(k) is below 10⁻⁴ and treated as 0 (at most 400 days).
    public var maximumLag: Int {
        guard isSeriallyCorrelated else { return 0 }
        let lag = log(1e-4 / correlationScale) / log(decay)
        return lag.isFinite ? min(400, max(1, Int(lag.rounded(.up)))) : 400
    }

    /// The estimated autocorrelation at lag 1, when there were enough pairs of consecutive days.
    public var lagOneAutocorrelation: Double? { autocorrelation.first }

    /// The estimated autocorrelation of largest magnitude among lags 1–14, with its lag.
    public var largestAutocorrelation: (lag: Int, value: Double)? {
        guard let index = autocorrelation.indices.max(by: { abs(autocorrelation[$0]) < abs(autocorrelation[$1]) })
        else { return nil }
        return (index + 1, autocorrelation[index])
    }

    /// The covariance of two totals: Σ over the days of `first` and of `second` of √(v_s·v_t)·r(|s − t|).
    /// Days are day numbers (any origin), levels the expected counts μ on them; a day in both lists counts its
    /// variance. `covariance(of: x, and: x)` is the variance of the total over `x`.
    public func covariance(of first: [(day: Int, level: Double)], and second: [(day: Int, level: Double)]) -> Double {
        covariance(of: first, and: second, variance: variance(atLevel:))
    }

    /// The variance of a total over days with the given expected levels.
    public func varianceOfTotal(_ days: [(day: Int, level: Double)]) -> Double {
        covariance(of: days, and: days)
    }

    /// The variance of a total over days with the given levels, v(μ) trusted only over `fitted`, the levels it
    /// was estimated on. When the days' mean level m lies beyond them, the total's variance is scaled by how much
    /// more the variance function could be at m than the fitted one says, among every a·μ + b·μ² (a, b ≥ 0)
    /// that agrees at the nearest fitted level f: v(f)·(m/f)² above the largest (all of the growth
    /// quadratic, as a negative binomial's or a latent process's), v(f)·m/f below the smallest (all of it
    /// Poisson-like). a and b are told apart only by the spread of the fitted levels, so a launch to three
    /// times the usual level, extrapolated with an a fitted too high and a b too low, would otherwise understate
    /// the risen counts' noise. The mean level is compared rather than each day's, since the fitted levels
    /// already span the weekdays' pattern.
    public func varianceOfTotal(_ days: [(day: Int, level: Double)], trustedOver fitted: ClosedRange<Double>) -> Double
    {
        let total = varianceOfTotal(days)
        guard !days.isEmpty else { return total }
        let mean = days.reduce(0) { $0 + $1.level } / Double(days.count)
        var bound: Double?
        if mean > fitted.upperBound, fitted.upperBound > 0 {
            let ratio = mean / fitted.upperBound
            bound = variance(atLevel: fitted.upperBound) * ratio * ratio
        } else if mean < fitted.lowerBound, fitted.lowerBound > 0 {
            bound = variance(atLevel: fitted.lowerBound) * mean / fitted.lowerBound
        }
        guard let bound else { return total }
        let fittedAtMean = variance(atLevel: mean)
        return fittedAtMean > 0 ? total * max(1, bound / fittedAtMean) : total
    }

    /// The index of the first element of `days` (in day order) whose day is at least `day`.
    private static func firstIndex(in days: [(day: Int, level: Double)], atLeast day: Int) -> Int {
        var (low, high) = (0, days.count)
        while low < high {
            let middle = (low + high) / 2
            if days[middle].day < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func covariance(
        of first: [(day: Int, level: Double)], and second: [(day: Int, level: Double)],
        variance: (Double) -> Double
    ) -> Double {
        let limit = maximumLag
        let secondDeviations = second.map { variance($0.level).squareRoot() }
        let correlations = (0...max(0, limit)).map { correlation(lag: $0) }
        var total = 0.0
        // When `second` is in day order, only its days within `limit` of each day of `first` are visited (a
        // year-long window is summed in a few thousand steps rather than 133,000).
        let ordered = zip(second, second.dropFirst()).allSatisfy { $0.day <= $1.day }
        for (day, level) in first {
            let deviation = variance(level).squareRoot()
            var index = 0
            var end = second.count
            if ordered {
                index = Self.firstIndex(in: second, atLeast: day - limit)
                end = Self.firstIndex(in: second, atLeast: day + limit + 1)
            }
            while index < end {
                let lag = abs(second[index].day - day)
                if lag <= limit { total += deviation * secondDeviations[index] * correlations[lag] }
                index += 1
            }
        }
        return total
    }

    /// The standard error of log(O/O_ref) for two totals over the day numbers `days` and `referenceDays`, each
    /// day at its window's mean level (total / days): √(var O/O² + var O_ref/O_ref² − 2·cov/(O·O_ref)), never
    /// below the Poisson √(1/O + 1/O_ref) scaled by a.
    public func standardErrorOfLogRatio(
        _ days: [Int], total: Double, _ referenceDays: [Int], total referenceTotal: Double
    ) -> Double {
        let level = total / Double(max(1, days.count))
        let referenceLevel = referenceTotal / Double(max(1, referenceDays.count))
        let first = days.map { (day: $0, level: level) }
        let second = referenceDays.map { (day: $0, level: referenceLevel) }
        let variance =
            varianceOfTotal(first) / (total * total) + varianceOfTotal(second) / (referenceTotal * referenceTotal)
            - 2 * covariance(of: first, and: second) / (total * referenceTotal)
        let floor = linear * (1 / total + 1 / referenceTotal)
        return max(variance, floor).squareRoot()
    }

    /// Estimates the structure from observed counts and their fitted means on days `days` (day numbers, strictly
    /// increasing; gaps are missing days), by moments.
    ///
    /// - Variance: with u = y − μ, the ratios u²/μ are regressed on (1, μ) by weighted least squares, weights
    ///   1/(a + bμ)² refined three times (the variance of u² is about 2v²); a below 1 refits with a = 1, b below 0
    ///   with b = 0; both are scaled by n/(n − p) for the `parameters` the means were fitted with.
    /// - Correlation: the autocorrelation of z = u/√v(μ) at lags 1–14, over the pairs of days that many days
    ///   apart; then c and ρ minimise Σ_k N_k·(r̂_k − c·ρᵏ)² (N_k pairs at lag k) over ρ on a grid of step 0.01,
    ///   c in closed form and clamped to [0, 1]. A negative autocorrelation is not credited (c = 0). When the means
    ///   were fitted with `smoothParameters` slowly varying columns, the autocorrelation is first corrected for
    ///   the part of the slow variation they absorbed (see the body).
    public static func estimate(
        days: [Int], observed: [Double], expected: [Double], parameters: Int, smoothParameters: Int = 0
    ) -> NoiseStructure {
        let n = min(days.count, observed.count, expected.count)
        guard n > parameters + 2 else { return .poisson }
        let residuals = (0..<n).map { observed[$0] - expected[$0] }
        var a = 1.0
        var b = 0.0
        for _ in 0..<3 {
            (a, b) = fitVarianceFunction(residuals, expected, n, weightingWith: (a, b))
        }
        let correction = Double(n) / Double(n - parameters)
        a *= correction
        b *= correction
        let structure = NoiseStructure(
            linear: a, quadratic: b, correlationScale: 0, decay: 0, autocorrelation: [])
        let standardised = (0..<n).map { residuals[$0] / structure.variance(atLevel: expected[$0]).squareRoot() }
        let (autocorrelation, pairs) = autocorrelations(days: Array(days.prefix(n)), values: standardised)
        var (scale, decay) = fitCorrelation(autocorrelation, pairs)
        // Residuals of a fit are less autocorrelated than the noise itself: each smooth column (level, trend,
        // yearly terms, steps) absorbs about var·L/n of the slow variation, L = 1 + 2cρ/(1 − ρ) the long-run
        // variance factor, which pulls every lag down by δ = q·L/n (the mean-removal bias of the sample
        // autocorrelation, one per smooth column). r ← r + δ(1 − r), refitted twice.
        // The correction is made only when the fitted lag-1 correlation exceeds its standard error under
        // independence, 1/√n: applied to the noise of independent days it would only widen their intervals.
        // (Not crediting such a correlation at all was tried: it narrowed independent days' intervals by 3% but
        // raised the null false-positive rate above 6% in four settings of the calibration.)
        if smoothParameters > 0, scale * decay > 1 / Double(n).squareRoot() {
            for _ in 0..<2 where scale > 0 {
                let longRun = 1 + 2 * scale * decay / (1 - decay)
                let bias = min(0.5, Double(smoothParameters) * longRun / Double(n))
                let corrected = autocorrelation.map { $0 + bias * (1 - $0) }
                (scale, decay) = fitCorrelation(corrected, pairs)
            }
        }
        return NoiseStructure(
            linear: structure.linear, quadratic: structure.quadratic, correlationScale: scale, decay: decay,
            autocorrelation: autocorrelation)
    }

    /// One weighted least-squares fit of u²/μ on (1, μ) with the constraints a ≥ 1, b ≥ 0.
    private static func fitVarianceFunction(
        _ residuals: [Double], _ expected: [Double], _ n: Int, weightingWith previous: (Double, Double)
    ) -> (Double, Double) {
        var s0 = 0.0
        var s1 = 0.0
        var s2 = 0.0
        var r0 = 0.0
        var r1 = 0.0
        for index in 0..<n {
            let mu = expected[index]
            guard mu > 0 else { continue }
            let ratio = residuals[index] * residuals[index] / mu
            let scale = previous.0 + previous.1 * mu
            let weight = 1 / (scale * scale)
            s0 += weight
            s1 += weight * mu
            s2 += weight * mu * mu
            r0 += weight * ratio
            r1 += weight * ratio * mu
        }
        guard s0 > 0 else { return (1, 0) }
        let determinant = s0 * s2 - s1 * s1
        var a = r0 / s0
        var b = 0.0
        if determinant > 1e-12 * s0 * s2 {
            a = (s2 * r0 - s1 * r1) / determinant
            b = (s0 * r1 - s1 * r0) / determinant
        }
        if a < 1 {
            a = 1
            b = s2 > 0 ? max(0, (r1 - s1) / s2) : 0
        }
        if b < 0 {
            b = 0
            a = max(1, r0 / s0)
        }
        return (a, b)
    }

    /// The autocorrelation of `values` on `days` at lags 1–14, each over the pairs that many days apart, and the
    /// number of pairs; the list stops before the first lag with fewer than `minimumPairs` pairs.
    static func autocorrelations(days: [Int], values: [Double]) -> ([Double], [Int]) {
        guard let first = days.first, let last = days.last, !values.isEmpty else { return ([], []) }
        var byOffset = [Double](repeating: .nan, count: last - first + 1)
        for (day, value) in zip(days, values) { byOffset[day - first] = value }
        let variance = values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
        guard variance > 0 else { return ([], []) }
        var result: [Double] = []
        var counts: [Int] = []
        for lag in 1...diagnosticLags {
            var sum = 0.0
            var pairs = 0
            var offset = 0
            while offset + lag < byOffset.count {
                let x = byOffset[offset]
                let y = byOffset[offset + lag]
                if !x.isNaN, !y.isNaN {
                    sum += x * y
                    pairs += 1
                }
                offset += 1
            }
            guard pairs >= minimumPairs else { break }
            result.append(sum / Double(pairs) / variance)
            counts.append(pairs)
        }
        return (result, counts)
    }

    /// c and ρ of c·ρᵏ fitted to the autocorrelation by least squares weighted by the pairs at each lag.
    static func fitCorrelation(_ autocorrelation: [Double], _ pairs: [Int]) -> (Double, Double) {
        guard !autocorrelation.isEmpty else { return (0, 0) }
        var best = (scale: 0.0, decay: 0.0, error: Double.infinity)
        for step in 0...98 {
            let decay = Double(step) / 100
            var numerator = 0.0
            var denominator = 0.0
            var power = 1.0
            for (value, count) in zip(autocorrelation, pairs) {
                power *= decay
                numerator += Double(count) * value * power
                denominator += Double(count) * power * power
            }
            let scale = denominator > 0 ? min(1, max(0, numerator / denominator)) : 0
            var error = 0.0
            power = 1
            for (value, count) in zip(autocorrelation, pairs) {
                power *= decay
                let residual = value - scale * power
                error += Double(count) * residual * residual
            }
            if error < best.error - 1e-15 { best = (scale, decay, error) }
        }
        return best.scale > 0 && best.decay > 0 ? (best.scale, best.decay) : (0, 0)
    }
}
