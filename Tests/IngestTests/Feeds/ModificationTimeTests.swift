import Foundation
import Ingest
import Testing

/// Rows dated more than a day after their file was last modified are rejected at their line and column (DESIGN
/// §3.2): an export cannot hold days that had not come when it was written.
@Suite("Dates later than their file")
struct ModificationTimeTests {
    /// A data folder whose file `path` holds `text` and was last modified at `modified` (seconds since 1970).
    static func fixture(_ path: String, _ text: String, modified: Int) throws -> DataFolderFixture {
        let fixture = try DataFolderFixture([path: text])
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: TimeInterval(modified))],
            ofItemAtPath: fixture.root.appendingPathComponent(path).path)
        return fixture
    }

    /// 2020-05-04T22:30:00Z, 00:30 on 5 May in Paris.
    static let modified = 1_588_631_400

    @Test func rejectsADateMoreThanADayAfterTheFileWithItsLocation() throws {
        let data = try Self.fixture(
            "helpline_calls/a.csv",
            "helpline,date,calls\n119,2020-05-05,1\n119,2020-05-06,2\n119,2020-05-07,3\n119,2031-01-01,4\n",
            modified: Self.modified
        ).read()
        // The file was written on 5 May, Paris time: 6 May is within a day of it, 7 May is not.
        #expect(data.helplineCalls.map(\.calls) == [1, 2])
        #expect(data.rejects.map(\.line) == [4, 5])
        #expect(data.rejects.map(\.column) == [2, 2])
        #expect(
            data.rejects.map(\.reason) == [
                .laterThanFile(column: "date", value: "2020-05-07", modified: Int64(Self.modified)),
                .laterThanFile(column: "date", value: "2031-01-01", modified: Int64(Self.modified)),
            ])
        #expect(data.files[0].lastDay == CivilDate(iso8601: "2020-05-06"))
    }

    @Test func rejectsATimestampMoreThanADayAfterTheFile() throws {
        let data = try Self.fixture(
            "impressions/events.csv",
            "timestamp,campaign\n2020-05-05T22:30:00Z,c\n2020-05-05T22:30:01Z,c\n",
            modified: Self.modified
        ).read()
        #expect(data.files[0].rowsAccepted == 1)
        let reject = try #require(data.rejects.first)
        #expect((reject.line, reject.column) == (3, 1))
        #expect(
            reject.reason
                == .laterThanFile(column: "timestamp", value: "2020-05-05T22:30:01Z", modified: Int64(Self.modified)))
    }

    @Test func aFileJustWrittenTakesEveryPastDay() throws {
        let data = try DataFolderFixture(["helpline_calls/a.csv": "date,helpline,calls\n2020-05-04,119,1\n"]).read()
        #expect(data.rejects == [])
    }

    @Test func filesHeldInMemoryHaveNoModificationTimeToCompareWith() throws {
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        let data = DataFolderReader(localDays: paris).read(files: [
            .init(feed: .helplineCalls, name: "a.csv", bytes: Array("date,helpline,calls\n2199-05-04,119,1\n".utf8))
        ])
        #expect(data.rejects == [] && data.helplineCalls.count == 1)
    }

    @Test func aFileReadInPartsRejectsTheSameRows() throws {
        var text = "date,helpline,calls\n"
        for day in 0..<3000 { text += "\(CivilDate(daysSinceEpoch: 17_000 + day)),119,\(day)\n" }
        let fixture = try Self.fixture("helpline_calls/a.csv", text, modified: Self.modified)
        let whole = try fixture.read(parallelism: .sequential)
        let parts = try fixture.read(parallelism: IngestParallelism(parts: 8, minimumPartSize: 1024))
        #expect(parts == whole)
        // 2020-05-06 is the last day within a day of the file; its row is line 2 + its offset from the first day.
        let last = try #require(CivilDate(iso8601: "2020-05-06")).daysSinceEpoch - 17_000
        #expect(whole.files[0].rowsAccepted == last + 1)
        #expect(whole.rejects.first?.line == last + 3)
    }
}
