import Analytics
import Foundation
import Ingest
import Testing

@Suite("Campaign estimates")
struct CampaignEstimatesTests {
    static let start = CivilDate(year: 2018, month: 5, day: 7) ?? CivilDate(daysSinceEpoch: 0)
    static let window = dayRange(from: start.adding(days: 730), days: 28)

    private func calendar(holidays: HolidaySource = .builtIn(country: "FR")) -> CampaignCalendar {
        let campaign = Campaign(
            id: "banner-119", window: Self.window, helplines: ["119", "3919"],
            hashtags: ["#NonAuHarcelement", "#nonauharcèlement"], banners: ["banner-119"])
        let other = Campaign(
            id: "earlier", window: dayRange(from: Self.start.adding(days: 400), days: 14), helplines: ["119"])
        let elsewhere = Campaign(
            id: "elsewhere", window: dayRange(from: Self.start.adding(days: 300), days: 14), helplines: ["3020"])
        let lockdown = ContextEvent(id: "lockdown", window: dayRange(from: Self.start.adding(days: 500), days: 50))
        return CampaignCalendar(
            timeZoneIdentifier: "Europe/Paris", holidays: holidays, campaigns: [campaign, other, elsewhere],
            context: [lockdown])
    }

    private func series() -> [DailySeries] {
        let calls = simulatedCalls(seed: 5, from: Self.start, days: 800, campaign: Self.window, effect: 1.3)
        var impressions: [CivilDate: Double] = [:]
        for day in dayRange(from: Self.window.start.adding(days: -28), days: 56).days {
            impressions[day] = Self.window.contains(day) ? 2000 : 1000
        }
        return [
            DailySeries(name: SeriesName(metric: .calls, key: "119"), values: calls),
            DailySeries(name: SeriesName(metric: .impressions, key: "banner-119"), values: impressions),
        ]
    }

    @Test func everySeriesOfTheCampaignGetsItsMethods() throws {
        let calendar = calendar()
        let campaign = try #require(calendar.campaign(id: "banner-119"))
        let estimates = CampaignEstimates.estimate(campaign: campaign, calendar: calendar, series: series())
        #expect(
            estimates.series.map(\.series.description) == [
                "calls:119", "calls:3919", "videos:nonauharcelement", "impressions:banner-119", "clicks:banner-119",
            ])
        let rows = estimates.rows
        let calls = rows.filter { $0.series.description == "calls:119" }
        #expect(calls.map(\.method) == [.window, .yearOverYear, .model, .placebo, .persistence])
        #expect(rows.filter { $0.series.metric == .impressions }.map(\.method) == [.window])
        #expect(rows.allSatisfy { $0.campaign == "banner-119" })
    }

    @Test func theModelRecoversTheUpliftWithHolidaysAndContext() throws {
        let calendar = calendar()
        let campaign = try #require(calendar.campaign(id: "banner-119"))
        let estimates = CampaignEstimates.estimate(campaign: campaign, calendar: calendar, series: series())
        let calls = try #require(estimates.series.first)
        let figures = try #require(calls.model?.figures)
        #expect(figures.upliftInterval.contains(0.3))
        #expect(figures.columns.contains(.holiday) && figures.columns.contains(.contextEvent(id: "lockdown")))
        // The other campaign on 119 is left out of the 730 fitted days with its 14 days of carry-over; the one on
        // 3020 does not touch calls:119. Outlying days (news spikes) leave the fit too.
        #expect(figures.fittedDays + figures.newsSpikes.flaggedDays.count == 702)
        let row = try #require(estimates.rows.first { $0.method == .model })
        #expect(row.uplift == figures.uplift && row.upliftLow == figures.upliftInterval.lower)
        #expect(row.start == Self.window.start && row.end == Self.window.end)
        #expect(row.dispersion == figures.dispersion && row.pValue == figures.pValue)
    }

    @Test func windowRowsExpectTheBaselineRateOverTheCampaignDays() throws {
        let calendar = calendar()
        let campaign = try #require(calendar.campaign(id: "banner-119"))
        let estimates = CampaignEstimates.estimate(campaign: campaign, calendar: calendar, series: series())
        let row = try #require(estimates.rows.first { $0.series.metric == .impressions })
        #expect(row.observed == 56_000 && row.expected == 28_000)
        let uplift = try #require(row.uplift)
        let extra = try #require(row.extra)
        #expect(abs(uplift - 1) < 1e-12 && abs(extra - 28_000) < 1e-6)
        let low = try #require(row.expectedLow)
        let high = try #require(row.expectedHigh)
        #expect(low < 28_000 && 28_000 < high)
    }

    @Test func seriesWithoutDataGetRowsThatSayWhy() throws {
        let calendar = calendar(holidays: .builtIn(country: "BE"))
        let campaign = try #require(calendar.campaign(id: "banner-119"))
        let estimates = CampaignEstimates.estimate(campaign: campaign, calendar: calendar, series: series())
        let rows = estimates.rows.filter { $0.series.description == "calls:3919" }
        #expect(rows.map(\.method) == [.window, .model, .placebo, .persistence])
        for row in rows {
            #expect(row.observed == nil && row.uplift == nil && !row.notes.isEmpty, "\(row)")
        }
        #expect(
            rows.dropFirst().allSatisfy {
                if case .noModel = $0.notes.first { return true } else { return false }
            })
        let fitted = try #require(estimates.rows.first { $0.method == .model && $0.series.key == "119" })
        #expect(fitted.notes.contains(.noBuiltInHolidays(country: "BE")))
    }
}
