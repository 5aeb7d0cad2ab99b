import Analytics
import Foundation
import Ingest
import Testing

/// The one decision of what a headline quotes (``HeadlineChoice``) and the checks that can caution it.
@Suite("Headline choice")
struct HeadlineChoiceTests {
    static let setting = CalibrationTests.settings[0]
    static var historyDays: Int { Int((setting.historyYears * 365).rounded()) }

    @Test func aWellSpecifiedModelIsQuotedWithoutCautionOnOneRowPerSeries() throws {
        let simulated = NoisyCalls(setting: Self.setting, seed: 11)
        let headline = try #require(SimulatedHeadline.headline(simulated))
        #expect(headline.choice.basis == .model)
        #expect(headline.choice.method == .model)
        #expect(headline.choice.otherComparisons.map(\.method) == [.window, .yearOverYear])
        let check = try #require(
            RecentFitCheck(
                CounterfactualModel(
                    series: simulated.series, campaign: simulated.campaign, holidays: NoisyCalls.holidays
                ).estimate()))
        #expect(check.fittedDays == RecentFitCheck.spanDays)
        #expect(!check.fails)
        #expect(check.interval.contains(1))
    }

    @Test func aLevelThatMovedSixWeeksBeforeIsFoundByTheModelAndNeedsNoCaution() throws {
        let from = Self.historyDays - 42
        let simulated = NoisyCalls(setting: Self.setting, seed: 11, uplift: 0, shock: { $0 >= from ? 1.2 : 1 })
        let headline = try #require(SimulatedHeadline.headline(simulated))
        let shift = NoisyCalls.start.adding(days: from)
        let levels = headline.figures.columns.compactMap { column -> CivilDate? in
            guard case .change(let change) = column, change.kind == .level else { return nil }
            return change.day
        }
        #expect(levels.contains { abs($0.days(to: shift)) <= 3 }, "\(headline.figures.columns)")
        #expect(headline.figures.upliftInterval.contains(0), "\(headline.figures.upliftInterval)")
        #expect(!headline.choice.cautions.contains { $0.code == .recentMisfit })
    }

    @Test func aLevelThatMovedThreeWeeksBeforeCautionsTheHeadline() throws {
        // Too close to the start for the model to place a change there (`TrendChange.minimumDaysAfter`): the
        // nearest change it may place takes in a week of the old level, and the checks see what is left.
        let from = Self.historyDays - 21
        let simulated = NoisyCalls(setting: Self.setting, seed: 11, uplift: 0, shock: { $0 >= from ? 1.25 : 1 })
        let headline = try #require(SimulatedHeadline.headline(simulated))
        #expect(!headline.choice.cautions.isEmpty, "uplift \(headline.figures.uplift)")
    }

    @Test func aComparisonAdjustedByTheModelIsTheModelsRatioTimesItsMisfitOverTheReferenceDays() throws {
        let simulated = NoisyCalls(setting: Self.setting, seed: 13)
        let model = CounterfactualModel(
            series: simulated.series, campaign: simulated.campaign, holidays: NoisyCalls.holidays
        ).estimate()
        let figures = try #require(model.figures)
        let baseline = try #require(WindowComparison.precedingBaseline(for: simulated.campaign))
        let comparison = WindowComparison(series: simulated.series, campaign: simulated.campaign, baseline: baseline)
        let adjusted = try #require(model.modelAdjusted(comparison))
        let expectedOverBaseline = figures.daily.filter { baseline.contains($0.date) }.reduce(0) { $0 + $1.expected }
        let observedOverBaseline = baseline.days.reduce(0) { $0 + (simulated.series[$1] ?? 0) }
        let product = figures.observed / figures.expected * expectedOverBaseline / observedOverBaseline
        #expect(abs(adjusted.uplift - (product - 1)) < 1e-9)
        let raw = try #require(comparison.estimate)
        let scale = (1 + adjusted.uplift) / (1 + raw.uplift)
        #expect(abs(adjusted.interval.lower - ((1 + raw.upliftInterval.lower) * scale - 1)) < 1e-9)
        #expect(adjusted.method == .window)
    }

    @Test func aComparisonBiasedOnlyByTheSeasonTheModelKnowsIsNoWitnessAgainstIt() {
        // Stable Poisson series with a yearly cycle at 200 calls a day: the window and year-over-year rows are
        // precise enough to exclude 0 and miss the model's interval for the season and trend between their
        // reference days and the window alone. Counted over 20 null campaigns: how often a row as it stands
        // contradicts the model (the rule before), against the caution now.
        var rawContradictions = 0
        var cautions = 0
        for seed in 1...20 {
            let simulated = NoisyCalls(setting: Self.setting, seed: UInt64(seed), stream: "null", uplift: 0)
            guard let headline = SimulatedHeadline.headline(simulated) else { continue }
            let model = headline.figures.upliftInterval
            let contradicting = headline.choice.otherComparisons.filter { finding in
                finding.excludesZero && (finding.uplift > model.upper || finding.uplift < model.lower)
            }
            if !contradicting.isEmpty { rawContradictions += 1 }
            if headline.choice.cautions.contains(where: { $0.code == .methodsDisagree }) { cautions += 1 }
        }
        #expect(rawContradictions >= 5, "\(rawContradictions)")
        #expect(cautions <= 1, "\(cautions)")
    }

    @Test func aYearlyDipTheModelDoesNotKnowIsSeenByThePlaceboAYearEarlier() throws {
        // Every year the campaign's days fall 30%; the campaign lifts them by 40%, back near the usual level.
        let start = Self.historyDays
        let length = Self.setting.campaignDays
        let dip: (Int) -> Double = { offset in
            let before = start - offset
            let back = ((before % 364) + 364) % 364
            return (back == 0 || back > 364 - length) ? 0.7 : 1
        }
        let simulated = NoisyCalls(setting: Self.setting, seed: 12, uplift: 0.4, shock: dip)
        let headline = try #require(SimulatedHeadline.headline(simulated))
        let codes = headline.choice.cautions.map(\.code)
        #expect(codes.contains(.placebo))
        // The year-over-year row, which the dip does not fool, is among what the headline reports alongside.
        let yearOverYear = try #require(headline.choice.otherComparisons.first { $0.method == .yearOverYear })
        #expect(yearOverYear.interval.lower > 0.2)
        guard case .placebo(let window, let uplift, _) = headline.choice.cautions.first(where: { $0.code == .placebo })
        else { return }
        #expect(window.start == simulated.campaign.start.adding(days: -364))
        #expect(uplift < -0.15)
    }

    @Test func aModelThatCannotBeFittedLeavesTheHeadlineToTheWindowComparison() throws {
        let start = CivilDate(year: 2020, month: 4, day: 15) ?? CivilDate(daysSinceEpoch: 0)
        let window = dayRange(from: start.adding(days: 19), days: 14)
        let calls = simulatedCalls(seed: 3, from: start, days: 33, campaign: window, effect: 1.3)
        let name = SeriesName(metric: .calls, key: "119")
        let campaign = Campaign(id: "short", window: window, helplines: ["119"])
        let estimates = CampaignEstimates.estimate(
            campaign: campaign, calendar: CampaignCalendar(timeZoneIdentifier: "Europe/Paris", campaigns: [campaign]),
            series: [DailySeries(name: name, values: calls)])
        let choice = try #require(estimates.headline)
        guard case .windowBecauseModelNotFitted(let reason) = choice.basis else {
            Issue.record("expected the window comparison, got \(choice.basis)")
            return
        }
        #expect(
            reason
                == .tooFewFittedDays(
                    found: 19, fitRange: try #require(estimates.series.first?.model?.fitWindow), needed: 28))
        let marked = estimates.rows.filter(\.headline)
        #expect(marked.map(\.method) == [.window])
        #expect(marked.allSatisfy { $0.cautions.isEmpty })
    }

    @Test func aSeriesWithoutAnyDataHasNoHeadline() throws {
        let start = CivilDate(year: 2020, month: 5, day: 4) ?? CivilDate(daysSinceEpoch: 0)
        let campaign = Campaign(id: "empty", window: dayRange(from: start, days: 14), helplines: ["119"])
        let estimates = CampaignEstimates.estimate(
            campaign: campaign, calendar: CampaignCalendar(timeZoneIdentifier: "Europe/Paris", campaigns: [campaign]),
            series: [])
        let choice = try #require(estimates.headline)
        #expect(choice.basis == .none)
        #expect(!choice.isEstimated)
        #expect(estimates.rows.allSatisfy { !$0.headline })
    }
}
