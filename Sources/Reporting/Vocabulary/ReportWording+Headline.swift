import Analytics
import Ingest

/// The words of the sentences that open a campaign report (``CampaignHeadline``).
extension ReportWording {
    /// Where the figures were counted, after the series label: ` during the campaign (4–17 May 2020)` /
    /// ` pendant la campagne (4–17 mai 2020)`, or ` over 18 March – 6 April 2020` / ` sur la période …`.
    public func headlineWindow(_ window: DayRange, period: HeadlinePeriod) -> String {
        let days = format.dateRange(window)
        switch period {
        case .campaign: return pick(" during the campaign (\(days))", " pendant la campagne (\(days))")
        case .period: return pick(" over \(days)", " sur la période \(days)")
        }
    }

    /// The headline of a campaign without any series.
    public func noSeriesToEstimate(_ window: DayRange) -> String {
        pick(
            "The campaign (\(format.dateRange(window))) has no series to estimate.",
            "La campagne (\(format.dateRange(window))) n'a aucune série à estimer.")
    }

    /// `no data` / `aucune donnée`, in place of an observed count.
    public var noData: String { pick("no data", "aucune donnée") }

    /// The end of a headline without an estimate.
    public var noEstimateOfTheEffect: String {
        pick(
            ". No estimate of the effect could be made (see the checks below).",
            ". Aucune estimation de l'effet n'a pu être faite (voir les contrôles plus bas).")
    }

    /// The basis of a headline that rests on no estimate.
    public var basisNone: String {
        pick(
            "No estimate: neither the seasonal model nor the reference period gives an expected count.",
            "Aucune estimation\u{202F}: ni le modèle saisonnier ni la période de référence ne donnent d'attendu.")
    }

    /// The basis of a headline that rests on the window comparison because the model was not fitted; the
    /// English text quotes `reason` (in English), the French one leaves it out.
    public func basisWindow(modelNotFitted reason: NotFittedReason?) -> String {
        let why = reason.map { colon + $0.text(self) } ?? ""
        return pick(
            "Estimate: before vs during, because the seasonal model could not be fitted\(why).",
            "Estimation\u{202F}: avant/pendant, car le modèle saisonnier n'a pas pu être ajusté\(why).")
    }

    /// The basis of a headline that rests on a model that some checks speak against (their codes, as in the
    /// `caution` column).
    public func basisModelDespite(_ codes: [HeadlineCaution.Code]) -> String {
        let listed = codes.map(\.rawValue).joined(separator: ", ")
        return pick(
            "Estimate: the seasonal model, although some checks speak against it (\(listed)); compare it with the "
                + "other rows before quoting it.",
            "Estimation\u{202F}: le modèle saisonnier, bien que des contrôles le mettent en doute (\(listed))\u{202F}; "
                + "comparez-le aux autres lignes avant de le citer.")
    }

    /// The sentence saying what the other comparisons found, after a caution.
    public func otherComparisonsFound(_ findings: [HeadlineCaution.Finding]) -> String {
        let found = findings.map { HeadlineCaution.finding($0, self) }
        let joined = found.joined(separator: language.pick("; ", "\u{202F}; "))
        return pick("For comparison, \(joined).", "À titre de comparaison, \(joined).")
    }

    /// The basis of a headline that rests on a model whose noise did not widen its interval.
    public var basisModel: String {
        pick(
            "Estimate: the seasonal model, because it was fitted and its placebo check passes; its residuals "
                + "show no day-to-day correlation that widens the interval.",
            "Estimation\u{202F}: le modèle saisonnier, car il est ajusté et son test placebo est passé\u{202F}; ses "
                + "résidus ne montrent pas de corrélation d'un jour à l'autre qui élargisse l'intervalle.")
    }

    /// The basis of a headline that rests on a model whose noise widened its interval by `widening` (formatted).
    public func basisModel(widening: String) -> String {
        pick(
            "Estimate: the seasonal model, because it was fitted and its placebo check passes; serial "
                + "correlation and the variance of the days widen its interval ×\(widening) against independent "
                + "days.",
            "Estimation\u{202F}: le modèle saisonnier, car il est ajusté et son test placebo est passé\u{202F}; la "
                + "corrélation d'un jour à l'autre et la variance des jours élargissent son intervalle de "
                + "×\(widening) par rapport à des jours indépendants.")
    }

    /// The sentence saying the expected count comes from the reference period `baseline`.
    public func expectedFromReferencePeriod(_ baseline: DayRange) -> String {
        let days = format.dateRange(baseline)
        return pick(
            "The seasonal model could not be fitted, so the expected count comes from the reference period "
                + "(\(days)).",
            "Le modèle saisonnier n'a pas pu être ajusté\u{202F}; l'attendu vient donc de la période de "
                + "référence (\(days)).")
    }

    /// The sentence of the expected count `expected`, with the interval `interval` (formatted) at
    /// `confidenceLevel` when there is one.
    public func expectedSentence(
        _ expected: Double, interval: String?, confidenceLevel: Double, metric: SeriesName.Metric,
        period: HeadlinePeriod
    ) -> String {
        let level = level(confidenceLevel)
        let aside =
            interval.map { pick(" (\(level) interval \($0))", " (intervalle à \(level)\u{00A0}: \($0))") } ?? ""
        return pick(
            (period == .campaign ? "Without the campaign about " : "From the days before, about ")
                + "\(format.count(expected)) were expected\(aside).",
            (period == .campaign ? "Sans la campagne, environ " : "D'après les jours précédents, environ ")
                + "\(format.count(expected)) étaient \(self.expected(metric))\(aside).")
    }

    /// The extra count: `about 1,887 extra calls` / `environ 1 887 appels de plus`, or `fewer` / `de moins`.
    public func extraCount(_ extra: Double, metric: SeriesName.Metric) -> String {
        let noun = noun(metric)
        return extra >= 0
            ? pick("about \(format.count(extra)) extra \(noun)", "environ \(format.count(extra)) \(noun) de plus")
            : pick("about \(format.count(-extra)) fewer \(noun)", "environ \(format.count(-extra)) \(noun) de moins")
    }

    /// Whether the change `uplift` stands out from day-to-day noise: `this rise is larger than day-to-day
    /// noise` / `cette hausse dépasse le bruit d'un jour à l'autre`.
    public func noiseVerdict(uplift: Double, standsOut: Bool) -> String {
        let change = uplift >= 0 ? pick("rise", "hausse") : pick("fall", "baisse")
        return standsOut
            ? pick(
                "this \(change) is larger than day-to-day noise", "cette \(change) dépasse le bruit d'un jour à l'autre"
            )
            : pick(
                "this \(change) is within day-to-day noise", "cette \(change) reste dans le bruit d'un jour à l'autre")
    }

    /// `That is ` / `Soit `, before the uplift.
    public var thatIs: String { pick("That is ", "Soit ") }

}
