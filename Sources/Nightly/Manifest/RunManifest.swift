import Foundation
import Ingest
import Reporting

/// What a run read and with which configuration and tool: `run-manifest.json`.
///
/// Two runs on the same inputs with the same configuration and tool give manifests that differ only in
/// ``runTime``. Inputs are sorted by path; JSON keys are sorted and snake_case.
public struct RunManifest: Codable, Sendable, Equatable {
    /// One input file.
    public struct Input: Codable, Sendable, Equatable {
        /// The path relative to the data folder, with `/` separators (`helpline_calls/2020.csv`).
        public let path: String
        /// The feed the file belongs to (`helpline_calls`), or nil for files that are not a feed.
        public let feed: String?
        /// The size in bytes.
        public let size: Int
        /// The SHA-256 of the file's bytes, lowercase hexadecimal; nil (`null` in the JSON) for a file that
        /// could not be read.
        public let sha256: String?
        /// Data rows read (the header excluded); rows read = accepted + rejected.
        public let rowsRead: Int
        /// Rows accepted.
        public let rowsAccepted: Int
        /// Rows rejected (listed in `rejects.csv`).
        public let rowsRejected: Int
        /// Rows kept although columns the feed ignores hold bytes that are not text (`IgnoredInvalidText`).
        public let rowsKeptWithInvalidText: Int
        /// For a rollup (DESIGN §3.5): the event-level file it rolls up, whose rows these are, and the byte ranges
        /// it summed; nil for a file read directly.
        public var rollupOf: String?
        public var ranges: Int?
        /// Rejected rows counted in `rows_rejected` but not listed in `rejects.csv` (``UnlistedRejects``); absent
        /// when every one is listed.
        public var rowsRejectedNotListed: Int?

        /// Creates an input entry from known values.
        public init(
            path: String, feed: String?, size: Int, sha256: String?, rowsRead: Int, rowsAccepted: Int,
            rowsRejected: Int, rowsKeptWithInvalidText: Int = 0
        ) {
            self.path = path
            self.feed = feed
            self.size = size
            self.sha256 = sha256
            self.rowsRead = rowsRead
            self.rowsAccepted = rowsAccepted
            self.rowsRejected = rowsRejected
            self.rowsKeptWithInvalidText = rowsKeptWithInvalidText
        }

        /// Creates the entry for an ingested file from what ingest read: the size and SHA-256 of the bytes parsed,
        /// taken from the same open file and checked unchanged after the read (DESIGN §3.2), so that the manifest
        /// never describes bytes that were not read (the file is not opened again: a file replaced since would be
        /// described, not the one read). A file that ingest could not read (permissions, a directory, a broken link,
        /// a file changed while read) is listed with the bytes ingest saw and no hash, so that the run's other
        /// outputs are still written. A rollup is listed under its own path, with its own size and hash and the file
        /// it rolls up in `rollup_of`. `dataFolder` is the folder the paths are relative to.
        public init(report: FileReport, dataFolder: String) throws {
            let path = report.rollupFile ?? report.file
            self.init(
                path: path, feed: report.feed.rawValue, size: report.rollupByteCount ?? report.byteCount,
                sha256: report.failure?.isIOError == true ? nil : report.sha256, rowsRead: report.rowsRead,
                rowsAccepted: report.rowsAccepted, rowsRejected: report.rowsRejected,
                rowsKeptWithInvalidText: report.ignoredInvalidText?.rows ?? 0)
            if report.rollupFile != nil {
                rollupOf = report.file
                ranges = report.ranges
            }
        }

        /// The entries of every file of `data` (``init(report:dataFolder:)``), each with its rejected rows that
        /// `rejects.csv` counts but does not list.
        public static func all(of data: IngestedData, dataFolder: String) throws -> [Input] {
            let unlisted = Dictionary(
                UnlistedRejects.of(data).map { ($0.file, $0.count) }, uniquingKeysWith: { first, _ in first })
            return try data.files.map { report in
                var input = try Input(report: report, dataFolder: dataFolder)
                input.rowsRejectedNotListed = unlisted[report.file]
                return input
            }
        }

        /// Encodes every key (`feed` when known), `sha256` as `null` when there is no hash.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encodeIfPresent(feed, forKey: .feed)
            try container.encode(size, forKey: .size)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(rowsRead, forKey: .rowsRead)
            try container.encode(rowsAccepted, forKey: .rowsAccepted)
            try container.encode(rowsRejected, forKey: .rowsRejected)
            try container.encode(rowsKeptWithInvalidText, forKey: .rowsKeptWithInvalidText)
            try container.encodeIfPresent(rowsRejectedNotListed, forKey: .rowsRejectedNotListed)
            try container.encodeIfPresent(rollupOf, forKey: .rollupOf)
            try container.encodeIfPresent(ranges, forKey: .ranges)
        }

        enum CodingKeys: String, CodingKey {
            case path, feed, size, sha256
            case rowsRead = "rows_read"
            case rowsAccepted = "rows_accepted"
            case rowsRejected = "rows_rejected"
            case rowsKeptWithInvalidText = "rows_kept_with_invalid_text"
            case rowsRejectedNotListed = "rows_rejected_not_listed"
            case rollupOf = "rollup_of"
            case ranges
        }
    }

    /// An entry of a feed folder that was skipped, not read: what other programs leave there.
    public struct Skipped: Codable, Sendable, Equatable {
        /// The path relative to the data folder, with `/` separators (`helpline_calls/~$calls.csv`).
        public let path: String
        /// The feed folder it is in (`helpline_calls`).
        public let feed: String
        /// Why it was skipped: `office_lock_file`, `hidden`, `thumbnail_cache` or `folder_settings`.
        public let reason: String

        /// Creates an entry from known values.
        public init(path: String, feed: String, reason: String) {
            self.path = path
            self.feed = feed
            self.reason = reason
        }

        /// The entry of a skipped file, its reason as the stable code of ``SkippedFile/Reason``.
        public init(_ skipped: SkippedFile) {
            self.init(path: skipped.file, feed: skipped.feed.rawValue, reason: skipped.reason.rawValue)
        }
    }

    /// The tool's version (`awareness 0.3.0`).
    public let toolVersion: String
    /// The configuration file's path as given (`Data/campaigns.yaml`).
    public let configPath: String
    /// The SHA-256 of the configuration file's bytes.
    public let configSHA256: String
    /// Every input file, sorted by path.
    public let inputs: [Input]
    /// Every entry of the feed folders that was skipped as a leftover of another program, sorted by path.
    public let skipped: [Skipped]
    /// When the run started, UTC, `YYYY-MM-DDTHH:MM:SSZ`: the only field that differs between two runs
    /// on the same inputs.
    public let runTime: String

    /// Creates a manifest; `inputs` and `skipped` are sorted by path.
    public init(
        toolVersion: String, configPath: String, configSHA256: String, inputs: [Input], skipped: [Skipped] = [],
        runTime: String
    ) {
        self.toolVersion = toolVersion
        self.configPath = configPath
        self.configSHA256 = configSHA256
        self.inputs = inputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.skipped = skipped.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.runTime = runTime
    }

    /// `date` as `YYYY-MM-DDTHH:MM:SSZ` in UTC, whole seconds, independent of locale and time zone.
    public static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = CivilDate(daysSinceEpoch: days)
        return "\(day)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// The manifest as pretty-printed JSON with sorted keys and a trailing newline.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    enum CodingKeys: String, CodingKey {
        case inputs, skipped
        case toolVersion = "tool_version"
        case configPath = "config_path"
        case configSHA256 = "config_sha256"
        case runTime = "run_time"
    }
}
