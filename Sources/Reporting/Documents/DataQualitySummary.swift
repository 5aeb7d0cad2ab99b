import Foundation
import Ingest

/// The data-quality summary `awareness validate` prints: one block per feed and file, with the counts
/// that must add up, the days covered, unknown columns and the first errors of each file, then the entries
/// skipped as leftovers of other programs (``SkippedFile``), each once.
///
/// It is in ``language``: English (ISO dates, plain numbers, the words of earlier versions) or French (French
/// dates and numbers, every reason in French), as `failed-night.md` quotes it in the report's language.
public struct DataQualitySummary: Sendable {
    /// The data folder as the user named it; file paths in errors are prefixed with it so they can be opened.
    public let folder: String
    /// The campaign calendar's time zone.
    public let timeZone: String
    /// What ingest found.
    public let data: IngestedData
    /// The reject threshold, as a fraction of rows read.
    public let maxRejectRate: Double
    /// The night's verdict, which the summary ends with and which decides whether a rejected row is an error (its
    /// file or the night is over a threshold) or a warning.
    public let verdict: NightVerdict
    /// Errors listed per file before "… and N more".
    public var errorsPerFile = 5
    /// The language of the text.
    public var language: ReportLanguage

    /// Creates a summary in `language` of a night without last night to compare with (every file is new), the
    /// per-file threshold at its default.
    public init(
        folder: String, timeZone: String, data: IngestedData, maxRejectRate: Double, language: ReportLanguage = .en
    ) {
        self.init(
            folder: folder, timeZone: timeZone, data: data,
            verdict: NightVerdict(
                data: data, lastNight: nil, maxRejectRate: maxRejectRate,
                maxFileRejectRate: NightVerdict.defaultMaxFileRejectRate),
            language: language)
    }

    /// Creates a summary in `language` ending with `verdict`, the verdict on `data`.
    public init(
        folder: String, timeZone: String, data: IngestedData, verdict: NightVerdict, language: ReportLanguage = .en
    ) {
        self.folder = folder
        self.timeZone = timeZone
        self.data = data
        self.maxRejectRate = verdict.maxRejectRate
        self.verdict = verdict
        self.language = language
    }

    private var wording: ReportWording { ReportWording(language: language) }

    /// The summary as plain text lines, ending with the verdict.
    public var text: String {
        let wording = wording
        var lines = [wording.dataQualityTitle(folder: folder, timeZone: timeZone), ""]
        for feed in Feed.allCases {
            lines += block(for: feed, wording)
        }
        lines += notes(wording)
        lines.append(
            wording.dataQualityTotal(
                read: data.rowsRead, accepted: data.rowsAccepted, rejected: data.rowsRejected,
                rejectRate: data.rejectRate, maxRejectRate: maxRejectRate))
        lines.append(verdictLine(wording))
        return lines.joined(separator: "\n") + "\n"
    }

    private func path(_ relative: String) -> String {
        (folder as NSString).appendingPathComponent(relative)
    }

    private func block(for feed: Feed, _ wording: ReportWording) -> [String] {
        if data.absentFeeds.contains(feed) {
            // Combined banner exports are an option: a data folder without them is not missing anything.
            return feed == .banners ? [] : [feed.rawValue + wording.colon + wording.feedWithoutFolder, ""]
        }
        if let unreadable = data.unreadableFeeds.first(where: { $0.feed == feed }) {
            return [feed.rawValue + wording.colon + wording.feedFolderUnreadable(system: unreadable.system), ""]
        }
        let files = data.files.filter { $0.feed == feed }
        var head =
            feed.rawValue + wording.colon
            + wording.feedCounts(
                files: files.count, read: files.reduce(0) { $0 + $1.rowsRead },
                accepted: files.reduce(0) { $0 + $1.rowsAccepted }, rejected: files.reduce(0) { $0 + $1.rowsRejected })
        // A file has either both its first and last day or neither.
        if let first = files.compactMap(\.firstDay).min(), let last = files.compactMap(\.lastDay).max() {
            head += ", " + wording.daysCovered(from: first, to: last)
        }
        var lines = [head]
        for file in files {
            lines += fileLines(file, wording)
        }
        for skipped in data.skippedFiles where skipped.feed == feed {
            lines.append(
                "  " + skipped.file + wording.colon + wording.skippedNotAFeedFile
                    + " (\(skipped.reason.text(in: language)))")
        }
        lines.append("")
        return lines
    }

    private func fileLines(_ file: FileReport, _ wording: ReportWording) -> [String] {
        let counts = wording.fileCounts(read: file.rowsRead, accepted: file.rowsAccepted, rejected: file.rowsRejected)
        if file.failure != nil {
            let source = file.rollupFile.map { ", " + wording.fromRollup($0) } ?? ""
            return ["  " + file.file + wording.colon + wording.fileRefused + " (\(counts)\(source))"]
                + errors(for: file, namingTheFile: false, wording).map { "    " + line($0, wording) }
        }
        var head = "  " + file.file + wording.colon + counts
        if let first = file.firstDay, let last = file.lastDay {
            head += ", " + wording.daysCovered(from: first, to: last)
        }
        head += ", " + wording.rowGranularity(eventLevel: file.isEventLevel)
        if let rollup = file.rollupFile {
            head += ", " + wording.fromRollup(rollup, byteRanges: file.ranges)
        }
        if file.delimiter != UInt8(ascii: ",") {
            head += ", " + wording.fileDelimiter(file.delimiter)
        }
        // Each file's dates are in a format of their own: said when it is not the default.
        if let format = file.dateFormat, format != .yearMonthDay {
            head += ", " + format.readAs(in: language)
        }
        var lines = [head]
        if !file.unknownColumns.isEmpty {
            lines.append(
                "    " + wording.unknownColumnsIgnored + wording.colon + file.unknownColumns.joined(separator: ", "))
        }
        if let note = file.readAsUTF8 {
            lines.append("    " + note.text(in: language))
        }
        if let ignored = file.ignoredInvalidText {
            lines.append("    " + ignored.text(in: language))
        }
        lines += errors(for: file, namingTheFile: false, wording).map { "    " + line($0, wording) }
        if file.revisions > 0 {
            lines.append("    " + wording.restatesEarlierDays(file.revisions))
        }
        return lines
    }

    /// One problem of the data, located as far as known: what `validate` and `run` print on standard error.
    public struct Finding: Sendable, Equatable {
        /// How serious it is.
        public enum Severity: Sendable, Equatable {
            /// A refused file, or a row rejected in a file or a night over its threshold: the night fails.
            case error
            /// Worth reading, but the night does not fail for it (a row rejected under both thresholds).
            case warning
            /// Says what the lines before it left out.
            case note
        }

        /// How serious it is.
        public let severity: Severity
        /// The file, with the data folder before it, and the line and column when known.
        public let location: InputLocation?
        /// What it is, in the summary's language.
        public let message: String
    }

    /// The located findings of every file, in the order the files were read: a refused file's error, or the
    /// first ``errorsPerFile`` rejected rows of a file, then a note "… and N more rejected rows in <folder>/<file>".
    /// A rejected row is an error when the verdict blames its file or the whole night
    /// (``NightVerdict/rejectsAreErrors(inFile:)``), a warning otherwise.
    public var errors: [Finding] {
        let wording = wording
        return data.files.flatMap { errors(for: $0, namingTheFile: true, wording) }
    }

    /// ``errors`` and ``warnings`` as lines: `error: <folder>/<file>:<line>:<column>: <message>`, in French
    /// `erreur : <folder>/<file>:<line>:<column> : <message>`; a note is its message alone.
    public var errorLines: [String] {
        let wording = wording
        return errors.map { line($0, wording) }
    }

    /// One finding as a line of the summary.
    private func line(_ finding: Finding, _ wording: ReportWording) -> String {
        let head: String
        switch finding.severity {
        case .error: head = wording.errorHead
        case .warning: head = wording.warningHead
        case .note: return finding.message
        }
        return (finding.location.map { head + wording.colon + $0.description } ?? head) + wording.colon
            + finding.message
    }

    private func errors(for file: FileReport, namingTheFile: Bool, _ wording: ReportWording) -> [Finding] {
        if let failure = file.failure {
            let location = InputLocation(file: file.file, line: failure.line, column: failure.column)
            return [
                Finding(
                    severity: .error, location: location.inFolder(folder), message: failure.reason.text(in: language))
            ]
        }
        let severity: Finding.Severity = verdict.rejectsAreErrors(inFile: file.file) ? .error : .warning
        var findings = data.rejects.filter { $0.file == file.file }.prefix(errorsPerFile).map { reject in
            Finding(
                severity: severity, location: reject.location.inFolder(folder),
                message: reject.reason.text(in: language))
        }
        if file.rowsRejected > errorsPerFile {
            let others = file.rowsRejected - errorsPerFile
            findings.append(
                Finding(
                    severity: .note, location: nil,
                    message: wording.moreRejectedRows(others, in: namingTheFile ? path(file.file) : nil)))
        }
        return findings
    }

    /// One warning per pair of files whose name order disagrees with their dates (`FileOrderWarning`).
    public var warnings: [Finding] {
        let wording = wording
        return data.fileOrderWarnings.map { warning in
            Finding(
                severity: .warning, location: nil,
                message: wording.fileOrderWarning(
                    later: path(warning.later), earlier: path(warning.earlier), laterLastDay: warning.laterLastDay,
                    earlierLastDay: warning.earlierLastDay, restatedValues: warning.restatedValues))
        }
    }

    /// ``warnings`` as lines, as ``errorLines``.
    public var warningLines: [String] {
        let wording = wording
        return warnings.map { line($0, wording) }
    }

    private func notes(_ wording: ReportWording) -> [String] {
        var lines: [String] = warningLines
        if let manifest = verdict.unusableManifest {
            lines.append(wording.lastNightManifestUnusable(manifest) + ".")
        }
        if !data.revisions.isEmpty {
            let count = data.revisions.count
            lines.append(wording.valuesRestatedByLaterFiles(count))
            for revision in data.revisions.prefix(20) {
                lines.append("  " + wording.revision(revision))
            }
            if count > 20 {
                lines.append("  " + wording.andMore(count - 20))
            }
        }
        if !data.undeclaredCampaigns.isEmpty {
            lines.append(
                wording.undeclaredCampaignIds + wording.colon + data.undeclaredCampaigns.joined(separator: ", "))
        }
        if !data.clicksWithoutImpressions.isEmpty {
            let shown = data.clicksWithoutImpressions.prefix(10).map { "\($0.campaign) \(wording.qualityDay($0.date))" }
            let more = data.clicksWithoutImpressions.count > 10 ? ", …" : ""
            lines.append(
                wording.daysWithClicksButNoImpressions + wording.colon
                    + wording.qualityCount(data.clicksWithoutImpressions.count) + wording.colon
                    + shown.joined(separator: ", ") + more)
        }
        if !lines.isEmpty { lines.append("") }
        return lines
    }

    /// `Verdict: usable.`, or every reason the night fails: the unreadable files counted, the feed folders, the
    /// overall rate and the refused files counted (as earlier versions said them), then each file over a threshold.
    private func verdictLine(_ wording: ReportWording) -> String {
        guard !verdict.isUsable else { return wording.verdictUsable }
        var parts: [String] = []
        var overall: [String] = []
        var files: [String] = []
        var unreadable = 0
        var refused = 0
        for reason in verdict.reasons {
            switch reason {
            case .fileUnreadable: unreadable += 1
            case .fileRefused: refused += 1
            case .feedUnreadable, .feedVanished, .feedEmpty, .feedHeaderOnly: parts.append(reason.text(in: language))
            case .overallOverThreshold: overall.append(reason.text(in: language))
            case .fileWhollyRejected, .newFileOverThreshold: files.append(reason.text(in: language))
            }
        }
        if unreadable > 0 { parts.insert(wording.filesUnreadable(unreadable), at: 0) }
        parts += overall
        if refused > 0 { parts.append(wording.filesRefused(refused)) }
        return wording.verdictNotUsable(parts + files)
    }
}
