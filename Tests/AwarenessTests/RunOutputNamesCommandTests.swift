import Foundation
import Testing

/// Nothing a run writes is lost or written over: every chart has a file of its own, and every rejected row is either
/// listed in `rejects.csv` or counted there, in the manifest and in the report.
@Suite("awareness run names every output apart and accounts for every reject")
struct RunOutputNamesCommandTests {
    /// A fresh folder holding a data folder `data` with `campaigns` as campaigns.yaml and `calls` as its only
    /// helpline calls file; removed by the caller.
    func dataFolder(campaigns: String, calls: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        let feed = folder.appendingPathComponent("data/helpline_calls")
        try FileManager.default.createDirectory(at: feed, withIntermediateDirectories: true)
        try Data(campaigns.utf8).write(to: folder.appendingPathComponent("data/campaigns.yaml"))
        try Data(calls.utf8).write(to: feed.appendingPathComponent("calls.csv"))
        return folder
    }

    /// 21 days of calls from 20 April 2020 for each helpline in `helplines`, the counts rising by one a day.
    func calls(_ helplines: [String]) -> String {
        var text = "date,helpline,calls\n"
        for day in 0..<21 {
            // 20 to 30 April, then 1 to 10 May.
            let shown = day < 11 ? "2020-04-\(20 + day)" : String(format: "2020-05-%02d", day - 10)
            for (index, helpline) in helplines.enumerated() {
                text += "\(shown),\(helpline),\(100 * (index + 1) + day)\n"
            }
        }
        return text
    }

    static let calendar = """
        timezone: Europe/Paris
        language: en
        holidays: FR
        campaigns:
          - id: spring.2020
            name: "Spring, dotted"
            start: 2020-05-04
            end: 2020-05-10
            helplines: ["116 006", "116.006"]
          - id: spring-2020
            name: "Spring, dashed"
            start: 2020-05-04
            end: 2020-05-10
            helplines: ["116 006"]

        """

    /// `spring.2020` and `spring-2020`, helplines `116 006` and `116.006`: made safe, all four would be named
    /// `spring-2020-calls-116-006`; each chart gets its own file, and each report shows its own.
    @Test func givesCampaignsAndHelplinesThatOnlyDifferInPunctuationChartsOfTheirOwn() throws {
        let folder = try dataFolder(campaigns: Self.calendar, calls: calls(["116 006", "116.006"]))
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["run", "--data", "data"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let charts = folder.appendingPathComponent("reports/charts")
        let names = try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
        let daily = names.filter { !$0.contains("cumulative") }
        #expect(daily.count == 3, "\(names)")
        #expect(Set(names).count == names.count)
        #expect(
            daily.allSatisfy {
                $0.hasPrefix("spring-2020-calls-116-006-") && $0.count == "spring-2020-calls-116-006-".count + 12
            })
        var shown: Set<String> = []
        for id in ["spring.2020", "spring-2020"] {
            let report = try String(
                contentsOf: folder.appendingPathComponent("reports/campaigns/\(id).md"), encoding: .utf8)
            for name in names where report.contains("](../charts/\(name))") {
                #expect(shown.insert(name).inserted, "\(name) is shown by two reports")
            }
        }
        #expect(shown == Set(names))
        // The same names every night.
        let again = try CommandRunner.run(["run", "--data", "data"], in: folder)
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted() == names)
    }

    /// 10,050 rejected rows in one file: `rejects.csv` lists the first 10,000 and one more line with the number left
    /// out; the manifest and the campaign report say the same.
    @Test func accountsForRejectsBeyondTheListedTenThousand() throws {
        var text = calls(["116 006"])
        for line in 1...10_050 { text += "2020-05-0\(line % 9 + 1),116 006,x\(line)\n" }
        let calendar = Self.calendar.components(separatedBy: "  - id: spring-2020")[0]
        let folder = try dataFolder(campaigns: calendar, calls: text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(
            [
                "run", "--data", "data", "--max-reject-rate", "1", "--max-file-reject-rate", "1",
            ], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rejects = try String(contentsOf: folder.appendingPathComponent("reports/rejects.csv"), encoding: .utf8)
        let lines = rejects.split(separator: "\n")
        #expect(lines.count == 1 + 10_000 + 1)
        #expect(
            lines.last
                == "helpline_calls/calls.csv,,,\"50 more rejected rows, not listed: rejects.csv lists the first 10000 of each file\",,"
        )
        let manifest = try String(
            contentsOf: folder.appendingPathComponent("reports/run-manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"rows_rejected\" : 10050"))
        #expect(manifest.contains("\"rows_rejected_not_listed\" : 50"))
        let report = try String(
            contentsOf: folder.appendingPathComponent("reports/campaigns/spring.2020.md"), encoding: .utf8)
        #expect(report.contains("up to 10,000 per file; 50 more were counted but not listed"))
    }
}
