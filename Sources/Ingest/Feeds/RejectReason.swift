/// Why a data row was refused, with what the wording needs: the column, the value as shown (at most 60 characters,
/// control characters escaped), the counts compared. Reporting words it in the report's language; `rejects.csv`
/// holds its English wording.
public enum RejectReason: Sendable, Equatable, Hashable {
    /// The row has `found` fields where the header has `expected`.
    case fieldCount(expected: Int, found: Int)
    /// The date column's value does not read as a date in `format`.
    case notADate(value: String, format: DateFormat)
    /// The date or timestamp in `column` comes more than a day after the file's modification time, `modified`
    /// (seconds since 1970-01-01T00:00:00Z): an export cannot hold days that had not come when it was written.
    case laterThanFile(column: String, value: String, modified: Int64)
    /// The timestamp has a date and time but no zone (`Z` or an offset).
    case timestampWithoutZone(value: String)
    /// The timestamp is not an ISO-8601 timestamp.
    case notATimestamp(value: String)
    /// The first dimension column (`helpline`, `campaign`, `hashtag`) is empty.
    case emptyKey(column: String)
    /// A dimension value is `length` bytes long, past `maximum`.
    case valueTooLong(column: String, length: Int, maximum: Int)
    /// A dimension value holds a control character (a line break or tab inside quotes).
    case controlCharacter(column: String, value: String)
    /// A count column's value is not a count, for `problem`.
    case notACount(column: String, value: String, problem: CountProblem)
    /// `answered` is more than `calls` on the same row.
    case answeredOverCalls(answered: Int64, calls: Int64)
    /// An event-level row's count takes its day's total past `Int64.max`.
    case dayTotalOverflow(column: String, count: Int64)
    /// A daily row repeats the key and date of line `firstLine` of the same file; `columns` are the feed's
    /// dimension columns, in order.
    case duplicate(firstLine: Int, columns: [String])
}

/// Why a field is not a count (a non-negative whole number written with plain digits).
public enum CountProblem: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The field is empty.
    case empty
    /// The digits are past `Int64.max`.
    case tooLarge = "too_large"
    /// A minus sign before digits.
    case negative
    /// An exponent (`1e3`).
    case scientific
    /// A decimal point or comma.
    case decimals
    /// A space, underscore, apostrophe or thin space between digits.
    case digitSeparator = "digit_separator"
    /// Anything else.
    case notACount = "not_a_count"
}

extension RejectReason {
    /// The same reason with the line it names (a duplicate's first line) changed by `newLine`, or nil when it names
    /// no line or `newLine` gives nil. A file read in parts counts lines from each part's start: its reasons are
    /// moved to the file's lines with this.
    public func movingLine(_ newLine: (Int) -> Int?) -> RejectReason? {
        guard case .duplicate(let firstLine, let columns) = self, let moved = newLine(firstLine) else { return nil }
        return .duplicate(firstLine: moved, columns: columns)
    }
}
