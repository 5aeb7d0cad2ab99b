import Analytics
import Foundation
import Ingest
import Testing

@Suite("Cumulative effect")
struct CumulativeEffectTests {
    static let start = CivilDate(year: 2018, month: 5, day: 7) ?? CivilDate(daysSinceEpoch: 0)
    /// 14 campaign days after two years of history.
    static let campaign = dayRange(from: start.adding(days: 730), days: 14)

    static func series(missing: [Int] = []) -> [CivilDate: Double] {
        var series = simulatedCalls(seed: 5, from: start, days: 760, campaign: campaign, effect: 1.2)
        for offset in missing { series[campaign.start.adding(days: offset)] = nil }
        return series
    }

    @Test func theLastDayIsTheWholeWindowsExtraAndItsIntervalExactly() throws {
        let figures = try #require(
            CounterfactualModel(series: Self.series(), campaign: Self.campaign).estimate().figures)
        let last = try #require(CumulativeEffect(figures).days.last)
        #expect(last.date == Self.campaign.end)
        #expect(last.observed == figures.observed)
        #expect(last.expected == figures.expected)
        #expect(last.extra == figures.extra)
        #expect(last.extraInterval == figures.extraInterval)
    }

    @Test func theLastDayEqualsTheModelRowOfTheCampaignsEstimates() throws {
        let campaign = Campaign(
            id: "c", name: "C", window: Self.campaign, helplines: ["119"], hashtags: [], banners: [])
        let calendar = CampaignCalendar(
            timeZoneIdentifier: "Europe/Paris", language: .en, holidays: .dates([]), campaigns: [campaign])
        let series = [DailySeries(name: SeriesName(metric: .calls, key: "119"), values: Self.series())]
        let estimate = try #require(
            CampaignEstimates.estimate(campaign: campaign, calendar: calendar, series: series).series.first)
        let row = try #require(estimate.rows.first { $0.method == .model })
        let figures = try #require(estimate.model?.figures)
        let last = try #require(CumulativeEffect(figures).days.last)
        #expect(row.extra == last.extra)
        #expect(row.extraLow == last.extraInterval.lower)
        #expect(row.extraHigh == last.extraInterval.upper)
    }

    @Test func eachDayAddsThatDaysObservedMinusExpected() throws {
        let figures = try #require(
            CounterfactualModel(series: Self.series(), campaign: Self.campaign).estimate().figures)
        let days = CumulativeEffect(figures).days
        let window = figures.daily.filter(\.inWindow)
        #expect(days.map(\.date) == Array(Self.campaign.days))
        var observed = 0.0
        var expected = 0.0
        for (day, expectation) in zip(days, window) {
            observed += try #require(expectation.observed)
            expected += expectation.expected
            #expect(day.date == expectation.date)
            #expect(abs(day.observed - observed) < 1e-9)
            #expect(abs(day.extra - (observed - expected)) < 1e-6 * max(1, expected))
            #expect(day.extraInterval.lower <= day.extra && day.extra <= day.extraInterval.upper)
        }
    }

    /// The total of the first k days is what a campaign of those k days would have been judged on: the fit (the
    /// days before the window) is the same, so its interval must be too.
    @Test(arguments: [1, 3, 7, 10])
    func theFirstDaysHaveTheIntervalOfACampaignOfThoseDays(days: Int) throws {
        let series = Self.series()
        let figures = try #require(CounterfactualModel(series: series, campaign: Self.campaign).estimate().figures)
        let cumulative = CumulativeEffect(figures).days[days - 1]
        let shorter = try #require(
            CounterfactualModel(series: series, campaign: dayRange(from: Self.campaign.start, days: days))
                .estimate().figures)
        #expect(abs(cumulative.extra - shorter.extra) < 1e-9 * shorter.expected)
        #expect(abs(cumulative.extraInterval.lower - shorter.extraInterval.lower) < 1e-9 * shorter.expected)
        #expect(abs(cumulative.extraInterval.upper - shorter.extraInterval.upper) < 1e-9 * shorter.expected)
    }

    @Test func aDayWithoutDataAddsNothingAndHasNoEntry() throws {
        let figures = try #require(
            CounterfactualModel(series: Self.series(missing: [2, 3]), campaign: Self.campaign).estimate().figures)
        let days = CumulativeEffect(figures).days
        #expect(days.count == 12)
        #expect(!days.contains { $0.date == Self.campaign.start.adding(days: 2) })
        #expect(days[1].date == Self.campaign.start.adding(days: 1))
        #expect(days[2].date == Self.campaign.start.adding(days: 4))
        #expect(days.last?.extraInterval == figures.extraInterval)
    }

    @Test func theBandIsWiderInRelativeTermsOnTheFirstDayThanOnTheLast() throws {
        let figures = try #require(
            CounterfactualModel(series: Self.series(), campaign: Self.campaign).estimate().figures)
        let days = CumulativeEffect(figures).days
        let first = try #require(days.first)
        let last = try #require(days.last)
        let relative = { (day: CumulativeEffect.Day) in
            (day.extraInterval.upper - day.extraInterval.lower) / day.expected
        }
        #expect(relative(first) > relative(last))
    }
}
