import Foundation
import Ingest
import Testing

/// Inputs on which `Fuzz/run csv` once found a violated invariant, kept in `Fixtures/fuzz-csv/` in the fuzzer's
/// format: the first byte picks the feed (its low seven bits modulo the number of feeds, in `Feed.allCases`
/// order), the rest is the file.
/// Each must now satisfy what the fuzzer checks: rows read = accepted + rejected, and a read in parts gives
/// exactly what a whole read gives.
@Suite("Fuzzer findings")
struct FuzzRegressionTests {
    static let inputs: [String] = {
        guard
            let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
                .appendingPathComponent("fuzz-csv")
        else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0).path }
    }()

    @Test func everyFindingIsKept() {
        #expect(Self.inputs.count >= 1)
    }

    @Test(arguments: inputs)
    func aFindingReadsTheSameWholeAndInPartsAndAddsUp(path: String) throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: path))
        let selector = try #require(input.first)
        let feed = Feed.allCases[Int(selector & 0x7F) % Feed.allCases.count]
        let fixture = try DataFolderFixture([:])
        try fixture.write("\(feed.rawValue)/a.csv", input.dropFirst())
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        let whole = DataFolderReader(localDays: paris, parallelism: .sequential).read(folder: fixture.root.path)
        let parts = DataFolderReader(localDays: paris, parallelism: IngestParallelism(parts: 3, minimumPartSize: 64))
            .read(folder: fixture.root.path)
        for report in whole.files + parts.files {
            #expect(report.rowsRead == report.rowsAccepted + report.rowsRejected, "\(report.file)")
        }
        #expect(parts == whole)
    }

    @Test func aFileRefusedAfterItsHeaderReportsTheDelimiterItWasReadWith() throws {
        let fixture = try DataFolderFixture(["helpline_calls/a.csv": "date;helpline;calls\n2020-05-01;1\"19;5\n"])
        let data = try fixture.read()
        #expect(data.files[0].failure?.reason == .csv(.quoteInUnquotedField))
        #expect(data.files[0].delimiter == UInt8(ascii: ";"))
    }

    @Test func aDayTotalPastTheLargestCountRejectsTheRowThatOverflowsItWholeOrInParts() throws {
        var text = "timestamp,campaign,impressions\n"
        for hour in 10..<22 { text += "2020-05-04T\(hour):00:00Z,banner-119,\(Int64.max / 8)\n" }
        let fixture = try DataFolderFixture(["impressions/a.csv": text])
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        let whole = DataFolderReader(localDays: paris, parallelism: .sequential).read(folder: fixture.root.path)
        let parts = DataFolderReader(localDays: paris, parallelism: IngestParallelism(parts: 3, minimumPartSize: 64))
            .read(folder: fixture.root.path)
        #expect(whole.impressions.map(\.count) == [Int64.max / 8 * 8])
        #expect(whole.files[0].rowsAccepted == 8)
        #expect(whole.files[0].rowsRejected == 4)
        #expect(
            whole.rejects.first?.placed
                == PlacedReject(
                    "impressions/a.csv:10:3", .dayTotalOverflow(column: "impressions", count: Int64.max / 8)))
        #expect(parts == whole)
    }
}
