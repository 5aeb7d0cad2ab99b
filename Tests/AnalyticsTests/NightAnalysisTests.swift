import Analytics
import Ingest
import Testing

/// `NightAnalysis` decides what a night's documents show before anything is worded: the estimates and whether
/// each campaign was estimated, the chart figures, the weekly rows and the latest week, each only when asked for.
@Suite("The night's analysis")
struct NightAnalysisTests {
    static let start = CivilDate(year: 2020, month: 1, day: 6) ?? CivilDate(daysSinceEpoch: 0)

    /// Calls to 119 every day from `first` days after `start` to day 139, about 100 a day with a weekly pattern
    /// and 130 during the campaign of days 120–133.
    static func night(historyFrom first: Int = 0) throws -> (CampaignCalendar, [DailySeries]) {
        let window = try #require(DayRange(start: start.adding(days: 120), end: start.adding(days: 133)))
        var values: [CivilDate: Double] = [:]
        for offset in first..<140 {
            let day = start.adding(days: offset)
            values[day] = (window.contains(day) ? 130 : 100) + [4, -3, 6, -5, 2, -1, -3][offset % 7]
        }
        let campaign = Campaign(id: "spring", window: window, helplines: ["119"], banners: [])
        let calendar = CampaignCalendar(timeZoneIdentifier: "Europe/Paris", campaigns: [campaign])
        return (calendar, [DailySeries(name: SeriesName(metric: .calls, key: "119"), values: values)])
    }

    @Test func aNightBuildsEveryPartItsDocumentsNeed() throws {
        let (calendar, series) = try Self.night()
        let analysis = NightAnalysis(calendar: calendar, series: series)
        let campaign = try #require(analysis.campaigns.first)
        #expect(campaign.isEstimated)
        #expect(analysis.unestimatedCampaigns.isEmpty)
        let calls = try #require(campaign.charted(SeriesName(metric: .calls, key: "119")))
        #expect(calls.span == ChartedSeries.span(of: campaign.campaign.window))
        #expect(calls.days.count == calls.span.dayCount)
        #expect(calls.days.filter(\.inWindow).count == 14)
        #expect(!analysis.weeklyRows.isEmpty)
        let latest = try #require(analysis.latestWeek)
        #expect(latest.week == ISOWeek(containing: Self.start.adding(days: 139)))
        #expect(latest.rows.map(\.series.description) == ["calls:119"])
    }

    @Test func aQueryBuildsOnlyThePartsItAsksFor() throws {
        let (calendar, series) = try Self.night()
        let analysis = NightAnalysis(calendar: calendar, series: series, parts: .campaigns)
        let campaign = try #require(analysis.campaigns.first)
        #expect(campaign.charted.isEmpty)
        #expect(analysis.weeklyRows.isEmpty)
        #expect(analysis.latestWeek == nil)
        let weeks = NightAnalysis(calendar: calendar, series: series, parts: .weeks)
        #expect(weeks.campaigns.isEmpty)
        #expect(!weeks.weeklyRows.isEmpty)
    }

    @Test func theHeadlineRowIsTheRowUpliftCSVMarks() throws {
        let (calendar, series) = try Self.night()
        let estimates = try #require(NightAnalysis(calendar: calendar, series: series).estimates.first)
        let row = try #require(estimates.headlineRow)
        #expect(row.headline)
        #expect(estimates.rows.filter(\.headline) == [row])
        #expect(row.method == estimates.headline?.method)
    }

    @Test func nineteenDaysOfHistoryAreEstimatedByTheWindowComparison() throws {
        let (calendar, series) = try Self.night(historyFrom: 101)
        let analysis = NightAnalysis(calendar: calendar, series: series, parts: .campaigns)
        let estimates = try #require(analysis.estimates.first)
        #expect(estimates.headlineRow?.method == .window)
        #expect(analysis.unestimatedCampaigns.isEmpty)
    }

    @Test func aCampaignWithoutHistoryIsNotEstimated() throws {
        let (calendar, series) = try Self.night(historyFrom: 120)
        let analysis = NightAnalysis(calendar: calendar, series: series, parts: .campaigns)
        #expect(analysis.estimates.first?.headlineRow == nil)
        #expect(analysis.unestimatedCampaigns == ["spring"])
    }
}
