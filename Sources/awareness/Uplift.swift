import Analytics
import ArgumentParser
import Ingest
import Reporting

/// `awareness uplift <campaign-id>`: one campaign's estimates.
struct Uplift: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one campaign's estimates: window, year over year, model, placebo, persistence.")

    @Argument(help: "The campaign id, as in campaigns.yaml.")
    var campaign: String

    @OptionGroup var options: TableOptions

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        guard let campaign = folder.calendar.campaign(id: campaign) else {
            let known = folder.calendar.campaigns.map(\.id).joined(separator: ", ")
            throw ValidationError("no campaign '\(self.campaign)' in campaigns.yaml (known: \(known))")
        }
        let series = SeriesCatalog.build(from: folder.data)
        let estimates = CampaignEstimates.estimate(campaign: campaign, calendar: folder.calendar, series: series)
        let rows = estimates.rows
        let language = options.reportLanguage(or: folder.calendar.language)
        let headline = CampaignHeadline(
            estimates, confidenceLevel: folder.calendar.confidenceLevel, wording: ReportWording(language: language))
        options.format.print(TidyTables.uplift(rows)) {
            headline.text + "\n" + headline.basis + "\n\n" + QueryTables(language: language).uplift(rows)
        }
        if rows.contains(where: { $0.method == .model && $0.uplift == nil }) { throw ExitCode(1) }
    }
}
