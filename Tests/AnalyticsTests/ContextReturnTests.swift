import Analytics
import Foundation
import Ingest
import Testing

@Suite("Context events that end gradually")
struct ContextReturnTests {
    static let start = CivilDate(year: 2020, month: 3, day: 17) ?? CivilDate(daysSinceEpoch: 0)
    static let end = CivilDate(year: 2020, month: 5, day: 10) ?? CivilDate(daysSinceEpoch: 0)
    static let lockdown = DayRange(start: start, end: end) ?? dayRange(from: start, days: 55)

    static func column(_ step: ContextStep, from offset: Int, through last: Int) -> [Double] {
        (offset...last).map { step.value(on: Self.end.adding(days: $0)) }
    }

    @Test func aStepWithoutReturnStopsOnTheEventsLastDay() {
        let step = ContextStep(id: "lockdown", days: Self.lockdown)
        #expect(step.value(on: Self.start.adding(days: -1)) == 0)
        #expect(step.value(on: Self.start) == 1)
        #expect(Self.column(step, from: 0, through: 2) == [1, 0, 0])
        #expect(step.affectedDays == Self.lockdown)
    }

    @Test func aLinearReturnFallsByEqualStepsToZeroOnItsLastDay() {
        let step = ContextStep(id: "lockdown", days: Self.lockdown, gradualReturn: ContextReturn(days: 4))
        // Days 0 to 5 after the end: 1, 1 − 1/4, 1 − 2/4, 1 − 3/4, 0, 0.
        #expect(Self.column(step, from: 0, through: 5) == [1, 0.75, 0.5, 0.25, 0, 0])
        #expect(step.value(on: Self.start.adding(days: -1)) == 0)
        #expect(step.affectedDays == DayRange(start: Self.start, end: Self.end.adding(days: 4)))
    }

    @Test func anExponentialReturnLeavesFivePercentOnItsLastDay() {
        let step = ContextStep(
            id: "lockdown", days: Self.lockdown, gradualReturn: ContextReturn(days: 4, shape: .exponential))
        // 20^(−k/4): 0.472870805, 0.223606798 (1/√20), 0.105737126, 0.05, then 0.
        let expected = [1, 0.472_870_805, 0.223_606_798, 0.105_737_126, 0.05, 0, 0]
        for (value, reference) in zip(Self.column(step, from: 0, through: 6), expected) {
            #expect(abs(value - reference) < 1e-9)
        }
    }

    @Test func theEstimatesOfACampaignRightAfterAnEventCarryItsEndingNote() throws {
        let history = Self.start.adding(days: -600)
        let campaignStart = Self.end.adding(days: 5)
        let window = dayRange(from: campaignStart, days: 14)
        let calls = simulatedCalls(seed: 11, from: history, days: 700, campaign: window, effect: 1.2)
        let gradual = ContextEvent(
            id: "lockdown-1", name: "Premier confinement", window: Self.lockdown,
            gradualReturn: ContextReturn(days: 14, shape: .exponential))
        let far = ContextEvent(id: "old", window: dayRange(from: Self.start.adding(days: -200), days: 20))
        let campaign = Campaign(id: "banner-119", window: window, helplines: ["119"], banners: [])
        let calendar = CampaignCalendar(
            timeZoneIdentifier: "Europe/Paris", campaigns: [campaign], context: [gradual, far])
        let estimates = CampaignEstimates.estimate(
            campaign: campaign, calendar: calendar,
            series: [DailySeries(name: SeriesName(metric: .calls, key: "119"), values: calls)])
        let note = EstimateNote.contextEnding(
            event: "lockdown-1", endedDaysBefore: 5, declaredReturn: ContextReturn(days: 14, shape: .exponential))
        let model = try #require(estimates.rows.first { $0.method == .model })
        #expect(model.notes.contains(note))
        #expect(!model.notes.contains { if case .contextEnding(event: "old", _, _) = $0 { true } else { false } })
        // A window comparison has no model to rest on the return.
        let comparison = try #require(estimates.rows.first { $0.method == .window })
        #expect(!comparison.notes.contains(note))
    }

    @Test(arguments: [(-43, false), (-42, true), (-1, true), (6, true), (14, true), (15, false)])
    func anEventIsNotedWhenItEndsWithinSixWeeksBeforeOrInsideTheWindow(endOffset: Int, noted: Bool) throws {
        // The window runs from day 0 to day 14 after `start`; the event ends `endOffset` days after `start`.
        let windowStart = Self.start
        let window = dayRange(from: windowStart, days: 15)
        let event = ContextEvent(
            id: "news", window: dayRange(from: windowStart.adding(days: endOffset - 9), days: 10))
        let campaign = Campaign(id: "c", window: window, helplines: ["119"], banners: [])
        let calendar = CampaignCalendar(timeZoneIdentifier: "Europe/Paris", campaigns: [campaign], context: [event])
        let calls = simulatedCalls(seed: 2, from: windowStart.adding(days: -400), days: 430, campaign: nil, effect: 1)
        let estimates = CampaignEstimates.estimate(
            campaign: campaign, calendar: calendar,
            series: [DailySeries(name: SeriesName(metric: .calls, key: "119"), values: calls)])
        let notes = try #require(estimates.rows.first { $0.method == .model }).notes
        let expected = EstimateNote.contextEnding(event: "news", endedDaysBefore: -endOffset, declaredReturn: nil)
        #expect(notes.contains(expected) == noted)
    }
}
