import Foundation
import Testing

@testable import SampleData

/// The committed `Data/` is what the generator writes, and its files follow the feed columns.
@Suite struct SampleDataSetTests {
    @Test func theCommittedDataIsWhatTheDefaultSeedGenerates() throws {
        let dataSet = SampleDataSet(seed: SampleDataSet.defaultSeed)
        #expect(dataSet.files.count == 8)
        for file in dataSet.files {
            let committed = try SampleDataFolder.bytes(file.path)
            #expect(committed == file.bytes, "Data/\(file.path) is stale: run awareness sample-data")
        }
    }

    @Test func theSameSeedGivesByteIdenticalFilesWrittenToDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sample-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = SampleDataSet(seed: 7)
        try first.write(to: folder)
        for file in SampleDataSet(seed: 7).files {
            let written = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file.path)))
            #expect(written == file.bytes)
        }
    }

    @Test func twoSeedsGiveDifferentCounts() {
        let first = SampleDataSet(seed: 1).files
        let second = SampleDataSet(seed: 2).files
        for (a, b) in zip(first, second) where a.path.hasSuffix(".csv") && a.path != "ground-truth.csv" {
            #expect(a.bytes != b.bytes, "\(a.path) does not depend on the seed")
        }
    }

    @Test func theDataFolderStaysUnder5Megabytes() {
        let size = SampleDataSet(seed: SampleDataSet.defaultSeed).files.reduce(0) { $0 + $1.bytes.count }
        #expect(size < 5_000_000)
    }

    @Test(arguments: [
        ("helpline_calls/helpline_calls_2019.csv", "date,helpline,calls,answered", 2),
        ("helpline_calls/helpline_calls_2020.csv", "date,helpline,calls,answered", 2),
        ("impressions/impressions_2020.csv", "date,campaign,banner,placement,region,impressions", 5),
        ("clicks/clicks_2020.csv", "date,campaign,banner,placement,region,clicks", 5),
        ("hashtag_videos/hashtag_videos_2020.csv", "date,hashtag,videos,views", 2),
    ])
    func feedFilesHaveTheirColumnsNonNegativeIntegersAndNoDuplicateKeys(path: String, header: String, keys: Int) throws
    {
        let rows = try SampleDataFolder.rows(path)
        #expect(rows.first?.joined(separator: ",") == header)
        let width = header.split(separator: ",").count
        var seen = Set<[String]>()
        for row in rows.dropFirst() {
            try #require(row.count == width, "\(path): \(row)")
            #expect(seen.insert(Array(row.prefix(keys))).inserted, "\(path): duplicate \(row.prefix(keys))")
            for field in row[keys...] {
                #expect(field.allSatisfy(\.isASCII) && field.allSatisfy(\.isNumber), "\(path): \(row)")
            }
        }
    }

    @Test func answeredNeverExceedsCalls() throws {
        for year in [2019, 2020] {
            for row in try SampleDataFolder.rows("helpline_calls/helpline_calls_\(year).csv").dropFirst() {
                #expect((Int(row[3]) ?? .max) <= (Int(row[2]) ?? 0), "\(row)")
            }
        }
    }

    @Test func clicksNeverExceedImpressionsAndCTRDependsOnThePlacement() throws {
        let impressions = try SampleDataFolder.rows("impressions/impressions_2020.csv").dropFirst()
        let clicks = try SampleDataFolder.rows("clicks/clicks_2020.csv").dropFirst()
        #expect(impressions.count == clicks.count)
        var totals: [String: (impressions: Int, clicks: Int)] = [:]
        for (shown, clicked) in zip(impressions, clicks) {
            #expect(shown.prefix(5) == clicked.prefix(5))
            let (i, c) = (Int(shown[5]) ?? 0, Int(clicked[5]) ?? .max)
            #expect(c <= i, "\(clicked)")
            totals[shown[3], default: (0, 0)].impressions += i
            totals[shown[3], default: (0, 0)].clicks += c
        }
        let ctr = totals.mapValues { Double($0.clicks) / Double(max($0.impressions, 1)) }
        #expect((0.015...0.03).contains(ctr["search"] ?? 0))
        #expect((0.003...0.008).contains(ctr["discover"] ?? 0))
        #expect((0.04...0.06).contains(ctr["hashtag_page"] ?? 0))
    }

    @Test func bothSpellingsOfNonAuHarcelementAppearOnTheSameDays() throws {
        let rows = try SampleDataFolder.rows("hashtag_videos/hashtag_videos_2020.csv").dropFirst()
        let plain = Set(rows.filter { $0[1] == "#NonAuHarcelement" }.map { $0[0] })
        let accented = Set(rows.filter { $0[1] == "#NonAuHarcèlement" }.map { $0[0] })
        #expect(plain.count == 366)
        #expect(plain == accented)
    }

    @Test func theGroundTruthGivesAModestRecoverableUpliftFor119() throws {
        let rows = try SampleDataFolder.rows("ground-truth.csv")
        #expect(
            rows.first?.joined(separator: ",") == "campaign,series,start,end,days,expected_without,expected_with,uplift"
        )
        let calls119 = rows.filter { $0[1] == "calls:119" }
        #expect(calls119.count == 2)
        for row in calls119 {
            #expect((0.10...0.25).contains(Double(row[7]) ?? 0), "\(row)")
        }
    }
}
