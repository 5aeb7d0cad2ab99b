import Analytics
import ArgumentParser
import Ingest
import Reporting

/// `awareness funnel <campaign-id> [--by placement|banner|region|week]`: a campaign's impressions, clicks and CTR
/// by group, and the groups' differences of CTR.
struct Funnel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a campaign's banner funnel by group: impressions, clicks, CTR, and differences of CTR.",
        discussion: """
            Over the campaign's window and its feed ids (banners: in campaigns.yaml), one row per placement, \
            banner (the feeds' banner column), region or ISO week, highest CTR first, with Wilson's interval; \
            then every pair of groups, the higher CTR first, with Newcombe's interval for the difference. A day \
            counts when the group has impressions and the click feed covers the day.
            """)

    @Argument(help: "The campaign id, as in campaigns.yaml.")
    var campaign: String

    @Option(help: ArgumentHelp("The groups: placement, banner, region or week.", valueName: "dimension"))
    var by: DimensionOption = .placement

    @OptionGroup var options: TableOptions

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        guard let campaign = folder.calendar.campaign(id: campaign) else {
            let known = folder.calendar.campaigns.map(\.id).joined(separator: ", ")
            throw ValidationError(
                "no campaign '\(self.campaign)' in campaigns.yaml (known: \(known.isEmpty ? "none" : known))")
        }
        let made = FunnelBreakdown.make(
            campaign: campaign, impressions: folder.data.impressions, clicks: folder.data.clicks,
            by: by.dimension, confidenceLevel: folder.calendar.confidenceLevel)
        let breakdown: FunnelBreakdown
        switch made {
        case .success(let value): breakdown = value
        case .failure(let error):
            // Totals past the largest count are a problem of the data (status 1); the others, of the question asked.
            if case .countsTooLarge = error.problem {
                throw CommandFailure(.dataProblems, [.error(error.description, file: options.data.data)])
            }
            throw ValidationError(error.description)
        }
        let language = options.reportLanguage(or: folder.calendar.language)
        options.format.print(TidyTables.funnel(breakdown)) { QueryTables(language: language).funnel(breakdown) }
    }
}

/// `--by placement|banner|region|week`.
enum DimensionOption: String, ExpressibleByArgument, CaseIterable {
    case placement, banner, region, week

    /// The breakdown's dimension.
    var dimension: FunnelBreakdown.Dimension {
        switch self {
        case .placement: .placement
        case .banner: .banner
        case .region: .region
        case .week: .week
        }
    }
}
