import Analytics
import Ingest

/// The two or three sentences that open a campaign report and its entry in `summary.md`, written so a
/// press officer can quote them: what was observed, what was expected without the campaign (with its
/// interval), the uplift (with its interval), the extra count, and whether it stands out from noise.
///
/// The figures are the `model` estimate of the campaign's first helpline (its first series when it has no
/// helpline); when the model is not fitted, the before/during `window` comparison, and the text says so.
/// A rise "stands out from noise" when p < 1 − the confidence level. When the model's placebo finds an
/// effect at that level, a last sentence says the expected count may be off.
public struct CampaignHeadline: Sendable, Equatable {
    /// The series the headline is about.
    public let series: SeriesName?
    /// The method of the figures quoted, nil when no estimate could be made.
    public let method: UpliftRow.Method?
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

    /// Whether the headline quotes an estimate; false means the campaign could not be estimated.
    public var isEstimated: Bool { method != nil }

    /// What the window is: a campaign ("during the campaign (4–17 May 2020)") or a period asked about
    /// ("from 18 March to 6 April 2020").
    public enum Period: Sendable {
        case campaign
        case period
    }

    /// Writes the headline of `estimates` in the language of `wording`.
    public init(
        _ estimates: CampaignEstimates, confidenceLevel: Double, wording: ReportWording, period: Period = .campaign
    ) {
        let helpline = estimates.campaign.helplines.first.map { SeriesName(metric: .calls, key: $0) }
        let chosen = estimates.series.first { $0.series == helpline } ?? estimates.series.first
        let window = estimates.campaign.window
        let format = wording.format
        let during = wording.headlineWindow(window, period: period)
        guard let chosen else {
            series = nil
            method = nil
            template = wording.noSeriesToEstimate(window)
            dataLabel = ""
            basis = ""
            return
        }
        series = chosen.series
        let metric = chosen.series.metric
        dataLabel = wording.seriesLabel(chosen.series)
        let label = Self.marker
        let rows = chosen.rows
        let model = rows.first { $0.method == .model && $0.expected != nil }
        let fallback = rows.first { $0.method == .window && $0.expected != nil }
        guard let row = model ?? fallback, let observed = row.observed, let expected = row.expected,
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
        let placeboFails = model != nil && chosen.placeboFindsEffect(confidenceLevel: confidenceLevel)
        let wideningFactor = chosen.model?.figures?.intervalWidening ?? 1
        let widening = format.decimal(wideningFactor, fractionDigits: 2)
        if model == nil {
            basis = wording.basisWindow(modelNotFitted: chosen.model?.notFittedReason)
        } else if placeboFails {
            basis = wording.basisModelDespitePlacebo
        } else if wideningFactor < 1.01 {
            basis = wording.basisModel
        } else {
            basis = wording.basisModel(widening: widening)
        }
        var sentences: [String] = []
        sentences.append(
            label + during + wording.colon + "\(format.count(observed)) \(wording.received(metric)).")
        if model == nil {
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
        if placeboFails { sentences.append(wording.placeboCaution) }
        template = sentences.joined(separator: " ")
    }
}
