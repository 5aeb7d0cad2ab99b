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
    /// Errors listed per file before "… and N more".
    public var errorsPerFile = 5
    /// The language of the text.
    public var language: ReportLanguage

    /// Creates a summary in `language`.
    public init(
        folder: String, timeZone: String, data: IngestedData, maxRejectRate: Double, language: ReportLanguage = .en
    ) {
        self.folder = folder
        self.timeZone = timeZone
        self.data = data
        self.maxRejectRate = maxRejectRate
        self.language = language
    }

    private var french: Bool { language == .fr }
    private var format: HumanFormat { HumanFormat(language: language) }

    /// The summary as plain text lines, ending with the verdict.
    public var text: String {
        var lines = [
            french
                ? "Qualité des données de \(folder) (fuseau horaire \(timeZone))"
                : "Data quality of \(folder) (time zone \(timeZone))",
            "",
        ]
        for feed in Feed.allCases {
            lines += block(for: feed)
        }
        lines += notes()
        if french {
            lines.append(
                "En tout\u{00A0}: \(rows(data.rowsRead, data.rowsAccepted, data.rowsRejected)) "
                    + "(\(percent(data.rejectRate))\u{202F}; seuil \(percent(maxRejectRate))).")
        } else {
            lines.append(
                "Total: \(Self.count(data.rowsRead, "row")) read, \(data.rowsAccepted) accepted, "
                    + "\(data.rowsRejected) rejected (\(Self.percent(data.rejectRate)); threshold "
                    + "\(Self.percent(maxRejectRate))).")
        }
        lines.append(verdictLine())
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12 lignes lues, 10 acceptées, 2 rejetées`, the French of `12 rows read, 10 accepted, 2 rejected`.
    private func rows(_ read: Int, _ accepted: Int, _ rejected: Int) -> String {
        "\(format.integer(read)) ligne\(read > 1 ? "s" : "") lue\(read > 1 ? "s" : ""), "
            + "\(format.integer(accepted)) acceptée\(accepted > 1 ? "s" : ""), "
            + "\(format.integer(rejected)) rejetée\(rejected > 1 ? "s" : "")"
    }

    private func percent(_ fraction: Double) -> String {
        french ? format.percent(fraction, fractionDigits: 2) : Self.percent(fraction)
    }

    /// `, 2020-05-04 to 2020-05-10` (ISO dates) or `, du 4 au 10 mai 2020`.
    private func span(_ first: CivilDate, _ last: CivilDate) -> String {
        french ? ", \(format.dateRange(from: first, to: last))" : ", \(first) to \(last)"
    }

    /// `path: text` in English, `path : text` in French.
    private func colon(_ head: String) -> String { head + (french ? "\u{00A0}: " : ": ") }

    private func path(_ relative: String) -> String {
        (folder as NSString).appendingPathComponent(relative)
    }

    private func block(for feed: Feed) -> [String] {
        if data.absentFeeds.contains(feed) {
            // Combined banner exports are an option: a data folder without them is not missing anything.
            return feed == .banners
                ? [] : [colon(feed.rawValue) + (french ? "pas de dossier (aucune donnée)" : "no folder (no data)"), ""]
        }
        let files = data.files.filter { $0.feed == feed }
        let days = files.compactMap(\.firstDay).min().map { first in
            files.compactMap(\.lastDay).max().map { span(first, $0) } ?? ", \(first) to "
        }
        let read = files.reduce(0) { $0 + $1.rowsRead }
        let accepted = files.reduce(0) { $0 + $1.rowsAccepted }
        let rejected = files.reduce(0) { $0 + $1.rowsRejected }
        var lines = [
            french
                ? colon(feed.rawValue) + "\(format.integer(files.count)) fichier\(files.count > 1 ? "s" : ""), "
                    + rows(read, accepted, rejected) + (days ?? "")
                : "\(feed.rawValue): \(Self.count(files.count, "file")), \(Self.count(read, "row")) read, "
                    + "\(accepted) accepted, \(rejected) rejected\(days ?? "")"
        ]
        for file in files {
            lines += fileLines(file)
        }
        for skipped in data.skippedFiles where skipped.feed == feed {
            lines.append(
                "  " + colon(skipped.file)
                    + (french ? "ignoré, pas un fichier de flux" : "skipped, not a feed file")
                    + " (\(skipped.reason.text(in: language)))")
        }
        lines.append("")
        return lines
    }

    private func fileLines(_ file: FileReport) -> [String] {
        let counts =
            french
            ? rows(file.rowsRead, file.rowsAccepted, file.rowsRejected)
            : "\(file.rowsRead) read, \(file.rowsAccepted) accepted, \(file.rowsRejected) rejected"
        if file.failure != nil {
            let source = file.rollupFile.map { french ? ", depuis son cumul \($0)" : ", from its rollup \($0)" } ?? ""
            return ["  " + colon(file.file) + (french ? "refusé" : "refused") + " (\(counts)\(source))"]
                + errors(for: file, namingTheFile: false).map { "    " + line($0) }
        }
        var head = "  " + colon(file.file) + counts
        if let first = file.firstDay, let last = file.lastDay { head += span(first, last) }
        head +=
            file.isEventLevel
            ? (french ? ", au niveau des événements" : ", event-level") : (french ? ", quotidien" : ", daily")
        if let rollup = file.rollupFile {
            head +=
                french
                ? ", depuis son cumul \(rollup) (\(format.integer(file.ranges)) plage\(file.ranges > 1 ? "s" : "") "
                    + "d'octets)"
                : ", from its rollup \(rollup) (\(Self.count(file.ranges, "byte range")))"
        }
        if file.delimiter != UInt8(ascii: ",") {
            head +=
                french
                ? ", séparateur \(file.delimiter == 0x09 ? "tabulation" : FrenchQuote.name(String(UnicodeScalar(file.delimiter))))"
                : ", delimiter \(Self.delimiterName(file.delimiter))"
        }
        var lines = [head]
        if !file.unknownColumns.isEmpty {
            lines.append(
                "    " + colon(french ? "colonnes inconnues (ignorées)" : "unknown columns (ignored)")
                    + file.unknownColumns.joined(separator: ", "))
        }
        if let hint = file.dateFormatHint {
            lines.append("    " + hint.text(in: language))
        }
        if let ignored = file.ignoredInvalidText {
            lines.append("    " + ignored.text(in: language))
        }
        lines += errors(for: file, namingTheFile: false).map { "    " + line($0) }
        if file.revisions > 0 {
            let days = file.revisions
            lines.append(
                french
                    ? "    remplace les valeurs de \(format.integer(days)) jour\(days > 1 ? "s" : "") données par des "
                        + "fichiers précédents"
                    : "    restates \(days) day\(days == 1 ? "" : "s") given by earlier files")
        }
        return lines
    }

    /// One problem of the data, located as far as known: what `validate` and `run` print on standard error.
    public struct Finding: Sendable, Equatable {
        /// How serious it is.
        public enum Severity: Sendable, Equatable {
            /// A refused file or a rejected row.
            case error
            /// Worth reading; nothing was refused for it.
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

    /// The located errors of every file, in the order the files were read: a refused file's error, or the
    /// first ``errorsPerFile`` rejected rows of a file, then a note "… and N more rejected rows in <folder>/<file>".
    public var errors: [Finding] {
        data.files.flatMap { errors(for: $0, namingTheFile: true) }
    }

    /// ``errors`` and ``warnings`` as lines: `error: <folder>/<file>:<line>:<column>: <message>`, in French
    /// `erreur : <folder>/<file>:<line>:<column> : <message>`; a note is its message alone.
    public var errorLines: [String] { errors.map(line) }

    /// One finding as a line of the summary.
    private func line(_ finding: Finding) -> String {
        let head: String
        switch finding.severity {
        case .error: head = french ? "erreur" : "error"
        case .warning: head = french ? "avertissement" : "warning"
        case .note: return finding.message
        }
        return colon(finding.location.map { colon(head) + $0.description } ?? head) + finding.message
    }

    private func errors(for file: FileReport, namingTheFile: Bool) -> [Finding] {
        if let failure = file.failure {
            let location = InputLocation(file: file.file, line: failure.line, column: failure.column)
            return [
                Finding(
                    severity: .error, location: location.inFolder(folder), message: failure.reason.text(in: language))
            ]
        }
        var findings = data.rejects.filter { $0.file == file.file }.prefix(errorsPerFile).map { reject in
            Finding(
                severity: .error, location: reject.location.inFolder(folder), message: reject.reason.text(in: language))
        }
        if file.rowsRejected > errorsPerFile {
            let others = file.rowsRejected - errorsPerFile
            let more =
                french
                ? "… et \(format.integer(others)) autre\(others > 1 ? "s" : "") ligne\(others > 1 ? "s" : "") "
                    + "rejetée\(others > 1 ? "s" : "")"
                : "… and \(others) more rejected rows"
            findings.append(
                Finding(
                    severity: .note, location: nil,
                    message: namingTheFile ? "\(more) \(french ? "dans" : "in") \(path(file.file))" : more))
        }
        return findings
    }

    /// One warning per pair of files whose name order disagrees with their dates (`FileOrderWarning`).
    public var warnings: [Finding] {
        data.fileOrderWarnings.map { warning in
            Finding(severity: .warning, location: nil, message: message(warning))
        }
    }

    /// ``warnings`` as lines, as ``errorLines``.
    public var warningLines: [String] { warnings.map(line) }

    private func message(_ warning: FileOrderWarning) -> String {
        if french {
            let values = warning.restatedValues
            return "\(path(warning.later)) est lu après \(path(warning.earlier)) (son nom "
                + "vient après) mais finit le \(format.date(warning.laterLastDay)), avant le "
                + "\(format.date(warning.earlierLastDay))\u{00A0}: ses \(format.integer(values)) valeur"
                + "\(values > 1 ? "s" : "") reformulée\(values > 1 ? "s" : "") ont remplacé celles de l'autre "
                + "fichier. Les fichiers sont lus dans l'ordre de leur nom et les derniers l'emportent\u{00A0}: "
                + "nommez les exports pour qu'ils se trient par date (appels_2020-07-01.csv)"
        }
        return
            "\(path(warning.later)) is read after \(path(warning.earlier)) (it sorts after it by name) but "
            + "ends on \(warning.laterLastDay), before \(warning.earlierLastDay): its \(warning.restatedValues) "
            + "restated value\(warning.restatedValues == 1 ? "" : "s") replaced the other file's. Files are read in "
            + "name order and later ones win: name exports so that they sort by date (appels_2020-07-01.csv)"
    }

    private func notes() -> [String] {
        var lines: [String] = warningLines
        if !data.revisions.isEmpty {
            let count = data.revisions.count
            lines.append(
                french
                    ? "Révisions\u{00A0}: \(format.integer(count)) valeur\(count > 1 ? "s" : "") remplacée"
                        + "\(count > 1 ? "s" : "") par un fichier ultérieur"
                    : "Revisions: \(count) value\(count == 1 ? "" : "s") restated by a later file")
            for revision in data.revisions.prefix(20) {
                let before = revision.previous.map { $0.map(String.init) ?? "-" }.joined(separator: "/")
                let after = revision.restated.map { $0.map(String.init) ?? "-" }.joined(separator: "/")
                let day = french ? format.date(revision.date) : revision.date.description
                lines.append(
                    "  " + colon("\(revision.feed.rawValue) \(revision.key) \(day)") + "\(before) -> \(after) "
                        + "(\(revision.file):\(revision.line) \(french ? "remplace" : "restates") "
                        + "\(revision.previousFile):\(revision.previousLine))")
            }
            if count > 20 {
                lines.append(french ? "  … et \(format.integer(count - 20)) autres" : "  … and \(count - 20) more")
            }
        }
        if !data.undeclaredCampaigns.isEmpty {
            lines.append(
                colon(
                    french
                        ? "Identifiants de campagne absents de campaigns.yaml (gardés)"
                        : "Campaign ids not declared in campaigns.yaml (kept)")
                    + data.undeclaredCampaigns.joined(separator: ", "))
        }
        if !data.clicksWithoutImpressions.isEmpty {
            let shown = data.clicksWithoutImpressions.prefix(10).map {
                "\($0.campaign) \(french ? format.date($0.date) : $0.date.description)"
            }
            let more = data.clicksWithoutImpressions.count > 10 ? ", …" : ""
            let count = data.clicksWithoutImpressions.count
            lines.append(
                colon(
                    colon(
                        french
                            ? "Jours avec des clics mais sans impressions (gardés, signalés)"
                            : "Days with clicks but no impressions (kept, flagged)")
                        + (french ? format.integer(count) : String(count)))
                    + shown.joined(separator: ", ") + more)
        }
        if !lines.isEmpty { lines.append("") }
        return lines
    }

    private func verdictLine() -> String {
        if french { return frenchVerdictLine() }
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

    private func frenchVerdictLine() -> String {
        switch data.verdict(maxRejectRate: maxRejectRate) {
        case .usable:
            return "Verdict\u{00A0}: utilisable."
        case .ioFailure:
            let unreadable = data.refusedFiles.filter { $0.failure?.isIOError == true }.count
            let plural = unreadable > 1 ? "s" : ""
            return "Verdict\u{00A0}: inutilisable\u{00A0}: \(format.integer(unreadable)) fichier\(plural) "
                + "illisible\(plural)."
        case .problems:
            var reasons: [String] = []
            if data.rejectRate > maxRejectRate {
                reasons.append(
                    "\(percent(data.rejectRate)) des lignes rejetées, au-delà du seuil de \(percent(maxRejectRate))")
            }
            let refused = data.refusedFiles.count
            if refused > 0 {
                reasons.append(
                    "\(format.integer(refused)) fichier\(refused > 1 ? "s" : "") refusé\(refused > 1 ? "s" : "")")
            }
            return "Verdict\u{00A0}: inutilisable\u{00A0}: \(reasons.joined(separator: "\u{202F}; "))."
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
