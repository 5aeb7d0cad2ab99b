import Analytics
import ArgumentParser
import Ingest
import Reporting

/// `awareness weekly`: the weekly summary of every series.
struct Weekly: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the weekly summary: totals, days with data, changes with intervals, anomalies.")

    @Option(help: ArgumentHelp("The first ISO week, such as 2020-W40.", valueName: "week"))
    var from: ISOWeekArgument?

    @Option(help: ArgumentHelp("The last ISO week, such as 2020-W48.", valueName: "week"))
    var to: ISOWeekArgument?

    @OptionGroup var selection: SeriesOptions

    @OptionGroup var options: TableOptions

    func validate() throws {
        if let from { try SupportedYears.check(from.week, option: "--from") }
        if let to { try SupportedYears.check(to.week, option: "--to") }
        if let from, let to, to.week < from.week {
            throw ValidationError("--from \(from.week) is after --to \(to.week): the range ends before it starts")
        }
    }

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        let all = SeriesCatalog.build(from: folder.data)
        let series = try selection.select(all)
        let rows = WeeklySummary.rows(
            series: series, campaigns: folder.calendar.campaigns, from: from?.week, to: to?.week,
            noise: BackgroundNoise(series: series, calendar: folder.calendar, yearsOf: all),
            confidenceLevel: folder.calendar.confidenceLevel)
        let language = options.reportLanguage(or: folder.calendar.language)
        options.format.print(TidyTables.weekly(rows)) {
            QueryTables(language: language).weeklyDocument(rows)
        }
    }
}

/// An ISO week given on the command line (`2020-W45`).
struct ISOWeekArgument: ExpressibleByArgument {
    let week: ISOWeek

    init?(argument: String) {
        guard let week = ISOWeek(parsing: argument) else { return nil }
        self.week = week
    }
}
