/// A value axis with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten) covering the data.
///
/// After Heckbert, "Nice numbers for graph labels" (Graphics Gems, 1990). When every value is
/// non-negative the axis starts at zero, so bar heights and counts are not exaggerated.
public struct NiceScale: Sendable, Equatable {
    /// The axis minimum, a multiple of ``step``.
    public let lower: Double
    /// The axis maximum, a multiple of ``step``.
    public let upper: Double
    /// The distance between ticks.
    public let step: Double

    /// Creates an axis for values between `minimum` and `maximum` with about `tickCount` ticks.
    public init(minimum: Double, maximum: Double, tickCount: Int = 5, includesZero: Bool = true) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if low > high { swap(&low, &high) }
        if includesZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if high - low < 1e-12 {
            let pad = abs(high) > 0 ? abs(high) * 0.1 : 1
            high += pad
            if low != 0 || !includesZero { low -= pad }
        }
        let step = Self.nice((high - low) / Double(max(tickCount - 1, 1)))
        self.step = step
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
    }

    /// The tick values from ``lower`` to ``upper``, inclusive.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<max(count, 1)).map { lower + Double($0) * step }
    }

    /// The number of decimals that shows every tick exactly.
    public var fractionDigits: Int {
        var digits = 0
        var scaled = step
        while digits < 9, abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            digits += 1
        }
        return digits
    }

    /// The nearest of 1, 2, 2.5, 5, 10 times a power of ten to `rough` (Heckbert's rounding variant).
    private static func nice(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let fraction = rough / power
        let candidate: Double
        if fraction < 1.5 {
            candidate = 1
        } else if fraction < 2.25 {
            candidate = 2
        } else if fraction < 3.5 {
            candidate = 2.5
        } else if fraction < 7.5 {
            candidate = 5
        } else {
            candidate = 10
        }
        return candidate * power
    }
}
