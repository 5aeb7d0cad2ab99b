import Foundation
import Ingest
import Testing

/// The `banners` feed: one export carrying impressions and clicks on each row, read once for both counts.
@Suite("Banner exports with impressions and clicks")
struct CombinedBannerFeedTests {
    static let combined = """
        date,campaign,banner,placement,region,impressions,clicks
        2020-05-04,banner-119,b1,search,IDF,1000,25
        2020-05-04,banner-119,b1,discover,IDF,800,32
        2020-05-05,banner-119,b1,search,IDF,1100,-1
        2020-05-05,banner-119,b1,discover,IDF,900,30
        2020-05-06,banner-119,b1,search,IDF,1200,

        """

    /// The same rows as two exports, the rejected rows left out.
    static let separate = [
        "impressions/i.csv": """
        date,campaign,banner,placement,region,impressions
        2020-05-04,banner-119,b1,search,IDF,1000
        2020-05-04,banner-119,b1,discover,IDF,800
        2020-05-05,banner-119,b1,discover,IDF,900

        """,
        "clicks/c.csv": """
        date,campaign,banner,placement,region,clicks
        2020-05-04,banner-119,b1,search,IDF,25
        2020-05-04,banner-119,b1,discover,IDF,32
        2020-05-05,banner-119,b1,discover,IDF,30

        """,
    ]

    @Test func givesTheImpressionsAndClicksOfTheTwoSeparateExports() throws {
        let combined = try DataFolderFixture(["banners/ads.csv": Self.combined]).read(declaring: ["banner-119"])
        let separate = try DataFolderFixture(Self.separate).read(declaring: ["banner-119"])
        #expect(combined.impressions == separate.impressions)
        #expect(combined.clicks == separate.clicks)
        #expect(combined.impressions.map(\.count) == [800, 900, 1000])
        #expect(combined.clicksWithoutImpressions == separate.clicksWithoutImpressions)
        #expect(combined.undeclaredCampaigns == [])
    }

    @Test func readsTheFileOnceRejectingEachBadRowOnceWithItsPlace() throws {
        let data = try DataFolderFixture(["banners/ads.csv": Self.combined]).read(declaring: ["banner-119"])
        #expect(data.files.count == 1)
        let report = try #require(data.files.first)
        #expect(report.feed == .banners)
        #expect((report.rowsRead, report.rowsAccepted, report.rowsRejected) == (5, 3, 2))
        #expect(report.rowsRead == report.rowsAccepted + report.rowsRejected)
        #expect(report.unknownColumns == [])
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("banners/ads.csv:4:7", .notACount(column: "clicks", value: "-1", problem: .negative)),
                PlacedReject("banners/ads.csv:6:7", .notACount(column: "clicks", value: "", problem: .empty)),
            ])
        #expect(data.absentFeeds.contains(.impressions) && data.absentFeeds.contains(.clicks))
    }

    @Test func aFileWithoutClicksIsRefusedByItsHeader() throws {
        let data = try DataFolderFixture([
            "banners/ads.csv": "date,campaign,impressions\n2020-05-04,banner-119,10\n"
        ]).read()
        let failure = try #require(data.files.first?.failure)
        #expect(failure.line == 1)
        #expect(failure.reason == .missingColumns([.named("clicks")], header: ["date", "campaign", "impressions"]))
    }

    @Test func aDayGivenAgainRestatesTheSeparateFeedsReadBeforeIt() throws {
        var files = Self.separate
        files["banners/ads.csv"] = """
            date,campaign,banner,placement,region,impressions,clicks
            2020-05-05,banner-119,b1,discover,IDF,950,31

            """
        let data = try DataFolderFixture(files).read(declaring: ["banner-119"])
        #expect(data.impressions.map(\.count) == [800, 950, 1000])
        #expect(data.clicks.map(\.count) == [32, 31, 25])
        #expect(data.revisions.map(\.feed) == [.impressions, .clicks])
        #expect(data.revisions.map(\.file) == ["banners/ads.csv", "banners/ads.csv"])
        #expect(data.revisions.map(\.previousFile) == ["impressions/i.csv", "clicks/c.csv"])
        #expect(data.files.last?.revisions == 2)
    }

    @Test func readsAnExportWhoseColumnsAreNamedInCampaignsYAML() throws {
        let yaml = """
            timezone: Europe/Paris
            feeds:
              banners:
                date_format: DD/MM/YYYY
                columns: { date: "Jour", campaign: "Campagne", impressions: "Affichages", clicks: "Clics" }

            """
        let calendar = try CampaignCalendar.parse(yaml: yaml, file: "campaigns.yaml")
        let options = try #require(calendar.feedOptions[.banners])
        #expect(options.dateFormat == .dayMonthYearSlash)
        let fixture = try DataFolderFixture([
            "banners/ads.csv": "Jour;Campagne;Affichages;Clics\n04/05/2020;banner-119;120;3\n"
        ])
        let data = try fixture.read(declaring: ["banner-119"], options: calendar.feedOptions)
        #expect(data.files.first?.unknownColumns == [])
        #expect(data.impressions.map(\.count) == [120])
        #expect(data.clicks.map(\.count) == [3])
    }

    @Test func aColumnThatIsNoColumnOfTheFeedIsAConfigurationError() throws {
        let yaml = "timezone: Europe/Paris\nfeeds:\n  banners:\n    columns: { views: \"Vues\" }\n"
        let error = try #require(throws: CampaignCalendarError.self) {
            try CampaignCalendar.parse(yaml: yaml, file: "campaigns.yaml")
        }
        #expect(error.keyPath == "feeds.banners.columns.views")
        #expect(error.message.contains("is not a column of banners (date, campaign, banner, placement, region, "))
    }
}
