import Ingest

/// The outcome of a counterfactual-model evaluation on one window (DESIGN §4.2): either the figures, or the
/// reason no model was fitted.
public struct CounterfactualEstimate: Sendable {
    /// Which window was evaluated.
    public enum Method: String, Sendable, Hashable {
        /// The campaign window itself.
        case model
        /// A fake campaign of the same length ending the day before the real one, fitted on earlier data only:
        /// it should find nothing.
        case placebo
        /// The window of the same length right after the campaign ("did the effect persist?").
        case persistence
    }

    /// The figures of a fitted model on its window.
    public struct Figures: Sendable, Hashable {
        /// O, the observed total over the window days with data.
        public let observed: Double
        /// E = Σ μ_t over the same days: the expected total without the campaign.
        public let expected: Double
        /// exp(log E ± z·se): interval for the counterfactual total.
        public let expectedInterval: ConfidenceInterval
        /// O − E, in counts.
        public let extra: Double
        /// (O − E_high, O − E_low).
        public let extraInterval: ConfidenceInterval
        /// O/E − 1, as a fraction (0.2 is +20 %).
        public let uplift: Double
        /// (O/E_high − 1, O/E_low − 1).
        public let upliftInterval: ConfidenceInterval
        /// Two-sided p-value of log(O/E)/se against the standard normal. The uplift interval is exactly the
        /// inversion of this test, so p < 1 − level if and only if `upliftInterval` excludes 0. (0 when O = 0.)
        public let pValue: Double
        /// se = √(gᵀΣg + V)/E, the standard error of log(O/E): g = Σ μ_t x_t over the window, Σ the sandwich
        /// covariance of the coefficients under `noise`, V the variance of the window's total under `noise`.
        public let standardError: Double
        /// The standard error the model would give if days were independent with variance φμ (the quasi-Poisson
        /// √(φ·gᵀ(XᵀWX)⁻¹g + φE)/E); `standardError` over this is how much the noise widened the interval.
        public let independentStandardError: Double
        /// φ = max(1, Pearson X²/(n − p)) of the fit.
        public let dispersion: Double
        /// The variance function and serial correlation of the fitted days' residuals, used for the interval.
        public let noise: NoiseStructure
        /// The news spikes found among the fitted days (`NewsSpikes`): left out of the fit and of `noise`, and
        /// allowed for in the window's interval. `NewsSpikes.none` when there were none.
        public let newsSpikes: NewsSpikes
        /// The control series of the model's offset (`calls:3919`), in the order given.
        public let controls: [String]
        /// The uplift detectable with 80 % power at this level: exp((z_{1−α/2} + z_{0.80})·se) − 1.
        public let minimumDetectableUplift: Double
        /// Window days with data (the days O and E are summed over).
        public let windowDaysWithData: Int
        /// Days the model was fitted on.
        public let fittedDays: Int
        /// IRLS iterations of the fit.
        public let iterations: Int
        /// The design columns kept, in design order (`DesignColumn.name` writes them as `intercept`, `trend`,
        /// `tuesday`, `holiday`, `context:lockdown-1`, `sin1`…).
        public let columns: [DesignColumn]
        /// The fitted coefficients, in `columns` order (log rate ratios; trend per year).
        public let coefficients: [Double]
        /// Observed and expected for every day from the fit window's start to the evaluated window's end.
        public let daily: [DailyExpectation]
        /// What the window's interval is built from, for the interval of its first days (`CumulativeEffect`).
        public let windowTerms: WindowTerms
    }

    /// Which window was evaluated.
    public let method: Method
    /// The evaluated window, inclusive.
    public let window: DayRange
    /// The window the fit drew on, inclusive (days in it without data, in excluded ranges or in the campaign
    /// were not used).
    public let fitWindow: DayRange
    /// The confidence level of the intervals.
    public let confidenceLevel: Double
    /// Days of the evaluated window without data, in order. They are left out of O and E alike.
    public let missingDays: [CivilDate]
    /// What the analyst should know: dropped design columns, seasonality not modelled, and the like.
    public let notes: [EstimateNote]
    /// The figures, nil when no model was fitted.
    public let figures: Figures?
    /// Why no model was fitted (fewer than 28 days, all zeros, singular design, no data in the window), else nil.
    public let notFittedReason: NotFittedReason?

    /// Whether a model was fitted and evaluated.
    public var isFitted: Bool { figures != nil }

    /// The changes of level and slope the fit found (`EstimateNote.trendChanged`), in the order found.
    public var trendChanges: [TrendChange] {
        notes.compactMap { note in
            if case .trendChanged(let change) = note { return change }
            return nil
        }
    }
}

extension CounterfactualEstimate.Figures {
    /// How many times wider the interval is on the log scale than under independent φμ days (1 when the noise
    /// changed nothing).
    public var intervalWidening: Double {
        independentStandardError > 0 ? standardError / independentStandardError : 1
    }

    /// The context events the model adjusted for (the ids of its context-event columns), in design order.
    public var contextEventsAdjustedFor: [String] { columns.compactMap(\.contextEventID) }
}
