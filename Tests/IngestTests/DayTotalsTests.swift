import Testing

@testable import Ingest

@Suite("Event totals of the current day")
struct DayTotalsTests {
    private func key(_ id: Int32, _ day: Int32) -> RowKey { RowKey(dimensions: id, day: day) }
    private let initial = RowCounts(main: 0, companion: -1, file: 0, line: 0)

    @Test func givesTheSumsOfATableWhateverTheOrderOfDays() {
        // Days in order, back to an earlier day, keys met in any order and ids far apart.
        let rows: [(id: Int32, day: Int32, amount: Int64)] = [
            (0, 10, 1), (3, 10, 2), (0, 10, 4), (200, 11, 1), (0, 11, 7), (0, 10, 8), (3, 12, 0), (3, 10, 16),
            (0, 11, 32),
        ]
        var totals = DayTotals()
        var table = CountTable(keepsDetails: false)
        var expected = CountTable(keepsDetails: false)
        for row in rows {
            let added = totals.add(row.amount, to: key(row.id, row.day), in: &table, initial: initial)
            let expectedAdded = expected.add(row.amount, to: key(row.id, row.day), initial: initial)
            #expect(added && expectedAdded)
        }
        totals.flush(into: &table)
        let sums = Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value.main) })
        #expect(sums == Dictionary(uniqueKeysWithValues: expected.map { ($0.key, $0.value.main) }))
        #expect(sums == [key(0, 10): 13, key(3, 10): 18, key(200, 11): 1, key(0, 11): 39, key(3, 12): 0])
        // Flushing again changes nothing.
        totals.flush(into: &table)
        #expect(table.count == 5)
    }

    @Test func refusesTheRowThatTakesADayPastTheLargestCountCountingWhatTheTableHolds() {
        var totals = DayTotals()
        var table = CountTable(keepsDetails: false)
        var added: [Bool] = []
        added.append(totals.add(5, to: key(1, 100), in: &table, initial: initial))
        added.append(totals.add(1, to: key(1, 101), in: &table, initial: initial))
        // Day 100 again: its total of 5 is in the table now, and counts.
        added.append(totals.add(Int64.max - 5, to: key(1, 100), in: &table, initial: initial))
        added.append(totals.add(1, to: key(1, 100), in: &table, initial: initial))
        added.append(totals.add(0, to: key(1, 100), in: &table, initial: initial))
        #expect(added == [true, true, true, false, true])
        totals.flush(into: &table)
        #expect(table[key(1, 100)]?.main == Int64.max)
        #expect(table[key(1, 101)]?.main == 1)
    }
}
