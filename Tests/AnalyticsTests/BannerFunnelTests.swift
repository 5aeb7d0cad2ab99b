import Analytics
import Foundation
import Ingest
import Testing

@Suite("Banner funnel")
struct BannerFunnelTests {
    static let w44 = ISOWeek(year: 2020, week: 44) ?? ISOWeek(containing: CivilDate(daysSinceEpoch: 0))
    static let w45 = w44.next

    /// `clicks`/`impressions` on every day of W44 and W45 for feed id `b` at `placement` (W45 doubles the clicks).
    private func ctrSeries(placement: String?, clicks: Int64, impressions: Int64) -> DailySeries {
        var points: [SeriesPoint] = []
        for day in Self.w44.days.days { points.append(SeriesPoint(date: day, successes: clicks, trials: impressions)) }
        for day in Self.w45.days.days {
            points.append(SeriesPoint(date: day, successes: 2 * clicks, trials: impressions))
        }
        return DailySeries(name: SeriesName(metric: .ctr, key: "b", placement: placement), points: points)
    }

    private func funnel() throws -> BannerFunnel {
        let campaign = Campaign(id: "c", window: Self.w45.days, banners: ["b"])
        let series = [
            ctrSeries(placement: nil, clicks: 3, impressions: 200),
            ctrSeries(placement: "search", clicks: 2, impressions: 100),
            ctrSeries(placement: "discover", clicks: 1, impressions: 100),
            DailySeries(name: SeriesName(metric: .calls, key: "119"), values: [Self.w45.monday: 5]),
        ]
        return BannerFunnel(campaign: campaign, series: series)
    }

    @Test func weeklyCellsSumClicksAndImpressionsWithAWilsonInterval() throws {
        let funnel = try funnel()
        #expect(funnel.daily.count == 3 * 14)
        let search45 = try #require(
            funnel.weekly.first { $0.placement == "search" && $0.period == .week(Self.w45) })
        #expect(search45.impressions == 700 && search45.clicks == 28)
        let wilson = try #require(WilsonInterval(successes: 28, trials: 700))
        #expect(search45.ctr == wilson)
        #expect(funnel.weekly.map(\.placement) == [nil, nil, "discover", "discover", "search", "search"])
    }

    @Test func weekAgainstWeekUsesNewcombeAndAKatzRelativeChange() throws {
        let funnel = try funnel()
        #expect(funnel.weekOverWeek.count == 3)
        let search = try #require(funnel.weekOverWeek.first { $0.first.placement == "search" })
        #expect(search.first.period == .week(Self.w45) && search.second.period == .week(Self.w44))
        #expect(abs(search.difference.difference - 0.02) < 1e-12)
        let newcombe = try #require(NewcombeInterval(successes1: 28, trials1: 700, successes2: 14, trials2: 700))
        #expect(search.difference.interval == newcombe.interval)
        #expect(abs(try #require(search.relativeChange) - 1) < 1e-12)
        // Katz: log 2 ± 1.96·√(1/28 − 1/700 + 1/14 − 1/700).
        let se = (1.0 / 28 - 1.0 / 700 + 1.0 / 14 - 1.0 / 700).squareRoot()
        let interval = try #require(search.relativeChangeInterval)
        #expect(abs(interval.lower - (2 * exp(-1.959963984540054 * se) - 1)) < 1e-9)
        #expect(abs(interval.upper - (2 * exp(1.959963984540054 * se) - 1)) < 1e-9)
    }

    @Test func placementsAreComparedOverTheCampaignWindow() throws {
        let funnel = try funnel()
        #expect(funnel.campaignWindow.count == 3)
        let comparison = try #require(funnel.placementComparisons.first)
        #expect(funnel.placementComparisons.count == 1)
        #expect(comparison.first.placement == "discover" && comparison.second.placement == "search")
        #expect(comparison.first.clicks == 14 && comparison.second.clicks == 28)
        #expect(abs(comparison.difference.difference - (-0.02)) < 1e-12)
        #expect(comparison.difference.interval.contains(-0.02) && !comparison.difference.interval.contains(0))
    }

    /// Days each at the largest count (2⁶³ − 1) impressions: a day's cell has its CTR, but the week's and the
    /// window's totals overflow, so those cells say so and form no CTR (the sums used to stop at the largest
    /// count and give a CTR of 100%).
    @Test func cellsWhoseTotalsOverflowSaySoAndHaveNoCTR() throws {
        let campaign = Campaign(id: "c", window: Self.w45.days, banners: ["b"])
        let series = ctrSeries(placement: "search", clicks: Int64.max / 4, impressions: Int64.max)
        let funnel = BannerFunnel(campaign: campaign, series: [series])
        let day = try #require(funnel.daily.first)
        #expect(!day.countsTooLarge && day.ctr != nil)
        let week = try #require(funnel.weekly.first)
        #expect(week.countsTooLarge && week.ctr == nil)
        #expect(week.impressions == Int64.max)
        let window = try #require(funnel.campaignWindow.first)
        #expect(window.countsTooLarge && window.ctr == nil)
        #expect(funnel.weekOverWeek.isEmpty)
    }
}
