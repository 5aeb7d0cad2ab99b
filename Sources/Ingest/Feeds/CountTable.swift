/// The counts of one file by key: an open-addressing hash table over `RowKey`, for the per-row path where
/// `Dictionary`'s seeded hashing showed up in profiles. Iteration order is unspecified, as a dictionary's.
///
/// Main counts are stored apart from the rest of `RowCounts` (companion count, file and line), which only
/// tables of daily rows keep: an event-level table costs 16 bytes a slot rather than 32, and gives back a
/// companion of -1 and file and line 0.
struct CountTable: Sequence {
    /// A free slot's day: no key has it, since dates have four-digit years (±3.7 million days from 1970).
    private static let free = Int32.min
    private static let noDetails = RowDetails(companion: -1, file: 0, line: 0)
    private var keys: [RowKey]
    private var mains: [Int64]
    /// Empty when the table does not keep details.
    private var details: [RowDetails]
    /// Whether the companion count, file and line of each key are kept.
    let keepsDetails: Bool
    /// The number of keys stored.
    private(set) var count = 0

    /// What `RowCounts` holds besides the main count.
    private struct RowDetails {
        var companion: Int64
        var file: Int32
        var line: Int32
    }

    /// Creates a table that holds `minimumCapacity` keys before it grows.
    init(minimumCapacity: Int = 0, keepsDetails: Bool = true) {
        var slots = 16
        while slots * 3 < minimumCapacity * 4 + 4 { slots *= 2 }
        self.keepsDetails = keepsDetails
        keys = Array(repeating: RowKey(dimensions: 0, day: Self.free), count: slots)
        mains = Array(repeating: 0, count: slots)
        details = keepsDetails ? Array(repeating: Self.noDetails, count: slots) : []
    }

    var isEmpty: Bool { count == 0 }

    private static func hash(_ key: RowKey) -> Int {
        let word = UInt64(UInt32(bitPattern: key.dimensions)) << 32 | UInt64(UInt32(bitPattern: key.day))
        var hash = word &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }

    /// The slot holding `key`, or the free slot where it would go.
    @inline(__always)
    private func slot(of key: RowKey) -> (index: Int, found: Bool) {
        let mask = keys.count - 1
        var index = Self.hash(key) & mask
        while true {
            let stored = keys[index]
            if stored.day == Self.free { return (index, false) }
            if stored == key { return (index, true) }
            index = (index + 1) & mask
        }
    }

    private func counts(at index: Int) -> RowCounts {
        let detail = keepsDetails ? details[index] : Self.noDetails
        return RowCounts(main: mains[index], companion: detail.companion, file: detail.file, line: detail.line)
    }

    /// The counts of `key`; setting stores them (nil is not stored: keys are never removed).
    subscript(key: RowKey) -> RowCounts? {
        get {
            let (index, found) = slot(of: key)
            return found ? counts(at: index) : nil
        }
        set {
            guard let newValue else { return }
            let (index, found) = slot(of: key)
            if found {
                store(newValue, at: index)
            } else {
                insert(key, newValue, at: index)
            }
        }
    }

    /// Adds `amount` to the main count of `key` (stored as `initial` with `main` 0 when new); returns false,
    /// changing nothing, when the sum would pass `Int64.max`.
    mutating func add(_ amount: Int64, to key: RowKey, initial: RowCounts) -> Bool {
        let (index, found) = slot(of: key)
        if found {
            let (sum, overflow) = mains[index].addingReportingOverflow(amount)
            if overflow { return false }
            mains[index] = sum
        } else {
            var counts = initial
            counts.main = amount
            insert(key, counts, at: index)
        }
        return true
    }

    /// The main count of `key`, which is stored as `initial` with `main` 0 when new.
    mutating func main(of key: RowKey, storingIfNew initial: RowCounts) -> Int64 {
        let (index, found) = slot(of: key)
        if found { return mains[index] }
        var counts = initial
        counts.main = 0
        insert(key, counts, at: index)
        return 0
    }

    /// Sets the main count of `key`, which must be stored.
    mutating func setMain(_ main: Int64, of key: RowKey) {
        let (index, found) = slot(of: key)
        precondition(found, "setMain of a key not stored")
        mains[index] = main
    }

    /// Adds `amount` to the main count of `key` as `add` does, stopping at `Int64.max` instead of refusing.
    mutating func addSaturating(_ amount: Int64, to key: RowKey, initial: RowCounts) {
        let (index, found) = slot(of: key)
        if found {
            mains[index].addSaturating(amount)
        } else {
            var counts = initial
            counts.main = amount
            insert(key, counts, at: index)
        }
    }

    private mutating func store(_ counts: RowCounts, at index: Int) {
        mains[index] = counts.main
        if keepsDetails {
            details[index] = RowDetails(companion: counts.companion, file: counts.file, line: counts.line)
        }
    }

    @inline(never)
    private mutating func insert(_ key: RowKey, _ counts: RowCounts, at index: Int) {
        keys[index] = key
        store(counts, at: index)
        count += 1
        if count * 4 > keys.count * 3 { grow() }
    }

    private mutating func grow() {
        let old = self
        self = CountTable(minimumCapacity: keys.count, keepsDetails: keepsDetails)
        for index in old.keys.indices where old.keys[index].day != Self.free {
            let (slot, _) = slot(of: old.keys[index])
            keys[slot] = old.keys[index]
            mains[slot] = old.mains[index]
            if keepsDetails { details[slot] = old.details[index] }
        }
        count = old.count
    }

    /// Calls `body` with every key and its counts in increasing order of `orderKey`, which must differ for distinct
    /// keys. The occupied slots' numbers are sorted on that one integer each: the keys and counts are not copied.
    func forEach(orderedBy orderKey: (RowKey) -> UInt64, _ body: (RowKey, RowCounts) -> Void) {
        var order: [(key: UInt64, slot: Int32)] = []
        order.reserveCapacity(count)
        for index in keys.indices where keys[index].day != Self.free {
            order.append((orderKey(keys[index]), Int32(index)))
        }
        order.sort { $0.key < $1.key }
        for entry in order { body(keys[Int(entry.slot)], counts(at: Int(entry.slot))) }
    }

    /// Calls `body` with every key and its counts, in increasing order of the rank of its dimensions, then of its
    /// day. `rank` gives each dimensions id stored a distinct rank below `rankCount`. When the ranks and days span
    /// few more cells than there are keys (a feed with a row for most keys on most days), each slot's number is
    /// put in its key's cell of a grid read in order, which takes one pass rather than a sort.
    func forEach(rankCount: Int, rank: (Int32) -> Int32, _ body: (RowKey, RowCounts) -> Void) {
        var firstDay = Int32.max
        var lastDay = Int32.min
        for key in keys where key.day != Self.free {
            firstDay = Swift.min(firstDay, key.day)
            lastDay = Swift.max(lastDay, key.day)
        }
        guard firstDay <= lastDay else { return }
        let span = Int(lastDay) - Int(firstDay) + 1
        let (cells, overflow) = rankCount.multipliedReportingOverflow(by: span)
        guard !overflow, cells <= 4 * count + 4_096 else {
            forEach(
                orderedBy: { key in
                    UInt64(UInt32(rank(key.dimensions))) << 32 | UInt64(RowKey.orderedBits(ofDay: key.day))
                }, body)
            return
        }
        var grid = [Int32](repeating: -1, count: cells)
        for index in keys.indices where keys[index].day != Self.free {
            let key = keys[index]
            grid[Int(rank(key.dimensions)) * span + Int(key.day - firstDay)] = Int32(index)
        }
        for slot in grid where slot >= 0 { body(keys[Int(slot)], counts(at: Int(slot))) }
    }

    func makeIterator() -> AnyIterator<(key: RowKey, value: RowCounts)> {
        var index = 0
        return AnyIterator {
            while index < keys.count {
                defer { index += 1 }
                if keys[index].day != Self.free { return (keys[index], counts(at: index)) }
            }
            return nil
        }
    }
}
