import Analytics
import Foundation
import Ingest
import Testing

/// `FunnelBreakdown` (DESIGN §4.3, `awareness funnel`) on banner rows whose groups are counted by hand.
@Suite("Funnel by group")
struct FunnelBreakdownTests {
    static func day(_ text: String) throws -> CivilDate { try #require(CivilDate(iso8601: text)) }

    static func campaign() throws -> Campaign {
        Campaign(
            id: "spring", window: try #require(DayRange(start: try day("2020-05-04"), end: try day("2020-05-10"))),
            banners: ["feed"])
    }

    /// search: 400 + 600 impressions and 10 + 20 clicks; discover: 1,000 and 12 on the 4th (its 500 impressions
    /// on the 6th are left out: the click feed has no row that day); nothing outside the window or of another
    /// feed id counts.
    static func rows() throws -> (impressions: [BannerDay], clicks: [BannerDay]) {
        func row(_ date: String, _ campaign: String, _ placement: String, _ count: Int64) throws -> BannerDay {
            BannerDay(
                date: try day(date), campaign: campaign, banner: "", placement: placement, region: "IDF", count: count)
        }
        let impressions = [
            try row("2020-05-04", "feed", "search", 400), try row("2020-05-05", "feed", "search", 600),
            try row("2020-05-04", "feed", "discover", 1000), try row("2020-05-06", "feed", "discover", 500),
            try row("2020-05-20", "feed", "search", 1000), try row("2020-05-04", "other", "search", 1000),
        ]
        let clicks = [
            try row("2020-05-04", "feed", "search", 10), try row("2020-05-05", "feed", "search", 20),
            try row("2020-05-04", "feed", "discover", 12), try row("2020-05-20", "feed", "search", 500),
            try row("2020-05-04", "other", "search", 900),
        ]
        return (impressions, clicks)
    }

    /// Wilson at z = 1.959964 by hand: 30/1000 → 2.1094% … 4.2503%, 12/1000 → 0.6878% … 2.0857%; Newcombe's
    /// difference 0.018 → 0.5439 … 3.1512 points.
    @Test func placementsAreRankedByCTRWithWilsonAndNewcombeIntervals() throws {
        let (impressions, clicks) = try Self.rows()
        let breakdown = try FunnelBreakdown.make(
            campaign: try Self.campaign(), impressions: impressions, clicks: clicks, by: .placement
        ).get()
        #expect(breakdown.groups.map(\.name) == ["search", "discover"])
        #expect(breakdown.groups.map(\.impressions) == [1000, 1000])
        #expect(breakdown.groups.map(\.clicks) == [30, 12])
        let search = breakdown.groups[0].ctr.interval
        #expect(abs(search.lower - 0.021_093_74) < 1e-8 && abs(search.upper - 0.042_503_41) < 1e-8)
        let discover = breakdown.groups[1].ctr.interval
        #expect(abs(discover.lower - 0.006_877_65) < 1e-8 && abs(discover.upper - 0.020_857_27) < 1e-8)
        let pair = try #require(breakdown.differences.first)
        #expect(breakdown.differences.count == 1)
        #expect(pair.first == "search" && pair.second == "discover")
        #expect(abs(pair.difference.difference - 0.018) < 1e-12)
        #expect(abs(pair.difference.interval.lower - 0.005_439_24) < 1e-8)
        #expect(abs(pair.difference.interval.upper - 0.031_511_99) < 1e-8)
    }

    @Test func weeksAndOneRegionAreGroupsToo() throws {
        let (impressions, clicks) = try Self.rows()
        let campaign = try Self.campaign()
        let region = try FunnelBreakdown.make(campaign: campaign, impressions: impressions, clicks: clicks, by: .region)
            .get()
        #expect(region.groups.map(\.name) == ["IDF"])
        #expect(region.groups.map(\.clicks) == [42])
        #expect(region.differences.isEmpty)
        let week = try FunnelBreakdown.make(campaign: campaign, impressions: impressions, clicks: clicks, by: .week)
            .get()
        #expect(week.groups.map(\.name) == ["2020-W19"])
        #expect(week.groups.map(\.impressions) == [2000])
    }

    @Test func aDimensionTheFeedsDoNotGiveIsAProblemNotAGroup() throws {
        let (impressions, clicks) = try Self.rows()
        let result = FunnelBreakdown.make(
            campaign: try Self.campaign(), impressions: impressions, clicks: clicks, by: .banner)
        #expect(throws: FunnelBreakdownError(campaign: "spring", problem: .dimensionNotGiven(.banner))) {
            try result.get()
        }
        let none = FunnelBreakdown.make(campaign: try Self.campaign(), impressions: [], clicks: clicks, by: .placement)
        #expect(throws: FunnelBreakdownError(campaign: "spring", problem: .noImpressions)) { try none.get() }
    }

    /// Two days of a placement each at the largest count (2⁶³ − 1) add up past it: the breakdown is refused naming
    /// the placement, where the sum used to stop at the largest count and give a wrong CTR.
    @Test func countsAddingUpPastTheLargestCountAreRefusedNamingTheGroup() throws {
        let (impressions, clicks) = try Self.rows()
        let huge = try ["2020-05-04", "2020-05-05"].map {
            BannerDay(
                date: try Self.day($0), campaign: "feed", banner: "", placement: "search", region: "IDF",
                count: .max)
        }
        let result = FunnelBreakdown.make(
            campaign: try Self.campaign(), impressions: impressions + huge, clicks: clicks, by: .placement)
        let refusal = FunnelBreakdownError(campaign: "spring", problem: .countsTooLarge(group: "search"))
        #expect(throws: refusal) { try result.get() }
        #expect(
            refusal.description
                == "campaign spring: the impressions or clicks of search add up past the largest count "
                + "(9223372036854775807) over its window, so no CTR is formed")
    }
}
