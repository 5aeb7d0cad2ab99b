import Analytics
import Ingest

extension EstimateNote {
    /// The note in `wording`'s language. English is what `uplift.csv` and `uplift.json` hold (ISO dates, the
    /// words of earlier versions, unchanged); French uses French dates and numbers. A context event is named by
    /// its campaigns.yaml name when `wording` has it (``ReportWording/contextName(_:)``, for people), else by its
    /// id (the tidy files).
    public func text(_ wording: ReportWording) -> String {
        let language = wording.language
        let format = wording.format
        func date(_ day: CivilDate) -> String { language.pick(day.description, format.date(day)) }
        switch self {
        case .baseline(let range):
            return language.pick("baseline \(range.start)–\(range.end)", "référence \(format.dateRange(range))")
        case .exactIntervalTooNarrow(let threshold):
            return language.pick(
                "the exact Poisson interval would be misleadingly narrow (φ > \(threshold))",
                "l'intervalle de Poisson exact serait trompeusement étroit (φ > \(format.decimal(threshold, fractionDigits: 1)))"
            )
        case .missingDays(let count, let first):
            if count == 1 {
                return language.pick("1 day without data (\(first))", "1 jour sans données (\(date(first)))")
            }
            return language.pick(
                "\(count) days without data (from \(first))", "\(count) jours sans données (à partir du \(date(first)))"
            )
        case .columnDropped(let column):
            if let id = column.contextEventID {
                let name = wording.contextName(id) ?? id
                return language.pick(
                    "context event '\(name)' dropped: it is constant over the fitted days",
                    "événement de contexte «\u{00A0}\(name)\u{00A0}» retiré\u{00A0}: il est constant sur les jours ajustés"
                )
            }
            if column == .holiday {
                return language.pick(
                    "holiday term dropped: the fitted days are all holidays or all not",
                    "terme des jours fériés retiré\u{00A0}: les jours ajustés sont tous fériés, ou aucun")
            }
            return language.pick(
                "column '\(column.name)' dropped: it is constant over the fitted days",
                "colonne «\u{00A0}\(column.name)\u{00A0}» retirée\u{00A0}: elle est constante sur les jours ajustés")
        case .calendarColumnsDropped(let columns):
            let list = columns.map(\.name).joined(separator: ", ")
            return language.pick(
                "calendar columns dropped (constant over the fitted days): \(list)",
                "colonnes du calendrier retirées (constantes sur les jours ajustés)\u{00A0}: \(list)")
        case .seasonalityNotModelled(let span, let minimum):
            return language.pick(
                "fitted days span \(span) days (< \(minimum)): yearly seasonality is not modelled",
                "les jours ajustés couvrent \(span) jours (< \(minimum))\u{00A0}: la saisonnalité annuelle n'est pas "
                    + "modélisée")
        case .fitNotConverged(let iterations):
            return language.pick(
                "the fit did not converge in \(iterations) iterations; treat the figures with care",
                "l'ajustement n'a pas convergé en \(iterations) itérations\u{202F}; chiffres à lire avec prudence")
        case .noBuiltInHolidays(let country):
            return language.pick(
                "no built-in public holidays for \(country); holidays are not modelled",
                "pas de jours fériés intégrés pour \(country)\u{202F}; les jours fériés ne sont pas modélisés")
        case .noModel(let reason):
            return (language.pick("no model: ", "pas de modèle\u{00A0}: ")) + reason.text(wording)
        case .noComparison(let shortfall):
            return shortfall.text(wording)
        case .trendChanged(let change):
            switch (change.kind, language) {
            case (.level, .en): return "the model found a change of level on \(change.day)"
            case (.slope, .en): return "the model found a change of trend on \(change.day)"
            case (.level, .fr): return "le modèle a trouvé un changement de niveau le \(date(change.day))"
            case (.slope, .fr): return "le modèle a trouvé un changement de tendance le \(date(change.day))"
            }
        case .contextEnding(let event, let endedDaysBefore, let declaredReturn):
            return Self.contextEnding(
                name: wording.contextName(event) ?? event, endedDaysBefore: endedDaysBefore,
                declaredReturn: declaredReturn, language: language)
        case .outlierDaysLeftOut(let days, let spikes):
            let dayWords =
                language.pick(
                    (days == 1 ? "outlying day left out" : "outlying days left out"),
                    (days == 1 ? "jour atypique écarté" : "jours atypiques écartés"))
            let spikeWords =
                language.pick(
                    (spikes == 1 ? "news spike" : "news spikes"), (spikes == 1 ? "pic d'actualité" : "pics d'actualité")
                )
            return language.pick(
                "\(days) \(dayWords) of the fit and of the noise estimate (more than 4 robust sd from the model, "
                    + "\(spikes) \(spikeWords) among them); the interval allows for such spikes",
                "\(days) \(dayWords) de l'ajustement et de l'estimation du bruit (à plus de 4 écarts-types robustes du "
                    + "modèle, dont \(spikes) \(spikeWords))\u{202F}; l'intervalle tient compte de tels pics")
        }
    }

    /// The wording of `.contextEnding`: when the event ended, then what the expectation rests on.
    private static func contextEnding(
        name: String, endedDaysBefore: Int, declaredReturn: ContextReturn?, language: ReportLanguage
    ) -> String {
        let ended: String
        switch endedDaysBefore {
        case ...0: ended = language.pick("it ended inside the window", "terminé pendant la fenêtre")
        case 1: ended = language.pick("it ended the day before the window", "terminé la veille de la fenêtre")
        default:
            ended =
                language.pick(
                    "it ended \(endedDaysBefore) days before the window",
                    "terminé \(endedDaysBefore) jours avant la fenêtre")
        }
        let head =
            language.pick(
                "counts may still be returning to their usual level after '\(name)' (\(ended)); ",
                "les comptages peuvent encore être en train de revenir à leur niveau habituel après «\u{00A0}\(name)\u{00A0}» "
                    + "(\(ended))\u{202F}; ")
        guard let declaredReturn else {
            return head
                + (language.pick(
                    "the estimate assumes its effect stopped on its last day (no ends_over declared)",
                    "l'estimation suppose que son effet a cessé à son dernier jour (aucun ends_over déclaré)"))
        }
        let days = declaredReturn.days
        switch (declaredReturn.shape, language) {
        case (.linear, .en):
            return head + "the estimate rests on the return the event declares (over \(days) days, linear)"
        case (.exponential, .en):
            return head + "the estimate rests on the return the event declares (over \(days) days, exponential)"
        case (.linear, .fr):
            return head + "l'estimation repose sur le retour que l'événement déclare (sur \(days) jours, linéaire)"
        case (.exponential, .fr):
            return head
                + "l'estimation repose sur le retour que l'événement déclare (sur \(days) jours, exponentiel)"
        }
    }

    /// The notes of a row joined with "; " (or the French "\u{202F}; "), nil when there are none.
    public static func joined(_ notes: [EstimateNote], _ wording: ReportWording) -> String? {
        notes.isEmpty ? nil : notes.map { $0.text(wording) }.joined(separator: wording.semicolon)
    }
}
