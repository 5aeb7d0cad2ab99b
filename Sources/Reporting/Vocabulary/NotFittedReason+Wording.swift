import Analytics
import Ingest

extension NotFittedReason {
    /// Why no model was fitted, in `wording`'s language. English is what `uplift.csv` and `uplift.json` hold, with
    /// ISO dates and context events named by their ids; French uses French dates and numbers. A context event is
    /// named by its campaigns.yaml name when `wording` has it (``ReportWording/contextName(_:)``).
    public func text(_ wording: ReportWording) -> String {
        let language = wording.language
        let range = { (days: DayRange) in wording.tidyOrFrenchRange(days) }
        switch self {
        case .confidenceLevelOutOfRange(let level):
            return language.pick(
                "the confidence level \(level) is not between 0 and 1",
                "le niveau de confiance \(wording.format.decimal(level, fractionDigits: 2)) n'est pas compris entre 0 et 1"
            )
        case .tooFewFittedDays(let found, let fitRange, let needed):
            return language.pick(
                "only \(found) days with data in \(range(fitRange)) outside excluded windows; "
                    + "at least \(needed) are needed",
                "seulement \(found) jour\(found > 1 ? "s" : "") avec données sur la période \(range(fitRange)) hors des périodes exclues\u{202F}; "
                    + "il en faut au moins \(needed)")
        case .allFittedDaysZero(let days):
            return language.pick(
                "all \(days) fitted days have a count of 0; there is no level to project",
                "les \(days) jours ajustés ont tous un total de 0\u{00A0}: il n'y a pas de niveau à projeter")
        case .noDataInWindow(let window):
            return language.pick(
                "no data on any day of \(range(window))", "aucune donnée sur la période \(range(window))")
        case .fitFailed(let error):
            return error.text(wording)
        case .singularDesign(let column, let cause):
            // A context event's column is named by the event's name when the wording has it (reports and query
            // tables), by its design id otherwise (the tidy files).
            return ModelFitError.singularText(
                column: column.name, event: column.contextEventID.flatMap(wording.contextName), cause: cause,
                wording)
        case .emptyPlannedWindow:
            return language.pick("a campaign lasts at least one day", "une campagne dure au moins un jour")
        }
    }
}

extension ModelFitError {
    /// Why the log-linear fit failed, in `wording`'s language. Design columns are named by their ids, but for a
    /// context event's column, named by the event's name when `wording` has it.
    public func text(_ wording: ReportWording) -> String {
        let language = wording.language
        switch self {
        case .noColumns:
            return language.pick("the design matrix has no columns", "la matrice du modèle n'a pas de colonne")
        case .rowCountMismatch(let rows, let counts):
            return language.pick(
                "the design matrix has \(rows) rows but there are \(counts) counts",
                "la matrice du modèle a \(rows) lignes pour \(counts) totaux")
        case .offsetCountMismatch(let offsets, let counts):
            return language.pick(
                "the offset has \(offsets) values but there are \(counts) counts",
                "le décalage a \(offsets) valeurs pour \(counts) totaux")
        case .rowWidth(let row, let columns):
            return language.pick(
                "row \(row) of the design matrix does not have \(columns) values",
                "la ligne \(row) de la matrice du modèle n'a pas \(columns) valeurs")
        case .invalidCount(let index, let value):
            return language.pick(
                "count \(index) is \(value); counts must be finite and non-negative",
                "le total \(index) vaut \(value)\u{202F}; les totaux doivent être finis et positifs ou nuls")
        case .tooFewObservations(let observations, let coefficients):
            return language.pick(
                "\(observations) observations cannot estimate \(coefficients) coefficients; more are needed",
                "\(observations) observations ne suffisent pas à estimer \(coefficients) coefficients")
        case .allCountsZero:
            return language.pick(
                "every count is zero; a log-linear model has no finite fit",
                "tous les totaux sont nuls\u{00A0}: un modèle log-linéaire n'a pas d'ajustement fini")
        case .diverged(let iterations):
            return language.pick(
                "the fit diverged (deviance is not finite after \(iterations) iterations)",
                "l'ajustement a divergé (déviance non finie après \(iterations) itérations)")
        case .singular(let column, let cause):
            return Self.singularText(column: column, event: nil, cause: cause, wording)
        }
    }
}

extension WindowComparison.Shortfall {
    /// Why no ratio could be formed, in `wording`'s language.
    public func text(_ wording: ReportWording) -> String {
        let language = wording.language
        let range = { (days: DayRange) in wording.tidyOrFrenchRange(days) }
        switch self {
        case .noCampaignData(let window):
            return language.pick(
                "no data on any day of the campaign window \(range(window))",
                "aucune donnée sur les jours de la campagne (\(range(window)))")
        case .noBaselineData(let baseline):
            return language.pick(
                "no baseline: no data on any day of \(range(baseline))",
                "pas de référence\u{00A0}: aucune donnée sur la période \(range(baseline))")
        case .zeroBaselineTotal(let days):
            return language.pick(
                "no baseline: the total over \(days) baseline days is 0, so no ratio can be formed",
                "pas de référence\u{00A0}: le total des \(days) jours de référence est 0, aucun rapport n'est possible")
        case .invalidRateRatio:
            return language.pick(
                "the totals or the confidence level are not valid for a rate ratio",
                "les totaux ou le niveau de confiance ne permettent pas de calculer un rapport de taux")
        case .totalTooLarge(let window):
            return language.pick(
                "the counts add up past the largest count (9223372036854775807) over \(range(window)), so no "
                    + "ratio is formed",
                "les comptages additionnés dépassent le plus grand comptage (9223372036854775807) sur "
                    + "\(range(window)), aucun rapport n'est calculé")
        }
    }
}

extension ReportWording {
    /// `2020-02-03–2020-02-16` in English, as the tidy files have always written a range in a note, or
    /// `3–16 février 2020` in French.
    fileprivate func tidyOrFrenchRange(_ days: DayRange) -> String {
        language.pick("\(days.start)–\(days.end)", format.dateRange(days))
    }
}

extension ModelFitError {
    /// Why a singular design failed, naming `column` by its text, or by `event` when it is a context event's
    /// column and the wording has the event's name.
    static func singularText(
        column: String, event: String?, cause: SingularCause, _ wording: ReportWording
    ) -> String {
        let language = wording.language
        let subject: String
        if let event {
            subject = language.pick(
                "the column of context event '\(event)'",
                "la colonne de l'événement de contexte «\u{00A0}\(event)\u{00A0}»")
        } else {
            subject = language.pick("column '\(column)'", "la colonne «\u{00A0}\(column)\u{00A0}»")
        }
        let why: String
        switch cause {
        case .allZeros: why = language.pick("is all zeros", "ne contient que des zéros")
        case .noVariation: why = language.pick("has no variation", "ne varie pas")
        case .linearCombination:
            why = language.pick(
                "is a linear combination of the columns before it, or its rows have no weight",
                "est une combinaison linéaire des colonnes précédentes, ou ses lignes n'ont pas de poids")
        }
        return language.pick(
            "design matrix is singular (\(subject) \(why))",
            "la matrice du modèle est singulière (\(subject) \(why))")
    }
}
