import Foundation
import Testing

@Suite("awareness rollup")
struct RollupCommandTests {
    @Test func printsItsHelp() throws {
        try GoldenTranscript.expect(["rollup", "--help"], matches: "rollup-help.txt")
    }

    /// The range ends inside the quoted note of line 4: the rollup finishes the record and stops after line 5.
    @Test func rollsUpARangeWhoseEndFallsInsideAQuotedField() throws {
        try GoldenTranscript.expect(
            ["rollup", "--data", "good", "good/impressions/events.csv", "--end", "254"], matches: "rollup-range.txt")
    }

    @Test func rollsUpTheBadRowsOfAFileWithStatusZero() throws {
        try GoldenTranscript.expect(
            ["rollup", "--data", "bad", "bad/impressions/events.csv"], matches: "rollup-bad-rows.txt")
    }

    @Test func refusesADailyFeedByName() throws {
        let result = try CommandRunner.run(["rollup", "--data", "good", "good/helpline_calls/2020-05-05.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("rollup reads event-level files of impressions or clicks"))
    }

    @Test func refusesAStreamOfAFeedTheCalendarReadsInAnotherEncoding() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("timezone: Europe/Paris\nfeeds:\n  clicks:\n    encoding: windows-1252\n".utf8).write(
            to: folder.appendingPathComponent("campaigns.yaml"))
        let result = try CommandRunner.run(
            ["rollup", "--data", folder.path, "-", "--name", "clicks/a.csv", "--header", "timestamp,campaign"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a range on standard input must be UTF-8"))
    }

    @Test func exitsWithStatusThreeWhenTheFileCannotBeRead() throws {
        let result = try CommandRunner.run(["rollup", "--data", "good", "good/impressions/missing.csv"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
    }
}
