/// What a file whose every date was rejected tells about its dates: they all read in another format, the one
/// `date_format:` should name. Rows are still rejected one by one; the hint stands once for the whole file, so that
/// the fix is read before the thousand rejects it explains.
public struct DateFormatHint: Sendable, Equatable {
    /// The feed the file belongs to, whose `feeds:` entry the setting goes in.
    public let feed: Feed
    /// The format the file was read with, whose every date failed.
    public let configured: DateFormat
    /// The format every rejected date reads in.
    public let format: DateFormat
    /// The number of dates rejected (every date of the file).
    public let dates: Int

    /// Creates a hint.
    public init(feed: Feed, configured: DateFormat, format: DateFormat, dates: Int) {
        self.feed = feed
        self.configured = configured
        self.format = format
        self.dates = dates
    }
}

/// The dates of one file that its format rejected, and how many of them each other format reads: gathered only on
/// the path of a rejected date, so that files whose dates read cost nothing more.
struct DateRejectTally: Sendable, Equatable {
    /// Dates rejected because they are not in the configured format.
    var rejected = 0
    /// Rows rejected before their date was read (their field count differs from the header's).
    var rowsWithoutDate = 0
    /// For each format (in `DateFormat.allCases` order), how many of the rejected dates it reads.
    var readable = [Int](repeating: 0, count: DateFormat.allCases.count)

    /// Notes a date `format` rejected.
    mutating func noteRejected<Bytes: Collection>(_ text: Bytes, format: DateFormat) where Bytes.Element == UInt8 {
        rejected += 1
        for (index, other) in DateFormat.allCases.enumerated() where other != format && other.date(text) != nil {
            readable[index] += 1
        }
    }

    /// Adds the tally of another part of the same file.
    mutating func add(_ other: DateRejectTally) {
        rejected += other.rejected
        rowsWithoutDate += other.rowsWithoutDate
        for index in readable.indices { readable[index] += other.readable[index] }
    }

    /// The hint for a file of `rowsRead` rows read with `format`: when every row that had a date was rejected for
    /// it, and every one of those dates reads in one other format.
    func hint(feed: Feed, format: DateFormat, rowsRead: Int) -> DateFormatHint? {
        guard rejected > 0, rejected == rowsRead - rowsWithoutDate,
            let index = readable.firstIndex(of: rejected)
        else { return nil }
        return DateFormatHint(feed: feed, configured: format, format: DateFormat.allCases[index], dates: rejected)
    }
}
