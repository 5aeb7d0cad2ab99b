import Foundation
import Ingest
import Testing

/// A file read in parts on several cores must give exactly what a single-threaded read gives: the same
/// counts, the same rejects with the same lines, the same refusal.
@Suite("Parallel ingest")
struct ParallelIngestTests {
    /// Event-level impressions where every fifth banner name is quoted over two or three lines, so that many
    /// cuts fall inside a quoted newline, with bad rows sprinkled in.
    static func eventFile(rows: Int) -> String {
        var text = "timestamp,campaign,banner,placement,region\n"
        for row in 0..<rows {
            let day = 1 + row % 28
            let stamp = "2020-03-\(day < 10 ? "0" : "")\(day)T\(row % 2 == 0 ? "22" : "10"):30:00Z"
            let banner: String
            switch row % 5 {
            case 0: banner = "\"B \"\"\(row % 3)\"\",\nsecond line\n\""
            case 1: banner = "\"short, quoted\""
            default: banner = "b\(row % 4)"
            }
            let campaign = row % 97 == 13 ? "" : "c\(row % 2)"
            let stampField = row % 89 == 7 ? "2020-03-01T10:00:00" : stamp
            text += "\(stampField),\(campaign),\(banner),\(["search", "discover"][row % 2]),r\(row % 3)\n"
        }
        return text
    }

    /// Daily calls with keys repeated far apart, so duplicates straddle parts.
    static func dailyFile(rows: Int) -> String {
        var text = "date,helpline,calls,answered\n"
        for row in 0..<rows {
            let day = CivilDate(daysSinceEpoch: 18_262 + row % 350)
            let calls = row % 53 == 11 ? "-1" : "\(500 + row % 300)"
            text += "\(day),\(["119", "3919", "\"30\n20\""][row % 3]),\(calls),\(row % 7 == 0 ? "" : "400")\n"
        }
        return text
    }

    func read(_ fixture: DataFolderFixture, _ parallelism: IngestParallelism) throws -> IngestedData {
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        return DataFolderReader(localDays: paris, declaredCampaigns: ["c0", "c1"], parallelism: parallelism)
            .read(folder: fixture.root.path)
    }

    @Test(arguments: [(2, 1000), (3, 700), (4, 333), (7, 64), (16, 41), (48, 20)])
    func givesExactlyTheSingleThreadedResult(parts: Int, minimumPartSize: Int) throws {
        let fixture = try DataFolderFixture([
            "impressions/events.csv": Self.eventFile(rows: 600),
            "helpline_calls/daily.csv": Self.dailyFile(rows: 1200),
        ])
        let sequential = try read(fixture, .sequential)
        let parallel = try read(fixture, IngestParallelism(parts: parts, minimumPartSize: minimumPartSize))
        #expect(sequential.rowsRejected > 20)
        #expect(sequential.rejects.contains { if case .duplicate = $0.reason { true } else { false } })
        #expect(parallel.rejects == sequential.rejects)
        #expect(parallel.files == sequential.files)
        #expect(parallel == sequential)
    }

    @Test(arguments: [2, 3, 5])
    func refusesAFileBrokenInALaterPartWithTheSameError(parts: Int) throws {
        var text = Self.dailyFile(rows: 900)
        text += "2021-01-01,119,\"never closed\n"
        for day in 2...30 { text += "2021-01-\(day < 10 ? "0" : "")\(day),119,500\n" }
        let fixture = try DataFolderFixture(["helpline_calls/daily.csv": text])
        let sequential = try read(fixture, .sequential)
        let parallel = try read(fixture, IngestParallelism(parts: parts, minimumPartSize: 100))
        #expect(sequential.files[0].failure?.csvProblem?.caseName == "unclosedQuote")
        #expect(parallel == sequential)
    }

    @Test func refusesInvalidUTF8InALaterPartWithItsLine() throws {
        let fixture = try DataFolderFixture([:])
        var bytes = Array(Self.dailyFile(rows: 800).utf8)
        bytes += Array("2021-01-02,119,".utf8) + [0xE9] + Array("5\n".utf8)
        try fixture.write("helpline_calls/daily.csv", Data(bytes))
        let sequential = try read(fixture, .sequential)
        let parallel = try read(fixture, IngestParallelism(parts: 4, minimumPartSize: 100))
        #expect(sequential.files[0].failure?.csvProblem?.caseName == "invalidUTF8")
        #expect(parallel == sequential)
    }
}

@Suite("Parallel ingest: where files are cut")
struct CutTargetTests {
    @Test func theLastSixteenthOfThePartsAreAQuarterOfTheOthers() {
        let targets = IngestParallelism.cutTargets(dataSize: 244_000, count: 64)
        #expect(targets.count == 63)
        let sizes = zip([0] + targets, targets + [244_000]).map { $1 - $0 }
        #expect(sizes.prefix(60).allSatisfy { $0 == 4_000 })
        #expect(sizes.suffix(4).allSatisfy { $0 == 1_000 })
    }

    @Test func fewerThanSixteenPartsAreEven() {
        let targets = IngestParallelism.cutTargets(dataSize: 3_000, count: 3)
        #expect(targets == [1_000, 2_000])
    }
}
