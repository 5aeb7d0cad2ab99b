import Analytics
import Ingest

/// The words of `summary.md`, of the notebooks (their folder's README, their setup cell) and of the note a night
/// with bad data leaves.
extension ReportWording {
    // MARK: - Summary

    /// The summary's title.
    public var summaryTitle: String {
        pick("Awareness campaigns: summary", "Campagnes de sensibilisation\u{00A0}: synthèse")
    }

    /// `Full report: ` / `Rapport complet : `, before the link to a campaign's report.
    public var fullReport: String { pick("Full report: ", "Rapport complet\u{00A0}: ") }

    /// `Latest week` / `Dernière semaine`.
    public var latestWeek: String { pick("Latest week", "Dernière semaine") }

    /// What the latest week `week` (named `weekText`, capitalised) is compared with: the weekdays `days`
    /// (formatted) it has when it is partial, `nil` when it is complete.
    public func latestWeekComparison(_ week: ISOWeek, named weekText: String, partialDays days: String?) -> String {
        guard let days else {
            return pick("\(weekText) against the week before.", "\(weekText) comparée à la semaine précédente.")
        }
        return pick(
            "\(weekText) is not complete: \(days) of week \(week.week) against \(days) of week "
                + "\(week.previous.week).",
            "\(weekText) est incomplète\u{00A0}: \(days) de la semaine \(week.week) comparés aux mêmes jours "
                + "de la semaine \(week.previous.week).")
    }

    /// The unit of a difference of CTRs, after the number: ` pt` / ` pt` with a narrow no-break space.
    public var percentagePoints: String { pick(" pt", "\u{202F}pt") }

    /// What the latest week's table compares.
    public var weeklyExplanation: String {
        pick(
            "Weeks are ISO weeks (Monday to Sunday). The change compares the weekdays that both weeks have "
                + "data for, so a partial week is set against the same days of the week before; the interval "
                + "allows for calls that stay high or low for several days in a row. Every week and series is in "
                + "`weekly.csv`.",
            "Les semaines sont des semaines ISO (du lundi au dimanche). L'évolution compare les jours de la "
                + "semaine qui ont des données dans les deux semaines\u{00A0}: une semaine incomplète est comparée "
                + "aux mêmes jours de la semaine précédente\u{00A0}; l'intervalle tient compte des appels qui "
                + "restent hauts ou bas plusieurs jours de suite. Chaque semaine et série figure dans "
                + "`weekly.csv`.")
    }

    // MARK: - Notebooks and failed nights

    /// The notebooks folder's `README.md`.
    public var notebooksReadme: String {
        pick(
            "Jupyter notebooks exported by `awareness run`, one per campaign.\n",
            "Carnets Jupyter exportés par `awareness run`, un par campagne.\n")
    }

    /// What a notebook's setup cell raises when the output folder has no `uplift.json`; `{REPORTS.resolve()}` is
    /// the Python f-string placeholder of the folder it looked in.
    public var notebookReportsMissing: String {
        pick(
            "No awareness reports in {REPORTS.resolve()} (uplift.json is missing). Set the AWARENESS_REPORTS "
                + "environment variable to the folder written by `awareness run --out`, or change REPORTS above.",
            "Pas de rapports awareness dans {REPORTS.resolve()} (uplift.json manque). Donnez à la variable "
                + "d'environnement AWARENESS_REPORTS le dossier écrit par `awareness run --out`, ou modifiez "
                + "REPORTS ci-dessus.")
    }

    /// The Python comment above the line of a notebook's setup cell that names the output folder.
    public var notebookReportsComment: String {
        pick(
            "# The folder written by `awareness run --out`: AWARENESS_REPORTS, or edit this line.",
            "# Le dossier écrit par `awareness run --out` : AWARENESS_REPORTS, ou modifiez cette ligne.")
    }

    /// The title of `failed-night.md`.
    public var failedNightTitle: String {
        pick("Tonight's run kept last night's reports", "La nuit a gardé les rapports de la veille")
    }

    /// What failed on a night with bad data: each of its `reasons` (``NightVerdict/Reason/text(in:)``) as an item
    /// of a list; the reports in `reportsPath` were kept.
    public func failedNight(reasons: [String], reportsPath: String) -> String {
        let list = reasons.map { "- " + Markdown.escape($0) }.joined(separator: "\n")
        return pick(
            "The data had problems:\n\n\(list)\n\nThe reports in `\(reportsPath)` and the notebooks are last night's, "
                + "unchanged. Fix the files and folders named here (their rejected rows are in `rejects.csv`), then "
                + "run again; `awareness run --force` writes the outputs from this data anyway.",
            "Les données posaient problème\u{00A0}:\n\n\(list)\n\nLes rapports de `\(reportsPath)` et les carnets "
                + "sont ceux de la veille, inchangés. Corrigez les fichiers et dossiers cités ici (leurs lignes "
                + "rejetées sont dans `rejects.csv`), puis relancez\u{00A0}; `awareness run --force` écrit quand même "
                + "les sorties à partir de ces données.")
    }

}
