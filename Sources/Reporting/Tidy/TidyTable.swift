/// A tidy table: named columns and rows of cells, one row per observation, ready for ``TidyCSV`` and
/// ``TidyJSON``.
public struct TidyTable: Sendable, Equatable {
    /// The column names, in output order.
    public let columns: [String]
    /// The rows, each exactly as wide as ``columns``.
    public let rows: [[TidyCell]]

    /// Creates a table, or throws when a row is not as wide as the header (a programming error in
    /// report assembly, reported with the row's 0-based index).
    public init(columns: [String], rows: [[TidyCell]]) throws(TidyTableError) {
        for (index, row) in rows.enumerated() where row.count != columns.count {
            throw TidyTableError(row: index, cellCount: row.count, columnCount: columns.count)
        }
        self.columns = columns
        self.rows = rows
    }
}

/// A row of a ``TidyTable`` that does not have one cell per column.
public struct TidyTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 0-based index of the row.
    public let row: Int
    /// How many cells the row has.
    public let cellCount: Int
    /// How many columns the table has.
    public let columnCount: Int

    /// Creates the error for row `row` (0-based) with `cellCount` cells in a table of `columnCount` columns.
    public init(row: Int, cellCount: Int, columnCount: Int) {
        self.row = row
        self.cellCount = cellCount
        self.columnCount = columnCount
    }

    /// What went wrong, for the log.
    public var description: String {
        "row \(row) of a tidy table has \(cellCount) cells for \(columnCount) columns"
    }
}
