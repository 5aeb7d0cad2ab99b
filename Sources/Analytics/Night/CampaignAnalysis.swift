import Ingest

/// Everything the documents of one campaign need, computed in Analytics: its estimates, whether its headline
/// quotes an estimate, and the figures of its daily charts.
public struct CampaignAnalysis: Sendable {
    /// The campaign's estimates, with the headline choice of each series.
    public let estimates: CampaignEstimates
    /// Which estimate the headline rests on and why (``CampaignEstimates/headline``); nil without a series.
    public let headline: HeadlineChoice?
    /// The row the headline quotes (``CampaignEstimates/headlineRow``); nil when the campaign could not be
    /// estimated.
    public let headlineRow: UpliftRow?
    /// The modelled series whose placebo check finds an effect where there should be none
    /// (``SeriesEstimate/placeboFindsEffect(confidenceLevel:)`` at the calendar's level), in the estimates' order.
    public let placeboFindsEffect: [SeriesName]
    /// The call and video series with data, in the estimates' order, with their chart figures; empty when the
    /// charts were not asked for.
    public let charted: [ChartedSeries]

    /// The analysis of `estimates`; the chart figures are computed only when `charts` is set.
    ///
    /// - Parameters:
    ///   - series: every daily series of the night, for the observed counts the model did not see.
    ///   - context: the calendar's context events, which can start a chart earlier.
    ///   - confidenceLevel: the calendar's confidence level, at which the placebo checks are judged.
    public init(
        estimates: CampaignEstimates, series: [DailySeries], context: [ContextEvent], confidenceLevel: Double,
        charts: Bool = true
    ) {
        self.estimates = estimates
        headline = estimates.headline
        headlineRow = estimates.headlineRow
        placeboFindsEffect = estimates.series.filter {
            $0.model != nil && $0.placeboFindsEffect(confidenceLevel: confidenceLevel)
        }.map(\.series)
        guard charts else {
            charted = []
            return
        }
        let window = estimates.campaign.window
        charted = estimates.series.filter(ChartedSeries.isCharted).map { estimate in
            ChartedSeries(
                estimate: estimate, window: window,
                values: series.first { $0.name == estimate.series }?.values ?? [:], context: context)
        }
    }

    /// The campaign.
    public var campaign: Campaign { estimates.campaign }

    /// Whether the campaign's headline quotes an estimate (``CampaignEstimates/isEstimated``): the one answer
    /// `run` and `uplift` both read.
    public var isEstimated: Bool { headlineRow != nil }

    /// The chart figures of the series named `name`, when it is charted.
    public func charted(_ name: SeriesName) -> ChartedSeries? {
        charted.first { $0.estimate.series == name }
    }
}

extension CampaignEstimates {
    /// The row the campaign's headline quotes: the row ``headline`` marks on its series, when it carries an
    /// observed count, an expected count, an uplift and an extra count; nil when the campaign could not be
    /// estimated.
    public var headlineRow: UpliftRow? {
        guard let choice = headline, choice.isEstimated,
            let chosen = series.first(where: { $0.series == choice.series }),
            let row = chosen.rows.first(where: { $0.headline }), row.observed != nil, row.expected != nil,
            row.uplift != nil, row.extra != nil
        else { return nil }
        return row
    }

    /// Whether the campaign could be estimated: its headline quotes a row (``headlineRow``). `run` fails the
    /// campaign and `uplift` exits with a data problem on the same answer.
    public var isEstimated: Bool { headlineRow != nil }
}
