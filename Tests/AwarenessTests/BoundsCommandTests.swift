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

    /// The corpus case `window-total-overflow`: two baseline days at the largest count. `uplift` used to trap
    /// converting their total; it now answers, the window row carrying the typed refusal that names the baseline,
    /// with status 1 since no model could be fitted either.
    @Test func aWindowTotalPastTheLargestCountIsANoteNotATrap() throws {
        let work = try BadInputFolder()
        try work.copyCase("window-total-overflow")
        let result = try CommandRunner.run(
            ["uplift", "banner-119", "--data", "window-total-overflow", "--format", "csv"], in: work.root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                ",window,2020-05-04,2020-05-17,0,,,,,,,,,,,,\"the counts add up past the largest count "
                    + "(9223372036854775807) over 2020-04-06–2020-05-03, so no ratio is formed;"),
            "\(result.stdout)")
        let french = try CommandRunner.run(
            ["uplift", "banner-119", "--data", "window-total-overflow", "--language", "fr"], in: work.root)
        #expect(
            french.stdout.contains("les comptages additionnés dépassent le plus grand comptage"), "\(french.stdout)")
    }

    // MARK: - Output streams

    static let stdoutFull = "error: standard output: could not be written: No space left on device (errno 28)\n"

    /// Every command's answer lost to a full standard output is an error (status 3), said on standard error,
    /// where the answer used to vanish with status 0.
    @Test(arguments: [
        ["validate", "--data", "good"],
        ["weekly", "--data", "queries"],
        ["uplift", "spring-119", "--data", "queries"],
        ["compare", "2020-W19", "--data", "queries", "--format", "csv"],
        ["funnel", "spring-119", "--data", "queries", "--format", "json"],
        ["plan", "--series", "calls:119", "--days", "7", "--data", "queries"],
        ["--help"],
        ["weekly", "--help"],
    ])
    func anAnswerLostToAFullStandardOutputIsStatus3(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments, redirection: ">/dev/full")
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.hasSuffix(Self.stdoutFull), "\(result.stderr)")
    }

    @Test func aClosedStandardOutputIsStatus3AndNothingElseTakesItsNumber() throws {
        let result = try CommandRunner.run(["weekly", "--data", "queries"], redirection: ">&-")
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr == "error: standard output: could not be written: Bad file descriptor (errno 9)\n")
    }

    /// Diagnostics lost to a full or closed standard error: the answer on standard output is whole, and the
    /// status says something was lost.
    @Test(arguments: ["2>/dev/full", "2>&-"])
    func lostDiagnosticsKeepTheAnswerAndGiveStatus3(redirection: String) throws {
        let whole = try CommandRunner.run(["validate", "--data", "good"])
        #expect(whole.status == 0 && !whole.stderr.isEmpty)
        let result = try CommandRunner.run(["validate", "--data", "good"], redirection: redirection)
        #expect(result.status == 3)
        #expect(result.stdout == whole.stdout)
    }

    /// The cron whose log disk is full: `run` trapped at its first progress line and wrote nothing. Now
    /// every output is written, and the status (3) says that the diagnostics were lost.
    @Test(arguments: ["2>/dev/full", "2>&-"])
    func runWritesItsOutputsWhenStandardErrorIsLost(redirection: String) throws {
        let work = try BadInputFolder()
        let reports = work.root.appendingPathComponent("reports")
        let result = try CommandRunner.run(
            [
                "run", "--data", "good", "--out", reports.path, "--notebooks",
                work.root.appendingPathComponent("notebooks").path,
            ], redirection: redirection)
        #expect(result.status == 3)
        for output in ["summary.md", "campaigns/banner-119.md", "daily.csv", "uplift.json", "run-manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent(output).path), "\(output)")
        }
    }

    // MARK: - Escapes

    /// A copy of fixture folder `name` in `work`, for a test to change.
    static func copyFixture(_ name: String, to work: BadInputFolder) throws -> URL {
        let copy = work.root.appendingPathComponent(name)
        try FileManager.default.copyItem(at: CommandRunner.fixtures.appendingPathComponent(name), to: copy)
        return copy
    }

    /// A feed file named with a terminal escape (`\e[31m`) is named with the escape written out, in validate's
    /// summary on standard output and in run's diagnostics on standard error; no ESC byte reaches the terminal.
    @Test func aFileNameWithAnEscapeSequenceReachesTheTerminalEscaped() throws {
        let work = try BadInputFolder()
        let folder = try Self.copyFixture("bad", to: work)
        let feed = folder.appendingPathComponent("helpline_calls")
        try FileManager.default.moveItem(
            at: feed.appendingPathComponent("c-latin1.csv"), to: feed.appendingPathComponent("c-\u{1B}[31mred.csv"))
        let validation = try CommandRunner.run(["validate", "--data", "bad"], in: work.root)
        #expect(validation.status == 1)
        #expect(validation.stdout.contains("helpline_calls/c-\\u{1B}[31mred.csv: refused"), "\(validation.stdout)")
        #expect(validation.stdout.contains("error: bad/helpline_calls/c-\\u{1B}[31mred.csv:3:25: invalid UTF-8"))
        let run = try CommandRunner.run(
            ["run", "--data", "bad", "--out", "out/reports", "--notebooks", "out/notebooks"], in: work.root)
        #expect(run.stderr.contains("error: bad/helpline_calls/c-\\u{1B}[31mred.csv:3:25: invalid UTF-8"))
        for output in [validation.stdout, validation.stderr, run.stdout, run.stderr] {
            #expect(!output.unicodeScalars.contains("\u{1B}"), "\(output)")
        }
    }

    /// Control characters in campaigns.yaml: an id holding one is refused with the id escaped in the error, and
    /// a context event's name holding an escape and a bell is printed escaped in uplift's plain-text answer.
    @Test func configurationValuesWithControlCharactersReachTheTerminalEscaped() throws {
        let work = try BadInputFolder()
        let folder = try Self.copyFixture("good", to: work)
        let calendar = folder.appendingPathComponent("campaigns.yaml")
        let original = try String(contentsOf: calendar, encoding: .utf8)
        try original.replacingOccurrences(of: "id: banner-119", with: "id: \"banner\\e[31m\"")
            .write(to: calendar, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["validate", "--data", "good"], in: work.root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("id: \"banner\\u{1B}[31m\" is not a valid id"), "\(refused.stderr)")
        #expect(!refused.stderr.unicodeScalars.contains("\u{1B}"))

        let context = try #require(original.range(of: "name: \"First lockdown\""), "good names its context event")
        try original.replacingCharacters(in: context, with: "name: \"First \\e[31mlockdown\\a\"")
            .write(to: calendar, atomically: true, encoding: .utf8)
        let answer = try CommandRunner.run(["uplift", "banner-119", "--data", "good"], in: work.root)
        #expect(answer.stdout.contains("First \\u{1B}[31mlockdown\\u{07}"), "\(answer.stdout)")
        #expect(!answer.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
    }

    /// A bare address in a data value (the campaign's name) would become a link in the markdown reports: it is
    /// escaped so that cmark-gfm's autolink extension leaves it as text (`https\://`).
    @Test func anAddressInADataValueIsNoLinkInTheReports() throws {
        let work = try BadInputFolder()
        let folder = try Self.copyFixture("good", to: work)
        let calendar = folder.appendingPathComponent("campaigns.yaml")
        try String(contentsOf: calendar, encoding: .utf8)
            .replacingOccurrences(of: "name: \"119 banner\"", with: "name: \"119 banner https://evil.example/x\"")
            .write(to: calendar, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(
            ["run", "--data", "good", "--out", "out/reports", "--notebooks", "out/notebooks"], in: work.root)
        #expect(run.status == 0, "\(run.stderr)")
        let reports = work.root.appendingPathComponent("out/reports")
        for report in ["summary.md", "campaigns/banner-119.md"] {
            let text = try String(contentsOf: reports.appendingPathComponent(report), encoding: .utf8)
            #expect(text.contains("119 banner https\\://evil.example/x"), "\(report)")
            #expect(!text.contains("https://evil.example"), "\(report)")
        }
    }
}
