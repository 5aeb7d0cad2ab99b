import Foundation
import Testing

/// `awareness funnel` end to end on `Fixtures/queries` (two banners, two placements, two regions during
/// `spring-119`) and `Fixtures/no-region` (feeds with a placement column only, in French).
@Suite("Funnel command, end to end")
struct FunnelCommandTests {
    @Test func helpNamesTheDimensions() throws {
        try GoldenTranscript.expect(["funnel", "--help"], matches: "funnel-help.txt")
    }

    @Test(arguments: ["placement", "banner", "region", "week"])
    func printsTheGroupsBestFirstAndTheirDifferences(dimension: String) throws {
        try GoldenTranscript.expect(
            ["funnel", "spring-119", "--data", "queries", "--by", dimension], matches: "funnel-\(dimension).txt")
    }

    @Test func markdownIsThereToPasteIntoAReport() throws {
        try GoldenTranscript.expect(
            ["funnel", "spring-119", "--data", "queries", "--format", "markdown"], matches: "funnel-placement.md.txt")
    }

    @Test func placementIsTheDefaultAndFrenchIsWhollyFrench() throws {
        try GoldenTranscript.expect(["funnel", "discover-3020", "--data", "no-region"], matches: "funnel-fr.txt")
    }

    @Test func printsTheTidyColumnsAsCSVAndJSON() throws {
        try GoldenTranscript.expect(
            ["funnel", "spring-119", "--data", "queries", "--by", "region", "--format", "csv"],
            matches: "funnel-region.csv.txt")
        let json = try CommandRunner.run(["funnel", "spring-119", "--data", "queries", "--format", "json"])
        #expect(json.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["group"] as? String } == ["search", "discover", "search"])
        #expect(rows.last?["against"] as? String == "discover")
    }

    @Test func aDimensionTheFeedsDoNotGiveIsAnErrorWithStatus2() throws {
        try GoldenTranscript.expect(
            ["funnel", "discover-3020", "--data", "no-region", "--by", "region"], matches: "funnel-no-region.txt")
    }

    @Test func anUnknownCampaignOrDimensionIsAnErrorWithStatus2() throws {
        let unknown = try CommandRunner.run(["funnel", "autumn", "--data", "queries"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no campaign 'autumn' in campaigns.yaml (known: spring-119)\n")
        let dimension = try CommandRunner.run(["funnel", "spring-119", "--data", "queries", "--by", "city"])
        #expect(dimension.status == 2)
        #expect(dimension.stderr.hasPrefix("error: The value 'city' is invalid for '--by <dimension>'"))
    }
}
