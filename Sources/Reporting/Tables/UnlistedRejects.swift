import Ingest

/// The rejected rows of one file that are counted but not listed: ingest keeps at most
/// `IngestLimits.rejectsListedPerFile` rejected rows per file in memory (a file whose every row is rejected would
/// otherwise take memory in proportion to its size), so `rejects.csv` lists that many and says how many more there
/// are; the run manifest and the campaign reports say so too.
public struct UnlistedRejects: Sendable, Equatable {
    /// The file, as in `rejects.csv`.
    public let file: String
    /// Its rejected rows beyond the listed ones.
    public let count: Int

    /// Creates the entry.
    public init(file: String, count: Int) {
        self.file = file
        self.count = count
    }

    /// The rows of `data`'s files that were rejected but not listed, in file order; files refused whole are left
    /// out, their refusal is listed instead of their rows.
    public static func of(_ data: IngestedData) -> [UnlistedRejects] {
        var listed: [String: Int] = [:]
        for reject in data.rejects { listed[reject.file, default: 0] += 1 }
        return data.files.compactMap { file in
            guard file.failure == nil else { return nil }
            let count = file.rowsRejected - listed[file.file, default: 0]
            return count > 0 ? UnlistedRejects(file: file.file, count: count) : nil
        }
    }
}
