import Analytics
import ArgumentParser
import Foundation
import Ingest
import Reporting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `awareness run`: the nightly batch. Ingest, estimate, and write the reports and notebooks folders, each
/// swapped in whole at the end so a failed or killed run leaves the previous night's outputs in place.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the nightly batch: reports, charts, tidy tables, notebooks and the run manifest.",
        discussion: """
            Writes summary.md, campaigns/<id>.md, charts/*.svg, daily.csv, weekly.csv, uplift.csv, uplift.json, \
            rejects.csv and run-manifest.json into --out, and one notebook per campaign into --notebooks. \
            Exit status: 0 success; 1 more rows rejected than --max-reject-rate allows, a file refused, or a \
            campaign that could not be estimated (what could be written is written); 2 usage or configuration \
            error; 3 a file could not be read or an output could not be written.
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("The reports folder, replaced as a whole.", valueName: "dir"))
    var out = "reports"

    @Option(help: ArgumentHelp("The notebooks folder, replaced as a whole.", valueName: "dir"))
    var notebooks = "Notebooks-export"

    @Option(help: ArgumentHelp("The report language (default: the config's language).", valueName: "en|fr"))
    var language: String?

    @Option(help: ArgumentHelp("The largest fraction of rows that may be rejected.", valueName: "fraction"))
    var maxRejectRate = 0.01

    @Flag(
        help: ArgumentHelp(
            "Write the outputs even when the data is over the reject threshold or a file is refused (by default the previous outputs are kept and the night's diagnostics go to <out>.failed)."
        ))
    var force = false

    @Flag(
        help: ArgumentHelp(
            "Also give each chart of the campaign reports as a Mermaid block, for viewers that render Mermaid (GitHub, GitLab); elsewhere it shows as code."
        ))
    var mermaid = false

    func validate() throws {
        guard (0...1).contains(maxRejectRate) else {
            throw ValidationError("--max-reject-rate must be a fraction between 0 and 1, got \(maxRejectRate)")
        }
        if let language, ReportLanguage(rawValue: language) == nil {
            throw ValidationError("--language must be en or fr, got '\(language)'")
        }
    }

    func run() throws {
        let progress = Progress()
        let folder = try loadDataFolder(options.data)
        let data = folder.data
        progress.say(
            "read \(data.files.count) files: \(data.rowsRead) rows, \(data.rowsAccepted) accepted, "
                + "\(data.rowsRejected) rejected")
        let quality = DataQualitySummary(
            folder: options.data, timeZone: folder.calendar.timeZoneIdentifier, data: data,
            maxRejectRate: maxRejectRate)
        for line in quality.errorLines + quality.warningLines {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let series = SeriesCatalog.build(from: data)
        printCalendarWarnings(folder, dataPath: options.data, series: series)
        let estimates = CampaignEstimates.estimateAll(calendar: folder.calendar, series: series)
        progress.say("estimated \(estimates.count) campaigns over \(series.count) daily series")

        let manifest: RunManifest
        do {
            let configPath = (options.data as NSString).appendingPathComponent(DataFolder.calendarFileName)
            manifest = RunManifest(
                toolVersion: "awareness \(NightlyRun.version)", configPath: configPath,
                configSHA256: try SHA256Digest.hex(ofFileAt: configPath),
                inputs: try data.files.map { try RunManifest.Input(report: $0, dataFolder: options.data) },
                skipped: data.skippedFiles.map(RunManifest.Skipped.init),
                runTime: RunManifest.timestamp(Date()))
        } catch {
            fail("\(error) (the run manifest records its SHA-256)")
            throw ExitCode(3)
        }
        var run = NightlyRun(
            calendar: folder.calendar, data: data, series: series, estimates: estimates, manifest: manifest,
            language: language.flatMap(ReportLanguage.init(rawValue:)) ?? folder.calendar.language)
        run.includesMermaid = mermaid
        let verdict = data.verdict(maxRejectRate: maxRejectRate)
        if verdict != .usable, !force {
            try keepLastNight(run, quality: quality, verdict: verdict)
        }
        let outputs: RunOutputs
        do {
            outputs = try run.outputs()
        } catch {
            fail("could not assemble the outputs: \(error)")
            throw ExitCode(3)
        }
        do {
            try outputs.write(reportsPath: out, notebooksPath: notebooks)
        } catch {
            fail("\(error)")
            throw ExitCode(3)
        }
        progress.say(
            "wrote \(outputs.reports.count) files to \(out) and \(outputs.notebooks.count) files to \(notebooks)")
        // A night that wrote its outputs makes an earlier night's diagnostics stale.
        let staleDiagnostics = NightlyRun.diagnosticsPath(forReports: out)
        if FileManager.default.fileExists(atPath: staleDiagnostics) {
            try? FileManager.default.removeItem(atPath: staleDiagnostics)
        }

        var status: Int32 = 0
        if verdict != .usable {
            let rate = String(format: "%.2f%%", data.rejectRate * 100)
            fail(
                "\(options.data): the data has problems (\(rate) of rows rejected, \(data.refusedFiles.count) "
                    + "files refused; threshold \(String(format: "%.2f%%", maxRejectRate * 100))); "
                    + "the outputs were written but need checking (see rejects.csv, or run awareness validate)")
            status = max(status, verdict.exitStatus)
        }
        for id in outputs.unestimatedCampaigns {
            fail("campaign \(id): no estimate could be made; its report says why")
            status = max(status, 1)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// A night with bad data: last night's outputs stay; the diagnostics go to `<out>.failed`; status 1.
    private func keepLastNight(_ run: NightlyRun, quality: DataQualitySummary, verdict: DataVerdict) throws {
        let path = NightlyRun.diagnosticsPath(forReports: out)
        do {
            let files = try run.diagnostics(
                quality: quality, reportsPath: out, rejectRate: run.data.rejectRate, maxRejectRate: maxRejectRate)
            try NightlyRun.writeDiagnostics(files, to: path)
        } catch {
            fail("\(error)")
            throw ExitCode(3)
        }
        let rate = String(format: "%.2f%%", run.data.rejectRate * 100)
        fail(
            "\(options.data): the data has problems (\(rate) of rows rejected, \(run.data.refusedFiles.count) files "
                + "refused; threshold \(String(format: "%.2f%%", maxRejectRate * 100))); last night's outputs in "
                + "\(out) and \(notebooks) were kept, and tonight's diagnostics written to \(path) (failed-night.md, "
                + "rejects.csv, run-manifest.json); fix the files, or rerun with --force to write the outputs anyway")
        throw ExitCode(verdict.exitStatus)
    }

    private func fail(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}

/// Progress lines on stderr: one line per stage, prefixed with `awareness run:`.
private struct Progress {
    func say(_ line: String) {
        FileHandle.standardError.write(Data("awareness run: \(line)\n".utf8))
    }
}
