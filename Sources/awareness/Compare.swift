import Analytics
import ArgumentParser
import Ingest
import Reporting

/// `awareness compare <week> [--against <week>]`: every series in one week against another.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare one ISO week with another (by default the week before), every series with its interval.")

    @Argument(help: ArgumentHelp("The ISO week, such as 2020-W45.", valueName: "week"))
    var week: ISOWeekArgument

    @Option(help: ArgumentHelp("The week to compare against (default: the week before).", valueName: "week"))
    var against: ISOWeekArgument?

    @OptionGroup var options: TableOptions

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        let series = SeriesCatalog.build(from: folder.data)
        let background = folder.calendar.backgroundAdjustments(for: series)
        let rows = WeekComparison.rows(
            week: week.week, against: against?.week ?? week.week.previous, series: series,
            holidays: background.holidays, contextEvents: background.contextEvents,
            excludedDays: background.excludedDays, confidenceLevel: folder.calendar.confidenceLevel)
        let language = options.reportLanguage(or: folder.calendar.language)
        options.format.print(TidyTables.comparison(rows)) { QueryTables(language: language).comparison(rows) }
    }
}
