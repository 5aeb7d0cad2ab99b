import Ingest

/// Every estimate of one campaign on one series, as rich objects for the reports (daily expectations, minimum
/// detectable uplift, missing days) and flattened to `uplift.csv` rows by `rows`.
public struct SeriesEstimate: Sendable {
    /// The campaign id.
    public let campaign: String
    /// The series estimated.
    public let series: SeriesName
    /// Whether the feeds have any day of this series at all.
    public let hasData: Bool
    /// The campaign window against its baseline (configured, or the 28 days before the start).
    public let window: WindowComparison
    /// Against the same window 364 days earlier; nil when no day of that window has data.
    public let yearOverYear: WindowComparison?
    /// The counterfactual model on the campaign window (calls and videos only, else nil).
    public let model: CounterfactualEstimate?
    /// The placebo check (calls and videos only).
    public let placebo: CounterfactualEstimate?
    /// The persistence check (calls and videos only).
    public let persistence: CounterfactualEstimate?
    /// Notes that apply to every model of this series (holidays not known for a country, and the like).
    public let modelNotes: [EstimateNote]
    /// The model without the steps of the context events that overlap the window (`overlappingContext`), when
    /// there are any: the adjusted model attributes that part of the change to the events.
    public let modelWithoutContext: CounterfactualEstimate?
    /// The ids of the context events that overlap the window and that the model adjusts for.
    public let overlappingContext: [String]
    /// Placebos on windows further back than ``placebo``: two campaign lengths before the start, and the same
    /// days a year earlier (364 days, weekdays aligned) when the history has them; each window that overlaps
    /// another campaign is left out. A calendar misfit (a season the model gets wrong) shows a year earlier,
    /// where the window just before cannot see it.
    public let earlierPlacebos: [CounterfactualEstimate]

    /// Creates an estimate from its parts.
    public init(
        campaign: String, series: SeriesName, hasData: Bool, window: WindowComparison,
        yearOverYear: WindowComparison?, model: CounterfactualEstimate?, placebo: CounterfactualEstimate?,
        persistence: CounterfactualEstimate?, modelNotes: [EstimateNote] = [],
        modelWithoutContext: CounterfactualEstimate? = nil, overlappingContext: [String] = [],
        earlierPlacebos: [CounterfactualEstimate] = []
    ) {
        self.earlierPlacebos = earlierPlacebos
        self.modelWithoutContext = modelWithoutContext
        self.overlappingContext = overlappingContext
        self.campaign = campaign
        self.series = series
        self.hasData = hasData
        self.window = window
        self.yearOverYear = yearOverYear
        self.model = model
        self.placebo = placebo
        self.persistence = persistence
        self.modelNotes = modelNotes
    }

    /// Whether the placebo check finds an effect where there should be none (p below 1 − `confidenceLevel`):
    /// the model's expected count for this series may then be off.
    public func placeboFindsEffect(confidenceLevel: Double) -> Bool {
        guard let p = placebo?.figures?.pValue else { return false }
        return p < 1 - confidenceLevel
    }

    /// The rows of `uplift.csv`: window, year_over_year (when present), model, model_without_context (when a
    /// context event overlaps the window), placebo, persistence (when present), in that order; the row the
    /// headline choice quotes (``headlineChoice(confidenceLevel:)``, at the model's level, else the window's)
    /// carries `headline` and its cautions.
    public var rows: [UpliftRow] {
        var rows = [row(window, .window)]
        if let yearOverYear { rows.append(row(yearOverYear, .yearOverYear)) }
        if let model { rows.append(row(model)) }
        if let modelWithoutContext { rows.append(row(modelWithoutContext, as: .modelWithoutContext)) }
        for estimate in [placebo, persistence].compactMap({ $0 }) { rows.append(row(estimate)) }
        let choice = headlineChoice(confidenceLevel: model?.confidenceLevel ?? window.confidenceLevel)
        if let quoted = rows.firstIndex(where: { $0.method == choice.method }) {
            rows[quoted].headline = true
            rows[quoted].cautions = choice.cautions.map(\.code)
        }
        return rows
    }

    private func missingNote(_ days: [CivilDate]) -> [EstimateNote] {
        guard let first = days.first else { return [] }
        return [.missingDays(count: days.count, first: first)]
    }

    private func row(_ comparison: WindowComparison, _ method: UpliftRow.Method) -> UpliftRow {
        let window = comparison.campaignWindow
        let baseline = EstimateNote.baseline(comparison.baselineWindow)
        let observed = comparison.campaignDaysWithData > 0 ? comparison.campaignTotal : nil
        guard let estimate = comparison.estimate else {
            return UpliftRow(
                campaign: campaign, series: series, method: method, start: window.start, end: window.end,
                observed: observed, notes: (comparison.shortfall.map { [.noComparison($0)] } ?? []) + [baseline])
        }
        let expected =
            Double(comparison.campaignDaysWithData) * comparison.baselineTotal
            / Double(comparison.baselineDaysWithData)
        let total = comparison.campaignTotal
        let ratio = estimate.rateRatioInterval
        let hasInterval = total > 0 && ratio.lower > 0
        let narrow: [EstimateNote] =
            estimate.exactIntervalIsMisleadinglyNarrow
            ? [.exactIntervalTooNarrow(threshold: WindowComparison.misleadingDispersion)] : []
        return UpliftRow(
            campaign: campaign, series: series, method: method, start: window.start, end: window.end,
            observed: total, expected: expected, expectedLow: hasInterval ? total / ratio.upper : nil,
            expectedHigh: hasInterval ? total / ratio.lower : nil, extra: estimate.extra,
            extraLow: estimate.extraInterval.lower, extraHigh: estimate.extraInterval.upper, uplift: estimate.uplift,
            upliftLow: estimate.upliftInterval.lower, upliftHigh: estimate.upliftInterval.upper,
            pValue: estimate.pValue, dispersion: estimate.dispersion,
            notes: [baseline] + narrow + missingNote(comparison.missingDays),
            autocorrelationLag1: estimate.noise?.lagOneAutocorrelation,
            autocorrelationMaximum: estimate.noise?.largestAutocorrelation?.value,
            autocorrelationMaximumLag: estimate.noise?.largestAutocorrelation?.lag,
            intervalWidening: estimate.noise == nil ? nil : estimate.intervalWidening)
    }

    private func row(_ estimate: CounterfactualEstimate, as override: UpliftRow.Method? = nil) -> UpliftRow {
        var method: UpliftRow.Method
        switch estimate.method {
        case .model: method = .model
        case .placebo: method = .placebo
        case .persistence: method = .persistence
        }
        if let override { method = override }
        let window = estimate.window
        guard let figures = estimate.figures else {
            return UpliftRow(
                campaign: campaign, series: series, method: method, start: window.start, end: window.end,
                notes: estimate.notFittedReason.map { [.noModel($0)] } ?? [])
        }
        return UpliftRow(
            campaign: campaign, series: series, method: method, start: window.start, end: window.end,
            observed: figures.observed, expected: figures.expected, expectedLow: figures.expectedInterval.lower,
            expectedHigh: figures.expectedInterval.upper, extra: figures.extra,
            extraLow: figures.extraInterval.lower, extraHigh: figures.extraInterval.upper, uplift: figures.uplift,
            upliftLow: figures.upliftInterval.lower, upliftHigh: figures.upliftInterval.upper,
            pValue: figures.pValue, dispersion: figures.dispersion,
            notes: modelNotes + estimate.notes + missingNote(estimate.missingDays),
            autocorrelationLag1: figures.noise.lagOneAutocorrelation,
            autocorrelationMaximum: figures.noise.largestAutocorrelation?.value,
            autocorrelationMaximumLag: figures.noise.largestAutocorrelation?.lag,
            intervalWidening: figures.intervalWidening, controls: figures.controls,
            contextEvents: figures.contextEventsAdjustedFor)
    }
}
