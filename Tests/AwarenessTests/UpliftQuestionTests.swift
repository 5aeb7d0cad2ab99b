import Foundation
import Testing

/// `awareness uplift` on any period of any series and on a context event, end to end on the sample data: the
/// whole output pinned (`GoldenTranscript`, reviewed by eye; `AWARENESS_UPDATE_GOLDEN=1` rewrites them),
/// and the window comparison's totals against a sum of the feed file's own rows.
@Suite("Uplift questions, end to end")
struct UpliftQuestionTests {
    /// The sample data folder, relative to the fixtures folder the commands run in (so that transcripts name it
    /// the same on every machine).
    static let sampleData = "../../../Data"

    /// The calls to 119 in the 2020 feed file between two dates, summed from its lines.
    func calls119(from start: String, through end: String) throws -> Int {
        let file = URL(fileURLWithPath: QueryCommandTests.sampleData)
            .appendingPathComponent("helpline_calls/helpline_calls_2020.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { $0.split(separator: ",").map(String.init) }
            .filter { $0[1] == "119" && $0[0] >= start && $0[0] <= end }
            .reduce(0) { $0 + (Int($1[2]) ?? 0) }
    }

    @Test func anyPeriodOfAnySeriesAgainstAnyReference() throws {
        let arguments = [
            "uplift", "--series", "calls:119", "--from", "2020-03-18", "--to", "2020-04-06", "--against",
            "2020-02-12..2020-03-02", "--data", Self.sampleData, "--language", "en",
        ]
        try GoldenTranscript.expect(arguments, matches: "uplift-period-en.txt")
        try GoldenTranscript.expect(arguments + ["--format", "markdown"], matches: "uplift-period-en.md.txt")
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        // The press officer's "+20% since lockdown began", from the file itself: 20 days against 20 days.
        let (during, before) = (
            try calls119(from: "2020-03-18", through: "2020-04-06"),
            try calls119(from: "2020-02-12", through: "2020-03-02")
        )
        #expect(during == 17_616 && before == 14_627)
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  Before vs during ") })
        #expect(row.contains("  17,616  14,627 (14,075 to 15,201)  "))
        #expect(result.stdout.contains("+20% (+16% to +25%)"))
        #expect(abs(Double(during) / Double(before) - 1.204) < 0.001)
    }

    @Test func aContextEventIsAQuestionOfItsOwn() throws {
        try GoldenTranscript.expect(
            ["uplift", "lockdown-1", "--series", "calls:119", "--data", Self.sampleData],
            matches: "uplift-lockdown-1-fr.txt")
        // The event's own step is left out: the model row adjusts for no context event that overlaps it.
        let csv = try CommandRunner.run([
            "uplift", "lockdown-1", "--series", "calls:119", "--data", Self.sampleData, "--format", "csv",
        ])
        let lines = csv.stdout.split(separator: "\n")
        let header = try #require(lines.first).split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "context_events"))
        let model = try #require(lines.first { $0.hasPrefix("lockdown-1,calls:119,model,") })
        #expect(model.split(separator: ",", omittingEmptySubsequences: false)[column] == "")
        #expect(!csv.stdout.contains("model_without_context"))
    }

    @Test func aPeriodNeedsItsDaysAndTheDaysTheirOrder() throws {
        let missing = try CommandRunner.run(["uplift", "--from", "2020-03-18", "--data", Self.sampleData])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: name a campaign or a context event, or give --from and --to\n"))
        let reversed = try CommandRunner.run([
            "uplift", "--series", "calls:119", "--from", "2020-04-06", "--to", "2020-03-18", "--data",
            Self.sampleData,
        ])
        #expect(reversed.status == 2)
        #expect(reversed.stderr.hasPrefix("error: --to 2020-03-18 is before --from 2020-04-06\n"))
        let unknown = try CommandRunner.run([
            "uplift", "--series", "calls:999", "--from", "2020-03-18", "--to", "2020-04-06", "--data",
            Self.sampleData,
        ])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: no series 'calls:999' in the data folder\n"))
    }

    @Test func helpIsPinned() throws {
        try GoldenTranscript.expect(["uplift", "--help"], matches: "uplift-help.txt")
    }
}

@Suite("Before the next campaign, end to end")
struct NextCampaignTests {
    /// The report's "before the next campaign" line and `awareness plan` answer the same question (14 days of
    /// calls to 119 right after the sample data) with the same model: their minimum detectable uplifts agree.
    @Test func theReportsLineAgreesWithPlan() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("next-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandRunner.run([
            "run", "--data", UpliftQuestionTests.sampleData, "--out", out.appendingPathComponent("reports").path,
            "--notebooks", out.appendingPathComponent("notebooks").path, "--language", "en",
        ])
        #expect(run.status == 0)
        let report = try String(
            contentsOf: out.appendingPathComponent("reports/campaigns/banner-119.md"), encoding: .utf8)
        let plan = try CommandRunner.run([
            "plan", "--series", "calls:119", "--days", "14", "--data", UpliftQuestionTests.sampleData, "--format",
            "csv",
        ])
        #expect(plan.status == 0)
        let lines = plan.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = try #require(lines.first)
        let column = try #require(header.firstIndex(of: "minimum_detectable_uplift"))
        let mde = try #require(Double(String(lines[1][column])))
        // As the report writes it: one decimal below 10%, none from 10% up.
        let percent = (mde * 1000).rounded() / 10
        let shown = percent < 10 ? String(format: "+%.1f%%", percent) : "+" + String(Int((mde * 100).rounded())) + "%"
        #expect(report.contains("(1–14 January 2021) would detect a change of \(shown) in calls to 119"), "\(shown)")
    }
}
