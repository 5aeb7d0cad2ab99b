/// Why a whole file was refused, with its data: the columns of a header that does not fit the feed, the CSV
/// reader's problem, the rollup's. Reporting words it in the report's language; `rejects.csv` holds its English
/// wording.
public enum FileRefusalReason: Sendable, Equatable {
    /// A column of the feed appears twice in the header, at 1-based fields `first` and `second`.
    case duplicateColumn(name: String, first: Int, second: Int)
    /// The header lacks `name`, which `campaigns.yaml` maps the feed's column `column` to; `header` is the header's
    /// names as read (lowercased, an empty name empty).
    case missingMappedColumn(name: String, column: String, feed: Feed, header: [String])
    /// The header lacks columns the feed requires, in the feed's order.
    case missingColumns([RequiredColumn], header: [String])
    /// The header has both `date` and `timestamp`.
    case dateAndTimestamp
    /// The file's dates do not tell the one format they are in, or are not in the one set for the file.
    case dateFormat(DateFormatConflict)
    /// The name ends in `.gz` but not in `.csv.gz`.
    case gzipNameWithoutCSV
    /// The name ends in none of `.csv`, `.csv.gz`, `.rollup.json`.
    case notAFeedFileName
    /// The CSV reader stopped (bytes that are not text, malformed quoting, gzip data cut short, I/O).
    case csv(CSVProblem)
    /// A rollup that is not one this version reads, or does not fit its folder.
    case rollup(RollupFormatError)
    /// A rollup file could not be read; `system` is Foundation's description of the failure.
    case rollupUnreadable(system: String)
    /// Any other failure, as the error describes itself (a failure no case above foresaw).
    case unexpected(String)

    /// A column a header must have.
    public enum RequiredColumn: Sendable, Equatable, Hashable {
        /// `date` or, in a feed that takes event-level files, `timestamp`.
        case dateOrTimestamp
        /// A column by its name.
        case named(String)
    }
}
