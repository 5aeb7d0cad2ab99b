/// A data row the pipeline refused, with where it is and why.
public struct RejectedRow: Sendable, Equatable {
    /// The file, as a path relative to the data folder (`helpline_calls/2020.csv`).
    public let file: String
    /// The 1-based physical line where the row starts.
    public let line: Int
    /// The 1-based field position the problem is in, or nil when it concerns the whole row.
    public let column: Int?
    /// The offending value, as read (empty when the problem is not one value).
    public let value: String
    /// Why the row was refused, with the column name and the value; Reporting words it.
    public let reason: RejectReason
    /// The record as read, written back as CSV with the file's delimiter.
    public let record: String

    /// Creates a rejected row.
    public init(file: String, line: Int, column: Int?, value: String, reason: RejectReason, record: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
        self.record = record
    }
}

/// A value that a later file restated for the same key and day, replacing the earlier one.
public struct Revision: Sendable, Equatable {
    /// The feed.
    public let feed: Feed
    /// The key the value belongs to, as `helpline=119` or `campaign=banner-119, placement=search`.
    public let key: String
    /// The day restated.
    public let date: CivilDate
    /// The counts before and after, in the feed's count-column order (nil when absent).
    public let previous: [Int64?]
    /// The counts the later file gives.
    public let restated: [Int64?]
    /// The earlier file and line.
    public let previousFile: String
    public let previousLine: Int
    /// The later file and line, whose value is used.
    public let file: String
    public let line: Int
}
