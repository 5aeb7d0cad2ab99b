import Analytics
import ArgumentParser
import Foundation
import Ingest
import Reporting

/// `awareness plan --series calls:119 (--days 14 | --uplift 0.10) [--start 2021-03-01]`: what a campaign of that
/// length could detect, or how long it must run to detect an uplift, from the series' history.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a campaign: the minimum detectable uplift of a campaign length, or the length an uplift needs.",
        discussion: """
            The counterfactual model is fitted on the series' days before the start (up to three years, campaign \
            windows left out, as for uplift) and projected onto the planned days, which need no data. The minimum \
            detectable uplift at 80% power of the model's two-sided test is exp((t + z0.80)·se) − 1. With \
            --uplift, every length from 1 to 365 days is tried and the shortest that detects it is printed.
            """)

    @Option(
        name: .customLong("series"),
        help: ArgumentHelp("The series, such as calls:119 or videos:nonauharcelement.", valueName: "series"))
    var seriesName: String

    @Option(help: ArgumentHelp("The campaign's length in days.", valueName: "days"))
    var days: Int?

    @Option(help: ArgumentHelp("The uplift to detect, as a fraction (0.10 is +10%).", valueName: "fraction"))
    var uplift: Double?

    @Option(
        help: ArgumentHelp(
            "The campaign's first day (default: the day after the series' last day with data).", valueName: "date"))
    var start: String?

    @OptionGroup var options: TableOptions

    func validate() throws {
        guard let name = SeriesName(parsing: seriesName), name.metric.isCount else {
            throw ValidationError(
                "--series '\(seriesName)' is not the name of a count series, such as calls:119 (CTRs are not planned)")
        }
        switch (days, uplift) {
        case (nil, nil): throw ValidationError("give the campaign's length with --days, or the uplift with --uplift")
        case (.some, .some): throw ValidationError("give either --days or --uplift, not both")
        case (let days?, nil):
            guard (1...CampaignPlan.longestSearchedDays).contains(days) else {
                throw ValidationError(
                    "--days must be between 1 and \(CampaignPlan.longestSearchedDays), got \(days)")
            }
        case (nil, let uplift?):
            guard uplift > 0, uplift.isFinite else {
                throw ValidationError("--uplift must be a positive fraction (0.10 is +10%), got \(uplift)")
            }
        }
        if let start {
            guard let day = CivilDate(iso8601: start) else {
                throw ValidationError("--start '\(start)' is not a date (YYYY-MM-DD)")
            }
            try SupportedYears.check(day, option: "--start")
        }
    }

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        let all = SeriesCatalog(data: folder.data)
        guard let name = SeriesName(parsing: seriesName), let series = all.series(named: name),
            let span = series.span
        else {
            throw ValidationError("no series '\(seriesName)' in the data")
        }
        let first = start.flatMap { CivilDate(iso8601: $0) } ?? span.end.adding(days: 1)
        let last = first.adding(days: (days ?? CampaignPlan.longestSearchedDays) - 1)
        guard
            let model = CampaignPlan.model(
                of: series.values, named: name, calendar: folder.calendar, start: first, days: first.days(to: last) + 1)
        else { return }
        let answered: Result<PlanAnswer, NotFittedReason>
        if let uplift {
            answered = CampaignPlan.length(toDetect: uplift, with: model, start: first).map { length in
                switch length {
                case .days(let projection):
                    PlanAnswer(
                        series: name, projection: projection, outcome: .detectedWithin(uplift: uplift),
                        confidenceLevel: model.confidenceLevel)
                case .longerThanSearched(let projection):
                    PlanAnswer(
                        series: name, projection: projection, outcome: .notDetectable(uplift: uplift),
                        confidenceLevel: model.confidenceLevel)
                }
            }
        } else {
            answered = CampaignPlan.minimumDetectableUplift(of: model, start: first, days: days ?? 1).map {
                PlanAnswer(
                    series: name, projection: $0, outcome: .minimumDetectableUplift,
                    confidenceLevel: model.confidenceLevel)
            }
        }
        let answer: PlanAnswer
        switch answered {
        case .success(let value):
            answer = value
        case .failure(let reason):
            let text = reason.text(ReportWording(language: .en))
            throw CommandFailure(.dataProblems, [.error("\(name): no model could be fitted: \(text)")])
        }
        let language = options.reportLanguage(or: folder.calendar.language)
        options.format.print(answer.tidy) { answer.document(language: language) }
    }
}
