import Foundation
import Testing

/// `run` and `uplift` quote the same headline and agree on the exit status, because both read the one
/// `HeadlineChoice` that Analytics makes: a headline on the window comparison (the model not fitted) is an
/// answer (0), no estimate at all is a data problem (1) said on standard error by both.
@Suite("run and uplift agree on the headline")
struct HeadlineAgreementTests {
    /// A data folder with one campaign, 4–17 May 2020 on helpline 119, and its calls from `first` to 17 May.
    func dataFolder(callsFrom first: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("headline-\(UUID().uuidString)")
        let calls = root.appendingPathComponent("helpline_calls")
        try FileManager.default.createDirectory(at: calls, withIntermediateDirectories: true)
        let calendar = """
            timezone: Europe/Paris
            language: en
            holidays: FR
            campaigns:
              - id: short-history
                name: "Short history"
                start: 2020-05-04
                end: 2020-05-17
                helplines: ["119"]

            """
        try Data(calendar.utf8).write(to: root.appendingPathComponent("campaigns.yaml"))
        var text = "date,helpline,calls\n"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        var day = try #require(formatter.date(from: first))
        let last = try #require(formatter.date(from: "2020-05-17"))
        var index = 0
        while day <= last {
            // A weekly pattern around 100 a day, and a rise during the campaign.
            let inCampaign = formatter.string(from: day) >= "2020-05-04"
            text +=
                "\(formatter.string(from: day)),119,\((inCampaign ? 130 : 100) + [4, -3, 6, -5, 2, -1, -3][index % 7])\n"
            day = day.addingTimeInterval(86_400)
            index += 1
        }
        try Data(text.utf8).write(to: calls.appendingPathComponent("calls.csv"))
        return root
    }

    /// The first paragraph `uplift` prints: the headline.
    func headline(of output: String) -> String {
        String(output.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test func aCampaignWithNineteenDaysOfHistoryIsAnsweredByTheWindowComparisonInBothCommands() throws {
        let root = try dataFolder(callsFrom: "2020-04-15")
        defer { try? FileManager.default.removeItem(at: root) }
        let uplift = try CommandRunner.run(["uplift", "short-history", "--data", root.path, "--format", "markdown"])
        #expect(uplift.status == 0)
        #expect(uplift.stderr.isEmpty)
        let quoted = headline(of: uplift.stdout)
        #expect(quoted.contains("The seasonal model could not be fitted, so the expected count comes from the"))
        #expect(uplift.stdout.contains("Estimate: before vs during, because the seasonal model could not be fitted"))

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("headline-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandRunner.run([
            "run", "--data", root.path, "--out", out.appendingPathComponent("reports").path, "--notebooks",
            out.appendingPathComponent("Notebooks-export").path,
        ])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("error:"))
        let report = try String(
            contentsOf: out.appendingPathComponent("reports/campaigns/short-history.md"), encoding: .utf8)
        #expect(report.contains(quoted))
        let summary = try String(contentsOf: out.appendingPathComponent("reports/summary.md"), encoding: .utf8)
        #expect(summary.contains(quoted))
        // uplift.csv marks the same row: the window comparison of calls:119, with no caution.
        let csv = try String(contentsOf: out.appendingPathComponent("reports/uplift.csv"), encoding: .utf8)
        let marked = csv.split(separator: "\n").filter { $0.hasSuffix(",true,") }
        #expect(marked.count == 1)
        #expect(marked.first?.hasPrefix("short-history,calls:119,window,") == true)
    }

    @Test func aCampaignWithoutAnyEstimateFailsBothCommandsWithAnError() throws {
        // Data only from the campaign's first day: no reference period, no model.
        let root = try dataFolder(callsFrom: "2020-05-04")
        defer { try? FileManager.default.removeItem(at: root) }
        let uplift = try CommandRunner.run(["uplift", "short-history", "--data", root.path])
        #expect(uplift.status == 1)
        #expect(uplift.stderr == "error: campaign short-history: no estimate could be made; the table says why\n")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("headline-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandRunner.run([
            "run", "--data", root.path, "--out", out.appendingPathComponent("reports").path, "--notebooks",
            out.appendingPathComponent("Notebooks-export").path,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: campaign short-history: no estimate could be made; its report says why\n"))
    }
}
