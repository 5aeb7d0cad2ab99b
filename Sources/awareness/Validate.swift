import Analytics
import ArgumentParser
import Foundation
import Ingest
import Reporting

/// `awareness validate`: ingest only, print the data-quality summary, exit with the data's verdict.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every feed and print a data-quality summary.",
        discussion: """
            Exit status: 0 the data is usable; 1 more rows rejected than --max-reject-rate allows, or a file \
            refused; 2 usage or configuration error; 3 a file could not be read.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("The largest fraction of rows that may be rejected.", valueName: "fraction"))
    var maxRejectRate = 0.01

    @Option(
        help: ArgumentHelp("The language of the summary (default: the one in campaigns.yaml).", valueName: "en|fr"))
    var language: LanguageOption?

    func validate() throws {
        guard (0...1).contains(maxRejectRate) else {
            throw ValidationError("--max-reject-rate must be a fraction between 0 and 1, got \(maxRejectRate)")
        }
    }

    func run() throws {
        let folder = try loadDataFolder(options.data)
        let summary = DataQualitySummary(
            folder: options.data, timeZone: folder.calendar.timeZoneIdentifier, data: folder.data,
            maxRejectRate: maxRejectRate,
            language: language.flatMap { ReportLanguage(rawValue: $0.rawValue) } ?? folder.calendar.language)
        StandardStream.output.write(ShownText.escapingControls(summary.text, keepingLineFeeds: true))
        printCalendarWarnings(folder, dataPath: options.data, series: SeriesCatalog.build(from: folder.data))
        let status = ExitStatus(folder.data.verdict(maxRejectRate: maxRejectRate))
        if status != .success { throw CommandFailure(status) }
    }
}

/// Loads a data folder; a failure ends the command with its diagnostic and exit status 2 or 3.
func loadDataFolder(_ path: String) throws -> DataFolder {
    let progressLine = ProgressLine.standardError { StandardStream.error.write($0) }
    do {
        let folder = try DataFolder.load(path: path, progress: progressLine.readProgress())
        progressLine.clear()
        return folder
    } catch {
        progressLine.clear()
        throw CommandFailure(error)
    }
}

/// Prints the calendar's warnings against the data (`CalendarWarning`) on standard error, one
/// `warning: <campaigns.yaml>:<line>: <message>` line each (without a line when the warning has none).
func printCalendarWarnings(_ folder: DataFolder, dataPath: String, series: [DailySeries]) {
    printCalendarWarnings(CalendarWarning.check(calendar: folder.calendar, series: series), dataPath: dataPath)
}

/// Prints `warnings`, the calendar's warnings against the data of the folder at `dataPath`, on standard error.
func printCalendarWarnings(_ warnings: [CalendarWarning], dataPath: String) {
    let file = DataFolder.calendarPath(in: dataPath)
    DiagnosticPrinter.print(warnings.map { Diagnostic($0, calendarFile: file) })
}
