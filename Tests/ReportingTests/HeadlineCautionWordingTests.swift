import Analytics
import Ingest
import Reporting
import Testing

/// Every headline caution worded in English and French, with its figures, and the sentences around it.
@Suite("Headline cautions in both languages")
struct HeadlineCautionWordingTests {
    /// The days from `start` to `end`, both `(year, month, day)` literals of this file.
    static func range(_ start: (Int, Int, Int), _ end: (Int, Int, Int)) -> DayRange {
        guard let first = CivilDate(year: start.0, month: start.1, day: start.2),
            let last = CivilDate(year: end.0, month: end.1, day: end.2), let range = DayRange(start: first, end: last)
        else { preconditionFailure("the literal dates of this file make ranges") }
        return range
    }

    static let window = range((2020, 4, 20), (2020, 5, 3))
    static let recent = range((2020, 3, 23), (2020, 5, 3))
    static let findings = [
        HeadlineCaution.Finding(
            method: .window, uplift: 0.03, interval: ConfidenceInterval(lower: -0.02, upper: 0.08, level: 0.95)),
        HeadlineCaution.Finding(
            method: .yearOverYear, uplift: 0.25, interval: ConfidenceInterval(lower: 0.18, upper: 0.32, level: 0.95)),
    ]

    static let cases: [(HeadlineCaution, HeadlineCaution.Code, String, String)] = [
        (
            .placebo(window: window, uplift: 0.12, pValue: 0.004), .placebo,
            "Caution: the same model finds an effect of +12% over 20 April – 3 May 2020, before the campaign, where "
                + "there should be none (p = 0.004); the expected count may be off.",
            "Prudence\u{202F}: le même modèle trouve un effet de +12\u{202F}% sur la période 20 avril – 3 mai 2020, "
                + "avant la campagne, où il ne devrait pas y en avoir (p = 0,004)\u{202F}; l'attendu peut être faussé."
        ),
        (
            .recentMisfit(
                RecentFitCheck(
                    days: recent, fittedDays: 42, observed: 4_600, expected: 4_000,
                    interval: ConfidenceInterval(lower: 1.08, upper: 1.22, level: 0.95), pValue: 0.0001)),
            .recentMisfit,
            "Caution: over the weeks just before the campaign (23 March – 3 May 2020) the observed counts differ by "
                + "+15% (+8.0% to +22%) from the model's; a change of level or trend it does not know about probably "
                + "skews the expected count too.",
            "Prudence\u{202F}: sur les semaines juste avant la campagne (23 mars – 3 mai 2020), les chiffres observés "
                + "s'écartent de +15\u{202F}% (+8,0\u{202F}% à +22\u{202F}%) de ceux du modèle\u{202F}; un changement "
                + "de niveau ou de tendance qu'il ne connaît pas fausse sans doute aussi l'attendu."
        ),
        (
            .methodsDisagree(findings), .methodsDisagree,
            "Caution: the before/during comparison finds +3.0% (-2.0% to +8.0%) and the comparison with the same "
                + "days a year earlier finds +25% (+18% to +32%), which the model's interval contradicts; quote the "
                + "model with care.",
            "Prudence\u{202F}: la comparaison avant/pendant trouve +3,0\u{202F}% (-2,0\u{202F}% à +8,0\u{202F}%) et "
                + "la comparaison avec les mêmes jours un an plus tôt trouve +25\u{202F}% (+18\u{202F}% à "
                + "+32\u{202F}%), ce que l'intervalle du modèle contredit\u{202F}; citez le modèle avec réserve."
        ),
        (
            .contextEnding(event: "lockdown-1"), .contextEnding,
            "Caution: the event lockdown-1 ends during or just before the period, and its effect may outlast it.",
            "Prudence\u{202F}: l'événement lockdown-1 finit pendant la période ou juste avant, et son effet peut "
                + "durer au-delà."
        ),
        (
            .spikeInWindow(days: [recent.end], share: 0.64), .spikeInWindow,
            "Caution: the rise rests on a single day (3 May 2020), which carries 64% of the difference; a news spike "
                + "or a launch day rather than the whole campaign.",
            "Prudence\u{202F}: la hausse repose sur un seul jour (3 mai 2020), qui porte 64\u{202F}% de "
                + "l'écart\u{202F}; un pic d'actualité ou un jour de lancement plutôt que toute la campagne."
        ),
        (
            .spikeInWindow(days: [window.start, window.start.adding(days: 1), window.end], share: 1.3), .spikeInWindow,
            "Caution: the rise rests on 3 days (20 April 2020, 21 April 2020 and 3 May 2020), which carry all of the "
                + "difference; a news spike or a launch day rather than the whole campaign.",
            "Prudence\u{202F}: la hausse repose sur 3 jours (20 avril 2020, 21 avril 2020 et 3 mai 2020), qui portent "
                + "tout l'écart\u{202F}; un pic d'actualité ou un jour de lancement plutôt que toute la campagne."
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func everyCautionReadsInEnglishAndFrenchWithItsFigures(_ index: Int) {
        let (caution, code, english, french) = Self.cases[index]
        #expect(caution.code == code)
        #expect(caution.text(ReportWording(language: .en)) == english)
        #expect(caution.text(ReportWording(language: .fr)) == french)
    }

    @Test func everyCodeIsWordedAndStable() {
        #expect(Set(Self.cases.map(\.1)) == Set(HeadlineCaution.Code.allCases))
        #expect(
            HeadlineCaution.Code.allCases.map(\.rawValue) == [
                "placebo", "recent_misfit", "methods_disagree", "context_ending", "spike_in_window",
            ])
    }

    @Test func theBasisNamesTheCodesAndTheOtherComparisonsAreSaid() {
        let english = ReportWording(language: .en)
        let french = ReportWording(language: .fr)
        #expect(
            english.basisModelDespite([.placebo, .recentMisfit])
                == "Estimate: the seasonal model, although some checks speak against it (placebo, recent_misfit); "
                + "compare it with the other rows before quoting it.")
        #expect(
            french.basisModelDespite([.methodsDisagree])
                == "Estimation\u{202F}: le modèle saisonnier, bien que des contrôles le mettent en doute "
                + "(methods_disagree)\u{202F}; comparez-le aux autres lignes avant de le citer.")
        #expect(
            english.otherComparisonsFound(Self.findings)
                == "For comparison, the before/during comparison finds +3.0% (-2.0% to +8.0%); the comparison with "
                + "the same days a year earlier finds +25% (+18% to +32%).")
        #expect(
            french.otherComparisonsFound([Self.findings[0]])
                == "À titre de comparaison, la comparaison avant/pendant trouve +3,0\u{202F}% (-2,0\u{202F}% à "
                + "+8,0\u{202F}%).")
    }
}
