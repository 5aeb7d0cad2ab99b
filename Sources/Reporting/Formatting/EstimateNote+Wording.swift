import Analytics
import Ingest

extension EstimateNote {
    /// The note in `wording`'s language. English is what `uplift.csv` and `uplift.json` hold (ISO dates, the
    /// words of earlier versions, unchanged); French uses French dates and numbers. A context event is named by
    /// its campaigns.yaml name when `wording` has it (``ReportWording/contextName(_:)``, for people), else by its
    /// id (the tidy files).
    public func text(_ wording: ReportWording) -> String {
        let french = wording.language == .fr
        let format = wording.format
        func date(_ day: CivilDate) -> String { french ? format.date(day) : day.description }
        switch self {
        case .baseline(let range):
            return french
                ? "référence \(format.dateRange(range))" : "baseline \(range.start)–\(range.end)"
        case .exactIntervalTooNarrow(let threshold):
            return french
                ? "l'intervalle de Poisson exact serait trompeusement étroit (φ > \(format.decimal(threshold, fractionDigits: 1)))"
                : "the exact Poisson interval would be misleadingly narrow (φ > \(threshold))"
        case .missingDays(let count, let first):
            if count == 1 {
                return french ? "1 jour sans données (\(date(first)))" : "1 day without data (\(first))"
            }
            return french
                ? "\(count) jours sans données (à partir du \(date(first)))"
                : "\(count) days without data (from \(first))"
        case .columnDropped(let column):
            if let id = column.contextEventID {
                let name = wording.contextName(id) ?? id
                return french
                    ? "événement de contexte «\u{00A0}\(name)\u{00A0}» retiré\u{00A0}: il est constant sur les jours ajustés"
                    : "context event '\(name)' dropped: it is constant over the fitted days"
            }
            if column == .holiday {
                return french
                    ? "terme des jours fériés retiré\u{00A0}: les jours ajustés sont tous fériés, ou aucun"
                    : "holiday term dropped: the fitted days are all holidays or all not"
            }
            return french
                ? "colonne «\u{00A0}\(column.name)\u{00A0}» retirée\u{00A0}: elle est constante sur les jours ajustés"
                : "column '\(column.name)' dropped: it is constant over the fitted days"
        case .calendarColumnsDropped(let columns):
            let list = columns.map(\.name).joined(separator: ", ")
            return french
                ? "colonnes du calendrier retirées (constantes sur les jours ajustés)\u{00A0}: \(list)"
                : "calendar columns dropped (constant over the fitted days): \(list)"
        case .seasonalityNotModelled(let span, let minimum):
            return french
                ? "les jours ajustés couvrent \(span) jours (< \(minimum))\u{00A0}: la saisonnalité annuelle n'est pas "
                    + "modélisée"
                : "fitted days span \(span) days (< \(minimum)): yearly seasonality is not modelled"
        case .fitNotConverged(let iterations):
            return french
                ? "l'ajustement n'a pas convergé en \(iterations) itérations\u{202F}; chiffres à lire avec prudence"
                : "the fit did not converge in \(iterations) iterations; treat the figures with care"
        case .noBuiltInHolidays(let country):
            return french
                ? "pas de jours fériés intégrés pour \(country)\u{202F}; les jours fériés ne sont pas modélisés"
                : "no built-in public holidays for \(country); holidays are not modelled"
        case .noModel(let reason):
            return (french ? "pas de modèle\u{00A0}: " : "no model: ") + reason.text(wording)
        case .noComparison(let shortfall):
            return shortfall.text(wording)
        case .trendChanged(let change):
            switch (change.kind, french) {
            case (.level, false): return "the model found a change of level on \(change.day)"
            case (.slope, false): return "the model found a change of trend on \(change.day)"
            case (.level, true): return "le modèle a trouvé un changement de niveau le \(date(change.day))"
            case (.slope, true): return "le modèle a trouvé un changement de tendance le \(date(change.day))"
            }
        case .contextEnding(let event, let endedDaysBefore, let declaredReturn):
            return Self.contextEnding(
                name: wording.contextName(event) ?? event, endedDaysBefore: endedDaysBefore,
                declaredReturn: declaredReturn, french: french)
        case .outlierDaysLeftOut(let days, let spikes):
            let dayWords =
                french
                ? (days == 1 ? "jour atypique écarté" : "jours atypiques écartés")
                : (days == 1 ? "outlying day left out" : "outlying days left out")
            let spikeWords =
                french
                ? (spikes == 1 ? "pic d'actualité" : "pics d'actualité")
                : (spikes == 1 ? "news spike" : "news spikes")
            return french
                ? "\(days) \(dayWords) de l'ajustement et de l'estimation du bruit (à plus de 4 écarts-types robustes du "
                    + "modèle, dont \(spikes) \(spikeWords))\u{202F}; l'intervalle tient compte de tels pics"
                : "\(days) \(dayWords) of the fit and of the noise estimate (more than 4 robust sd from the model, "
                    + "\(spikes) \(spikeWords) among them); the interval allows for such spikes"
        }
    }

    /// The wording of `.contextEnding`: when the event ended, then what the expectation rests on.
    private static func contextEnding(
        name: String, endedDaysBefore: Int, declaredReturn: ContextReturn?, french: Bool
    ) -> String {
        let ended: String
        switch endedDaysBefore {
        case ...0: ended = french ? "terminé pendant la fenêtre" : "it ended inside the window"
        case 1: ended = french ? "terminé la veille de la fenêtre" : "it ended the day before the window"
        default:
            ended =
                french
                ? "terminé \(endedDaysBefore) jours avant la fenêtre"
                : "it ended \(endedDaysBefore) days before the window"
        }
        let head =
            french
            ? "les comptages peuvent encore être en train de revenir à leur niveau habituel après «\u{00A0}\(name)\u{00A0}» "
                + "(\(ended))\u{202F}; "
            : "counts may still be returning to their usual level after '\(name)' (\(ended)); "
        guard let declaredReturn else {
            return head
                + (french
                    ? "l'estimation suppose que son effet a cessé à son dernier jour (aucun ends_over déclaré)"
                    : "the estimate assumes its effect stopped on its last day (no ends_over declared)")
        }
        let days = declaredReturn.days
        switch (declaredReturn.shape, french) {
        case (.linear, false):
            return head + "the estimate rests on the return the event declares (over \(days) days, linear)"
        case (.exponential, false):
            return head + "the estimate rests on the return the event declares (over \(days) days, exponential)"
        case (.linear, true):
            return head + "l'estimation repose sur le retour que l'événement déclare (sur \(days) jours, linéaire)"
        case (.exponential, true):
            return head
                + "l'estimation repose sur le retour que l'événement déclare (sur \(days) jours, exponentiel)"
        }
    }

    /// The notes of a row joined with "; " (or the French "\u{202F}; "), nil when there are none.
    public static func joined(_ notes: [EstimateNote], _ wording: ReportWording) -> String? {
        notes.isEmpty ? nil : notes.map { $0.text(wording) }.joined(separator: wording.semicolon)
    }
}
