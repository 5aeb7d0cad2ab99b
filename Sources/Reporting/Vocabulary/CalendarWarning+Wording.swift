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
    public func message(in language: ReportLanguage) -> String {
        let french = language == .fr
        switch self {
        case .seriesNotInData(let campaign, _, let series):
            return french
                ? "la campagne «\u{00A0}\(campaign)\u{00A0}» nomme \(series), qu'aucun flux ne contient\u{00A0}: "
                    + "sa section sera vide"
                : "campaign '\(campaign)' names \(series), which no feed has: its section will be empty"
        case .probableTypo(let series, let near):
            return french
                ? "les données contiennent \(series), qu'aucune campagne ne nomme, à côté de \(near)\u{00A0}: faute de "
                    + "frappe\u{202F}?"
                : "the data has \(series), which no campaign names, next to \(near): a probable typo"
        case .campaignAfterData(let campaign, _, let start, let lastDay):
            return french
                ? "la campagne «\u{00A0}\(campaign)\u{00A0}» commence le \(start), après le dernier jour de données "
                    + "(\(lastDay))"
                : "campaign '\(campaign)' starts on \(start), after the last day of data (\(lastDay))"
        }
    }
}
