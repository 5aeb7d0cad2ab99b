/// The running totals of an event-level file's counts on the local day its rows are at, kept by key id in a
/// plain array ahead of the file's `CountTable`.
///
/// Event exports are in time order: a day's rows come together, and hit a few hundred keys thousands of times
/// each. Adding to an array slot is cheaper than finding the key's slot in the table, and the array stays in
/// cache where the table does not. A key's total is read from the table the first time the day's rows meet it,
/// and written back when the rows move to another day or the table is wanted (`flush`). Rows out of time order
/// stay correct, only slower: each change of day writes the totals back.
struct DayTotals {
    private static let untouched: Int64 = -1
    /// The day of the totals held; `Int32.min` before the first row.
    private var day = Int32.min
    /// For each key id, its total on `day`, or `untouched` when no row of `day` has had that key.
    private var totals: [Int64] = []
    /// The key ids with a total on `day`, in the order met.
    private var touched: [Int32] = []

    /// Adds `amount` (not negative) to the count of `key` in `table` (stored as `initial` when new); returns false,
    /// changing nothing, when the day's total would pass `Int64.max`.
    @inline(__always)
    mutating func add(_ amount: Int64, to key: RowKey, in table: inout CountTable, initial: RowCounts) -> Bool {
        if key.day != day {
            flush(into: &table)
            day = key.day
        }
        let index = Int(key.dimensions)
        if index >= totals.count { grow(toHold: index) }
        var total = totals[index]
        if total == Self.untouched {
            total = table.main(of: key, storingIfNew: initial)
            touched.append(key.dimensions)
        }
        let (sum, overflow) = total.addingReportingOverflow(amount)
        totals[index] = overflow ? total : sum
        return !overflow
    }

    /// Writes the totals held into `table`.
    mutating func flush(into table: inout CountTable) {
        for id in touched {
            table.setMain(totals[Int(id)], of: RowKey(dimensions: id, day: day))
            totals[Int(id)] = Self.untouched
        }
        touched.removeAll(keepingCapacity: true)
    }

    private mutating func grow(toHold index: Int) {
        let count = max(index + 1, totals.count * 2, 64)
        totals.append(contentsOf: repeatElement(Self.untouched, count: count - totals.count))
    }
}
