/// What `awareness rollup` found in one byte range of an event-level file, or in a whole file once the ranges
/// are summed (DESIGN §3.5): daily counts by full key, the rejected rows, and the range's own accounting.
///
/// Offsets are bytes of the file; lines are counted from the range's first line (line 1 is the line that starts
/// at `start`), so a rollup of a whole file (`start` 0) has the file's lines. Rows read = rows accepted + rows
/// rejected, as for a file read directly.
public struct RangeRollup: Sendable, Equatable {
    /// The name and version of the format, the first key of every rollup file.
    public static let format = "awareness-rollup/2"
    /// The end a rollup file's name has in a feed folder: `events.csv` becomes `events.csv.rollup.json`.
    public static let fileSuffix = ".rollup.json"

    /// What the range held.
    public enum Level: String, Sendable, Equatable {
        /// Event-level rows (a `timestamp` column), summed per local day.
        case events
        /// A daily file (a `date` column): not rolled up; it is read as it is, whole, never summed or split.
        case daily
        /// A range after the start of a file that can only be read from start to end (gzip-compressed or in a
        /// single-byte encoding): the range starting at offset 0 reads the whole file, and this one reads nothing.
        case wholeFileOnly = "whole_file_only"
    }

    /// One day's count of one key.
    public struct Count: Sendable, Equatable, Comparable {
        /// The local day in the calendar's time zone.
        public var date: CivilDate
        /// The campaign, banner, placement and region (empty when the file has no such column).
        public var campaign: String
        public var banner: String
        public var placement: String
        public var region: String
        /// Impressions or clicks.
        public var count: Int64

        /// Creates a count.
        public init(date: CivilDate, campaign: String, banner: String, placement: String, region: String, count: Int64)
        {
            self.date = date
            self.campaign = campaign
            self.banner = banner
            self.placement = placement
            self.region = region
            self.count = count
        }

        /// The dimensions in the feed's key order.
        public var dimensions: [String] { [campaign, banner, placement, region] }

        /// Ordered by date, then the dimensions byte by byte: the order counts are written in.
        public static func < (lhs: Count, rhs: Count) -> Bool {
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            if lhs.campaign != rhs.campaign { return lhs.campaign.utf8.lexicographicallyPrecedes(rhs.campaign.utf8) }
            if lhs.banner != rhs.banner { return lhs.banner.utf8.lexicographicallyPrecedes(rhs.banner.utf8) }
            if lhs.placement != rhs.placement {
                return lhs.placement.utf8.lexicographicallyPrecedes(rhs.placement.utf8)
            }
            return lhs.region.utf8.lexicographicallyPrecedes(rhs.region.utf8)
        }
    }

    /// The feed the file belongs to (`impressions` or `clicks`).
    public var feed: Feed
    /// The file, as a path relative to the data folder (`impressions/2020-11-05.csv`).
    public var file: String
    /// The file's size in bytes, when it was known to the reader (0 when the range came on a stream).
    public var fileSize = 0
    /// The range asked for: bytes `start..<end`.
    public var start: Int
    public var end: Int
    /// Where the read really stopped: `end`, or past it when a record crossed `end` and was completed. The next
    /// range must start here.
    public var stop: Int
    /// The line ends between `start` and `stop`: the next range's line 1 is this range's line `lineEnds + 1`.
    public var lineEnds = 0
    /// The number of ranges summed into this rollup (1 for what `awareness rollup` writes).
    public var ranges = 1
    /// What the range held.
    public var level = Level.events
    /// The delimiter the file was read with.
    public var delimiter: UInt8 = 0x2C
    /// Data rows read (the header excluded), accepted and rejected.
    public var rowsRead = 0
    public var rowsAccepted = 0
    public var rowsRejected = 0
    /// Why the range refused the file, located by the range's lines; when any range of a file is refused, the
    /// whole file is refused.
    public var refusal: FileFailure?
    /// Header columns the feed does not know.
    public var unknownColumns: [String] = []
    /// The rows kept although a column the feed ignores holds bytes that are not text, as a direct read counts
    /// them (the first one's line by the range's lines); nil when there is none.
    public var ignoredInvalidText: IgnoredInvalidText?
    /// The daily counts, sorted (`Count.<`).
    public var counts: [Count] = []
    /// The rejected rows, by the range's lines, in line order (at most `IngestLimits.rejectsListedPerFile`).
    public var rejects: [RejectedRow] = []

    /// Creates an empty rollup of `start..<end` of `file`.
    public init(feed: Feed, file: String, start: Int, end: Int) {
        self.feed = feed
        self.file = file
        self.start = start
        self.end = end
        stop = start
    }

    /// The largest file a rollup may describe, in bytes (1 PiB): its offsets and rows stay below it, so that sums
    /// over many rollups cannot overflow.
    public static let maximumFileSize = 1 << 50

    /// Whether the accounting adds up: rows read = accepted + rejected, and a refused range accepts none. The sum
    /// is checked for overflow: counts near Int.max in a rollup file do not add up, they do not stop the program.
    public var addsUp: Bool {
        guard rowsRead >= 0, rowsAccepted >= 0, rowsRejected >= 0 else { return false }
        let (sum, overflow) = rowsAccepted.addingReportingOverflow(rowsRejected)
        return !overflow && rowsRead == sum && (refusal == nil || rowsAccepted == 0)
    }

    /// Why this rollup, at path `name` inside its feed folder among `entries` (every entry of that folder and of the
    /// folders inside it, by their paths inside the feed folder), cannot stand for its file, or nil when it can: it
    /// must name the file its own name does (`x.csv` for `x.csv.rollup.json`, in the same folder:
    /// `impressions/dt=1/x.csv` for `dt=1/x.csv.rollup.json`), that file must not be in the folder too, no other rollup may roll it up, and it
    /// must cover the whole file (from offset 0 to `file_size`, its ranges joined; a refused one from offset 0 to its
    /// refusal) with no more rows than bytes.
    public func refusal(name: String, entries: [String]) -> RollupFormatError? {
        let base = String(name.dropLast(Self.fileSuffix.count))
        let expected = "\(feed.rawValue)/\(base)"
        if file != expected { return .fileNameMismatch(file: file, expected: expected) }
        // Compressed or not, the file beside its rollup would be read too.
        if let copy = [base, base + ".gz"].first(where: entries.contains) {
            return .fileBesideRollup("\(feed.rawValue)/\(copy)")
        }
        if let other = entries.first(where: {
            $0 != name && $0.lowercased().hasSuffix(Self.fileSuffix) && $0.dropLast(Self.fileSuffix.count) == base
        }) {
            return .anotherRollupOfTheFile(other: "\(feed.rawValue)/\(other)")
        }
        // A refused rollup stops at its refusal (the job sums a file's ranges up to the first refused one): it
        // refuses the whole file, which a direct read refuses too, so it need only start at the file's start.
        let covers = refusal == nil ? end == fileSize && stop == fileSize : stop <= fileSize
        if start != 0 || !covers {
            return .partialCoverage(start: start, end: end, stop: stop, fileSize: fileSize)
        }
        // Each row takes a byte at least: the accounting of a rollup is bounded by its file's size.
        if rowsRead > fileSize { return .moreRowsThanBytes(rows: rowsRead, fileSize: fileSize) }
        return nil
    }
}
