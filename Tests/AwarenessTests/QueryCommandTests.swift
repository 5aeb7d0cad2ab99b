import Foundation
import Testing

/// `uplift`, `weekly` and `compare` end to end, on the committed sample data and the small fixtures.
@Suite("Query commands, end to end")
struct QueryCommandTests {
    static let sampleData = CommandRunner.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path

    @Test func upliftPrintsTheTidyColumnsAsCSV() throws {
        let result = try CommandRunner.run(["uplift", "banner-119", "--data", Self.sampleData, "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = [
            "campaign", "series", "method", "start", "end", "observed", "expected", "expected_low", "expected_high",
            "extra", "extra_low", "extra_high", "uplift", "uplift_low", "uplift_high", "p_value", "dispersion", "note",
            "autocorrelation_lag1", "autocorrelation_max", "autocorrelation_max_lag", "interval_widening", "controls",
            "context_events", "headline", "caution",
        ]
        #expect(lines.first == header.joined(separator: ","))
        let methods = Set(
            lines.dropFirst().filter { $0.hasPrefix("banner-119,calls:119,") }.map { $0.split(separator: ",")[2] })
        // The campaign's window overlaps the first lockdown, so the model is also given without its step.
        #expect(methods == ["window", "year_over_year", "model", "model_without_context", "placebo", "persistence"])
    }

    @Test func upliftStartsWithTheHeadlineAndItsBasisThenTheTableInTheRequestedLanguage() throws {
        let english = try CommandRunner.run([
            "uplift", "banner-119", "--data", Self.sampleData, "--language", "en", "--format", "markdown",
        ])
        #expect(english.status == 0)
        let lines = english.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("Calls to 119 during the campaign (4–17 May 2020): 16,552 received."))
        #expect(lines[1].hasPrefix("Estimate: the seasonal model"))
        #expect(lines[2].hasPrefix("The model attributes part of the change to the context event Premier confinement"))
        #expect(lines[3].isEmpty)
        #expect(lines[4].hasPrefix("| series "))
        #expect(english.stdout.contains("| calls:119 "))
        #expect(english.stdout.contains("4–17 May 2020"))
        let french = try CommandRunner.run(["uplift", "banner-119", "--data", Self.sampleData])
        #expect(french.stdout.hasPrefix("Appels au 119 pendant la campagne (4–17 mai 2020)"))
        #expect(french.stdout.contains("\nEstimation\u{202F}: le modèle saisonnier"))
        // In text, the series head their rows and the notes follow the table.
        #expect(french.stdout.contains("\n\n  méthode "))
        #expect(french.stdout.contains("\ncalls:119\n  Avant / pendant "))
        #expect(french.stdout.contains("\n[1] référence 6 avril – 3 mai 2020\n"))
    }

    @Test func upliftRefusesAnUnknownCampaignWithStatus2() throws {
        let result = try CommandRunner.run(["uplift", "nope", "--data", "good"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "error: no campaign or context event 'nope' in campaigns.yaml (campaigns: banner-119; context events: "
                    + "lockdown-1)"))
    }

    /// As `run` on the same folder (0, `writesEveryOutputForTheGoodFixtureAndExitsWith0`): a headline on the window
    /// comparison is an answer.
    @Test func upliftSaysWhyNoModelWasFittedAndQuotesTheWindowComparisonWithStatus0() throws {
        let result = try CommandRunner.run(["uplift", "banner-119", "--data", "good", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("banner-119,calls:119,model,2020-05-04,2020-05-17,"))
        #expect(result.stdout.contains("no model:"))
        // One quoted row per series: the window comparison for the calls, whose model was not fitted.
        let quoted = result.stdout.split(separator: "\n").filter { $0.hasSuffix(",true,") }
        #expect(
            quoted.filter { $0.hasPrefix("banner-119,calls:119,") }.map { $0.split(separator: ",")[2] } == ["window"])
    }

    @Test func weeklyPrintsOneRowPerWeekAndSeriesWithinTheRange() throws {
        let result = try CommandRunner.run([
            "weekly", "--data", Self.sampleData, "--from", "2020-W45", "--to", "2020-W46", "--format", "csv",
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = [
            "week", "series", "value", "days_with_data", "change_vs_previous", "change_vs_previous_low",
            "change_vs_previous_high", "change_vs_last_year", "change_vs_last_year_low", "change_vs_last_year_high",
            "campaigns", "anomaly", "compared_weekdays",
        ]
        #expect(lines.first == header.joined(separator: ","))
        #expect(Set(lines.dropFirst().map { String($0.prefix(8)) }) == ["2020-W45", "2020-W46"])
        let calls = try #require(lines.first { $0.hasPrefix("2020-W45,calls:3020,") })
        #expect(calls.contains(",7,"))
        #expect(calls.contains(",non-au-harcelement,"))
    }

    @Test func weeklyRefusesAWeekThatDoesNotExist() throws {
        let result = try CommandRunner.run(["weekly", "--data", "good", "--from", "2021-W53"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("2021-W53"))
    }

    @Test func compareDefaultsToTheWeekBeforeAndGivesEverySeriesAChange() throws {
        let result = try CommandRunner.run(["compare", "2020-W45", "--data", Self.sampleData, "--format", "json"])
        #expect(result.status == 0)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["week"] as? String == "2020-W45" && $0["against"] as? String == "2020-W44" })
        let ctr = try #require(rows.first { ($0["series"] as? String)?.hasPrefix("ctr:") == true })
        #expect(ctr["change_kind"] as? String == "difference")
        let calls = try #require(rows.first { $0["series"] as? String == "calls:3020" })
        #expect(calls["change_kind"] as? String == "relative")
        #expect(calls["change_low"] is Double && calls["change_high"] is Double)
    }
}

@Suite("JSON outputs")
struct JSONOutputTests {
    /// `anomaly` is a JSON boolean, so that a pandas filter on it keeps only the anomalous weeks.
    @Test func weeklyAnomalyIsABoolean() throws {
        let result = try CommandRunner.run([
            "weekly", "--data", QueryCommandTests.sampleData, "--from", "2020-W45", "--to", "2020-W45", "--series",
            "calls:119", "--format", "json",
        ])
        #expect(result.status == 0)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let anomaly = try #require(rows.first?["anomaly"])
        #expect(anomaly is Bool)
        #expect(!(anomaly is String))
        #expect(result.stdout.contains("\"anomaly\": false,") || result.stdout.contains("\"anomaly\": true,"))
    }

    /// `detectable` is a JSON boolean too, not the text `"true"`.
    @Test func planDetectableIsABoolean() throws {
        let found = try CommandRunner.run([
            "plan", "--series", "calls:119", "--uplift", "0.10", "--data", "queries", "--format", "json",
        ])
        #expect(found.status == 0)
        #expect(found.stdout.contains("\n    \"detectable\": true\n"))
        let none = try CommandRunner.run([
            "plan", "--series", "calls:3020", "--uplift", "0.02", "--data", "queries", "--format", "json",
        ])
        #expect(none.stdout.contains("\n    \"detectable\": false\n"))
        let days = try CommandRunner.run([
            "plan", "--series", "calls:119", "--days", "14", "--data", "queries", "--format", "json",
        ])
        #expect(days.stdout.contains("\n    \"detectable\": null\n"))
    }

    /// The keys of a JSON row, in the order the text gives them (JSONSerialization forgets the order).
    static func keysOfFirstObject(_ json: String) -> [String] {
        let lines = json.split(separator: "\n").map(String.init)
        guard let open = lines.firstIndex(of: "  {"),
            let close = lines[open...].firstIndex(where: { $0.hasPrefix("  }") })
        else {
            return []
        }
        return lines[(open + 1)..<close].compactMap { line in
            guard line.hasPrefix("    \""), let end = line.dropFirst(5).firstIndex(of: "\"") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 5)..<end])
        }
    }

    /// Every query's JSON rows are keyed in the order of its CSV header, the documented column order.
    @Test(arguments: [
        ["uplift", "spring-119"], ["weekly", "--from", "2020-W19", "--to", "2020-W19"], ["compare", "2020-W19"],
        ["funnel", "spring-119"], ["plan", "--series", "calls:119", "--days", "7"],
    ])
    func jsonKeysFollowTheColumnOrder(arguments: [String]) throws {
        let csv = try CommandRunner.run(arguments + ["--data", "queries", "--format", "csv"])
        let json = try CommandRunner.run(arguments + ["--data", "queries", "--format", "json"])
        #expect(json.status == 0 && csv.status == 0)
        let header = try #require(csv.stdout.split(separator: "\n").first).split(separator: ",").map(String.init)
        #expect(header.count > 3)
        #expect(Self.keysOfFirstObject(json.stdout) == header)
    }
}
