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

    @OptionGroup var options: TableOptions

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        let series = SeriesCatalog.build(from: folder.data)
        let background = folder.calendar.backgroundAdjustments(for: series)
        let rows = WeeklySummary.rows(
            series: series, campaigns: folder.calendar.campaigns, from: from?.week, to: to?.week,
            holidays: background.holidays, contextEvents: background.contextEvents,
            confidenceLevel: folder.calendar.confidenceLevel)
        let language = options.reportLanguage(or: folder.calendar.language)
        options.format.print(TidyTables.weekly(rows)) { QueryTables(language: language).weekly(rows) }
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
