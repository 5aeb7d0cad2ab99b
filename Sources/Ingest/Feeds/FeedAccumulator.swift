/// Limits that keep memory bounded whatever the input.
public enum IngestLimits {
    /// Rejected rows listed per file; further ones are counted but not listed.
    public static let rejectsListedPerFile = 10_000
}

/// A key of one feed's counts: the interned values of its dimension columns, all in one id (see
/// `KeyInterner.appendComponent`), and a local day.
struct RowKey: Hashable {
    var dimensions: Int32
    var day: Int32

    /// A day number as an unsigned number in the same order (days before 1970 are negative), to be packed below
    /// another sort key.
    static func orderedBits(ofDay day: Int32) -> UInt32 { UInt32(bitPattern: day) ^ 0x8000_0000 }

    /// The day number `orderedBits(ofDay:)` gave `bits` for.
    static func day(fromOrderedBits bits: UInt32) -> Int32 { Int32(bitPattern: bits ^ 0x8000_0000) }
}

/// The counts of one key: the main count, the companion count (-1 when absent) and where they came from.
struct RowCounts {
    var main: Int64
    var companion: Int64
    var file: Int32
    var line: Int32

    /// The counts as optionals, in count-column order.
    var values: [Int64?] { [main, companion < 0 ? nil : companion] }
}

/// One feed's counts gathered over its files, following the restatement rules of daily files and the
/// summing of event-level files.
struct FeedAccumulator {
    let feed: Feed
    let interner = KeyInterner()
    /// Counts from daily files: a later file's value replaces an earlier one for the same key and day.
    var daily: [RowKey: RowCounts] = [:]
    /// Counts from event-level files, summed.
    var events = CountTable(keepsDetails: false)

    init(feed: Feed) {
        self.feed = feed
    }

    /// A readable form of a key, such as `campaign=banner-119, placement=search`.
    func describe(_ key: RowKey) -> String {
        let values = interner.components(of: key.dimensions)
        return zip(feed.dimensionColumns, values).enumerated().compactMap { index, pair -> String? in
            index > 0 && pair.1.isEmpty ? nil : "\(pair.0)=\(pair.1)"
        }.joined(separator: ", ")
    }

    /// The number of keys and days `forEachMerged` visits at most.
    var mergedCountBound: Int { daily.count + events.count }

    /// Visits every key and day with its counts and the key's dimension values, event-level and daily counts
    /// summed, sorted by key then day. Consumes the counts: what is visited is read from one table in the order of
    /// its slot numbers, sorted or placed in a grid, so that no second copy of the keys and counts is made.
    mutating func forEachMerged(_ body: (RowKey, RowCounts, _ values: [String]) -> Void) {
        // The interned keys are distinct: ranking them once lets the sort compare integers, not strings.
        let components = interner.values.indices.map { interner.components(of: Int32($0)) }
        var rank = [Int32](repeating: 0, count: components.count)
        for (position, id) in components.indices.sorted(by: {
            components[$0].lexicographicallyPrecedes(components[$1])
        }).enumerated() {
            rank[id] = Int32(position)
        }
        var table = CountTable(keepsDetails: false)
        swap(&table, &events)
        if !daily.isEmpty {
            // Daily counts keep their companion, file and line: one table that keeps them holds both.
            var both = CountTable(minimumCapacity: table.count + daily.count)
            for (key, counts) in table { both[key] = counts }
            table = both
            for (key, counts) in daily {
                if let existing = table[key] {
                    var summed = counts
                    summed.main.addSaturating(existing.main)
                    if existing.companion >= 0 {
                        summed.companion = max(summed.companion, 0)
                        summed.companion.addSaturating(existing.companion)
                    }
                    table[key] = summed
                } else {
                    table[key] = counts
                }
            }
            daily = [:]
        }
        table.forEach(rankCount: rank.count, rank: { rank[Int($0)] }) { key, counts in
            body(key, counts, components[Int(key.dimensions)])
        }
    }
}

extension Int64 {
    /// Adds `other`, stopping at `Int64.max` instead of trapping: sums of counts that each fit are kept in range.
    public mutating func addSaturating(_ other: Int64) {
        let (sum, overflow) = addingReportingOverflow(other)
        self = overflow ? (other > 0 ? .max : .min) : sum
    }

    /// The sum of this count and `other`, stopping at `Int64.max` as `addSaturating` does.
    public func addingSaturating(_ other: Int64) -> Int64 {
        var sum = self
        sum.addSaturating(other)
        return sum
    }
}
