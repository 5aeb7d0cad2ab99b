/// The ratio of two Poisson rates, (x₁/t₁)/(x₂/t₂), with its exact conditional interval and p-value.
///
/// Conditional on the total x₁ + x₂, x₁ is Binomial(x₁ + x₂, π) with π = t₁·RR/(t₁·RR + t₂). The
/// Clopper–Pearson interval for π, `πL = BetaInv(α/2; x₁, x₂ + 1)` and `πU = BetaInv(1 − α/2; x₁ + 1, x₂)`,
/// is mapped to the rate ratio by π/(1 − π)·t₂/t₁. The p-value for RR = 1 is the central one,
/// `min(1, 2·min(P[X ≤ x₁], P[X ≥ x₁]))` with X ~ Binomial(x₁ + x₂, t₁/(t₁ + t₂)), which always agrees with
/// the interval: p < α exactly when the interval excludes 1 (Fay, *R Journal* 2:53–58, 2010).
///
/// Edge cases: x₁ = 0 gives a lower bound of 0 and an estimate of 0; x₂ = 0 gives an upper bound and an
/// estimate of `Double.infinity`; x₁ = x₂ = 0 gives the estimate NaN (undefined), the interval [0, ∞] and
/// p = 1.
public struct RateRatio: Hashable, Sendable {
    /// Events in the first (index) group, x₁.
    public let events: Int
    /// Exposure of the first group, t₁ (days, person-years…; any positive unit shared with `referenceExposure`).
    public let exposure: Double
    /// Events in the second (reference) group, x₂.
    public let referenceEvents: Int
    /// Exposure of the second group, t₂.
    public let referenceExposure: Double
    /// The estimate (x₁/t₁)/(x₂/t₂); infinite when x₂ = 0 < x₁, NaN when both are 0.
    public let estimate: Double
    /// The exact conditional (Clopper–Pearson) interval for the rate ratio.
    public let interval: ConfidenceInterval
    /// The central exact two-sided p-value for RR = 1 (Fay 2010), in [0, 1].
    public let pValue: Double

    /// Compares `events` in `exposure` against `referenceEvents` in `referenceExposure`.
    ///
    /// - Parameters:
    ///   - events: x₁ ≥ 0.
    ///   - exposure: t₁ > 0.
    ///   - referenceEvents: x₂ ≥ 0.
    ///   - referenceExposure: t₂ > 0.
    ///   - confidenceLevel: 1 − α, default 0.95.
    /// - Returns: nil when a count is negative, an exposure is not positive and finite, or the level is not
    ///   inside (0, 1).
    public init?(
        events: Int, exposure: Double, referenceEvents: Int, referenceExposure: Double,
        confidenceLevel: Double = 0.95
    ) {
        guard events >= 0, referenceEvents >= 0, !events.addingReportingOverflow(referenceEvents).overflow,
            exposure > 0, exposure.isFinite, referenceExposure > 0,
            referenceExposure.isFinite, confidenceLevel > 0, confidenceLevel < 1
        else { return nil }
        self.events = events
        self.exposure = exposure
        self.referenceEvents = referenceEvents
        self.referenceExposure = referenceExposure
        let x1 = Double(events)
        let x2 = Double(referenceEvents)
        let alpha = 1 - confidenceLevel
        let scale = referenceExposure / exposure
        if events == 0 && referenceEvents == 0 {
            estimate = .nan
        } else if referenceEvents == 0 {
            estimate = .infinity
        } else {
            estimate = x1 * scale / x2
        }
        let lowerProportion =
            events == 0 ? 0 : SpecialFunctions.inverseRegularizedIncompleteBeta(p: alpha / 2, a: x1, b: x2 + 1)
        let upperProportion =
            referenceEvents == 0
            ? 1 : SpecialFunctions.inverseRegularizedIncompleteBeta(p: 1 - alpha / 2, a: x1 + 1, b: x2)
        func ratio(_ proportion: Double) -> Double {
            proportion >= 1 ? .infinity : proportion / (1 - proportion) * scale
        }
        interval = ConfidenceInterval(
            lower: ratio(lowerProportion), upper: ratio(upperProportion), level: confidenceLevel)
        let total = events + referenceEvents
        let nullProportion = exposure / (exposure + referenceExposure)
        let lowerTail = SpecialFunctions.binomialCDF(events, trials: total, probability: nullProportion)
        let upperTail = SpecialFunctions.binomialUpperTail(events, trials: total, probability: nullProportion)
        pValue = min(1, 2 * min(lowerTail, upperTail))
    }
}
