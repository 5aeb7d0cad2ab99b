import Foundation
import Testing

/// The bounds of issue 24, end to end: dates outside the supported years refused by option name or by their place
/// in campaigns.yaml, and answers and diagnostics whose stream is full or closed ending with status 3 instead of
/// being lost with status 0 or a trap.
@Suite("Bounds and output streams, end to end")
struct BoundsCommandTests {
    /// Every command-line date, week, range or period outside 1900–2200 stops with status 2 before the data is
    /// read, naming the option; within the years the same command answers.
    @Test(arguments: [
        (["uplift", "--series", "calls:119", "--from", "0001-01-01", "--to", "9999-12-31"], "--from: 0001-01-01"),
        (["uplift", "--series", "calls:119", "--from", "2020-05-04", "--to", "9999-12-31"], "--to: 9999-12-31"),
        (
            ["uplift", "spring-119", "--against", "1899-12-01..1900-01-31"],
            "--against: 1899-12-01"
        ),
        (["weekly", "--from", "1899-W52"], "--from: 1899-W52"),
        (["weekly", "--to", "2201-W01"], "--to: 2201-W01"),
        (["compare", "2300-W01"], "<period>: 2300-01-01"),
        (["compare", "2020-W19", "--against", "1800-01-01..1800-01-09"], "--against: 1800-01-01"),
        (["plan", "--series", "calls:119", "--days", "7", "--start", "2201-01-01"], "--start: 2201-01-01"),
    ])
    func aDateOutsideTheSupportedYearsIsRefusedByItsOption(arguments: [String], refused: String) throws {
        let result = try CommandRunner.run(arguments + ["--data", "queries"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix("error: \(refused) is outside the supported years 1900–2200\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func theFirstAndLastSupportedWeeksAreAccepted() throws {
        let result = try CommandRunner.run([
            "weekly", "--from", "1900-W01", "--to", "2200-W52", "--series", "calls:119", "--data", "queries",
            "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n2020-W19,calls:119,"), "\(result.stdout)")
    }
}
