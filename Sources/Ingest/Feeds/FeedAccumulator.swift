/// Limits that keep memory bounded whatever the input.
public enum IngestLimits {
    /// Rejected rows listed per file; further ones are counted but not listed.
    public static let rejectsListedPerFile = 10_000
}

/// A key of one feed's counts: up to four interned dimension values and a local day.
struct RowKey: Hashable {
    var dimensions: (Int32, Int32, Int32, Int32)
    var day: Int32

    static func == (lhs: RowKey, rhs: RowKey) -> Bool {
        lhs.day == rhs.day && lhs.dimensions.0 == rhs.dimensions.0 && lhs.dimensions.1 == rhs.dimensions.1
            && lhs.dimensions.2 == rhs.dimensions.2 && lhs.dimensions.3 == rhs.dimensions.3
    }

    func hash(into hasher: inout Hasher) {
        // Two words rather than five small values: this runs once per row.
        let first = UInt64(UInt32(bitPattern: dimensions.0)) | UInt64(UInt32(bitPattern: dimensions.1)) << 32
        let second = UInt64(UInt32(bitPattern: dimensions.2)) | UInt64(UInt32(bitPattern: dimensions.3)) << 32
        hasher.combine(first ^ UInt64(UInt32(bitPattern: day)) &* 0x9E37_79B9_7F4A_7C15)
        hasher.combine(second)
    }

    subscript(index: Int) -> Int32 {
        switch index {
        case 0: return dimensions.0
        case 1: return dimensions.1
        case 2: return dimensions.2
        default: return dimensions.3
        }
    }
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
    var events = CountTable()

    init(feed: Feed) {
        self.feed = feed
    }

    /// A readable form of a key, such as `campaign=banner-119, placement=search`.
    func describe(_ key: RowKey) -> String {
        feed.dimensionColumns.indices.compactMap { index -> String? in
            let value = interner.values[Int(key[index])]
            return index > 0 && value.isEmpty ? nil : "\(feed.dimensionColumns[index])=\(value)"
        }.joined(separator: ", ")
    }

    /// Every key and day with its counts, event-level and daily counts summed, sorted by key then day.
    func merged() -> [(key: RowKey, counts: RowCounts)] {
        // The interned values are distinct: ranking them once lets the sort compare integers, not strings.
        let values = interner.values
        var rank = [Int32](repeating: 0, count: values.count)
        for (position, id) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() {
            rank[id] = Int32(position)
        }
        let sorted = { (left: (key: RowKey, counts: RowCounts), right: (key: RowKey, counts: RowCounts)) -> Bool in
            for index in 0..<4 where left.key[index] != right.key[index] {
                return rank[Int(left.key[index])] < rank[Int(right.key[index])]
            }
            return left.key.day < right.key.day
        }
        if daily.isEmpty {
            // Event-level feeds alone: no copy of the counts into a merged dictionary.
            var rows = events.map { (key: $0.key, counts: $0.value) }
            rows.sort(by: sorted)
            return rows
        }
        var all = daily
        for (key, counts) in events {
            if var existing = all[key] {
                existing.main.addSaturating(counts.main)
                if counts.companion >= 0 {
                    existing.companion = max(existing.companion, 0)
                    existing.companion.addSaturating(counts.companion)
                }
                all[key] = existing
            } else {
                all[key] = counts
            }
        }
        var rows = all.map { (key: $0.key, counts: $0.value) }
        rows.sort(by: sorted)
        return rows
    }
}

extension Int64 {
    /// Adds `other`, stopping at `Int64.max` instead of trapping: sums of counts that each fit are kept in range.
    mutating func addSaturating(_ other: Int64) {
        let (sum, overflow) = addingReportingOverflow(other)
        self = overflow ? (other > 0 ? .max : .min) : sum
    }
}
