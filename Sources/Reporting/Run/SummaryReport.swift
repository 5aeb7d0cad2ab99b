import Analytics
import Ingest

/// `summary.md`: every campaign's headline with a link to its report, then the latest week with data
/// against the week before, series by series.
public struct SummaryReport: Sendable {
    /// The campaign reports, in calendar order.
    public let reports: [CampaignReport]
    /// The daily series of the run.
    public let series: [DailySeries]
    /// The confidence level of the week-over-week intervals.
    public let confidenceLevel: Double
    /// The language.
    public let language: ReportLanguage

    /// Creates the summary.
    public init(reports: [CampaignReport], series: [DailySeries], confidenceLevel: Double, language: ReportLanguage) {
        self.reports = reports
        self.series = series
        self.confidenceLevel = confidenceLevel
        self.language = language
    }

    /// The last ISO week in which any series has data.
    public var latestWeek: ISOWeek? {
        series.compactMap { $0.points.last?.date }.max().map { ISOWeek(containing: $0) }
    }

    /// The summary as markdown.
    public var markdown: String {
        let wording = ReportWording(language: language)
        let format = wording.format
        var text = "# " + wording.pick("Awareness campaigns: summary", "Campagnes de sensibilisation\u{00A0}: synthèse")
        text += "\n\n"
        for report in reports {
            let campaign = report.estimates.campaign
            text += Markdown.heading(campaign.name, level: 2) + "\n\n" + report.headline.markdown + "\n\n"
            text +=
                wording.pick("Full report: ", "Rapport complet\u{00A0}: ") + "[`campaigns/\(campaign.id).md`]"
                + "(campaigns/\(campaign.id).md)\n\n"
        }
        guard let week = latestWeek else { return text }
        let rows = WeekComparison.rows(
            week: week, against: week.previous, series: series, confidenceLevel: confidenceLevel
        ).filter { $0.series.placement == nil }
        text += "## " + wording.pick("Latest week", "Dernière semaine") + "\n\n"
        text +=
            wording.pick(
                "\(format.week(week).prefix(1).uppercased() + format.week(week).dropFirst()) against the week before.",
                "\(format.week(week).prefix(1).uppercased() + format.week(week).dropFirst()) comparée à la semaine précédente."
            ) + "\n\n"
        let table = MarkdownTable(
            headers: [
                wording.label(.series), format.shortWeek(week), format.shortWeek(week.previous),
                wording.label(.daysWithData), wording.label(.weekOverWeek), wording.label(.interval),
            ],
            alignments: [.left, .right, .right, .right, .right, .right],
            rows: rows.map { row in
                let isRate = row.series.metric == .ctr
                func value(_ value: Double?) -> String {
                    guard let value else { return HumanFormat.notAvailable }
                    return isRate ? format.percent(value, fractionDigits: 2) : format.count(value)
                }
                func change(_ value: Double?) -> String {
                    guard let value else { return HumanFormat.notAvailable }
                    return isRate
                        ? (value >= 0 ? "+" : "") + format.decimal(value * 100, fractionDigits: 2)
                            + wording.pick(" pt", "\u{202F}pt") : format.change(value)
                }
                return [
                    Markdown.escape(wording.seriesLabel(row.series)), value(row.value), value(row.againstValue),
                    "\(row.daysWithData) / \(row.againstDaysWithData)", change(row.change),
                    row.changeLow == nil
                        ? HumanFormat.notAvailable
                        : format.interval(change(row.changeLow), change(row.changeHigh)),
                ]
            })
        text += table.markdown
        text +=
            "\n"
            + wording.pick(
                "Weeks are ISO weeks (Monday to Sunday). When the two weeks do not have the same days with data, the "
                    + "change compares daily averages, not the totals shown. Every week and series is in `weekly.csv`.",
                "Les semaines sont des semaines ISO (du lundi au dimanche). Quand les deux semaines n'ont pas le même "
                    + "nombre de jours avec données, l'évolution compare les moyennes quotidiennes, pas les totaux "
                    + "affichés. Chaque semaine et série figure dans "
                    + "`weekly.csv`.") + "\n"
        return text
    }
}
