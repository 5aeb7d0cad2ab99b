/// What the last night that wrote its outputs read, as far as tonight's verdict needs it: the files read and the
/// rows each feed folder gave. Reporting builds it from that night's `run-manifest.json`.
public struct LastNight: Sendable, Equatable {
    /// The paths read last night, relative to the data folder with `/` separators (a rollup's own path and the
    /// path of the file it rolls up).
    public let files: Set<String>
    /// The rows accepted last night, by feed folder; a feed absent had none.
    public let rowsAccepted: [Feed: Int]

    /// Creates the record of last night.
    public init(files: Set<String>, rowsAccepted: [Feed: Int]) {
        self.files = files
        self.rowsAccepted = rowsAccepted
    }

    /// The rows feed `feed` gave last night, or nil when it gave none: a feed that had no data last night may
    /// have none tonight.
    public func rows(of feed: Feed) -> Int? {
        guard let rows = rowsAccepted[feed], rows > 0 else { return nil }
        return rows
    }
}
