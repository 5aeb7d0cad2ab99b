import Ingest

/// One day of the counterfactual chart: what was observed and what the model expected without the campaign.
public struct DailyExpectation: Hashable, Sendable {
    /// The local day.
    public let date: CivilDate
    /// The observed count, or nil when the day has no data.
    public let observed: Double?
    /// The model's expected count μ_t.
    public let expected: Double
    /// Pointwise interval for the count of that day: μ_t·exp(±z·√(μ_t²·x_tᵀΣx_t + φ·μ_t)/μ_t), covering both the
    /// parameter uncertainty and the day's own (φ-scaled Poisson) noise.
    public let interval: ConfidenceInterval
    /// Whether the day lies in the evaluated window (campaign, placebo or persistence window).
    public let inWindow: Bool
    /// Whether the day was used to fit the model.
    public let usedInFit: Bool

    /// Creates one day of the chart.
    public init(
        date: CivilDate, observed: Double?, expected: Double, interval: ConfidenceInterval, inWindow: Bool,
        usedInFit: Bool
    ) {
        self.date = date
        self.observed = observed
        self.expected = expected
        self.interval = interval
        self.inWindow = inWindow
        self.usedInFit = usedInFit
    }
}
