import Analytics
import Foundation
import Ingest
import Testing

@Suite("Window comparison")
struct WindowComparisonTests {
    static let campaignStart = CivilDate(year: 2020, month: 5, day: 4) ?? CivilDate(daysSinceEpoch: 0)
    static let campaign = dayRange(from: campaignStart, days: 14)

    /// Constant days: `campaignLevel` a day in the campaign, `baselineLevel` before it.
    private func flatSeries(campaignLevel: Double, baselineLevel: Double) -> [CivilDate: Double] {
        var series: [CivilDate: Double] = [:]
        for offset in -400..<14 {
            let day = Self.campaignStart.adding(days: offset)
            series[day] = offset >= 0 ? campaignLevel : baselineLevel
        }
        return series
    }

    @Test func ratioUpliftAndExtraFollowTheDesignFormulas() throws {
        let series = flatSeries(campaignLevel: 60, baselineLevel: 50)
        let baseline = try #require(WindowComparison.precedingBaseline(for: Self.campaign))
        #expect(baseline.dayCount == 28 && baseline.end == Self.campaignStart.adding(days: -1))
        let comparison = WindowComparison(series: series, campaign: Self.campaign, baseline: baseline)
        let estimate = try #require(comparison.estimate)
        #expect(comparison.status == .estimated)
        #expect(comparison.campaignTotal == 840 && comparison.baselineTotal == 1400)
        #expect(abs(estimate.rateRatio - 1.2) < 1e-12)
        #expect(abs(estimate.uplift - 0.2) < 1e-12)
        #expect(abs(estimate.extra - 140) < 1e-9)
        // Perfectly regular days: φ is floored at 1 and the flag stays down.
        #expect(estimate.dispersion == 1)
        #expect(!estimate.exactIntervalIsMisleadinglyNarrow)
        #expect(estimate.rateRatioInterval.contains(1.2) && estimate.exact.interval.contains(1.2))
        #expect(estimate.extraInterval.contains(140))
    }

    @Test func overdispersedDaysWidenTheIntervalAndFlagTheExactOne() throws {
        var series: [CivilDate: Double] = [:]
        var generator = SplitMix64(seed: 42)
        for offset in -28..<14 {
            // Days alternate between quiet and busy: far more spread than Poisson.
            series[Self.campaignStart.adding(days: offset)] = generator.uniform() < 0.5 ? 20 : 90
        }
        let baseline = try #require(WindowComparison.precedingBaseline(for: Self.campaign))
        let estimate = try #require(
            WindowComparison(series: series, campaign: Self.campaign, baseline: baseline).estimate)
        #expect(estimate.dispersion > 1.5)
        #expect(estimate.exactIntervalIsMisleadinglyNarrow)
        let scaledWidth = log(estimate.rateRatioInterval.upper / estimate.rateRatioInterval.lower)
        let exactWidth = log(estimate.exact.interval.upper / estimate.exact.interval.lower)
        #expect(scaledWidth > 1.2 * exactWidth)
        #expect((estimate.pValue < 0.05) == !estimate.rateRatioInterval.contains(1))
    }

    @Test func aZeroBaselineSaysNoBaselineInsteadOfAnInfiniteUplift() throws {
        let series = flatSeries(campaignLevel: 5, baselineLevel: 0)
        let baseline = try #require(WindowComparison.precedingBaseline(for: Self.campaign))
        let comparison = WindowComparison(series: series, campaign: Self.campaign, baseline: baseline)
        #expect(comparison.status == .noBaseline)
        #expect(comparison.estimate == nil)
        #expect(comparison.shortfall == .zeroBaselineTotal(days: 28))
    }

    @Test func missingDaysLeaveTheTotalsAndDayCounts() throws {
        var series = flatSeries(campaignLevel: 60, baselineLevel: 50)
        series[Self.campaignStart.adding(days: 3)] = nil
        series[Self.campaignStart.adding(days: -5)] = nil
        let baseline = try #require(WindowComparison.precedingBaseline(for: Self.campaign))
        let comparison = WindowComparison(series: series, campaign: Self.campaign, baseline: baseline)
        #expect(comparison.campaignDaysWithData == 13 && comparison.baselineDaysWithData == 27)
        #expect(comparison.missingDays.count == 2)
        #expect(abs((comparison.estimate?.rateRatio ?? 0) - 1.2) < 1e-12)
    }

    @Test func yearOverYearComparesTheWindow364DaysEarlier() throws {
        let series = flatSeries(campaignLevel: 60, baselineLevel: 40)
        let comparison = try #require(WindowComparison.yearOverYear(series: series, campaign: Self.campaign))
        #expect(comparison.method == .yearOverYear)
        #expect(comparison.baselineWindow.start == Self.campaignStart.adding(days: -364))
        #expect(comparison.baselineWindow.start.isoWeekday == Self.campaignStart.isoWeekday)
        #expect(abs((comparison.estimate?.rateRatio ?? 0) - 1.5) < 1e-12)
    }

    @Test func noDataInTheCampaignWindowIsReported() throws {
        let series = flatSeries(campaignLevel: 60, baselineLevel: 50).filter { $0.key < Self.campaignStart }
        let baseline = try #require(WindowComparison.precedingBaseline(for: Self.campaign))
        let comparison = WindowComparison(series: series, campaign: Self.campaign, baseline: baseline)
        #expect(comparison.status == .noCampaignData)
    }

    /// Two baseline days each at the largest count a feed accepts (2⁶³ − 1) add up past it: the comparison is
    /// refused with the window whose total overflowed, where the exact test used to trap converting the total.
    @Test func totalsPastTheLargestCountAreATypedRefusalNamingTheWindow() throws {
        let largest = Double(Int64.max)
        var series: [CivilDate: Double] = [:]
        for day in Self.campaign.days { series[day] = 3 }
        let baseline = try #require(WindowComparison.precedingBaseline(for: Self.campaign, days: 2))
        for day in baseline.days { series[day] = largest }
        let comparison = WindowComparison(series: series, campaign: Self.campaign, baseline: baseline)
        #expect(comparison.status == .totalTooLarge)
        #expect(comparison.estimate == nil)
        #expect(comparison.shortfall == .totalTooLarge(window: baseline))
    }

    /// Campaign and baseline each within the limit but not together: `RateRatio` adds them, so they are refused.
    @Test func totalsWithinTheLimitApartButNotTogetherAreRefused() throws {
        let half = Double(Int64.max / 2 + 1)
        var series: [CivilDate: Double] = [:]
        let campaign = try #require(DayRange(start: Self.campaignStart, end: Self.campaignStart))
        let baseline = try #require(WindowComparison.precedingBaseline(for: campaign, days: 1))
        series[Self.campaignStart] = half
        series[baseline.start] = half
        let comparison = WindowComparison(series: series, campaign: campaign, baseline: baseline)
        #expect(comparison.shortfall == .totalTooLarge(window: campaign))
        #expect(
            RateRatio(events: Int.max / 2 + 1, exposure: 1, referenceEvents: Int.max / 2 + 1, referenceExposure: 1)
                == nil)
    }
}
