/// What reading one file found: the counts that must add up, the span of days and what went wrong.
public struct FileReport: Sendable, Equatable {
    /// The feed the file belongs to.
    public let feed: Feed
    /// The path relative to the data folder.
    public let file: String
    /// The size in bytes, as `fstat` gave it when the file was opened (the bytes read, for a file read whole).
    public var byteCount = 0
    /// The SHA-256 of the bytes read, lowercase hexadecimal, computed from the same open file as the parse and
    /// checked against a change of size or modification time during the read (DESIGN §3.2); nil when the reader
    /// was not asked for digests, or the file could not be read. For a rollup, the rollup file's own digest.
    public var sha256: String?
    /// Data rows read (the header and blank lines excluded). Always `rowsAccepted + rowsRejected`.
    public var rowsRead = 0
    /// Rows whose counts are used.
    public var rowsAccepted = 0
    /// Rows refused, each listed in the rejects (up to `IngestLimits.rejectsListedPerFile`).
    public var rowsRejected = 0
    /// Whether rows carry timestamps (event-level) rather than dates (daily).
    public var isEventLevel = false
    /// The first and last local day of the accepted rows.
    public var firstDay: CivilDate?
    public var lastDay: CivilDate?
    /// Header columns the feed does not know, ignored (an empty name shows as `""`).
    public var unknownColumns: [String] = []
    /// The delimiter found or configured.
    public var delimiter: UInt8 = 0x2C
    /// Why the whole file was refused (unreadable, malformed, not UTF-8, missing column), if it was.
    /// A refused file contributes no counts: every row it read is counted as rejected.
    public var failure: FileFailure?
    /// Values restated by this file for days an earlier file gave.
    public var revisions = 0
    /// The format the file's dates were read in (told by its dates, or set in `campaigns.yaml`), nil for a file
    /// without a `date` column or refused before its dates were known.
    public var dateFormat: DateFormat?
    /// Set when the file is valid UTF-8 although its feed is declared in another encoding: it was read as UTF-8.
    public var readAsUTF8: ReadAsUTF8?
    /// The rows kept although columns the feed ignores hold bytes that are not text, if any.
    public var ignoredInvalidText: IgnoredInvalidText?
    /// For counts read from a rollup of the file (DESIGN §3.5) rather than from the file: the rollup's path
    /// relative to the data folder (`impressions/events.csv.rollup.json`). `file` is then the file rolled up,
    /// which the rejects and the refusal locate.
    public var rollupFile: String?
    /// For counts read from a rollup: the rollup file's own size in bytes, as read (`byteCount` is then the size of
    /// the file rolled up, as the rollup gives it).
    public var rollupByteCount: Int?
    /// The byte ranges the rollup summed (1 for a file read directly).
    public var ranges = 1

    /// Creates an empty report.
    public init(feed: Feed, file: String) {
        self.feed = feed
        self.file = file
    }
}

/// Why a whole file was refused, located where possible.
public struct FileFailure: Sendable, Equatable {
    /// Whether it is an I/O failure (exit status 3) rather than a data problem.
    public let isIOError: Bool
    /// The 1-based line and column, when known.
    public let line: Int?
    public let column: Int?
    /// What went wrong, as data; Reporting words it.
    public let reason: FileRefusalReason

    /// Creates a failure.
    public init(isIOError: Bool, line: Int?, column: Int?, reason: FileRefusalReason) {
        self.isIOError = isIOError
        self.line = line
        self.column = column
        self.reason = reason
    }
}
