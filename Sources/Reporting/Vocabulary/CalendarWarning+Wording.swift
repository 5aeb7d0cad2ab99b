import Analytics
import Ingest

extension CalendarWarning {
    /// The line of campaigns.yaml the warning is about, when it has one.
    public var line: Int? {
        switch self {
        case .seriesNotInData(_, let line, _), .campaignAfterData(_, let line, _, _): return line
        case .probableTypo: return nil
        }
    }

    /// The warning as a sentence in `language`; the French one with French typography (a no-break space inside
    /// guillemets and before `:`, a narrow one before `?`).
    public func text(in language: ReportLanguage) -> String {
        switch self {
        case .seriesNotInData(let campaign, _, let series):
            return language.pick(
                "campaign '\(campaign)' names \(series), which no feed has: its section will be empty",
                "la campagne «\u{00A0}\(campaign)\u{00A0}» nomme \(series), qu'aucun flux ne contient\u{00A0}: "
                    + "sa section sera vide")
        case .probableTypo(let series, let near):
            return language.pick(
                "the data has \(series), which no campaign names, next to \(near): a probable typo",
                "les données contiennent \(series), qu'aucune campagne ne nomme, à côté de \(near)\u{00A0}: faute de "
                    + "frappe\u{202F}?")
        case .campaignAfterData(let campaign, _, let start, let lastDay):
            return language.pick(
                "campaign '\(campaign)' starts on \(start), after the last day of data (\(lastDay))",
                "la campagne «\u{00A0}\(campaign)\u{00A0}» commence le \(start), après le dernier jour de données "
                    + "(\(lastDay))")
        }
    }
}
