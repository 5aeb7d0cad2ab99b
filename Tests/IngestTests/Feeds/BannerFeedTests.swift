import Foundation
import Ingest
import Testing

@Suite("Banner impression and click feeds")
struct BannerFeedTests {
    @Test func sumsEventRowsIntoParisDaysAcrossTheDaylightSavingChanges() throws {
        let events = """
            timestamp,campaign,placement
            2020-03-28T22:59:59Z,banner-119,search
            2020-03-28T23:00:00Z,banner-119,search
            2020-03-29T21:59:59Z,banner-119,search
            2020-03-29T22:00:00Z,banner-119,search
            2020-10-24T21:59:59Z,banner-119,search
            2020-10-24T22:00:00Z,banner-119,search
            2020-10-25T22:59:59Z,banner-119,search
            2020-10-25T23:00:00.250+00:00,banner-119,search

            """
        let data = try DataFolderFixture(["impressions/events.csv": events]).read(declaring: ["banner-119"])
        #expect(
            data.impressions.map { "\($0.date) \($0.count)" } == [
                "2020-03-28 1", "2020-03-29 2", "2020-03-30 1", "2020-10-24 1", "2020-10-25 2", "2020-10-26 1",
            ])
        #expect(data.files[0].isEventLevel)
        #expect(data.undeclaredCampaigns.isEmpty)
    }

    @Test func honoursOffsetsAndRejectsATimestampWithoutZone() throws {
        let data = try DataFolderFixture([
            "clicks/a.csv": "timestamp,campaign,clicks\n2020-05-04T23:30:00+05:45,c,2\n2020-05-04T10:00:00,c,1\n"
        ]).read()
        #expect(data.clicks.map { "\($0.date) \($0.count)" } == ["2020-05-04 2"])
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("clicks/a.csv:3:1", .timestampWithoutZone(value: "2020-05-04T10:00:00"))
            ])
    }

    @Test(arguments: [
        "timestamp,campaign,banner,placement,region", "campaign,timestamp,placement,region,banner",
        "region,placement,banner,campaign,timestamp",
    ])
    func trimsDimensionValuesAndRejectsAnEmptyCampaignWhateverTheColumnOrder(header: String) throws {
        let names = header.split(separator: ",").map(String.init)
        func row(_ values: [String: String]) -> String {
            names.map { values[$0] ?? "" }.joined(separator: ",")
        }
        let rows = [
            row([
                "timestamp": "2020-05-04T10:00:00Z", "campaign": "c", "banner": "b", "placement": "search",
                "region": "r",
            ]),
            row([
                "timestamp": "2020-05-04T10:00:01Z", "campaign": "\" c\"", "banner": "\"b\t\"", "placement": "search",
                "region": "\" r \"",
            ]),
            row(["timestamp": "2020-05-04T10:00:02Z", "campaign": "\"  \"", "banner": "b", "placement": "search"]),
            row(["timestamp": "2020-05-04T10:00:03Z", "campaign": "", "banner": "b", "placement": "search"]),
            row([
                "timestamp": "2020-05-04T10:00:04Z", "campaign": "c", "banner": "b", "placement": "search",
                "region": "r",
            ]),
        ]
        let data = try DataFolderFixture([
            "impressions/a.csv": ([header] + rows).joined(separator: "\n") + "\n"
        ]).read(declaring: ["c"])
        #expect(
            data.impressions.map { "\($0.campaign)|\($0.banner)|\($0.placement)|\($0.region) \($0.count)" } == [
                "c|b|search|r 3"
            ])
        let column = try #require(names.firstIndex(of: "campaign")) + 1
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("impressions/a.csv:4:\(column)", .emptyKey(column: "campaign")),
                PlacedReject("impressions/a.csv:5:\(column)", .emptyKey(column: "campaign")),
            ])
    }

    @Test func keepsAndListsUndeclaredCampaignsAndFlagsClicksWithoutImpressions() throws {
        let data = try DataFolderFixture([
            "impressions/a.csv": "date,campaign,impressions\n2020-05-04,banner-119,1000\n",
            "clicks/a.csv":
                "date,campaign,clicks\n2020-05-04,banner-119,10\n2020-05-05,banner-119,3\n2020-05-05,mystery,1\n",
        ]).read(declaring: ["banner-119"])
        #expect(data.undeclaredCampaigns == ["mystery"])
        #expect(
            data.clicksWithoutImpressions.map { "\($0.campaign) \($0.date)" } == [
                "banner-119 2020-05-05", "mystery 2020-05-05",
            ])
        #expect(data.clicks.count == 3)
    }

    @Test func listsRowsByCampaignBannerPlacementRegionThenDateWhateverTheFileOrder() throws {
        // Keys met in reverse order, days before and after 1970 (negative and positive day numbers).
        let rows = [
            "1970-01-02,z,b,search,r,1", "1969-12-31,z,b,search,r,2", "2020-05-04,c,b,search,s,3",
            "1969-12-30,c,b,search,s,4", "2020-05-04,c,b,discover,r,5", "1970-01-01,c,a,search,r,6",
            "2020-05-03,c,b,search,r,7", "1969-12-31,c,b,search,r,8",
        ]
        let data = try DataFolderFixture([
            "impressions/a.csv": "date,campaign,banner,placement,region,impressions\n"
                + rows.joined(separator: "\n") + "\n"
        ]).read(declaring: ["c", "z"])
        #expect(
            data.impressions.map { "\($0.campaign)|\($0.banner)|\($0.placement)|\($0.region) \($0.date)" } == [
                "c|a|search|r 1970-01-01", "c|b|discover|r 2020-05-04", "c|b|search|r 1969-12-31",
                "c|b|search|r 2020-05-03", "c|b|search|s 1969-12-30", "c|b|search|s 2020-05-04",
                "z|b|search|r 1969-12-31", "z|b|search|r 1970-01-02",
            ])
    }

    @Test func listsRowsInThatOrderWhenMostKeysHaveARowOnMostDays() throws {
        // Four keys met in reverse order over five days, one day missing: the rows fill most of the keys' days.
        var rows: [String] = []
        for key in ["z,b,search,r", "c,b,search,s", "c,b,discover,r", "c,a,search,r"] {
            for day in [5, 3, 1, 4, 2] where !(key == "c,b,search,s" && day == 4) {
                rows.append("2020-05-0\(day),\(key),\(day)")
            }
        }
        let data = try DataFolderFixture([
            "impressions/a.csv": "date,campaign,banner,placement,region,impressions\n"
                + rows.joined(separator: "\n") + "\n"
        ]).read(declaring: ["c", "z"])
        var expected: [String] = []
        for key in ["c|a|search|r", "c|b|discover|r", "c|b|search|s", "z|b|search|r"] {
            for day in 1...5 where !(key == "c|b|search|s" && day == 4) { expected.append("\(key) 2020-05-0\(day)") }
        }
        #expect(
            data.impressions.map { "\($0.campaign)|\($0.banner)|\($0.placement)|\($0.region) \($0.date)" } == expected)
        #expect(data.impressions.map(\.count) == expected.map { Int64(String($0.last!))! })
    }

    @Test func listsADayOfClicksWithoutImpressionsOnceWhateverItsPlacements() throws {
        let data = try DataFolderFixture([
            "impressions/a.csv": "date,campaign,placement,impressions\n1969-12-31,c,search,9\n2020-05-04,d,search,9\n",
            "clicks/a.csv": """
            date,campaign,placement,clicks
            2020-05-04,c,search,1
            1969-12-31,c,discover,1
            2020-05-04,c,discover,1
            1969-12-30,c,search,1
            1969-12-30,c,discover,1
            1969-12-31,d,search,1

            """,
        ]).read(declaring: ["c", "d"])
        #expect(
            data.clicksWithoutImpressions.map { "\($0.campaign) \($0.date)" } == [
                "c 1969-12-30", "c 2020-05-04", "d 1969-12-31",
            ])
    }

    /// A quoted comma is part of a banner's name; a line break inside quotes (or a value longer than 200 bytes)
    /// cannot be a series name, so its row is rejected where it starts, and the rows after it keep their lines.
    @Test func quotedCommasAreKeptAndALineBreakOrARunawayValueIsRejectedAtItsLine() throws {
        let long = String(repeating: "b", count: 201)
        let data = try DataFolderFixture([
            "impressions/a.csv": "date,campaign,banner,impressions\n2020-05-04,c,\"B \"\"119\"\", recherche\",5\n"
                + "2020-05-04,c,\"two\nlines\",6\n2020-05-04,c,plain,-1\n2020-05-04,c,\(long),2\n"
                + "2020-05-04,c,\(String(repeating: "b", count: 200)),3\n"
        ]).read()
        #expect(Set(data.impressions.map(\.banner)) == ["B \"119\", recherche", String(repeating: "b", count: 200)])
        #expect(
            data.rejects.map(\.placed) == [
                PlacedReject("impressions/a.csv:3:3", .controlCharacter(column: "banner", value: "two\\nlines")),
                PlacedReject(
                    "impressions/a.csv:5:4", .notACount(column: "impressions", value: "-1", problem: .negative)),
                PlacedReject("impressions/a.csv:6:3", .valueTooLong(column: "banner", length: 201, maximum: 200)),
            ])
    }
}

@Suite("Hashtag videos feed")
struct HashtagVideosFeedTests {
    @Test func spellingsWithAndWithoutAccentsShareTheHashtagKey() throws {
        let data = try DataFolderFixture([
            "hashtag_videos/a.csv": "date,hashtag,videos,views\n2020-11-05,#NonAuHarcelement,120,5000\n"
                + "2020-11-05,#NonAuHarcèlement,30,\n"
        ]).read()
        #expect(data.hashtagVideos.map(\.hashtag) == ["nonauharcelement", "nonauharcelement"])
        #expect(Set(data.hashtagVideos.map(\.spelling)) == ["#NonAuHarcelement", "#NonAuHarcèlement"])
        #expect(data.rejects.isEmpty)
    }
}
