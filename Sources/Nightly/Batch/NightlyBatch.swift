import Analytics
import Foundation
import Ingest
import Reporting

/// The nightly batch as one call: read a data folder, estimate every campaign, and either swap in the reports and
/// notebooks folders or, on a night whose data has problems, keep last night's and write the diagnostics beside them.
///
/// What happens is returned as values (``Stage`` as it happens, ``Outcome`` at the end, ``Failure`` when the night
/// stops); the command line words them and maps them to an exit status.
public struct NightlyBatch: Sendable {
    /// The data folder, as the user named it.
    public var dataPath: String
    /// The reports folder, replaced as a whole.
    public var reportsPath: String
    /// The notebooks folder, replaced as a whole.
    public var notebooksPath: String
    /// The report language; nil for campaigns.yaml's.
    public var language: ReportLanguage?
    /// The largest fraction of rows that may be rejected.
    public var maxRejectRate: Double
    /// The largest fraction of a file's rows that may be rejected when the file was not read last night.
    public var maxFileRejectRate = NightVerdict.defaultMaxFileRejectRate
    /// Whether the outputs are written even when the data has problems.
    public var force = false
    /// Whether campaign reports also give each chart as a Mermaid block.
    public var includesMermaid = false
    /// Whether the tidy tables are also written for a French spreadsheet, in `excel/` (`run --excel`).
    public var includesSpreadsheetCopies = false

    /// Creates a batch over `dataPath`.
    public init(dataPath: String, reportsPath: String, notebooksPath: String, maxRejectRate: Double) {
        self.dataPath = dataPath
        self.reportsPath = reportsPath
        self.notebooksPath = notebooksPath
        self.maxRejectRate = maxRejectRate
    }

    /// A stage of the night, reported as it ends.
    public enum Stage: Sendable {
        /// The data folder was read.
        case read(DataFolder, DataQualitySummary)
        /// campaigns.yaml was checked against the series the data holds.
        case checkedCalendar([CalendarWarning])
        /// Every campaign was estimated.
        case estimated(campaigns: Int, series: Int)
        /// The outputs were written.
        case wrote(reports: Int, notebooks: Int)
    }

    /// How a night that ran to its end went.
    public struct Outcome: Sendable {
        /// Whether the data was usable, had problems, or had a file that could not be read.
        public let verdict: DataVerdict
        /// The night's verdict with its reasons (``verdict`` is its class).
        public let nightVerdict: NightVerdict
        /// The fraction of rows rejected.
        public let rejectRate: Double
        /// The files refused whole.
        public let refusedFiles: Int
        /// Whether the outputs were replaced, or last night's kept with tonight's diagnostics in `diagnosticsPath`.
        public let disposition: Disposition
        /// The campaigns for which no estimate could be made (their reports say why).
        public let unestimatedCampaigns: [String]
    }

    /// What became of the outputs.
    public enum Disposition: Sendable, Equatable {
        /// The reports and notebooks folders were replaced.
        case written
        /// Last night's outputs were kept; tonight's diagnostics are in the folder at `diagnosticsPath`.
        case keptLastNight(diagnosticsPath: String)
    }

    /// Why a night stopped before its end; the outputs are last night's.
    public enum Failure: Error, Sendable {
        /// The data folder or campaigns.yaml could not be read.
        case dataFolder(DataFolder.LoadError)
        /// An input's SHA-256, recorded in the run manifest, could not be computed.
        case digest(FileDigestError)
        /// The outputs could not be assembled (the run manifest could not be encoded).
        case assembly(String)
        /// An output or diagnostics folder could not be written.
        case output(OutputFolderError)
        /// The output folders were refused before anything was read or written (``OutputPlan``).
        case refused(OutputRefusal)
    }

    /// Runs the night, calling `onStage` as each stage ends and `progress` while files are read.
    public func run(progress: ReadProgress? = nil, onStage: (Stage) -> Void = { _ in }) throws(Failure) -> Outcome {
        let destination = try checkedOutputs()
        let folder: DataFolder
        do {
            folder = try DataFolder.load(path: dataPath, progress: progress)
        } catch {
            throw .dataFolder(error)
        }
        let data = folder.data
        let nightVerdict = verdict(on: data)
        let quality = DataQualitySummary(
            folder: dataPath, timeZone: folder.calendar.timeZoneIdentifier, data: data, verdict: nightVerdict)
        onStage(.read(folder, quality))
        let series = SeriesCatalog.build(from: data)
        // A night that keeps last night's outputs writes no chart and no weekly table: it needs only the estimates.
        let writesOutputs = nightVerdict.dataVerdict == .usable || force
        let analysis = NightAnalysis(
            calendar: folder.calendar, series: series, parts: writesOutputs ? .night : .campaigns)
        onStage(.checkedCalendar(analysis.calendarWarnings))
        onStage(.estimated(campaigns: analysis.campaigns.count, series: series.count))

        let configPath = DataFolder.calendarPath(in: dataPath)
        let manifest: RunManifest
        do {
            // The digest of the bytes the calendar was parsed from, as for every input: what was read.
            guard let configSHA256 = folder.calendarSHA256 else {
                throw FileDigestError(path: configPath, reason: SHA256Hasher.failure)
            }
            manifest = RunManifest(
                toolVersion: "awareness \(NightlyRun.version)", configPath: configPath, configSHA256: configSHA256,
                inputs: try RunManifest.Input.all(of: data, dataFolder: dataPath),
                skipped: data.skippedFiles.map(RunManifest.Skipped.init),
                runTime: RunManifest.timestamp(Date()))
        } catch let error as FileDigestError {
            throw .digest(error)
        } catch {
            throw .assembly("\(error)")
        }
        var night = NightlyRun(
            analysis: analysis, data: data, manifest: manifest, language: language ?? folder.calendar.language)
        night.includesMermaid = includesMermaid
        night.includesSpreadsheetCopies = includesSpreadsheetCopies
        let verdict = nightVerdict.dataVerdict
        let outcome = { (disposition: Disposition, unestimated: [String]) in
            Outcome(
                verdict: verdict, nightVerdict: nightVerdict, rejectRate: data.rejectRate,
                refusedFiles: data.refusedFiles.count,
                disposition: disposition, unestimatedCampaigns: unestimated)
        }
        if verdict != .usable, !force {
            let path = NightlyRun.diagnosticsPath(forReports: reportsPath)
            let files: [OutputFile]
            do {
                files = try night.diagnostics(
                    quality: quality, reportsPath: reportsPath, rejectRate: data.rejectRate,
                    maxRejectRate: maxRejectRate)
            } catch {
                throw .assembly("\(error)")
            }
            do {
                try destination.writeDiagnostics(files)
            } catch let error as OutputFolderError {
                throw .output(error)
            } catch {
                throw .assembly("\(error)")
            }
            return outcome(.keptLastNight(diagnosticsPath: path), [])
        }
        let outputs: RunOutputs
        do {
            outputs = try night.outputs()
        } catch {
            throw .assembly("\(error)")
        }
        do {
            try destination.write(outputs)
        } catch let error as OutputFolderError {
            throw .output(error)
        } catch {
            throw .assembly("\(error)")
        }
        onStage(.wrote(reports: outputs.reports.count, notebooks: outputs.notebooks.count))
        // A night that wrote its outputs makes an earlier night's diagnostics stale.
        destination.removeStaleDiagnostics()
        return outcome(.written, outputs.unestimatedCampaigns)
    }

    /// The verdict on tonight's `data` against the last night that wrote the reports folder (its manifest), the
    /// one `validate --out` gives for the same folders.
    public func verdict(on data: IngestedData) -> NightVerdict {
        NightVerdict(
            data: data, reportsPath: reportsPath, maxRejectRate: maxRejectRate, maxFileRejectRate: maxFileRejectRate)
    }
}
