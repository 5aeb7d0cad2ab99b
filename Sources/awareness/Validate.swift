import Analytics
import ArgumentParser
import Foundation
import Ingest
import Nightly
import Reporting

/// `awareness validate`: ingest only, print the data-quality summary, exit with the data's verdict.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read every feed and print a data-quality summary.",
        discussion: """
            Gives the verdict run would give on the same folders: the data is compared with the last night that \
            wrote --out (its run-manifest.json). Exit status: 0 the data is usable; 1 the night would fail (a feed \
            folder that had data last night missing, empty or header-only; a file refused or wholly rejected; a new \
            file over --max-file-reject-rate; more rows rejected than --max-reject-rate allows); 2 usage or \
            configuration error; 3 a file or feed folder could not be read, or the summary or a diagnostic \
            could not be written (a full or closed standard output or error).
            """
    )

    @OptionGroup var options: DataOptions

    @Option(
        help: ArgumentHelp(
            "The reports folder run writes: its run-manifest.json says what last night read.", valueName: "dir"))
    var out = "reports"

    @Option(help: ArgumentHelp("The largest fraction of rows that may be rejected.", valueName: "fraction"))
    var maxRejectRate = 0.01

    @Option(
        help: ArgumentHelp(
            "The largest fraction of the rows of a file not read last night that may be rejected.",
            valueName: "fraction"))
    var maxFileRejectRate = NightVerdict.defaultMaxFileRejectRate

    @Option(
        help: ArgumentHelp("The language of the summary (default: the one in campaigns.yaml).", valueName: "en|fr"))
    var language: LanguageOption?

    func validate() throws {
        guard (0...1).contains(maxRejectRate) else {
            throw ValidationError("--max-reject-rate must be a fraction between 0 and 1, got \(maxRejectRate)")
        }
        guard (0...1).contains(maxFileRejectRate) else {
            throw ValidationError(
                "--max-file-reject-rate must be a fraction between 0 and 1, got \(maxFileRejectRate)")
        }
    }

    func run() throws {
        let folder = try loadDataFolder(options.data)
        let verdict = NightVerdict(
            data: folder.data, reportsPath: out, maxRejectRate: maxRejectRate, maxFileRejectRate: maxFileRejectRate)
        let summary = DataQualitySummary(
            folder: options.data, timeZone: folder.calendar.timeZoneIdentifier, data: folder.data, verdict: verdict,
            language: language.flatMap { ReportLanguage(rawValue: $0.rawValue) } ?? folder.calendar.language)
        StandardStream.output.write(ShownText.escapingControls(summary.text, keepingLineFeeds: true))
        printCalendarWarnings(folder, dataPath: options.data, series: SeriesCatalog.build(from: folder.data))
        DiagnosticPrinter.print(Diagnostic.manifestWarning(verdict))
        let errors = Diagnostic.verdictErrors(verdict, dataPath: options.data)
        let status = ExitStatus(verdict.dataVerdict, diagnostics: summary.errors.map(Diagnostic.init) + errors)
        if status != .success { throw CommandFailure(status, errors) }
    }
}

/// Loads a data folder; a failure ends the command with its diagnostic and exit status 2 or 3.
func loadDataFolder(_ path: String) throws -> DataFolder {
    let progressLine = ProgressLine.standardError { StandardStream.error.write($0) }
    do {
        // Only `run` writes a manifest: the other commands do not hash the files they read.
        let folder = try DataFolder.load(path: path, progress: progressLine.readProgress(), digestsInputs: false)
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
