import Foundation
import Ingest
import Testing

/// Rollups on which the rollup reader once stopped the program, kept in `Fixtures/fuzz-rollup/` as the text of a
/// `*.rollup.json` (the input format of `Fuzz/run rollup`). Each must now be refused by name, never trap.
@Suite("Rollup fuzzer findings")
struct FuzzRollupRegressionTests {
    static func fixture(_ name: String) throws -> Data {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try Data(contentsOf: folder.appendingPathComponent("fuzz-rollup").appendingPathComponent(name))
    }

    @Test func accountingPastTheLargestCountDoesNotAddUpRatherThanTrap() throws {
        let text = try Self.fixture("accounting-past-the-largest-count.rollup.json")
        #expect(throws: RollupFormatError.doesNotAddUp(read: 2, accepted: Int.max, rejected: Int.max)) {
            try RangeRollup(jsonData: text)
        }
    }

    @Test func aFeedFolderRefusesTheRollupWhoseAccountingIsPastTheLargestCountByName() throws {
        let text = try Self.fixture("accounting-past-the-largest-count.rollup.json")
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        let data = DataFolderReader(localDays: paris, digestsInputs: false).read(files: [
            DataFolderReader.FileBytes(feed: .impressions, name: "events.csv.rollup.json", bytes: Array(text))
        ])
        let report = try #require(data.files.first)
        #expect(report.file == "impressions/events.csv.rollup.json")
        #expect(report.rowsAccepted == 0)
        #expect(
            report.failure?.reason
                == .rollup(.doesNotAddUp(read: 2, accepted: Int.max, rejected: Int.max)))
        #expect(data.impressions.isEmpty)
    }
}
