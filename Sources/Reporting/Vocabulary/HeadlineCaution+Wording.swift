import Analytics
import Ingest

extension HeadlineCaution {
    /// The caution as one sentence of a headline, in `wording`'s language, with its figures: which check spoke
    /// against the model and what it found, so that a reader knows which other row to look at.
    public func text(_ wording: ReportWording) -> String {
        let language = wording.language
        let format = wording.format
        switch self {
        case .placebo(let window, let uplift, let pValue):
            let days = format.dateRange(window)
            return language.pick(
                "Caution: the same model finds an effect of \(format.change(uplift)) over \(days), before the "
                    + "campaign, where there should be none (\(format.pValue(pValue))); the expected count may "
                    + "be off.",
                "Prudence\u{202F}: le même modèle trouve un effet de \(format.change(uplift)) sur la période \(days), avant la "
                    + "campagne, où il ne devrait pas y en avoir (\(format.pValue(pValue)))\u{202F}; l'attendu "
                    + "peut être faussé.")
        case .recentMisfit(let check):
            let days = format.dateRange(check.days)
            let interval = format.changeInterval(lower: check.interval.lower - 1, upper: check.interval.upper - 1)
            return language.pick(
                "Caution: over the weeks just before the campaign (\(days)) the observed counts differ by "
                    + "\(format.change(check.ratio - 1)) (\(interval)) from the model's; a change of level or "
                    + "trend it does not know about probably skews the expected count too.",
                "Prudence\u{202F}: sur les semaines juste avant la campagne (\(days)), les chiffres observés "
                    + "s'écartent de \(format.change(check.ratio - 1)) (\(interval)) de ceux du modèle\u{202F}; un "
                    + "changement de niveau ou de tendance qu'il ne connaît pas fausse sans doute aussi l'attendu.")
        case .methodsDisagree(let findings):
            let found = findings.map { Self.finding($0, wording) }.joined(
                separator: wording.language.pick(" and ", " et "))
            return language.pick(
                "Caution: \(found), which the model's interval contradicts; quote the model with care.",
                "Prudence\u{202F}: \(found), ce que l'intervalle du modèle contredit\u{202F}; citez le modèle avec "
                    + "réserve.")
        case .contextEnding(let event):
            let name = wording.contextName(event) ?? event
            return language.pick(
                "Caution: the event \(name) ends during or just before the period, and its effect may outlast it.",
                "Prudence\u{202F}: l'événement \(name) finit pendant la période ou juste avant, et son effet peut "
                    + "durer au-delà.")
        case .spikeInWindow(let days, let share):
            let dates = days.map(format.date)
            let list =
                dates.count > 1
                ? dates.dropLast().joined(separator: ", ") + (wording.language.pick(" and ", " et "))
                    + (dates.last ?? "")
                : dates.first ?? ""
            let one = days.count == 1
            let carried =
                share >= 1
                ? (wording.language.pick("all of the difference", "tout l'écart"))
                : (wording.language.pick(
                    "\(format.percent(share)) of the difference", "\(format.percent(share)) de l'écart"))
            return language.pick(
                "Caution: the rise rests on \(one ? "a single day" : "\(days.count) days") (\(list)), which "
                    + "\(one ? "carries" : "carry") \(carried); a news spike or a launch day rather than the whole "
                    + "campaign.",
                "Prudence\u{202F}: la hausse repose sur \(one ? "un seul jour" : "\(days.count) jours") (\(list)), "
                    + "qui \(one ? "porte" : "portent") \(carried)\u{202F}; un pic d'actualité ou un jour de lancement "
                    + "plutôt que toute la campagne.")
        }
    }

    /// `the before/during comparison finds +3% (−2% to +8%)` / `la comparaison avant/pendant trouve …`.
    static func finding(_ finding: Finding, _ wording: ReportWording) -> String {
        let language = wording.language
        let format = wording.format
        let change =
            format.change(finding.uplift) + " ("
            + format.changeInterval(lower: finding.interval.lower, upper: finding.interval.upper) + ")"
        switch finding.method {
        case .yearOverYear:
            return language.pick(
                "the comparison with the same days a year earlier finds \(change)",
                "la comparaison avec les mêmes jours un an plus tôt trouve \(change)")
        default:
            return language.pick(
                "the before/during comparison finds \(change)", "la comparaison avant/pendant trouve \(change)")
        }
    }
}
