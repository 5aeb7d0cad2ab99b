import Foundation
import Ingest
import Testing

@Suite("Rollups read bytes that are not text as a direct read does")
struct RangeRollupInvalidTextTests {
    static let header = "timestamp,campaign,banner,placement,region,impressions,note\n"

    /// `rows` rows; the rows whose index is in `latin1` have a Latin-1 `é` in `note`, a column the feed ignores.
    static func events(rows: Int, latin1: Set<Int>) -> Data {
        var bytes = Data(header.utf8)
        for index in 0..<rows {
            bytes += Data("2020-05-04T10:00:00Z,banner-119,b1,search,IDF,1,caf".utf8)
            bytes += latin1.contains(index) ? Data([0xE9]) : Data("e".utf8)
            bytes += Data("\n".utf8)
        }
        return bytes
    }

    static func readBoth(_ bytes: Data, start: Int = 0) throws -> (rollup: RangeRollup, direct: FileReport) {
        let folder = try DataFolderFixture([:])
        try folder.write("impressions/events.csv", bytes)
        let path = folder.root.appendingPathComponent("impressions/events.csv").path
        let rollup = try RangeRollupTests.reader().read(
            .file(path: path), name: "impressions/events.csv", start: start, end: nil)
        let direct = try #require(try folder.read().files.first)
        return (rollup, direct)
    }

    @Test func rowsWithBytesThatAreNotTextInAnIgnoredColumnAreKeptAndCountedAsInADirectRead() throws {
        let (rollup, direct) = try Self.readBoth(Self.events(rows: 40, latin1: [3, 17, 30]))
        #expect(rollup.refusal == nil)
        #expect(rollup.rowsRead == 40 && rollup.rowsAccepted == 40)
        #expect(rollup.ignoredInvalidText == IgnoredInvalidText(rows: 3, firstLine: 5, columns: ["note"]))
        #expect(direct.ignoredInvalidText == rollup.ignoredInvalidText)
        #expect(rollup.counts.map(\.count) == [40])
    }

    @Test func aBadByteInAReadColumnOfTheFirstBlockRefusesAtItsLineAfterTheRowsBefore() throws {
        var bytes = Self.events(rows: 500, latin1: [])
        bytes += Data("2020-05-04T10:00:00Z,banner-119,b".utf8) + Data([0xFF]) + Data("1,search,IDF,1,x\n".utf8)
        bytes += Self.events(rows: 20, latin1: []).dropFirst(Self.header.utf8.count)
        let (rollup, direct) = try Self.readBoth(bytes)
        #expect(rollup.rowsRead == 500 && rollup.rowsRejected == 500 && rollup.rowsAccepted == 0)
        #expect(rollup.refusal?.line == 502 && rollup.refusal?.column == 34)
        #expect(direct.rowsRead == rollup.rowsRead)
        #expect(direct.failure?.line == rollup.refusal?.line && direct.failure?.column == rollup.refusal?.column)
    }

    @Test func aRangeAfterTheFirstCountsItsOwnRowsWithBytesThatAreNotText() throws {
        let bytes = Self.events(rows: 10, latin1: [8])
        // The range starts after the file's sixth line end, at row 5 (line 7): row 8 is its line 4.
        let start = bytes.indices.filter { bytes[$0] == 0x0A }[5] + 1
        let (rollup, _) = try Self.readBoth(bytes, start: start)
        #expect(rollup.rowsRead == 5 && rollup.rowsAccepted == 5)
        #expect(rollup.ignoredInvalidText == IgnoredInvalidText(rows: 1, firstLine: 4, columns: ["note"]))
    }

    @Test func theRowsKeptRoundTripThroughTheJSONTextAndReachTheFilesReport() throws {
        let (rollup, _) = try Self.readBoth(Self.events(rows: 12, latin1: [2, 9]))
        let read = try RangeRollup(jsonData: Data(rollup.jsonText.utf8))
        #expect(read == rollup)
        let folder = try DataFolderFixture(["impressions/events.csv.rollup.json": rollup.jsonText])
        let report = try #require(try folder.read().files.first)
        #expect(report.ignoredInvalidText == IgnoredInvalidText(rows: 2, firstLine: 4, columns: ["note"]))
        #expect(report.rowsRead == 12)
    }
}
