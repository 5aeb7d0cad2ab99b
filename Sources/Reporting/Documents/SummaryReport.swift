import Analytics
import Ingest

/// `summary.md`: every campaign's headline with a link to its report, then the latest week with data
/// against the week before, series by series.
public struct SummaryReport: Sendable {
    /// The campaign reports, in calendar order.
    public let reports: [CampaignReport]
    /// The latest week with data against the week before, as Analytics compared them; nil without data.
    public let latestWeek: LatestWeekComparison?
    /// The confidence level of the week-over-week intervals.
    public let confidenceLevel: Double
    /// The language.
    public let language: ReportLanguage

    /// Creates the summary.
    public init(
        reports: [CampaignReport], latestWeek: LatestWeekComparison?, confidenceLevel: Double,
        language: ReportLanguage
    ) {
        self.reports = reports
        self.latestWeek = latestWeek
        self.confidenceLevel = confidenceLevel
        self.language = language
    }

    /// The summary as markdown.
    public var markdown: String {
        let wording = ReportWording(language: language, campaigns: reports.map(\.estimates.campaign))
        let format = wording.format
        var text = "# " + wording.summaryTitle
        text += "\n\n"
        for report in reports {
            let campaign = report.estimates.campaign
            text += Markdown.heading(campaign.name, level: 2) + "\n\n" + report.headline.markdown + "\n\n"
            text +=
                wording.fullReport + "[`campaigns/\(campaign.id).md`]"
                + "(campaigns/\(campaign.id).md)\n\n"
        }
        guard let latestWeek else { return text }
        let week = latestWeek.week
        let rows = latestWeek.rows
        text += "## " + wording.latestWeek + "\n\n"
        let weekName = wording.isoWeek(week)
        let weekText = weekName.prefix(1).uppercased() + weekName.dropFirst()
        let partial = rows.compactMap { $0.comparedWeekdays.isEmpty ? nil : $0.comparedWeekdays }
        let compared = partial.max(by: { $0.count < $1.count }).map(wording.comparedWeekdays)
        text += wording.latestWeekComparison(week, named: weekText, partialDays: compared) + "\n\n"
        let table = MarkdownTable(
            headers: [
                wording.series, format.shortWeek(week), format.shortWeek(week.previous),
                wording.daysWithData, wording.weekOverWeek, wording.interval(atLevel: confidenceLevel),
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
                            + wording.percentagePoints : format.change(value)
                }
                let tooSmall =
                    !isRate && row.change.map { BaselineSize.isTooSmall(change: $0, upper: row.changeHigh) } == true
                return [
                    Markdown.escape(wording.seriesLabel(row.series)), value(row.value), value(row.againstValue),
                    "\(row.daysWithData) / \(row.againstDaysWithData)",
                    tooSmall ? wording.baselineTooSmall() : change(row.change),
                    row.changeLow == nil || tooSmall
                        ? HumanFormat.notAvailable
                        : format.interval(change(row.changeLow), change(row.changeHigh)),
                ]
            })
        text += table.markdown
        text += "\n" + wording.weeklyExplanation + "\n"
        return text
    }
}
