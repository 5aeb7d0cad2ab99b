import Foundation
import Testing

/// The whole terminal output of `awareness run` on a night with bad data: the located errors of each file, the
/// note of what they leave out, the calendar's warnings and the verdict, each through the one diagnostic printer.
@Suite("Run transcripts")
struct RunTranscriptTests {
    @Test func aBadNightPrintsEveryDiagnosticOnce() throws {
        let out = "/tmp/awareness-run-transcript-bad"
        try? FileManager.default.removeItem(atPath: out + "-reports.failed")
        try GoldenTranscript.expect(
            ["run", "--data", "bad", "--out", out + "-reports", "--notebooks", out + "-notebooks"],
            matches: "run-bad.txt")
        #expect(FileManager.default.fileExists(atPath: out + "-reports.failed/failed-night.md"))
        #expect(!FileManager.default.fileExists(atPath: out + "-reports"))
    }
}
