import Analytics
import ArgumentParser
import Ingest
import Reporting

/// `awareness compare <period> [--against <period>]`: every series in one period against another.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Compare one period with another (by default the period just before), every series with its interval.",
        discussion: """
            A period is an ISO week (2020-W19), a date standing for its ISO week (2020-05-04), an inclusive range \
            (2020-05-04..2020-05-17) or a campaign id of campaigns.yaml (its window). --against also takes \
            last-year: the same days 364 days earlier, on the same weekdays. Periods of equal length compare the \
            days at the same position that both have data; periods of different lengths compare daily means, and \
            the output says so.
            """)

    @Argument(help: ArgumentHelp("The period: a week, a date, a range or a campaign id.", valueName: "period"))
    var period: String

    @Option(
        help: ArgumentHelp(
            "The period to compare against, or last-year (default: the period of equal length just before).",
            valueName: "period"))
    var against: String?

    @OptionGroup var selection: SeriesOptions

    @OptionGroup var options: TableOptions

    func validate() throws {
        let given = try Self.parse(period)
        if given == .lastYear { throw ValidationError("last-year can only be given to --against") }
        if case .days(let days) = given { try SupportedYears.check(days.days, option: "<period>") }
        if let against, case .days(let days) = try Self.parse(against) {
            try SupportedYears.check(days.days, option: "--against")
        }
    }

    func run() throws {
        let folder = try loadDataFolder(options.data.data)
        let all = SeriesCatalog.build(from: folder.data)
        let series = try selection.select(all)
        let period = try Self.parse(self.period).resolve(in: folder.calendar, reference: nil)
        let against =
            try against.map { try Self.parse($0).resolve(in: folder.calendar, reference: period) } ?? period.previous
        guard series.contains(where: { $0.points.contains { period.days.contains($0.date) } }) else {
            throw ValidationError(
                "no series has data in \(period) (\(period.days.start) to \(period.days.end))"
                    + (dataSpan(series).map { "; the data covers \($0.start) to \($0.end)" } ?? ""))
        }
        let rows = WeekComparison.rows(
            period: period, against: against, series: series,
            noise: BackgroundNoise(series: series, calendar: folder.calendar, yearsOf: all),
            confidenceLevel: folder.calendar.confidenceLevel)
        let language = options.reportLanguage(or: folder.calendar.language)
        options.format.print(TidyTables.comparison(rows)) {
            QueryTables(language: language).comparison(rows)
        }
    }

    private static func parse(_ text: String) throws -> PeriodArgument {
        guard let period = PeriodArgument(argument: text) else {
            throw ValidationError(PeriodArgument.problem(with: text))
        }
        return period
    }
}

/// The first and last days with data over `series`, or nil when none has any.
func dataSpan(_ series: [DailySeries]) -> DayRange? {
    let spans = series.compactMap(\.span)
    guard let start = spans.map(\.start).min(), let end = spans.map(\.end).max() else { return nil }
    return DayRange(start: start, end: end)
}
