/// Rows of one file that hold bytes that are not text (invalid UTF-8, or no character in the file's declared
/// encoding) only in columns the feed does not read: they are kept and read as the other rows, and counted here so
/// that the bytes are not passed over without a word. Invalid bytes in a column the feed reads refuse the file at
/// their line and column instead (DESIGN §3.2).
public struct IgnoredInvalidText: Sendable, Equatable {
    /// The number of such rows.
    public var rows: Int
    /// The line of the first of them.
    public var firstLine: Int
    /// The header names of the ignored columns that held the bytes, in the order the rows met them (an empty name as `""`).
    public var columns: [String]

    /// Creates a count.
    public init(rows: Int, firstLine: Int, columns: [String]) {
        self.rows = rows
        self.firstLine = firstLine
        self.columns = columns
    }
}
