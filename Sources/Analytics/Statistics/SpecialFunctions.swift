import Foundation

/// The special functions the exact intervals and the model rest on: log-gamma, the regularised incomplete
/// beta function and its inverse, the standard normal distribution and the binomial distribution.
///
/// All functions are pure and return NaN for arguments outside their domain rather than trapping.
public enum SpecialFunctions {
    // MARK: - Gamma

    /// The natural logarithm of the gamma function, ln Γ(x), for x > 0.
    ///
    /// Lanczos approximation with g = 671/128 and 14 terms (Press et al., *Numerical Recipes*, 3rd ed.,
    /// §6.1, `gammln`), relative accuracy about 1e-15. Computed here rather than with C `lgamma`, which
    /// writes the global `signgam` and so is not safe to call from concurrent code.
    public static func logGamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        var y = x
        let shifted = x + 5.24218750000000000
        let head = (x + 0.5) * log(shifted) - shifted
        var series = 0.999999999999997092
        for coefficient in lanczosCoefficients {
            y += 1
            series += coefficient / y
        }
        return head + log(2.5066282746310005 * series / x)
    }

    private static let lanczosCoefficients: [Double] = [
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
        0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3,
        -0.210264441724104883e-3, 0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4,
        -0.261908384015814087e-4, 0.368991826595316234e-5,
    ]

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    // MARK: - Incomplete beta

    /// The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0 and
    /// 0 ≤ x ≤ 1.
    ///
    /// Continued fraction evaluated by the modified Lentz method, on I_x(a, b) directly when
    /// x < (a + 1)/(a + b + 2) and through the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) otherwise, where it
    /// converges fastest (Numerical Recipes, 3rd ed., §6.4). Accurate to about 1e-14 relative.
    public static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(x: 1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let sum = a + b
        let aPlusOne = a + 1
        let aMinusOne = a - 1
        var c = 1.0
        var d = 1 - sum * x / aPlusOne
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        // Convergence takes O(sqrt(max(a, b))) terms; counts near 1e6 need a few thousand.
        for m in 1...100_000 {
            let mm = Double(m)
            let m2 = 2 * mm
            var term = mm * (b - mm) * x / ((aMinusOne + m2) * (a + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            term = -(a + mm) * (sum + mm) * x / ((a + m2) * (aPlusOne + m2))
            d = 1 + term * d
            if abs(d) < tiny { d = tiny }
            c = 1 + term / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        return h
    }

    /// The inverse of the regularised incomplete beta function: the x in [0, 1] with I_x(a, b) = p.
    ///
    /// This is the quantile of the Beta(a, b) distribution. Starts from the approximation of Numerical
    /// Recipes (3rd ed., §6.14, `invbetai`) and refines it by Newton steps kept inside a bracket that
    /// shrinks at every step (bisection when a step would leave it), to about 1e-13 relative.
    public static func inverseRegularizedIncompleteBeta(p: Double, a: Double, b: Double) -> Double {
        guard a > 0, b > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        var x = initialBetaQuantile(p: p, a: a, b: b)
        if !(x > 0 && x < 1) { x = a / (a + b) }
        var low = 0.0
        var high = 1.0
        let logNormaliser = logBeta(a, b)
        for _ in 0..<300 {
            let error = regularizedIncompleteBeta(x: x, a: a, b: b) - p
            if error == 0 { return x }
            if error < 0 { low = x } else { high = x }
            let logDensity = (a - 1) * log(x) + (b - 1) * log1p(-x) - logNormaliser
            var next = x - error / exp(logDensity)
            if !(next > low && next < high) || !next.isFinite {
                // Geometric bisection when the bracket spans orders of magnitude near 0.
                next = low > 0 && high / low > 16 ? sqrt(low * high) : (low + high) / 2
                if low == 0 { next = high / 16 }
            }
            if abs(next - x) <= 1e-15 * max(next, 1e-300) || high - low <= 1e-15 * high {
                return next
            }
            x = next
        }
        return x
    }

    private static func initialBetaQuantile(p: Double, a: Double, b: Double) -> Double {
        if a >= 1 && b >= 1 {
            let tail = p < 0.5 ? p : 1 - p
            let t = sqrt(-2 * log(tail))
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { z = -z }
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6.0 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        let logA = log(a / (a + b))
        let logB = log(b / (a + b))
        let t = exp(a * logA) / a
        let u = exp(b * logB) / b
        let w = t + u
        if p < t / w { return pow(a * w * p, 1 / a) }
        return 1 - pow(b * w * (1 - p), 1 / b)
    }

    // MARK: - Normal distribution

    /// The standard normal cumulative distribution function Φ(z) = ½·erfc(−z/√2).
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (−∞ at 0, +∞ at 1, NaN outside [0, 1]).
    ///
    /// Wichura's algorithm AS 241 (`PPND16`, Applied Statistics 37:477–484, 1988), accurate to about
    /// 1 part in 1e16.
    public static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * polynomial(r, centralNumerator) / polynomial(r, centralDenominator)
        }
        var r = q < 0 ? p : 1 - p
        r = sqrt(-log(r))
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = polynomial(r, intermediateNumerator) / polynomial(r, intermediateDenominator)
        } else {
            r -= 5
            value = polynomial(r, tailNumerator) / polynomial(r, tailDenominator)
        }
        return q < 0 ? -value : value
    }

    /// The two-sided critical value z_{1−α/2} for a confidence level 1 − α (1.959964 at 0.95).
    public static func criticalValue(confidenceLevel: Double) -> Double {
        normalQuantile(1 - (1 - confidenceLevel) / 2)
    }

    /// The two-sided critical value t_{ν, 1−α/2} of Student's t with `degreesOfFreedom` ν > 0 (2.0086 for ν = 50
    /// at 0.95; the normal one when ν is infinite). From P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2) (Abramowitz & Stegun
    /// 26.7.1), inverted with `inverseRegularizedIncompleteBeta`.
    public static func studentCriticalValue(confidenceLevel: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom.isFinite else { return criticalValue(confidenceLevel: confidenceLevel) }
        let x = inverseRegularizedIncompleteBeta(p: 1 - confidenceLevel, a: degreesOfFreedom / 2, b: 0.5)
        return (degreesOfFreedom * (1 / x - 1)).squareRoot()
    }

    /// The two-sided p-value P(|T| > |t|) of Student's t with ν degrees of freedom (the normal one when ν is
    /// infinite).
    public static func studentTwoSidedPValue(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom.isFinite else { return 2 * normalCDF(-abs(t)) }
        return regularizedIncompleteBeta(
            x: degreesOfFreedom / (degreesOfFreedom + t * t), a: degreesOfFreedom / 2, b: 0.5)
    }

    /// Evaluates c₀ + c₁x + … + cₙxⁿ by Horner's rule; coefficients in increasing degree.
    private static func polynomial(_ x: Double, _ coefficients: [Double]) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    private static let centralNumerator: [Double] = [
        3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4,
        4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3,
    ]
    private static let centralDenominator: [Double] = [
        1, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3, 2.1213794301586595867e4,
        3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3,
    ]
    private static let intermediateNumerator: [Double] = [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
        1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ]
    private static let intermediateDenominator: [Double] = [
        1, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
    ]
    private static let tailNumerator: [Double] = [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    private static let tailDenominator: [Double] = [
        1, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
    ]

    // MARK: - Binomial distribution

    /// P[X ≤ k] for X ~ Binomial(n, p), through P[X ≤ k] = I_{1−p}(n − k, k + 1).
    public static func binomialCDF(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if p == 0 { return 1 }
        if p == 1 { return 0 }
        return regularizedIncompleteBeta(x: 1 - p, a: Double(n - k), b: Double(k + 1))
    }

    /// P[X ≥ k] for X ~ Binomial(n, p), through P[X ≥ k] = I_p(k, n − k + 1); computed directly rather
    /// than as 1 − P[X ≤ k − 1] so that small upper tails keep their precision.
    public static func binomialUpperTail(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard n >= 0, p >= 0, p <= 1 else { return .nan }
        if k <= 0 { return 1 }
        if k > n { return 0 }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        return regularizedIncompleteBeta(x: p, a: Double(k), b: Double(n - k + 1))
    }
}
