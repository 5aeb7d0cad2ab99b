import Ingest

/// One estimate flattened to the columns of `uplift.csv` (DESIGN §5), as typed values; nil is an empty cell.
///
/// Changes and uplifts are fractions (0.2 is +20 %). For `window` and `year_over_year`, `expected` is the
/// baseline daily rate times the campaign days with data, n_c·O_b/n_b, and its interval is O_c/RR at the bounds
/// of the φ-scaled rate-ratio interval (absent when O_c = 0).
public struct UpliftRow: Hashable, Sendable {
    /// The estimation method, as written in the `method` column.
    public enum Method: String, Hashable, Sendable, CaseIterable {
        /// Campaign window against its baseline (§4.1).
        case window
        /// Campaign window against the same window 364 days earlier (§4.1).
        case yearOverYear = "year_over_year"
        /// The counterfactual model on the campaign window (§4.2).
        case model
        /// The model without the steps of the context events that overlap the window.
        case modelWithoutContext = "model_without_context"
        /// The model on a fake campaign just before the real one (§4.2).
        case placebo
        /// The model on the window of equal length after the campaign (§4.2).
        case persistence
    }

    /// `campaign`: the campaign id.
    public let campaign: String
    /// `series`: the series estimated.
    public let series: SeriesName
    /// `method`.
    public let method: Method
    /// `start`: first day of the evaluated window (the placebo or persistence window for those methods).
    public let start: CivilDate
    /// `end`: last day of the evaluated window, inclusive.
    public let end: CivilDate
    /// `observed`: the total over the window's days with data.
    public let observed: Double?
    /// `expected`: the total expected without the campaign over the same days.
    public let expected: Double?
    /// `expected_low`.
    public let expectedLow: Double?
    /// `expected_high`.
    public let expectedHigh: Double?
    /// `extra`: observed − expected, in counts.
    public let extra: Double?
    /// `extra_low`.
    public let extraLow: Double?
    /// `extra_high`.
    public let extraHigh: Double?
    /// `uplift`: observed/expected − 1 (RR − 1 for window methods).
    public let uplift: Double?
    /// `uplift_low`.
    public let upliftLow: Double?
    /// `uplift_high`.
    public let upliftHigh: Double?
    /// `p_value`: two-sided, from the same statistic as the interval.
    public let pValue: Double?
    /// `dispersion`: φ ≥ 1 behind the interval.
    public let dispersion: Double?
    /// `note`: why a method gave no numbers, or what the reader should know; empty when there is nothing to say.
    /// Reporting words them (the tidy files in English, joined with "; ").
    public let notes: [EstimateNote]

    /// Creates a row from its cells.
    /// The autocorrelation at lag 1 of the residuals (standardised by the variance function) behind the interval.
    public let autocorrelationLag1: Double?
    /// The autocorrelation of largest magnitude among lags 1–14.
    public let autocorrelationMaximum: Double?
    /// Its lag in days.
    public let autocorrelationMaximumLag: Int?
    /// How many times wider the interval is, on the log scale, than it would be with independent φμ days (1 when
    /// the noise structure changed nothing).
    public let intervalWidening: Double?
    /// The control series of the model (model, placebo and persistence rows).
    public let controls: [String]
    /// The context events the model adjusted for, one step each.
    public let contextEvents: [String]
    /// `headline`: whether this is the row a headline about this series quotes (``HeadlineChoice``); one row per
    /// series at most.
    public var headline = false
    /// `caution`: on the headline row, the codes of the cautions against it (``HeadlineCaution/Code``), joined
    /// with `;` in the tidy files; empty elsewhere.
    public var cautions: [HeadlineCaution.Code] = []

    public init(
        campaign: String, series: SeriesName, method: Method, start: CivilDate, end: CivilDate,
        observed: Double? = nil, expected: Double? = nil, expectedLow: Double? = nil, expectedHigh: Double? = nil,
        extra: Double? = nil, extraLow: Double? = nil, extraHigh: Double? = nil, uplift: Double? = nil,
        upliftLow: Double? = nil, upliftHigh: Double? = nil, pValue: Double? = nil, dispersion: Double? = nil,
        notes: [EstimateNote] = [], autocorrelationLag1: Double? = nil, autocorrelationMaximum: Double? = nil,
        autocorrelationMaximumLag: Int? = nil, intervalWidening: Double? = nil, controls: [String] = [],
        contextEvents: [String] = []
    ) {
        self.autocorrelationLag1 = autocorrelationLag1
        self.autocorrelationMaximum = autocorrelationMaximum
        self.autocorrelationMaximumLag = autocorrelationMaximumLag
        self.intervalWidening = intervalWidening
        self.controls = controls
        self.contextEvents = contextEvents
        self.campaign = campaign
        self.series = series
        self.method = method
        self.start = start
        self.end = end
        self.observed = observed
        self.expected = expected
        self.expectedLow = expectedLow
        self.expectedHigh = expectedHigh
        self.extra = extra
        self.extraLow = extraLow
        self.extraHigh = extraHigh
        self.uplift = uplift
        self.upliftLow = upliftLow
        self.upliftHigh = upliftHigh
        self.pValue = pValue
        self.dispersion = dispersion
        self.notes = notes
    }

    /// The column names of `uplift.csv`, in order.
    public static let columns = [
        "campaign", "series", "method", "start", "end", "observed", "expected", "expected_low", "expected_high",
        "extra", "extra_low", "extra_high", "uplift", "uplift_low", "uplift_high", "p_value", "dispersion", "note",
        "autocorrelation_lag1", "autocorrelation_max", "autocorrelation_max_lag", "interval_widening", "controls",
        "context_events", "headline", "caution",
    ]
}
