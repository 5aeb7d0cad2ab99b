import Foundation
import Ingest

/// The data-quality summary `awareness validate` prints: one block per feed and file, with the counts
/// that must add up, the days covered, unknown columns and the first errors of each file, then the entries
/// skipped as leftovers of other programs (``SkippedFile``), each once.
public struct DataQualitySummary: Sendable {
    /// The data folder as the user named it; file paths in errors are prefixed with it so they can be opened.
    public let folder: String
    /// The campaign calendar's time zone.
    public let timeZone: String
    /// What ingest found.
    public let data: IngestedData
    /// The reject threshold, as a fraction of rows read.
    public let maxRejectRate: Double
    /// Errors listed per file before "… and N more".
    public var errorsPerFile = 5

    /// Creates a summary.
    public init(folder: String, timeZone: String, data: IngestedData, maxRejectRate: Double) {
        self.folder = folder
        self.timeZone = timeZone
        self.data = data
        self.maxRejectRate = maxRejectRate
    }

    /// The summary as plain text lines, ending with the verdict.
    public var text: String {
        var lines = ["Data quality of \(folder) (time zone \(timeZone))", ""]
        for feed in Feed.allCases {
            lines += block(for: feed)
        }
        lines += notes()
        lines.append(
            "Total: \(Self.count(data.rowsRead, "row")) read, \(data.rowsAccepted) accepted, \(data.rowsRejected) rejected "
                + "(\(Self.percent(data.rejectRate)); threshold \(Self.percent(maxRejectRate))).")
        lines.append(verdictLine())
        return lines.joined(separator: "\n") + "\n"
    }

    private func path(_ relative: String) -> String {
        (folder as NSString).appendingPathComponent(relative)
    }

    private func block(for feed: Feed) -> [String] {
        if data.absentFeeds.contains(feed) {
            // Combined banner exports are an option: a data folder without them is not missing anything.
            return feed == .banners ? [] : ["\(feed.rawValue): no folder (no data)", ""]
        }
        let files = data.files.filter { $0.feed == feed }
        let days = files.compactMap(\.firstDay).min().map { first in
            ", \(first) to \(files.compactMap(\.lastDay).max().map(\.description) ?? "")"
        }
        let read = files.reduce(0) { $0 + $1.rowsRead }
        let accepted = files.reduce(0) { $0 + $1.rowsAccepted }
        let rejected = files.reduce(0) { $0 + $1.rowsRejected }
        var lines = [
            "\(feed.rawValue): \(Self.count(files.count, "file")), \(Self.count(read, "row")) read, \(accepted) accepted, "
                + "\(rejected) rejected\(days ?? "")"
        ]
        for file in files {
            lines += fileLines(file)
        }
        for skipped in data.skippedFiles where skipped.feed == feed {
            lines.append("  \(skipped.file): skipped, not a feed file (\(skipped.reason.text(in: .en)))")
        }
        lines.append("")
        return lines
    }

    private func fileLines(_ file: FileReport) -> [String] {
        let counts = "\(file.rowsRead) read, \(file.rowsAccepted) accepted, \(file.rowsRejected) rejected"
        if file.failure != nil {
            let source = file.rollupFile.map { ", from its rollup \($0)" } ?? ""
            return ["  \(file.file): refused (\(counts)\(source))"]
                + errorLines(for: file, namingTheFile: false).map { "    " + $0 }
        }
        var head = "  \(file.file): \(counts)"
        if let first = file.firstDay, let last = file.lastDay { head += ", \(first) to \(last)" }
        head += file.isEventLevel ? ", event-level" : ", daily"
        if let rollup = file.rollupFile {
            head += ", from its rollup \(rollup) (\(Self.count(file.ranges, "byte range")))"
        }
        if file.delimiter != UInt8(ascii: ",") { head += ", delimiter \(Self.delimiterName(file.delimiter))" }
        var lines = [head]
        if !file.unknownColumns.isEmpty {
            lines.append("    unknown columns (ignored): \(file.unknownColumns.joined(separator: ", "))")
        }
        if let hint = file.dateFormatHint {
            lines.append("    " + hint.text(in: .en))
        }
        if let ignored = file.ignoredInvalidText {
            lines.append("    " + ignored.text(in: .en))
        }
        lines += errorLines(for: file, namingTheFile: false).map { "    " + $0 }
        if file.revisions > 0 {
            lines.append("    restates \(file.revisions) day\(file.revisions == 1 ? "" : "s") given by earlier files")
        }
        return lines
    }

    /// The located errors of every file, in the order the files were read: a refused file's error, or the
    /// first ``errorsPerFile`` rejected rows of a file, then "… and N more rejected rows in <folder>/<file>".
    /// Each starts with `error: <folder>/<file>:<line>:<column>: ` (line and column when known).
    public var errorLines: [String] {
        data.files.flatMap { errorLines(for: $0, namingTheFile: true) }
    }

    private func errorLines(for file: FileReport, namingTheFile: Bool) -> [String] {
        if let failure = file.failure {
            var location = path(file.file)
            if let line = failure.line { location += ":\(line)" }
            if let column = failure.column { location += ":\(column)" }
            return ["error: \(location): \(failure.reason.text(in: .en))"]
        }
        var lines = data.rejects.filter { $0.file == file.file }.prefix(errorsPerFile).map { reject in
            "error: \(path(reject.file)):\(reject.line):\(reject.column ?? 1): \(reject.reason.text(in: .en))"
        }
        if file.rowsRejected > errorsPerFile {
            let more = "… and \(file.rowsRejected - errorsPerFile) more rejected rows"
            lines.append(namingTheFile ? "\(more) in \(path(file.file))" : more)
        }
        return lines
    }

    /// One `warning:` line per pair of files whose name order disagrees with their dates (`FileOrderWarning`).
    public var warningLines: [String] {
        data.fileOrderWarnings.map { warning in
            "warning: \(path(warning.later)) is read after \(path(warning.earlier)) (it sorts after it by name) but "
                + "ends on \(warning.laterLastDay), before \(warning.earlierLastDay): its \(warning.restatedValues) "
                + "restated value\(warning.restatedValues == 1 ? "" : "s") replaced the other file's. Files are read in "
                + "name order and later ones win: name exports so that they sort by date (appels_2020-07-01.csv)"
        }
    }

    private func notes() -> [String] {
        var lines: [String] = warningLines
        if !data.revisions.isEmpty {
            lines.append(
                "Revisions: \(data.revisions.count) value\(data.revisions.count == 1 ? "" : "s") restated by a later file"
            )
            for revision in data.revisions.prefix(20) {
                let before = revision.previous.map { $0.map(String.init) ?? "-" }.joined(separator: "/")
                let after = revision.restated.map { $0.map(String.init) ?? "-" }.joined(separator: "/")
                lines.append(
                    "  \(revision.feed.rawValue) \(revision.key) \(revision.date): \(before) -> \(after) "
                        + "(\(revision.file):\(revision.line) restates \(revision.previousFile):\(revision.previousLine))"
                )
            }
            if data.revisions.count > 20 { lines.append("  … and \(data.revisions.count - 20) more") }
        }
        if !data.undeclaredCampaigns.isEmpty {
            lines.append(
                "Campaign ids not declared in campaigns.yaml (kept): \(data.undeclaredCampaigns.joined(separator: ", "))"
            )
        }
        if !data.clicksWithoutImpressions.isEmpty {
            let shown = data.clicksWithoutImpressions.prefix(10).map { "\($0.campaign) \($0.date)" }
            let more = data.clicksWithoutImpressions.count > 10 ? ", …" : ""
            lines.append(
                "Days with clicks but no impressions (kept, flagged): \(data.clicksWithoutImpressions.count): "
                    + shown.joined(separator: ", ") + more)
        }
        if !lines.isEmpty { lines.append("") }
        return lines
    }

    private func verdictLine() -> String {
        switch data.verdict(maxRejectRate: maxRejectRate) {
        case .usable:
            return "Verdict: usable."
        case .ioFailure:
            return
                "Verdict: not usable: \(data.refusedFiles.filter { $0.failure?.isIOError == true }.count) file(s) could not be read."
        case .problems:
            var reasons: [String] = []
            if data.rejectRate > maxRejectRate {
                reasons.append(
                    "\(Self.percent(data.rejectRate)) of rows rejected, over the \(Self.percent(maxRejectRate)) threshold"
                )
            }
            let refused = data.refusedFiles.count
            if refused > 0 { reasons.append("\(refused) file\(refused == 1 ? "" : "s") refused") }
            return "Verdict: not usable: \(reasons.joined(separator: "; "))."
        }
    }

    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    static func percent(_ fraction: Double) -> String {
        String(format: "%.2f%%", fraction * 100)
    }

    static func delimiterName(_ delimiter: UInt8) -> String {
        delimiter == 0x09 ? "tab" : "\"\(String(UnicodeScalar(delimiter)))\""
    }
}
