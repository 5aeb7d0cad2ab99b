import Analytics
import ArgumentParser
import Ingest
import Reporting

/// `awareness uplift`: how much a series rose over a period, with the window, year-over-year and model
/// estimates and the headline the reports use.
///
/// The period is a campaign of campaigns.yaml (its window, series and controls), a context event (its days,
/// with the model fitted before it and without its own step: "since lockdown began"), or any dates with
/// `--from`/`--to` on the series named by `--series`.
struct Uplift: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print how much a series rose over a campaign, a context event or any period, with intervals.",
        discussion: """
            Examples:
              awareness uplift banner-119
              awareness uplift lockdown-1 --series calls:119
              awareness uplift --series calls:119 --from 2020-03-18 --to 2020-04-06 --against 2020-02-12..2020-03-02
            """)

    @Argument(help: "A campaign id or a context event id, as in campaigns.yaml; omit it with --from and --to.")
    var id: String?

    @Option(
        name: .customLong("series"),
        help: ArgumentHelp(
            "A series to estimate, such as calls:119 or videos:nonauharcelement (repeatable; default: the campaign's, or every calls: series).",
            valueName: "series"))
    var seriesNames: [String] = []

    @Option(help: ArgumentHelp("The first day of the period, such as 2020-03-18.", valueName: "date"))
    var from: DayArgument?

    @Option(help: ArgumentHelp("The last day of the period (inclusive).", valueName: "date"))
    var to: DayArgument?

    @Option(
        help: ArgumentHelp(
            "The reference period, such as 2020-02-12..2020-03-02 (default: the campaign's baseline, or the 28 days before).",
            valueName: "range"))
    var against: DayRangeArgument?

    @Option(
        name: .customLong("controls"),
        help: ArgumentHelp(
            "A control series that shares the shocks but not the period's cause, such as calls:116006 (repeatable; default: the campaign's).",
            valueName: "series"))
    var controls: [String] = []

    @OptionGroup var options: TableOptions

    func validate() throws {
        if id == nil, from == nil || to == nil {
            throw ValidationError("name a campaign or a context event, or give --from and --to")
        }
        if id != nil, from != nil || to != nil {
            throw ValidationError("--from and --to ask about a period of their own; they do not go with an id")
        }
        if let from { try SupportedYears.check(from.day, option: "--from") }
        if let to { try SupportedYears.check(to.day, option: "--to") }
        if let against { try SupportedYears.check(against.range, option: "--against") }
        if let from, let to, to.day < from.day {
            throw ValidationError("--to \(to.day) is before --from \(from.day)")
        }
        for name in seriesNames + controls where SeriesName(parsing: name) == nil {
            throw ValidationError(
                "'\(name)' is not a series name: write <metric>:<key>, such as calls:119 or videos:nonauharcelement")
        }
    }

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        let calendar = folder.calendar
        let series = SeriesCatalog.build(from: folder.data)
        let known = Set(series.map(\.name.description))
        for name in seriesNames + controls where !known.contains(name) {
            throw ValidationError("no series '\(name)' in the data folder")
        }
        let question = try self.question(calendar: calendar, series: series)
        let estimates = CampaignEstimates.estimate(
            campaign: question.campaign, calendar: calendar, series: series, seriesNames: question.seriesNames,
            skippingContext: question.skippingContext)
        // A query builds only the part it prints: the estimates and the headline's answer, no chart figures.
        let analysis = CampaignAnalysis(
            estimates: estimates, series: series, context: calendar.context, confidenceLevel: calendar.confidenceLevel,
            charts: false)
        let rows = estimates.rows
        let language = options.reportLanguage(or: calendar.language)
        let wording = ReportWording(language: language, campaigns: calendar.campaigns, context: calendar.context)
        let headline = CampaignHeadline(
            analysis, confidenceLevel: calendar.confidenceLevel, wording: wording,
            period: question.isCampaign ? .campaign : .period)
        var blocks: [TextDocument.Block] = [
            .paragraph(text: headline.text, markdown: headline.markdown), .sentence(headline.basis),
        ]
        if let estimate = estimates.series.first(where: { !$0.overlappingContext.isEmpty }) {
            blocks.append(
                .sentence(wording.overlappingContext(estimate.overlappingContext, names: calendar.context)))
        }
        blocks += [.blank, .table(QueryTables(language: language, context: calendar.context).uplift(rows))]
        options.format.print(TidyTables.uplift(rows)) { TextDocument(blocks) }
        // Analytics decides, as for `run` (`CampaignAnalysis.isEstimated`): a headline on the window comparison
        // (the model not fitted) is an answer; no estimate at all is a data problem, said on standard error.
        if !analysis.isEstimated {
            let what = question.isCampaign ? "campaign" : "period"
            throw CommandFailure(
                .dataProblems,
                [.error("\(what) \(question.campaign.id): no estimate could be made; the table says why")])
        }
    }

    /// What is asked: the window, the series, the baseline and controls, as a campaign the estimator reads.
    private func question(
        calendar: CampaignCalendar, series: [DailySeries]
    ) throws -> (campaign: Campaign, seriesNames: [SeriesName]?, skippingContext: String?, isCampaign: Bool) {
        let names = seriesNames.compactMap(SeriesName.init(parsing:))
        let chosenNames =
            names.isEmpty ? series.map(\.name).filter { $0.metric == .calls && $0.placement == nil } : names
        /// A period that is not a campaign, asked about on the chosen series (their helplines head the headline).
        func period(id: String, name: String?, window: DayRange) -> Campaign {
            Campaign(
                id: id, name: name, window: window,
                helplines: chosenNames.filter { $0.metric == .calls }.map(\.key), banners: [],
                baseline: against?.range, controls: controls)
        }
        if let id {
            if let campaign = calendar.campaign(id: id) {
                let chosen = Campaign(
                    id: campaign.id, name: campaign.name, window: campaign.window, helplines: campaign.helplines,
                    hashtags: campaign.hashtags, banners: campaign.banners,
                    baseline: against?.range ?? campaign.baseline,
                    controls: controls.isEmpty ? campaign.controls : controls)
                return (chosen, names.isEmpty ? nil : names, nil, true)
            }
            if let event = calendar.context.first(where: { $0.id == id }) {
                return (period(id: event.id, name: event.name, window: event.window), chosenNames, event.id, false)
            }
            let campaigns = calendar.campaigns.map(\.id).joined(separator: ", ")
            let events = calendar.context.map(\.id).joined(separator: ", ")
            throw ValidationError(
                "no campaign or context event '\(id)' in campaigns.yaml (campaigns: \(campaigns); context events: "
                    + "\(events.isEmpty ? "none" : events))")
        }
        guard let from, let to, let window = DayRange(start: from.day, end: to.day) else {
            throw ValidationError("name a campaign or a context event, or give --from and --to")
        }
        return (period(id: "\(window.start)..\(window.end)", name: nil, window: window), chosenNames, nil, false)
    }
}

/// A `YYYY-MM-DD` argument.
struct DayArgument: ExpressibleByArgument {
    let day: CivilDate

    init?(argument: String) {
        guard let day = CivilDate(iso8601: argument) else { return nil }
        self.day = day
    }
}

/// A `YYYY-MM-DD..YYYY-MM-DD` argument, both ends inclusive, the end not before the start.
struct DayRangeArgument: ExpressibleByArgument {
    let range: DayRange

    init?(argument: String) {
        let parts = argument.components(separatedBy: "..")
        guard parts.count == 2, let start = CivilDate(iso8601: parts[0]), let end = CivilDate(iso8601: parts[1]),
            let range = DayRange(start: start, end: end)
        else { return nil }
        self.range = range
    }
}
