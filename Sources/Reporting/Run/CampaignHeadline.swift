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
        let during: String
        switch period {
        case .campaign:
            during = wording.pick(
                " during the campaign (\(format.dateRange(window)))",
                " pendant la campagne (\(format.dateRange(window)))")
        case .period:
            during = wording.pick(" over \(format.dateRange(window))", " sur la période \(format.dateRange(window))")
        }
        guard let chosen else {
            series = nil
            method = nil
            template = wording.pick(
                "The campaign (\(format.dateRange(window))) has no series to estimate.",
                "La campagne (\(format.dateRange(window))) n'a aucune série à estimer.")
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
            basis = wording.pick(
                "No estimate: neither the seasonal model nor the reference period gives an expected count.",
                "Aucune estimation\u{202F}: ni le modèle saisonnier ni la période de référence ne donnent d'attendu.")
            let observed = rows.first?.observed.map { wording.format.count($0) }
            template =
                label + during + wording.colon
                + (observed.map { "\($0) \(wording.received(metric))" } ?? wording.pick("no data", "aucune donnée"))
                + wording.pick(
                    ". No estimate of the effect could be made (see the checks below).",
                    ". Aucune estimation de l'effet n'a pu être faite (voir les contrôles plus bas).")
            return
        }
        method = row.method
        let placeboFails = model != nil && chosen.placeboFindsEffect(confidenceLevel: confidenceLevel)
        let wideningFactor = chosen.model?.figures?.intervalWidening ?? 1
        let widening = format.decimal(wideningFactor, fractionDigits: 2)
        if model == nil {
            let reason = chosen.model?.notFittedReason.map { wording.colon + $0.text(wording) } ?? ""
            basis = wording.pick(
                "Estimate: before vs during, because the seasonal model could not be fitted\(reason).",
                "Estimation\u{202F}: avant/pendant, car le modèle saisonnier n'a pas pu être ajusté\(reason).")
        } else if placeboFails {
            basis = wording.pick(
                "Estimate: the seasonal model, although its placebo check fails (see the placebo row); compare it "
                    + "with the other rows before quoting it.",
                "Estimation\u{202F}: le modèle saisonnier, bien que son test placebo échoue (voir la ligne placebo)\u{202F}; "
                    + "comparez-la aux autres lignes avant de la citer.")
        } else if wideningFactor < 1.01 {
            basis = wording.pick(
                "Estimate: the seasonal model, because it was fitted and its placebo check passes; its residuals "
                    + "show no day-to-day correlation that widens the interval.",
                "Estimation\u{202F}: le modèle saisonnier, car il est ajusté et son test placebo est passé\u{202F}; ses "
                    + "résidus ne montrent pas de corrélation d'un jour à l'autre qui élargisse l'intervalle.")
        } else {
            basis = wording.pick(
                "Estimate: the seasonal model, because it was fitted and its placebo check passes; serial "
                    + "correlation and the variance of the days widen its interval ×\(widening) against independent "
                    + "days.",
                "Estimation\u{202F}: le modèle saisonnier, car il est ajusté et son test placebo est passé\u{202F}; la "
                    + "corrélation d'un jour à l'autre et la variance des jours élargissent son intervalle de "
                    + "×\(widening) par rapport à des jours indépendants.")
        }
        var sentences: [String] = []
        sentences.append(
            label + during + wording.colon + "\(format.count(observed)) \(wording.received(metric)).")
        if model == nil {
            let baseline = format.dateRange(chosen.window.baselineWindow)
            sentences.append(
                wording.pick(
                    "The seasonal model could not be fitted, so the expected count comes from the reference period "
                        + "(\(baseline)).",
                    "Le modèle saisonnier n'a pas pu être ajusté\u{202F}; l'attendu vient donc de la période de "
                        + "référence (\(baseline))."))
        }
        let level = wording.level(confidenceLevel)
        let interval = wording.countInterval(row.expectedLow, row.expectedHigh)
        let intervalText =
            row.expectedLow == nil
            ? ""
            : wording.pick(" (\(level) interval \(interval))", " (intervalle à \(level)\u{00A0}: \(interval))")
        sentences.append(
            wording.pick(
                (period == .campaign ? "Without the campaign about " : "From the days before, about ")
                    + "\(format.count(expected)) were expected\(intervalText).",
                (period == .campaign ? "Sans la campagne, environ " : "D'après les jours précédents, environ ")
                    + "\(format.count(expected)) étaient \(wording.expected(metric))\(intervalText)."
            ))
        let upliftInterval =
            row.upliftLow == nil ? "" : " (\(wording.changeInterval(row.upliftLow, row.upliftHigh)))"
        let noun = wording.noun(metric)
        let extraText =
            extra >= 0
            ? wording.pick(
                "about \(format.count(extra)) extra \(noun)", "environ \(format.count(extra)) \(noun) de plus")
            : wording.pick(
                "about \(format.count(-extra)) fewer \(noun)", "environ \(format.count(-extra)) \(noun) de moins")
        let p = row.pValue ?? 1
        let stands = p < 1 - confidenceLevel
        let change = uplift >= 0 ? wording.pick("rise", "hausse") : wording.pick("fall", "baisse")
        let noise =
            stands
            ? wording.pick(
                "this \(change) is larger than day-to-day noise", "cette \(change) dépasse le bruit d'un jour à l'autre"
            )
            : wording.pick(
                "this \(change) is within day-to-day noise",
                "cette \(change) reste dans le bruit d'un jour à l'autre")
        sentences.append(
            wording.pick("That is ", "Soit ") + format.change(uplift) + upliftInterval + ", " + extraText
                + wording.semicolon + noise + " (\(wording.pValue(row.pValue))).")
        if placeboFails {
            sentences.append(
                wording.pick(
                    "Caution: the same model finds an effect just before the campaign, where there should be none; "
                        + "the expected count may be off.",
                    "Prudence\u{202F}: le même modèle trouve un effet juste avant la campagne, où il ne devrait pas y "
                        + "en avoir\u{202F}; l'attendu peut être faussé."))
        }
        template = sentences.joined(separator: " ")
    }
}
