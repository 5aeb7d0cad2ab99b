import Analytics
import ArgumentParser
import Foundation
import Ingest
import Nightly
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
            A night fails, keeping last night's outputs and writing its diagnostics to <out>.failed, when a feed \
            folder that had data last night (the run-manifest.json in --out) is missing, empty or header-only, a \
            file is refused or wholly rejected, a file not read last night has more rows rejected than \
            --max-file-reject-rate allows, or more rows are rejected than --max-reject-rate allows. \
            Exit status: 0 success; 1 a failed night, or a campaign that could not be estimated (what could be \
            written is written); 2 usage or configuration error; 3 a file or feed folder could not be read (last \
            night's outputs are kept) or an output could not be written (standard error too: the \
            outputs are written all the same).
            """
    )

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("The reports folder, replaced whole if absent, empty or a run's own.", valueName: "dir"))
    var out = "reports"

    @Option(
        help: ArgumentHelp("The notebooks folder, replaced whole if absent, empty or a run's own.", valueName: "dir"))
    var notebooks = "Notebooks-export"

    @Option(help: ArgumentHelp("The report language (default: the config's language).", valueName: "en|fr"))
    var language: String?

    @Option(help: ArgumentHelp("The largest fraction of rows that may be rejected.", valueName: "fraction"))
    var maxRejectRate = 0.01

    @Option(
        help: ArgumentHelp(
            "The largest fraction of the rows of a file not read last night that may be rejected.",
            valueName: "fraction"))
    var maxFileRejectRate = NightVerdict.defaultMaxFileRejectRate

    @Flag(
        help: ArgumentHelp(
            "Write the outputs even on a night that fails (by default the previous outputs are kept and the night's diagnostics go to <out>.failed); its manifest then becomes last night's."
        ))
    var force = false

    @Flag(
        help: ArgumentHelp(
            "Also give each chart of the campaign reports as a Mermaid block, for viewers that render Mermaid (GitHub, GitLab); elsewhere it shows as code."
        ))
    var mermaid = false

    @Flag(
        help: ArgumentHelp(
            "Also write the tidy tables for a French spreadsheet in <out>/excel/ (';' between fields, a decimal comma, a UTF-8 byte order mark)."
        ))
    var excel = false

    func validate() throws {
        guard (0...1).contains(maxRejectRate) else {
            throw ValidationError("--max-reject-rate must be a fraction between 0 and 1, got \(maxRejectRate)")
        }
        guard (0...1).contains(maxFileRejectRate) else {
            throw ValidationError(
                "--max-file-reject-rate must be a fraction between 0 and 1, got \(maxFileRejectRate)")
        }
        if let language, ReportLanguage(rawValue: language) == nil {
            throw ValidationError("--language must be en or fr, got '\(language)'")
        }
    }

    func run() throws {
        var batch = NightlyBatch(
            dataPath: options.data, reportsPath: out, notebooksPath: notebooks, maxRejectRate: maxRejectRate)
        batch.language = language.flatMap(ReportLanguage.init(rawValue:))
        batch.maxFileRejectRate = maxFileRejectRate
        batch.force = force
        batch.includesMermaid = mermaid
        batch.includesSpreadsheetCopies = excel
        let progressLine = ProgressLine.standardError { StandardStream.error.write($0) }
        let outcome: NightlyBatch.Outcome
        // What the stages printed, which the exit status accounts for with the diagnostics below.
        var printed: [Diagnostic] = []
        do {
            outcome = try batch.run(progress: progressLine.readProgress()) { stage in
                if case .read = stage { progressLine.clear() }
                printed += report(stage)
            }
        } catch {
            progressLine.clear()
            throw CommandFailure(error)
        }
        var diagnostics = Diagnostic.verdictErrors(outcome.nightVerdict, dataPath: options.data)
        if outcome.verdict != .usable {
            // A night failed for a feed folder or one file says so in the errors above; the counts alone would not.
            let counted = outcome.nightVerdict.reasons.allSatisfy { reason in
                switch reason {
                case .overallOverThreshold, .fileRefused, .fileUnreadable: true
                default: false
                }
            }
            let problems =
                (counted ? "the data has problems (" : "the night failed its checks (see the errors above; ")
                + "\(percent(outcome.rejectRate)) of rows rejected, \(outcome.refusedFiles) files "
                + "refused; threshold \(percent(maxRejectRate)))"
            switch outcome.disposition {
            case .written:
                diagnostics.append(
                    .error(
                        problems
                            + "; the outputs were written but need checking (see rejects.csv, or run awareness validate)",
                        file: options.data))
            case .keptLastNight(let path):
                diagnostics.append(
                    .error(
                        problems + "; last night's outputs in \(out) and \(notebooks) were kept, and tonight's "
                            + "diagnostics written to \(path) (failed-night.md, rejects.csv, run-manifest.json); fix the "
                            + "files, or rerun with --force to write the outputs anyway",
                        file: options.data))
            }
        }
        for id in outcome.unestimatedCampaigns {
            diagnostics.append(.error("campaign \(id): no estimate could be made; its report says why"))
        }
        let status = ExitStatus(outcome.verdict, diagnostics: printed + diagnostics)
        if status != .success { throw CommandFailure(status, diagnostics) }
    }

    /// Prints a stage of the night: a progress line, and after reading the data's errors and warnings; returns the
    /// diagnostics it printed.
    private func report(_ stage: NightlyBatch.Stage) -> [Diagnostic] {
        switch stage {
        case .read(let folder, let quality):
            let data = folder.data
            say(
                "read \(data.files.count) files: \(data.rowsRead) rows, \(data.rowsAccepted) accepted, "
                    + "\(data.rowsRejected) rejected")
            let findings =
                Diagnostic.manifestWarning(quality.verdict) + (quality.errors + quality.warnings).map(Diagnostic.init)
            DiagnosticPrinter.print(findings)
            return findings
        case .checkedCalendar(let warnings):
            printCalendarWarnings(warnings, dataPath: options.data)
        case .estimated(let campaigns, let series):
            say("estimated \(campaigns) campaign\(campaigns == 1 ? "" : "s") over \(series) daily series")
        case .wrote(let reports, let notebooksWritten):
            say("wrote \(reports) files to \(out) and \(notebooksWritten) files to \(notebooks)")
        }
        return []
    }

    private func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }

    /// A progress line on stderr, prefixed with `awareness run:`.
    private func say(_ line: String) {
        StandardStream.error.write("awareness run: \(ShownText.escapingControls(line))\n")
    }
}

extension CommandFailure {
    /// A night that stopped before its end: the data folder (2 or 3), or an output that could not be made (3).
    init(_ failure: NightlyBatch.Failure) {
        switch failure {
        case .dataFolder(let error):
            self.init(error)
        case .digest(let error):
            self.init(
                .ioFailure,
                [.error("could not be read: \(error.reason) (the run manifest records its SHA-256)", file: error.path)])
        case .assembly(let message):
            self.init(.ioFailure, [.error("could not assemble the outputs: \(message)")])
        case .output(let error):
            self.init(.ioFailure, [.error(error.description)])
        case .refused(let refusal):
            self.init(.usage, [.error(refusal.description, file: refusal.folder)])
        }
    }
}
