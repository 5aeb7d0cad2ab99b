import Analytics
import Foundation
import Ingest
import Testing

@Suite("Counterfactual model")
struct CounterfactualModelTests {
    static let start = CivilDate(year: 2018, month: 5, day: 7) ?? CivilDate(daysSinceEpoch: 0)
    /// 28 campaign days after two years of history.
    static let campaign = dayRange(from: start.adding(days: 730), days: 28)

    private func model(seed: UInt64, effect: Double, days: Int = 800) -> CounterfactualModel {
        let series = simulatedCalls(
            seed: seed, from: Self.start, days: days, campaign: Self.campaign, effect: effect)
        return CounterfactualModel(series: series, campaign: Self.campaign)
    }

    @Test func upliftIntervalContainsTheSimulatedStep() throws {
        let estimate = model(seed: 7, effect: 1.3).estimate()
        let figures = try #require(estimate.figures, "\(String(describing: estimate.notFittedReason))")
        #expect(figures.upliftInterval.contains(0.3), "\(figures.upliftInterval)")
        #expect(figures.pValue < 0.001)
        #expect(figures.columns.contains(.harmonic(.sin, order: 1)))
        #expect(figures.fittedDays == 730)
        #expect(figures.windowDaysWithData == 28)
        #expect(figures.extra > 0 && figures.extraInterval.contains(figures.extra))
        #expect(figures.expectedInterval.contains(figures.expected))
    }

    @Test func withNoEffectThePValueIsLargeAndThePlaceboFindsNothing() throws {
        let model = model(seed: 11, effect: 1.0)
        let figures = try #require(model.estimate().figures)
        #expect(figures.pValue > 0.2, "p = \(figures.pValue)")
        #expect(figures.upliftInterval.contains(0))
        let placebo = model.placebo()
        let placeboFigures = try #require(placebo.figures)
        #expect(placebo.method == .placebo)
        #expect(placebo.window.end == Self.campaign.start.adding(days: -1))
        #expect(placebo.window.dayCount == Self.campaign.dayCount)
        #expect(placebo.fitWindow.end < placebo.window.start)
        #expect(placeboFigures.upliftInterval.contains(0))
    }

    @Test func pValueAndUpliftIntervalAgreeOverManySeeds() throws {
        var covered = 0
        for seed in UInt64(1)...40 {
            let effect = seed % 2 == 0 ? 1.0 : 1.08
            let figures = try #require(model(seed: seed, effect: effect).estimate().figures)
            let excludesZero = !figures.upliftInterval.contains(0)
            #expect((figures.pValue < 0.05) == excludesZero, "seed \(seed): p \(figures.pValue)")
            if figures.upliftInterval.contains(effect - 1) { covered += 1 }
        }
        // 95 % intervals: fewer than 34 of 40 covering would be very unlikely (binomial p < 0.01).
        #expect(covered >= 34, "\(covered) of 40")
    }

    @Test func minimumDetectableUpliftFollowsTheStandardError() throws {
        let figures = try #require(model(seed: 3, effect: 1.0).estimate().figures)
        // Student's t with the 3n/(2W) degrees of freedom of a Bartlett-weighted W-day variance from n days.
        let degreesOfFreedom = max(4, 1.5 * Double(figures.fittedDays) / Double(figures.windowDaysWithData))
        let t = SpecialFunctions.studentCriticalValue(confidenceLevel: 0.95, degreesOfFreedom: degreesOfFreedom)
        let expected = exp((t + 0.8416212335729143) * figures.standardError) - 1
        #expect(abs(figures.minimumDetectableUplift - expected) < 1e-12)
        #expect(figures.minimumDetectableUplift > 0 && figures.minimumDetectableUplift < 0.2)
    }

    @Test func fewerThanTwentyEightFittedDaysGivesTheReasonInsteadOfAModel() {
        let series = simulatedCalls(
            seed: 5, from: Self.campaign.start.adding(days: -20), days: 48, campaign: Self.campaign, effect: 1)
        let estimate = CounterfactualModel(series: series, campaign: Self.campaign).estimate()
        #expect(!estimate.isFitted)
        guard case .tooFewFittedDays(found: 20, _, needed: 28) = estimate.notFittedReason else {
            Issue.record(
                "expected 20 of the 28 fitted days needed, got \(String(describing: estimate.notFittedReason))")
            return
        }
    }

    @Test func allZeroHistoryIsNotFittedWithItsReason() {
        var series: [CivilDate: Double] = [:]
        for day in (DayRange(start: Self.campaign.start.adding(days: -60), end: Self.campaign.end)?.days ?? []) {
            series[day] = Self.campaign.contains(day) ? 3 : 0
        }
        let estimate = CounterfactualModel(series: series, campaign: Self.campaign).estimate()
        #expect(estimate.notFittedReason == .allFittedDaysZero(days: 60))
    }

    @Test func constantHolidayAndContextColumnsAreDroppedAndNoted() throws {
        let series = simulatedCalls(seed: 9, from: Self.start, days: 800, campaign: nil, effect: 1)
        let insideCampaign = try #require(
            DayRange(start: Self.campaign.start, end: Self.campaign.start.adding(days: 3)))
        let model = CounterfactualModel(
            series: series, campaign: Self.campaign, holidays: [],
            contextEvents: [ContextStep(id: "late-news", days: insideCampaign)])
        let estimate = model.estimate()
        let figures = try #require(estimate.figures)
        #expect(!figures.columns.contains(.holiday))
        #expect(!figures.columns.contains(.contextEvent(id: "late-news")))
        #expect(estimate.notes.contains(.columnDropped(.holiday)))
        #expect(estimate.notes.contains(.columnDropped(.contextEvent(id: "late-news"))))
    }

    @Test func contextEventsAndHolidaysThatVaryAreKept() throws {
        let series = simulatedCalls(seed: 9, from: Self.start, days: 800, campaign: nil, effect: 1)
        let lockdown = try #require(DayRange(start: Self.start.adding(days: 300), end: Self.start.adding(days: 355)))
        let holidays = Set((2018...2020).flatMap { PublicHolidays.france(year: $0) })
        let figures = try #require(
            CounterfactualModel(
                series: series, campaign: Self.campaign, holidays: holidays,
                contextEvents: [ContextStep(id: "lockdown", days: lockdown)]
            ).estimate().figures)
        #expect(figures.columns.contains(.holiday))
        #expect(figures.columns.contains(.contextEvent(id: "lockdown")))
    }

    @Test func missingDaysAreListedAndLeftOutRatherThanZeroFilled() throws {
        var series = simulatedCalls(seed: 4, from: Self.start, days: 800, campaign: Self.campaign, effect: 1)
        let gone = [Self.campaign.start.adding(days: 2), Self.campaign.start.adding(days: 9)]
        for day in gone { series[day] = nil }
        let estimate = CounterfactualModel(series: series, campaign: Self.campaign).estimate()
        let figures = try #require(estimate.figures)
        #expect(estimate.missingDays == gone)
        #expect(figures.windowDaysWithData == 26)
        #expect(figures.upliftInterval.contains(0))
        let chartDay = try #require(figures.daily.first { $0.date == gone[0] })
        #expect(chartDay.observed == nil && chartDay.inWindow && !chartDay.usedInFit)
    }

    @Test func persistenceEvaluatesTheEqualWindowAfterTheCampaign() throws {
        let persistence = model(seed: 12, effect: 1.5).persistence()
        #expect(persistence.method == .persistence)
        #expect(persistence.window.start == Self.campaign.end.adding(days: 1))
        #expect(persistence.window.dayCount == Self.campaign.dayCount)
        let figures = try #require(persistence.figures)
        // The simulated effect stops with the campaign.
        #expect(figures.upliftInterval.contains(0), "\(figures.upliftInterval)")
    }

    @Test func shortHistoryFitsWithoutSeasonalityAndSaysSo() throws {
        let series = simulatedCalls(
            seed: 2, from: Self.campaign.start.adding(days: -200), days: 228, campaign: Self.campaign, effect: 1)
        let estimate = CounterfactualModel(series: series, campaign: Self.campaign).estimate()
        let figures = try #require(estimate.figures)
        #expect(!figures.columns.contains(.harmonic(.sin, order: 1)))
        #expect(
            estimate.notes.contains {
                if case .seasonalityNotModelled = $0 { return true } else { return false }
            })
    }
}
