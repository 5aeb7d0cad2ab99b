/// Whether tonight's data may replace last night's outputs, and every reason it may not: the one verdict that
/// `validate` and `run` give for the same folder (DESIGN §2, "The night's verdict").
///
/// A night fails when a file or feed folder could not be read; when a feed folder that had data last night is
/// missing, empty or holds only headers; when a file is refused or every one of its rows is rejected; when a file
/// read for the first time tonight has more than ``maxFileRejectRate`` of its rows rejected; or when more than
/// ``maxRejectRate`` of all rows are rejected. Without last night (no readable manifest), every file is read for
/// the first time and no feed can have vanished.
public struct NightVerdict: Sendable, Equatable {
    /// Why a night fails, with the data its wording needs; paths are relative to the data folder.
    public enum Reason: Sendable, Equatable {
        /// A feed folder exists but could not be listed; `system` is `strerror`'s text.
        case feedUnreadable(feed: Feed, system: String)
        /// A file could not be read (permissions, a directory named `.csv`, a broken link).
        case fileUnreadable(file: String)
        /// A feed folder that gave `lastNightRows` rows last night is missing tonight (an unmounted share).
        case feedVanished(feed: Feed, lastNightRows: Int)
        /// A feed folder that gave `lastNightRows` rows last night holds no feed file tonight.
        case feedEmpty(feed: Feed, lastNightRows: Int)
        /// A feed folder that gave `lastNightRows` rows last night holds files without a data row tonight, none of
        /// them refused.
        case feedHeaderOnly(feed: Feed, lastNightRows: Int)
        /// A file was refused as a whole for its content.
        case fileRefused(file: String)
        /// Every one of the `rows` data rows of a file was rejected.
        case fileWhollyRejected(file: String, rows: Int)
        /// A file not read last night had the fraction `rate` of its rows rejected, over `threshold`.
        case newFileOverThreshold(file: String, rate: Double, threshold: Double)
        /// The fraction `rate` of all rows read was rejected, over `threshold`.
        case overallOverThreshold(rate: Double, threshold: Double)

        /// Whether the reason is an I/O failure (exit status 3) rather than a data problem (1).
        public var isIOFailure: Bool {
            switch self {
            case .feedUnreadable, .fileUnreadable: true
            default: false
            }
        }

        /// The file the reason blames, if it blames one.
        public var file: String? {
            switch self {
            case .fileUnreadable(let file), .fileRefused(let file), .fileWhollyRejected(let file, _),
                .newFileOverThreshold(let file, _, _):
                file
            default: nil
            }
        }
    }

    /// Every reason the night fails: I/O failures, then feed folders (in feed order), then files (in reading
    /// order), then the overall rate; empty for a usable night.
    public let reasons: [Reason]
    /// The largest fraction of all rows read that may be rejected.
    public let maxRejectRate: Double
    /// The largest fraction of a new file's rows that may be rejected.
    public let maxFileRejectRate: Double
    /// Whether last night's manifest was found: without it no feed can have vanished.
    public let hasLastNight: Bool
    /// The path of last night's manifest when it is there but could not be read or decoded (the verdict then has
    /// no history, which the summary and the command line say); nil otherwise.
    public var unusableManifest: String?

    /// The default of ``maxFileRejectRate``: a new file with more than half its rows rejected is not a night's
    /// delivery but a wrong export (dates in another format, another feed's columns).
    public static let defaultMaxFileRejectRate = 0.5

    /// The verdict on `data` against `lastNight` (nil when no earlier night's manifest could be read).
    public init(data: IngestedData, lastNight: LastNight?, maxRejectRate: Double, maxFileRejectRate: Double) {
        self.maxRejectRate = maxRejectRate
        self.maxFileRejectRate = maxFileRejectRate
        self.hasLastNight = lastNight != nil
        var io: [Reason] = data.unreadableFeeds.map { .feedUnreadable(feed: $0.feed, system: $0.system) }
        var feeds: [Reason] = []
        var files: [Reason] = []
        for file in data.files {
            let path = file.rollupFile ?? file.file
            if let failure = file.failure {
                if failure.isIOError {
                    io.append(.fileUnreadable(file: file.file))
                } else {
                    files.append(.fileRefused(file: file.file))
                }
            } else if file.rowsRead > 0 && file.rowsAccepted == 0 {
                files.append(.fileWhollyRejected(file: file.file, rows: file.rowsRead))
            } else if file.rowsRead > 0, lastNight?.files.contains(path) != true {
                let rate = Double(file.rowsRejected) / Double(file.rowsRead)
                if rate > maxFileRejectRate {
                    files.append(.newFileOverThreshold(file: file.file, rate: rate, threshold: maxFileRejectRate))
                }
            }
        }
        if let lastNight {
            for feed in Feed.allCases {
                guard let rows = lastNight.rows(of: feed), !data.unreadableFeeds.contains(where: { $0.feed == feed })
                else { continue }
                let tonight = data.files.filter { $0.feed == feed }
                if data.absentFeeds.contains(feed) {
                    feeds.append(.feedVanished(feed: feed, lastNightRows: rows))
                } else if tonight.isEmpty {
                    feeds.append(.feedEmpty(feed: feed, lastNightRows: rows))
                } else if tonight.allSatisfy({ $0.rowsRead == 0 && $0.failure == nil }) {
                    // A refused file (an empty one, a header the feed cannot read) fails the night for itself.
                    feeds.append(.feedHeaderOnly(feed: feed, lastNightRows: rows))
                }
            }
        }
        var overall: [Reason] = []
        if data.rejectRate > maxRejectRate {
            overall.append(.overallOverThreshold(rate: data.rejectRate, threshold: maxRejectRate))
        }
        reasons = io + feeds + files + overall
    }

    /// Whether the night may replace last night's outputs.
    public var isUsable: Bool { reasons.isEmpty }

    /// The verdict's class, which the command line maps to the exit status: an I/O failure before a data problem.
    public var dataVerdict: DataVerdict {
        if reasons.contains(where: \.isIOFailure) { return .ioFailure }
        return reasons.isEmpty ? .usable : .problems
    }

    /// Whether the rejected rows of `file` (its path relative to the data folder) are errors rather than
    /// warnings: when the file or the whole night is over its threshold. Rows rejected under both thresholds (the
    /// `Total` rows of a spreadsheet export) are warnings, so an error always comes with a failed night.
    public func rejectsAreErrors(inFile file: String) -> Bool {
        reasons.contains { reason in
            if case .overallOverThreshold = reason { return true }
            return reason.file == file
        }
    }
}
