import Analytics
import Ingest

/// The two or three sentences that open a campaign report and its entry in `summary.md`, written so a
/// press officer can quote them: what was observed, what was expected without the campaign (with its
/// interval), the uplift (with its interval), the extra count, and whether it stands out from noise.
///
/// The figures are those of the row ``HeadlineChoice`` names for the campaign's first helpline (its first series
/// when it has no helpline): the `model` estimate, or the before/during `window` comparison when the model is not
/// fitted, and the text says so. A rise "stands out from noise" when p < 1 − the confidence level. Each caution
/// of the choice adds a sentence, and then one says what the other comparisons found.
public struct CampaignHeadline: Sendable, Equatable {
    /// The series the headline is about.
    public let series: SeriesName?
    /// The method of the figures quoted, nil when no estimate could be made.
    public let method: UpliftRow.Method?
    /// Which estimate the headline rests on and why, as decided by Analytics; nil when the campaign has no series.
    public let choice: HeadlineChoice?
    /// Which estimate the headline rests on and why, one sentence (printed under it by `awareness uplift`).
    public let basis: String
    /// The sentences with ``marker`` where the series label goes (the only part from the data).
    private let template: String
    /// The series label, plain text.
    private let dataLabel: String
    private static let marker = "\u{1}"

    /// The sentences, plain text.
    public var text: String {
        template.split(separator: Self.marker, omittingEmptySubsequences: false).joined(separator: dataLabel)
    }

    /// The sentences as markdown: the same text with the series label escaped.
    public var markdown: String {
        template.split(separator: Self.marker, omittingEmptySubsequences: false)
            .joined(separator: Markdown.escape(dataLabel))
    }

    /// Whether the headline quotes an estimate; false means the campaign could not be estimated. The answer is
    /// Analytics' (``CampaignAnalysis/isEstimated``), which `run` and `uplift` read for their exit status.
    public var isEstimated: Bool { method != nil }

    /// What the window is (``HeadlinePeriod``).
    public typealias Period = HeadlinePeriod

    /// Writes the headline of `analysis` in the language of `wording`, on the estimate its
    /// ``HeadlineChoice`` names (``CampaignAnalysis/headline``): the same choice `uplift.csv` marks.
    public init(
        _ analysis: CampaignAnalysis, confidenceLevel: Double, wording: ReportWording, period: Period = .campaign
    ) {
        let estimates = analysis.estimates
        let window = estimates.campaign.window
        let format = wording.format
        let during = wording.headlineWindow(window, period: period)
        guard let choice = analysis.headline,
            let chosen = estimates.series.first(where: { $0.series == choice.series })
        else {
            series = nil
            method = nil
            self.choice = nil
            template = wording.noSeriesToEstimate(window)
            dataLabel = ""
            basis = ""
            return
        }
        series = chosen.series
        self.choice = choice
        let metric = chosen.series.metric
        dataLabel = wording.seriesLabel(chosen.series)
        let label = Self.marker
        let rows = chosen.rows
        // Analytics decides whether the campaign was estimated (``CampaignAnalysis/headlineRow``); the sentences
        // only word its answer.
        guard let row = analysis.headlineRow, let observed = row.observed, let expected = row.expected,
            let uplift = row.uplift, let extra = row.extra
        else {
            method = nil
            basis = wording.basisNone
            let observed = rows.first?.observed.map { wording.format.count($0) }
            template =
                label + during + wording.colon
                + (observed.map { "\($0) \(wording.received(metric))" } ?? wording.noData)
                + wording.noEstimateOfTheEffect
            return
        }
        method = row.method
        let wideningFactor = chosen.model?.figures?.intervalWidening ?? 1
        let widening = format.decimal(wideningFactor, fractionDigits: 2)
        switch choice.basis {
        case .windowBecauseModelNotFitted(let reason):
            basis = wording.basisWindow(modelNotFitted: reason)
        case .none:
            basis = wording.basisNone
        case .modelWithCaution(let cautions):
            basis = wording.basisModelDespite(cautions.map(\.code))
        case .model where wideningFactor < 1.01:
            basis = wording.basisModel
        case .model:
            basis = wording.basisModel(widening: widening)
        }
        var sentences: [String] = []
        sentences.append(
            label + during + wording.colon + "\(format.count(observed)) \(wording.received(metric)).")
        if row.method == .window {
            sentences.append(wording.expectedFromReferencePeriod(chosen.window.baselineWindow))
        }
        sentences.append(
            wording.expectedSentence(
                expected,
                interval: row.expectedLow == nil ? nil : wording.countInterval(row.expectedLow, row.expectedHigh),
                confidenceLevel: confidenceLevel, metric: metric, period: period))
        let upliftInterval =
            row.upliftLow == nil ? "" : " (\(wording.changeInterval(row.upliftLow, row.upliftHigh)))"
        let p = row.pValue ?? 1
        sentences.append(
            wording.thatIs + format.change(uplift) + upliftInterval + ", " + wording.extraCount(extra, metric: metric)
                + wording.semicolon + wording.noiseVerdict(uplift: uplift, standsOut: p < 1 - confidenceLevel)
                + " (\(wording.pValue(row.pValue))).")
        let cautions = choice.cautions
        sentences += cautions.map { $0.text(wording) }
        // A caution sends the reader to the other rows: say what they found, unless a caution already did.
        let named = cautions.flatMap { caution -> [HeadlineCaution.Finding] in
            if case .methodsDisagree(let findings) = caution { return findings }
            return []
        }
        let others = choice.otherComparisons.filter { !named.contains($0) }
        if !cautions.isEmpty, !others.isEmpty {
            sentences.append(wording.otherComparisonsFound(others))
        }
        template = sentences.joined(separator: " ")
    }
}
