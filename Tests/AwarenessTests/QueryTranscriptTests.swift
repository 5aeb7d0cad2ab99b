import Foundation
import Testing

/// The whole output of the query commands on `Fixtures/queries` (helpline calls from January to May 2020, the
/// banner feeds of the campaign `spring-119`, 4–17 May 2020), in the text format a person reads, in English and in
/// French, and in markdown: `Golden/`, reviewed by eye (`AWARENESS_UPDATE_GOLDEN=1` rewrites them).
@Suite("Query transcripts")
struct QueryTranscriptTests {
    /// Every line of the text format is at most 120 columns, counted as a terminal does (Unicode scalars).
    static func expectWithinTheWidth(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        for line in result.stdout.split(separator: "\n") {
            #expect(line.unicodeScalars.count <= 120, "\(line)", sourceLocation: sourceLocation)
        }
        #expect(!result.stdout.contains("&gt;") && !result.stdout.contains("\\_"), sourceLocation: sourceLocation)
    }

    @Test func upliftOfACampaignInText() throws {
        try GoldenTranscript.expect(["uplift", "spring-119", "--data", "queries"], matches: "uplift-campaign.txt")
        try GoldenTranscript.expect(
            ["uplift", "spring-119", "--data", "queries", "--language", "fr"], matches: "uplift-campaign-fr.txt")
    }

    @Test func upliftOfACampaignInMarkdown() throws {
        try GoldenTranscript.expect(
            ["uplift", "spring-119", "--data", "queries", "--format", "markdown"], matches: "uplift-campaign.md.txt")
    }

    @Test func upliftOfAPeriodInText() throws {
        try GoldenTranscript.expect(
            ["uplift", "--series", "calls:119", "--from", "2020-04-20", "--to", "2020-05-03", "--data", "queries"],
            matches: "uplift-period.txt")
    }

    @Test func weeklyInTextAndMarkdown() throws {
        try GoldenTranscript.expect(
            ["weekly", "--data", "queries", "--from", "2020-W18", "--to", "2020-W20"], matches: "weekly.txt")
        try GoldenTranscript.expect(
            ["weekly", "--data", "queries", "--from", "2020-W18", "--to", "2020-W20", "--language", "fr"],
            matches: "weekly-fr.txt")
        try GoldenTranscript.expect(
            ["weekly", "--data", "queries", "--from", "2020-W19", "--to", "2020-W20", "--format", "markdown"],
            matches: "weekly.md.txt")
    }

    @Test func compareInTextAndMarkdown() throws {
        try GoldenTranscript.expect(
            ["compare", "2020-W19", "--data", "queries", "--language", "fr"], matches: "compare-week-fr.txt")
        try GoldenTranscript.expect(
            ["compare", "spring-119", "--data", "queries", "--format", "markdown"], matches: "compare-campaign.md.txt")
    }

    /// The user guide's example of the text format (docs/guide.md) is what the command prints: each of its lines (but the `…` that
    /// stands for the rows left out) is a line of the output.
    @Test func theReadmesExampleIsTheSampleOutput() throws {
        let readme = try String(
            contentsOf: CommandRunner.fixtures.appendingPathComponent("../../../docs/guide.md").standardizedFileURL,
            encoding: .utf8)
        let after = try #require(
            readme.components(separatedBy: "`awareness uplift banner-119 --data Data --language en`'s table")
                .dropFirst()
                .first)
        let block = try #require(after.components(separatedBy: "```").dropFirst().first)
        let example = block.split(separator: "\n").map { String($0.dropFirst(2)) }.filter { $0 != "  …" }
        #expect(example.count >= 8)
        let result = try CommandRunner.run(["uplift", "banner-119", "--data", "../../../Data", "--language", "en"])
        let lines = Set(result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        for line in example {
            #expect(lines.contains(line), "docs/guide.md line not in the output: \(line)")
        }
    }

    /// The help of the commands whose help no other suite pins (validate's is in `ValidateCommandTests`).
    @Test(arguments: ["run", "sample-data"])
    func helpOfEveryOtherCommand(command: String) throws {
        try GoldenTranscript.expect([command, "--help"], matches: "\(command)-help.txt")
    }

    @Test(arguments: [
        ["uplift", "spring-119", "--data", "queries"],
        ["uplift", "spring-119", "--data", "queries", "--language", "fr"],
        ["uplift", "banner-119", "--data", "../../../Data"],
        ["uplift", "lockdown-1", "--data", "../../../Data", "--language", "en"],
        ["weekly", "--data", "../../../Data", "--from", "2020-W18", "--to", "2020-W21"],
        ["weekly", "--data", "../../../Data", "--from", "2020-W18", "--to", "2020-W21", "--language", "fr"],
        ["compare", "2020-W20", "--against", "last-year", "--data", "../../../Data"],
        ["funnel", "banner-119", "--data", "../../../Data", "--by", "week"],
        ["plan", "--series", "calls:119", "--uplift", "0.5", "--data", "queries"],
    ])
    func everyLineOfTheTextFormatIsWithin120Columns(arguments: [String]) throws {
        try Self.expectWithinTheWidth(arguments)
    }
}

extension VersionTests {
    /// `--version` prints the version the run manifest records (`tool_version`, the tool's name and that version), so
    /// that a report can be traced to the tool that made it.
    @Test func theVersionIsTheOneTheRunManifestRecords() throws {
        try GoldenTranscript.expect(["--version"], matches: "awareness-version.txt")
        let version = try CommandRunner.run(["--version"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("version-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandRunner.run([
            "run", "--data", "queries", "--out", out.appendingPathComponent("reports").path, "--notebooks",
            out.appendingPathComponent("notebooks").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try Data(contentsOf: out.appendingPathComponent("reports/run-manifest.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let recorded = try #require(object["tool_version"] as? String)
        #expect(version.status == 0)
        #expect(recorded == "awareness " + version.stdout.trimmingCharacters(in: .newlines))
        #expect(version.stdout == "0.1.0\n")
    }
}
