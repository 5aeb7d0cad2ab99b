/// Why the dates of a file do not tell the one format to read them in (DESIGN §3.2): they are in several formats, or
/// every one of them fits two formats (day and month both 12 or less) and none is set for the file, or they are not
/// in the format `campaigns.yaml` sets for it. The file is refused as a whole: reading it in one format would reject
/// rows that are right, or accept rows read wrong (a month-first date read day-first).
public struct DateFormatConflict: Sendable, Equatable, Hashable {
    /// The feed of the file, whose `feeds:` entry a setting goes in.
    public let feed: Feed
    /// The file's path inside its feed folder (`historique_2019.csv`, `dt=2021-01-05/part-0000.csv`): the pattern
    /// of the per-file setting the wording suggests.
    public let file: String
    /// The format `campaigns.yaml` sets for the file, if any.
    public let configured: DateFormat?
    /// The formats that read every date of the file (empty when the dates are in several formats), in
    /// `DateFormat.allCases` order.
    public let fitting: [DateFormat]
    /// Each format that reads at least one of the file's dates, with how many it reads, most first.
    public let readable: [Readable]
    /// The dates that read in at least one format (rows whose date reads in none are rejected one by one).
    public let dates: Int

    /// A format and the number of the file's dates it reads.
    public struct Readable: Sendable, Equatable, Hashable {
        /// The format.
        public let format: DateFormat
        /// How many of the file's dates it reads.
        public let dates: Int

        /// Creates a count.
        public init(format: DateFormat, dates: Int) {
            self.format = format
            self.dates = dates
        }
    }

    /// What kind of conflict it is, as the wording tells it.
    public enum Kind: Sendable, Equatable {
        /// No one format reads every date.
        case mixed
        /// Every date reads in each of ``fitting`` (two formats, day and month swapped) and none is set.
        case ambiguous
        /// Every date reads in ``fitting``, not in the format set (``configured``).
        case notAsConfigured
    }

    /// Creates a conflict.
    public init(
        feed: Feed, file: String, configured: DateFormat?, fitting: [DateFormat], readable: [Readable], dates: Int
    ) {
        self.feed = feed
        self.file = file
        self.configured = configured
        self.fitting = fitting
        self.readable = readable
        self.dates = dates
    }

    /// The kind of conflict.
    public var kind: Kind {
        if fitting.isEmpty { return .mixed }
        return configured == nil ? .ambiguous : .notAsConfigured
    }
}

/// The dates of one file (or part of one), as the formats that read each: what tells the file's format once every
/// date is seen. Noted on every row with a date; a date the format being read rejected is parsed in every format, a
/// date it read is known to fit it (and its swapped format when day and month are both 12 or less) without a
/// second parse, so a file in the format it is read with costs a count per row.
struct DateFormatTally: Sendable, Equatable {
    /// How many dates each set of formats reads, indexed by the set's bits (``DateFormat/bit``); entry 0 counts the
    /// dates no format reads.
    private(set) var counts = [Int](repeating: 0, count: 256)
    /// The formats for which no date that it does not read has been seen yet.
    private var unmissed = DateFormat.allBits
    /// In file order, the first date that each format does not read (among dates that some format reads): the
    /// formats it is the first for, and where it is.
    private var misses: [Miss] = []

    private struct Miss: Sendable, Equatable {
        var formats: UInt8
        var line: Int
        var column: Int
    }

    /// Notes a date that the formats in `set` read, at `line` and `column` (1-based).
    @inline(__always)
    mutating func note(_ set: UInt8, line: Int, column: Int) {
        counts[Int(set)] &+= 1
        let missing = unmissed & ~set
        if missing != 0 && set != 0 {
            unmissed &= ~missing
            misses.append(Miss(formats: missing, line: line, column: column))
        }
    }

    /// Adds the tally of the next part of the same file, whose lines are its own lines plus `lineShift`.
    mutating func add(_ other: DateFormatTally, lineShift: Int) {
        for index in counts.indices where other.counts[index] != 0 { counts[index] += other.counts[index] }
        for miss in other.misses {
            let missing = unmissed & miss.formats
            guard missing != 0 else { continue }
            unmissed &= ~missing
            misses.append(Miss(formats: missing, line: miss.line + lineShift, column: miss.column))
        }
    }

    /// Whether any row had a date, in some format or none.
    var hasDates: Bool { counts.contains { $0 != 0 } }

    /// What to do with a file read in `readWith` once all its dates are noted, `configured` being the format
    /// `campaigns.yaml` sets for it (nil: none, the file's own dates decide).
    enum Decision: Sendable, Equatable {
        /// The file was read in the right format (or has no date any format reads).
        case keep
        /// Every date reads in this one format, not the one the file was read in: it is read again in it.
        case readAgain(DateFormat)
        /// The dates do not tell one format: the file is refused, at the first date that tells so when there is one.
        case refuse(line: Int?, column: Int?, DateFormatConflict)
    }

    /// The decision for the file `file` (its path in the feed folder) of `feed`.
    func decision(feed: Feed, file: String, configured: DateFormat?, readWith: DateFormat) -> Decision {
        var common = DateFormat.allBits
        var dates = 0
        for set in 1..<counts.count where counts[set] != 0 {
            common &= UInt8(set)
            dates += counts[set]
        }
        guard dates > 0 else { return .keep }
        let fitting = DateFormat.formats(in: common)
        if let configured, common & configured.bit != 0 { return .keep }
        if configured == nil, fitting.count == 1 {
            return fitting[0] == readWith ? .keep : .readAgain(fitting[0])
        }
        let readable = DateFormat.allCases.map { format in
            DateFormatConflict.Readable(
                format: format,
                dates: (1..<counts.count).reduce(0) { $1 & Int(format.bit) != 0 ? $0 + counts[$1] : $0 })
        }
        .filter { $0.dates > 0 }
        .enumerated().sorted { ($0.element.dates, -$0.offset) > ($1.element.dates, -$1.offset) }.map(\.element)
        let conflict = DateFormatConflict(
            feed: feed, file: file, configured: configured, fitting: fitting, readable: readable, dates: dates)
        // Located at the first date the format set does not read, or the one most dates read: the first that
        // breaks the rule. Every date fits the formats of an ambiguous file: no line says more than another.
        let blamed: DateFormat? = fitting.isEmpty ? configured ?? readable.first?.format : configured
        guard let blamed, let miss = misses.first(where: { $0.formats & blamed.bit != 0 }) else {
            return .refuse(line: nil, column: nil, conflict)
        }
        return .refuse(line: miss.line, column: miss.column, conflict)
    }
}
