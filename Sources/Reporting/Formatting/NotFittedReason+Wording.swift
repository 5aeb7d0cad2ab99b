import Analytics
import Ingest

extension NotFittedReason {
    /// Why no model was fitted, in `wording`'s language. English is what `uplift.csv` and `uplift.json` hold, with
    /// ISO dates and context events named by their ids; French uses French dates and numbers. A context event is
    /// named by its campaigns.yaml name when `wording` has it (``ReportWording/contextName(_:)``).
    public func text(_ wording: ReportWording) -> String {
        let french = wording.language == .fr
        let range = { (days: DayRange) in wording.tidyOrFrenchRange(days) }
        switch self {
        case .confidenceLevelOutOfRange(let level):
            return french
                ? "le niveau de confiance \(wording.format.decimal(level, fractionDigits: 2)) n'est pas compris entre 0 et 1"
                : "the confidence level \(level) is not between 0 and 1"
        case .tooFewFittedDays(let found, let fitRange, let needed):
            return french
                ? "seulement \(found) jour\(found > 1 ? "s" : "") avec données sur la période \(range(fitRange)) hors des périodes exclues\u{202F}; "
                    + "il en faut au moins \(needed)"
                : "only \(found) days with data in \(range(fitRange)) outside excluded windows; "
                    + "at least \(needed) are needed"
        case .allFittedDaysZero(let days):
            return french
                ? "les \(days) jours ajustés ont tous un total de 0\u{00A0}: il n'y a pas de niveau à projeter"
                : "all \(days) fitted days have a count of 0; there is no level to project"
        case .noDataInWindow(let window):
            return french
                ? "aucune donnée sur la période \(range(window))" : "no data on any day of \(range(window))"
        case .fitFailed(let error):
            return error.text(wording)
        case .singularDesign(let column, let cause):
            // A context event's column is named by the event's name when the wording has it (reports and query
            // tables), by its design id otherwise (the tidy files).
            return ModelFitError.singularText(
                column: column.name, event: column.contextEventID.flatMap(wording.contextName), cause: cause,
                wording)
        case .emptyPlannedWindow:
            return french ? "une campagne dure au moins un jour" : "a campaign lasts at least one day"
        }
    }
}

extension ModelFitError {
    /// Why the log-linear fit failed, in `wording`'s language. Design columns are named by their ids, but for a
    /// context event's column, named by the event's name when `wording` has it.
    public func text(_ wording: ReportWording) -> String {
        let french = wording.language == .fr
        switch self {
        case .noColumns:
            return french ? "la matrice du modèle n'a pas de colonne" : "the design matrix has no columns"
        case .rowCountMismatch(let rows, let counts):
            return french
                ? "la matrice du modèle a \(rows) lignes pour \(counts) totaux"
                : "the design matrix has \(rows) rows but there are \(counts) counts"
        case .offsetCountMismatch(let offsets, let counts):
            return french
                ? "le décalage a \(offsets) valeurs pour \(counts) totaux"
                : "the offset has \(offsets) values but there are \(counts) counts"
        case .rowWidth(let row, let columns):
            return french
                ? "la ligne \(row) de la matrice du modèle n'a pas \(columns) valeurs"
                : "row \(row) of the design matrix does not have \(columns) values"
        case .invalidCount(let index, let value):
            return french
                ? "le total \(index) vaut \(value)\u{202F}; les totaux doivent être finis et positifs ou nuls"
                : "count \(index) is \(value); counts must be finite and non-negative"
        case .tooFewObservations(let observations, let coefficients):
            return french
                ? "\(observations) observations ne suffisent pas à estimer \(coefficients) coefficients"
                : "\(observations) observations cannot estimate \(coefficients) coefficients; more are needed"
        case .allCountsZero:
            return french
                ? "tous les totaux sont nuls\u{00A0}: un modèle log-linéaire n'a pas d'ajustement fini"
                : "every count is zero; a log-linear model has no finite fit"
        case .diverged(let iterations):
            return french
                ? "l'ajustement a divergé (déviance non finie après \(iterations) itérations)"
                : "the fit diverged (deviance is not finite after \(iterations) iterations)"
        case .singular(let column, let cause):
            return Self.singularText(column: column, event: nil, cause: cause, wording)
        }
    }

    /// Why a singular design failed, naming `column` by its text, or by `event` when it is a context event's
    /// column and the wording has the event's name.
    static func singularText(
        column: String, event: String?, cause: SingularCause, _ wording: ReportWording
    ) -> String {
        let french = wording.language == .fr
        let subject: String
        if let event {
            subject =
                french
                ? "la colonne de l'événement de contexte «\u{00A0}\(event)\u{00A0}»"
                : "the column of context event '\(event)'"
        } else {
            subject = french ? "la colonne «\u{00A0}\(column)\u{00A0}»" : "column '\(column)'"
        }
        let why: String
        switch cause {
        case .allZeros: why = french ? "ne contient que des zéros" : "is all zeros"
        case .noVariation: why = french ? "ne varie pas" : "has no variation"
        case .linearCombination:
            why =
                french
                ? "est une combinaison linéaire des colonnes précédentes, ou ses lignes n'ont pas de poids"
                : "is a linear combination of the columns before it, or its rows have no weight"
        }
        return french
            ? "la matrice du modèle est singulière (\(subject) \(why))"
            : "design matrix is singular (\(subject) \(why))"
    }
}

extension WindowComparison.Shortfall {
    /// Why no ratio could be formed, in `wording`'s language.
    public func text(_ wording: ReportWording) -> String {
        let french = wording.language == .fr
        let range = { (days: DayRange) in wording.tidyOrFrenchRange(days) }
        switch self {
        case .noCampaignData(let window):
            return french
                ? "aucune donnée sur les jours de la campagne (\(range(window)))"
                : "no data on any day of the campaign window \(range(window))"
        case .noBaselineData(let baseline):
            return french
                ? "pas de référence\u{00A0}: aucune donnée sur la période \(range(baseline))"
                : "no baseline: no data on any day of \(range(baseline))"
        case .zeroBaselineTotal(let days):
            return french
                ? "pas de référence\u{00A0}: le total des \(days) jours de référence est 0, aucun rapport n'est possible"
                : "no baseline: the total over \(days) baseline days is 0, so no ratio can be formed"
        case .invalidRateRatio:
            return french
                ? "les totaux ou le niveau de confiance ne permettent pas de calculer un rapport de taux"
                : "the totals or the confidence level are not valid for a rate ratio"
        case .totalTooLarge(let window):
            return french
                ? "les comptages additionnés dépassent le plus grand comptage (9223372036854775807) sur "
                    + "\(range(window)), aucun rapport n'est calculé"
                : "the counts add up past the largest count (9223372036854775807) over \(range(window)), so no "
                    + "ratio is formed"
        }
    }
}

extension ReportWording {
    /// `2020-02-03–2020-02-16` in English, as the tidy files have always written a range in a note, or
    /// `3–16 février 2020` in French.
    fileprivate func tidyOrFrenchRange(_ days: DayRange) -> String {
        language == .fr ? format.dateRange(days) : "\(days.start)–\(days.end)"
    }
}
