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

    /// A UTF-8 export in a feed declared Windows-1252 is rolled up as UTF-8, as the direct read reads it; a `files:`
    /// pattern that says Windows-1252 for a real Windows-1252 export is followed.
    @Test func rollsUpEachFileInItsOwnEncodingAsTheDirectReadDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("clicks"), withIntermediateDirectories: true)
        try Data(
            """
            timezone: Europe/Paris
            feeds:
              clicks:
                encoding: latin-1
                files: { "ansi-*.csv": { encoding: windows-1252 } }

            """.utf8
        ).write(to: folder.appendingPathComponent("campaigns.yaml"))
        try Data("timestamp,campaign\n2020-05-04T10:00:00Z,Allô\n".utf8).write(
            to: folder.appendingPathComponent("clicks/utf8.csv"))
        let ansi = try #require("timestamp,campaign\n2020-05-04T10:00:00Z,Allô €\n".data(using: .windowsCP1252))
        try ansi.write(to: folder.appendingPathComponent("clicks/ansi-1.csv"))
        let utf8 = try CommandRunner.run(["rollup", "--data", folder.path, folder.path + "/clicks/utf8.csv"])
        #expect(utf8.status == 0)
        #expect(utf8.stdout.contains("[\"2020-05-04\", \"Allô\", \"\", \"\", \"\", 1]"), "\(utf8.stdout)")
        let converted = try CommandRunner.run(["rollup", "--data", folder.path, folder.path + "/clicks/ansi-1.csv"])
        #expect(converted.status == 0)
        #expect(converted.stdout.contains("\"Allô €\""), "\(converted.stdout)")
    }

    @Test func exitsWithStatusThreeWhenTheFileCannotBeRead() throws {
        let result = try CommandRunner.run(["rollup", "--data", "good", "good/impressions/missing.csv"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
    }
}
