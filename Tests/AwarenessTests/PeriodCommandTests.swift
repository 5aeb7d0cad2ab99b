import Foundation
import Testing

/// `compare` over weeks, dates, ranges and campaigns, and the `--series` and `--from/--to` checks of `weekly`
/// and `compare`, end to end on `Fixtures/queries` (helpline calls from January to May 2020, the banner feeds
/// during the campaign `spring-119`, 4–17 May 2020).
@Suite("Periods and series filters, end to end")
struct PeriodCommandTests {
    @Test func compareHelpNamesEveryKindOfPeriod() throws {
        try GoldenTranscript.expect(["compare", "--help"], matches: "compare-help.txt")
    }

    @Test func weeklyHelpNamesTheSeriesFilter() throws {
        try GoldenTranscript.expect(["weekly", "--help"], matches: "weekly-help.txt")
    }

    @Test func compareAWeekAgainstTheWeekBeforeByDefault() throws {
        try GoldenTranscript.expect(["compare", "2020-W19", "--data", "queries"], matches: "compare-week.txt")
    }

    @Test func aDateStandsForItsISOWeek() throws {
        let byDate = try CommandRunner.run(["compare", "2020-05-06", "--data", "queries", "--format", "csv"])
        let byWeek = try CommandRunner.run(["compare", "2020-W19", "--data", "queries", "--format", "csv"])
        #expect(byDate.status == 0)
        #expect(byDate == byWeek)
        #expect(byDate.stdout.contains("\n2020-W19,2020-W18,calls:119,"))
    }

    @Test func aCampaignIdIsItsWindowAgainstTheFourteenDaysBefore() throws {
        try GoldenTranscript.expect(
            ["compare", "spring-119", "--data", "queries", "--series", "calls:*", "--format", "csv"],
            matches: "compare-campaign.csv.txt")
    }

    @Test func rangesOfDifferentLengthsAreComparedPerDayAndTheOutputSaysSo() throws {
        try GoldenTranscript.expect(
            ["compare", "2020-05-04..2020-05-17", "--against", "2020-04-06..2020-04-26", "--data", "queries"],
            matches: "compare-ranges.txt")
        try GoldenTranscript.expect(
            [
                "compare", "2020-05-04..2020-05-17", "--against", "2020-04-06..2020-04-26", "--data", "queries",
                "--language", "fr",
            ], matches: "compare-ranges-fr.txt")
    }

    @Test func lastYearIsTheSameDays364DaysEarlier() throws {
        try GoldenTranscript.expect(
            ["compare", "2020-05-06..2020-05-12", "--against", "last-year", "--data", "queries", "--format", "json"],
            matches: "compare-last-year.json.txt")
    }

    @Test func aReversedRangeIsAnErrorWithStatus2() throws {
        try GoldenTranscript.expect(
            ["compare", "2020-05-17..2020-05-04", "--data", "queries"], matches: "compare-reversed.txt")
        let against = try CommandRunner.run([
            "compare", "2020-W19", "--against", "2020-04-30..2020-04-01", "--data", "queries",
        ])
        #expect(against.status == 2)
        #expect(against.stderr.hasPrefix("error: the range 2020-04-30..2020-04-01 ends before it starts\n"))
        #expect(against.stdout.isEmpty)
    }

    @Test func aPeriodWithoutDataIsAnErrorWithStatus2NotAnEmptyTable() throws {
        try GoldenTranscript.expect(["compare", "2021-W02", "--data", "queries"], matches: "compare-empty.txt")
    }

    @Test func anUnknownCampaignOrAMisplacedLastYearIsAnErrorWithStatus2() throws {
        let unknown = try CommandRunner.run(["compare", "autumn", "--data", "queries"])
        #expect(unknown.status == 2)
        #expect(
            unknown.stderr.hasPrefix(
                "error: 'autumn' is neither a week, a date, a range nor a campaign in campaigns.yaml (campaigns: "
                    + "spring-119)\n"))
        let lastYear = try CommandRunner.run(["compare", "last-year", "--data", "queries"])
        #expect(lastYear.status == 2)
        #expect(lastYear.stderr.hasPrefix("error: last-year can only be given to --against\n"))
        let nonsense = try CommandRunner.run(["compare", "2020-13-01", "--data", "queries"])
        #expect(nonsense.status == 2)
        #expect(nonsense.stderr.hasPrefix("error: '2020-13-01' is not a date: that day does not exist\n"))
        let week53 = try CommandRunner.run(["compare", "2021-W53", "--data", "queries"])
        #expect(week53.status == 2)
        #expect(week53.stderr.hasPrefix("error: '2021-W53' is not an ISO week: that year has no such week\n"))
        let shape = try CommandRunner.run(["compare", "last week", "--data", "queries"])
        #expect(shape.status == 2)
        #expect(
            shape.stderr.hasPrefix(
                "error: 'last week' is not an ISO week (2020-W19), a date (2020-05-04), a range "
                    + "(2020-05-04..2020-05-17) or a campaign id\n"))
    }

    @Test func seriesPatternsSelectTheRowsOfWeekly() throws {
        try GoldenTranscript.expect(
            ["weekly", "--data", "queries", "--from", "2020-W19", "--to", "2020-W20", "--series", "calls:*"],
            matches: "weekly-series.txt")
        try GoldenTranscript.expect(
            [
                "weekly", "--data", "queries", "--from", "2020-W19", "--to", "2020-W19", "--series", "calls:119",
                "--language", "fr",
            ], matches: "weekly-series-fr.txt")
        let exact = try CommandRunner.run([
            "weekly", "--data", "queries", "--from", "2020-W19", "--to", "2020-W19", "--series", "calls:119",
            "--series", "ctr:banner-119", "--format", "csv",
        ])
        #expect(exact.status == 0)
        let series = exact.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(series == ["calls:119", "ctr:banner-119"])
    }

    @Test func aPatternThatMatchesNoSeriesIsNamedInTheError() throws {
        try GoldenTranscript.expect(
            ["compare", "2020-W19", "--data", "queries", "--series", "calls:*", "--series", "videos:*"],
            matches: "compare-unmatched-series.txt")
        let weekly = try CommandRunner.run(["weekly", "--data", "queries", "--series", "calls:11"])
        #expect(weekly.status == 2)
        #expect(weekly.stderr.hasPrefix("error: --series 'calls:11' matches no series; the data has calls:119,"))
    }

    @Test func weeklyRefusesARangeThatEndsBeforeItStarts() throws {
        try GoldenTranscript.expect(
            ["weekly", "--data", "queries", "--from", "2020-W20", "--to", "2020-W19"], matches: "weekly-reversed.txt")
    }
}

extension PeriodCommandTests {
    @Test func theRootHelpListsEveryCommand() throws {
        try GoldenTranscript.expect(["--help"], matches: "awareness-help.txt")
    }
}

extension PeriodCommandTests {
    /// Scripts that read compare's CSV by position keep working: the twelve columns of week comparisons come
    /// first, in their order, and a week is still named by its identifier.
    @Test func theWeekColumnsComeFirstAsBefore() throws {
        let result = try CommandRunner.run([
            "compare", "2020-W19", "--data", "queries", "--series", "calls:119", "--format", "csv",
        ])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let before = [
            "week", "against", "series", "value", "days_with_data", "against_value", "against_days_with_data",
            "change_kind", "change", "change_low", "change_high", "dispersion",
        ]
        #expect(lines.first?.hasPrefix(before.joined(separator: ",") + ",") == true)
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("2020-W19,2020-W18,calls:119,2962,7,2648,7,relative,") == true)
        #expect(lines.last?.hasSuffix(",2020-05-04,2020-05-10,2020-04-27,2020-05-03,same_days") == true)
    }

    @Test func aCampaignIdIsAPeriodForTheAgainstOptionToo() throws {
        let result = try CommandRunner.run([
            "compare", "2020-05-18..2020-05-31", "--against", "spring-119", "--data", "queries", "--series",
            "calls:119", "--format", "csv",
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout.split(separator: "\n").last?.hasPrefix(
                "2020-05-18..2020-05-31,2020-05-04..2020-05-17,calls:119,") == true)
    }
}
