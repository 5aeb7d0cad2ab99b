import Foundation
import Testing

/// Totals of daily counts that each fit but add up past the largest count (2⁶³ − 1): a `Double` sum can only
/// approximate them, so the tables people read say so rather than print digits that look exact.
@Suite("Weekly totals past the largest count")
struct LargeTotalsCommandTests {
    /// A data folder whose week 2020-W19 holds two days of 5 × 10¹⁸ calls to 119, then a day of 7 calls.
    func hugeWeek() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString)")
        let feed = folder.appendingPathComponent("helpline_calls")
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: true)
        try Data("timezone: Europe/Paris\nlanguage: en\nholidays: FR\ncampaigns: []\n".utf8)
            .write(to: folder.appendingPathComponent("campaigns.yaml"))
        try Data(
            ("date,helpline,calls\n2020-05-04,119,5000000000000000000\n2020-05-05,119,5000000000000000000\n"
                + "2020-05-11,119,7\n").utf8
        ).write(to: feed.appendingPathComponent("calls.csv"))
        return folder
    }

    @Test func theWeeklyTableMarksAWeekPastTheLargestCountAndShowsTheNextInFull() throws {
        let data = try hugeWeek()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try CommandRunner.run(["weekly", "--data", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let huge = try #require(lines.first { $0.contains("calls:119") })
        #expect(huge.contains("more than 9,223,372,036,854,775,807   2/7"), "\(result.stdout)")
        #expect(!result.stdout.contains("10,000,000,000,000,000,000"))
        #expect(lines.contains { $0.contains("calls:119") && $0.contains(" 7   1/7") }, "\(result.stdout)")
    }

    @Test func theComparisonTableMarksItInFrench() throws {
        let data = try hugeWeek()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try CommandRunner.run(
            ["compare", "--data", data.path, "2020-W19", "--language", "fr"])
        #expect(result.status == 0, "\(result.stderr)")
        let n = "\u{202F}"
        #expect(
            result.stdout.contains("plus de 9\(n)223\(n)372\(n)036\(n)854\(n)775\(n)807 (2/7)"), "\(result.stdout)")
    }
}
