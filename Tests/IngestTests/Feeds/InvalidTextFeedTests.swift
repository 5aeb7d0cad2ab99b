import Foundation
import Ingest
import Testing

/// Bytes that are not text in a column the feed does not read keep their row and are counted; in a column the feed
/// reads they refuse the file at their line and character column, as before.
@Suite("Bytes that are not text, by column")
struct InvalidTextFeedTests {
    static func calls(_ rows: [[UInt8]], header: String = "date,helpline,calls,note") -> Data {
        rows.reduce(Data((header + "\n").utf8)) { $0 + Data($1) + Data([0x0A]) }
    }

    static func row(_ text: String, _ note: [UInt8]) -> [UInt8] {
        Array(text.utf8) + note
    }

    @Test func keepsARowWhoseIgnoredColumnIsNotUTF8AndCountsIt() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write(
            "helpline_calls/a.csv",
            Self.calls([
                Self.row("2020-05-04,119,700,", Array("ok".utf8)),
                Self.row("2020-05-05,119,710,", [0x63, 0x61, 0x66, 0xE9]),
                Self.row("2020-05-06,119,-1,", [0xE8, 0x20, 0xE0]),
                Self.row("2020-05-07,119,730,", Array("\"d".utf8) + [0xE9] + Array("j\"".utf8)),
            ]))
        let data = try fixture.read()
        let report = try #require(data.files.first)
        #expect(report.failure == nil)
        #expect(data.helplineCalls.map(\.calls) == [700, 710, 730])
        #expect((report.rowsRead, report.rowsAccepted, report.rowsRejected) == (4, 3, 1))
        #expect(report.ignoredInvalidText == IgnoredInvalidText(rows: 3, firstLine: 3, columns: ["note"]))
        #expect(report.unknownColumns == ["note"])
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("helpline_calls/a.csv:4:3", .notACount(column: "calls", value: "-1", problem: .negative))
            ])
    }

    @Test func aFileWhoseBytesAreAllTextCountsNone() throws {
        let fixture = try DataFolderFixture([
            "helpline_calls/a.csv": "date,helpline,calls,note\n2020-05-04,119,7,café\n"
        ])
        #expect(try fixture.read().files.first?.ignoredInvalidText == nil)
    }

    @Test func bytesThatAreNotUTF8InAReadColumnStillRefuseTheFileAtTheirLineAndColumn() throws {
        let fixture = try DataFolderFixture([:])
        // The note comes first: the invalid bytes before the helpline's on the same line must not be taken for them.
        try fixture.write(
            "helpline_calls/a.csv",
            Self.calls(
                [
                    [0xE9] + Array(",2020-05-04,119,700".utf8),
                    [0xE9, 0xE9] + Array(",2020-05-05,All".utf8) + [0xF4] + Array(" 119,710".utf8),
                ], header: "note,date,helpline,calls"))
        let report = try #require(try fixture.read().files.first)
        let failure = try #require(report.failure)
        #expect((failure.line, failure.column) == (3, 18))
        #expect(failure.reason == .csv(.invalidUTF8(bytes: [0xF4, 0x20, 0x31, 0x31])))
        #expect((report.rowsRead, report.rowsRejected, report.rowsAccepted) == (1, 1, 0))
        #expect(report.ignoredInvalidText == nil)
    }

    @Test func bytesThatAreNotUTF8InTheHeaderRefuseTheFile() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write(
            "helpline_calls/a.csv",
            Data("date,helpline,calls,co".utf8) + Data([0xFB]) + Data("t\n2020-05-04,1,2\n".utf8))
        let failure = try #require(try fixture.read().files.first?.failure)
        #expect((failure.line, failure.column) == (1, 23))
    }

    /// Daily rows with an ignored note that is Latin-1 on every seventh row, its accent at every offset of the 64 KiB
    /// slices in turn, so that invalid bytes straddle the slices the reader checks at a time.
    static func longFile(rows: Int) -> Data {
        var bytes = Array("date,helpline,calls,note\n".utf8)
        for index in 0..<rows {
            let day = CivilDate(daysSinceEpoch: 10_000 + index)
            bytes += Array("\(day),\(["119", "3919", "3020"][index % 3]),\(500 + index % 100),".utf8)
            bytes += Array(repeating: UInt8(ascii: "n"), count: index % 11)
            if index % 7 == 3 { bytes += [0xE9] }
            if index % 7 == 5 { bytes += [0xC3] }  // a lead byte with no continuation
            bytes += Array("x\n".utf8)
        }
        return Data(bytes)
    }

    @Test(arguments: [IngestParallelism.sequential, IngestParallelism(parts: 6, minimumPartSize: 20_000)])
    func countsEveryKeptRowOfALongFileAsAReadFromStartToEndDoes(parallelism: IngestParallelism) throws {
        let fixture = try DataFolderFixture([:])
        let rows = 9000
        try fixture.write("helpline_calls/a.csv", Self.longFile(rows: rows))
        let data = try fixture.read(parallelism: parallelism)
        let report = try #require(data.files.first)
        #expect(report.failure == nil)
        #expect((report.rowsRead, report.rowsAccepted) == (rows, rows))
        let expected = (0..<rows).filter { $0 % 7 == 3 || $0 % 7 == 5 }.count
        #expect(report.ignoredInvalidText == IgnoredInvalidText(rows: expected, firstLine: 5, columns: ["note"]))
        #expect(data.helplineCalls.count == rows)
    }

    @Test func aBadByteInAReadColumnOfALongFileIsFoundAtItsLineInParts() throws {
        let fixture = try DataFolderFixture([:])
        var bytes = Self.longFile(rows: 6000)
        bytes += Data("2040-01-01,1".utf8) + Data([0xE9]) + Data("9,5,x\n".utf8)
        try fixture.write("helpline_calls/a.csv", bytes)
        let sequential = try fixture.read(parallelism: .sequential)
        let parallel = try fixture.read(parallelism: IngestParallelism(parts: 6, minimumPartSize: 20_000))
        let failure = try #require(sequential.files.first?.failure)
        #expect((failure.line, failure.column) == (6002, 13))
        #expect(parallel == sequential)
    }

    @Test func aWindows1252ByteWithNoCharacterInAnIgnoredColumnKeepsItsRow() throws {
        let fixture = try DataFolderFixture([:])
        try fixture.write(
            "helpline_calls/a.csv",
            Data("date,helpline,calls,note\r\n2020-05-04,All".utf8) + Data([0xF4]) + Data(" 119,7,".utf8)
                + Data([0x81, 0x80]) + Data("\r\n".utf8))
        let data = try fixture.read(options: [.helplineCalls: FeedReadOptions(encoding: .windows1252)])
        let report = try #require(data.files.first)
        #expect(report.failure == nil)
        #expect(data.helplineCalls.map(\.helpline) == ["Allô 119"])
        #expect(report.ignoredInvalidText == IgnoredInvalidText(rows: 1, firstLine: 2, columns: ["note"]))
    }

    @Test func aGzipFileKeepsAndCountsTheSameRows() throws {
        let fixture = try DataFolderFixture([:])
        let plain = Self.longFile(rows: 3000)
        try fixture.write("plain/a.csv", plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-n", "-c", fixture.root.appendingPathComponent("plain/a.csv").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try fixture.write("helpline_calls/a.csv.gz", compressed)
        let gzip = try #require(try fixture.read().files.first)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("helpline_calls/a.csv.gz"))
        try fixture.write("helpline_calls/a.csv", plain)
        let text = try #require(try fixture.read(parallelism: .sequential).files.first)
        #expect(gzip.ignoredInvalidText == text.ignoredInvalidText)
        #expect(gzip.ignoredInvalidText?.rows == 857)
        #expect((gzip.rowsRead, gzip.rowsAccepted) == (text.rowsRead, text.rowsAccepted))
    }
}
