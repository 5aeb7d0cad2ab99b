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
    /// Each count series' background noise, for the latest week's intervals.
    public let noise: BackgroundNoise

    /// Creates the summary.
    public init(
        reports: [CampaignReport], series: [DailySeries], confidenceLevel: Double, language: ReportLanguage,
        noise: BackgroundNoise = BackgroundNoise()
    ) {
        self.reports = reports
        self.series = series
        self.confidenceLevel = confidenceLevel
        self.language = language
        self.noise = noise
    }

    /// The last ISO week in which any series has data.
    public var latestWeek: ISOWeek? {
        series.compactMap { $0.points.last?.date }.max().map { ISOWeek(containing: $0) }
    }

    /// The summary as markdown.
    public var markdown: String {
        let wording = ReportWording(language: language, campaigns: reports.map(\.estimates.campaign))
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
            week: week, against: week.previous, series: series, noise: noise, confidenceLevel: confidenceLevel
        ).filter { $0.series.placement == nil }
        text += "## " + wording.pick("Latest week", "Dernière semaine") + "\n\n"
        let weekText = format.week(week).prefix(1).uppercased() + format.week(week).dropFirst()
        let partial = rows.compactMap { $0.comparedWeekdays.isEmpty ? nil : $0.comparedWeekdays }
        if let compared = partial.max(by: { $0.count < $1.count }) {
            let days = format.weekdays(compared)
            text +=
                wording.pick(
                    "\(weekText) is not complete: \(days) of week \(week.week) against \(days) of week "
                        + "\(week.previous.week).",
                    "\(weekText) est incomplète\u{00A0}: \(days) de la semaine \(week.week) comparés aux mêmes jours "
                        + "de la semaine \(week.previous.week).") + "\n\n"
        } else {
            text +=
                wording.pick(
                    "\(weekText) against the week before.", "\(weekText) comparée à la semaine précédente.")
                + "\n\n"
        }
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
                let tooSmall =
                    !isRate && row.change.map { BaselineSize.isTooSmall(change: $0, upper: row.changeHigh) } == true
                return [
                    Markdown.escape(wording.seriesLabel(row.series)), value(row.value), value(row.againstValue),
                    "\(row.daysWithData) / \(row.againstDaysWithData)",
                    tooSmall ? format.baselineTooSmall() : change(row.change),
                    row.changeLow == nil || tooSmall
                        ? HumanFormat.notAvailable
                        : format.interval(change(row.changeLow), change(row.changeHigh)),
                ]
            })
        text += table.markdown
        text +=
            "\n"
            + wording.pick(
                "Weeks are ISO weeks (Monday to Sunday). The change compares the weekdays that both weeks have "
                    + "data for, so a partial week is set against the same days of the week before; the interval "
                    + "allows for calls that stay high or low for several days in a row. Every week and series is in "
                    + "`weekly.csv`.",
                "Les semaines sont des semaines ISO (du lundi au dimanche). L'évolution compare les jours de la "
                    + "semaine qui ont des données dans les deux semaines\u{00A0}: une semaine incomplète est comparée "
                    + "aux mêmes jours de la semaine précédente\u{00A0}; l'intervalle tient compte des appels qui "
                    + "restent hauts ou bas plusieurs jours de suite. Chaque semaine et série figure dans "
                    + "`weekly.csv`.") + "\n"
        return text
    }
}
