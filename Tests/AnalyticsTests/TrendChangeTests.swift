import Analytics
import Foundation
import Ingest
import Testing

/// Changes of level and slope that nobody declared, found by the model in its fitted days (``TrendChange``) and
/// carried into the window.
@Suite("Trend changes")
struct TrendChangeTests {
    static let setting = CalibrationTests.settings[0]
    static var historyDays: Int { Int((setting.historyYears * 365).rounded()) }

    static func changes(_ estimate: CounterfactualEstimate) -> [TrendChange] {
        estimate.notes.compactMap { note in
            if case .trendChanged(let change) = note { return change }
            return nil
        }
    }

    static func model(_ simulated: NoisyCalls, detecting: Bool = true) -> CounterfactualModel {
        CounterfactualModel(
            series: simulated.series, campaign: simulated.campaign, holidays: NoisyCalls.holidays,
            detectsTrendChanges: detecting)
    }

    @Test func aLevelColumnIsAStepAndASlopeColumnAHingeInYears() throws {
        let day = try #require(CivilDate(year: 2020, month: 3, day: 2))
        let level = TrendChange(kind: .level, day: day)
        let slope = TrendChange(kind: .slope, day: day)
        #expect(level.columnName == "level:2020-03-02")
        #expect(slope.columnName == "slope:2020-03-02")
        #expect(level.value(on: day.adding(days: -1)) == 0)
        #expect(level.value(on: day) == 1)
        #expect(level.value(on: day.adding(days: 400)) == 1)
        #expect(slope.value(on: day.adding(days: -30)) == 0)
        #expect(slope.value(on: day) == 0)
        #expect(abs(slope.value(on: day.adding(days: 730)) - 730 / 365.25) < 1e-12)
    }

    @Test func findsALevelThatMovedTenWeeksBeforeNearItsDayAndCoversTheUplift() throws {
        // 67 days before the start: between two candidates of the weekly grid (63 and 70 days before).
        let from = Self.historyDays - 67
        let simulated = NoisyCalls(setting: Self.setting, seed: 21, shock: { $0 >= from ? 1.2 : 1 })
        let estimate = Self.model(simulated).estimate()
        let figures = try #require(estimate.figures)
        let shift = NoisyCalls.start.adding(days: from)
        let found = Self.changes(estimate)
        let level = try #require(found.first { $0.kind == .level }, "found \(found)")
        #expect(abs(level.day.days(to: shift)) <= 3, "found \(found)")
        #expect(figures.columns.contains(.change(level)))
        #expect(figures.upliftInterval.contains(Self.setting.uplift), "\(figures.upliftInterval)")
        // Without the search the model spreads the new level over two years, finds the campaign too large, and
        // its noise estimate reads the long run of high residuals as correlation: an interval over twice as wide.
        let without = try #require(Self.model(simulated, detecting: false).estimate().figures)
        #expect(without.uplift > figures.uplift + 0.05)
        let width = figures.upliftInterval.upper - figures.upliftInterval.lower
        #expect(without.upliftInterval.upper - without.upliftInterval.lower > 2 * width)
    }

    @Test func followsATrendThatBentEightMonthsBeforeWithTheLastYearsSlope() throws {
        let from = Self.historyDays - 243
        // The design lets the trend bend a year before the window (`recentTrendDays`), which a slope that
        // changed eight months before needs more than the search's change points: one straight trend with the
        // yearly terms carried such a bend 4 points into the window's expected count. Each series is set against
        // the same draw without the bend, so that only the bend's effect on the estimate is left.
        var differences: [Double] = []
        for seed in UInt64(1)...8 {
            let bent = NoisyCalls(
                setting: Self.setting, seed: seed, shock: { $0 >= from ? 1 + 0.15 * Double($0 - from) / 365.25 : 1 })
            let figures = try #require(Self.model(bent).estimate().figures)
            let flat = try #require(Self.model(NoisyCalls(setting: Self.setting, seed: seed)).estimate().figures)
            let knot = bent.campaign.start.adding(days: -CounterfactualModel.recentTrendDays)
            #expect(figures.columns.contains(.recentTrend(since: knot)), "\(figures.columns.map(\.name))")
            differences.append(figures.uplift - flat.uplift)
        }
        let mean = differences.reduce(0, +) / Double(differences.count)
        #expect(abs(mean) < 0.025, "\(differences)")
    }

    @Test func findsNoChangeInMostStableSeries() {
        let found = (1...10).map { seed in
            Self.changes(Self.model(NoisyCalls(setting: Self.setting, seed: UInt64(100 + seed))).estimate())
        }
        #expect(found.filter { !$0.isEmpty }.count <= 2, "\(found)")
    }

    @Test func noChangeIsPlacedInTheFourWeeksBeforeTheWindow() {
        // A level that moved three weeks before the start cannot be told from an early campaign effect.
        let from = Self.historyDays - 21
        let simulated = NoisyCalls(setting: Self.setting, seed: 23, uplift: 0, shock: { $0 >= from ? 1.25 : 1 })
        let estimate = Self.model(simulated).estimate()
        for change in Self.changes(estimate) {
            #expect(change.day.days(to: simulated.campaign.start) >= TrendChange.minimumDaysAfter)
        }
    }

    @Test func withoutTheSearchTheModelHasNoChangeColumn() throws {
        let from = Self.historyDays - 67
        let simulated = NoisyCalls(setting: Self.setting, seed: 21, shock: { $0 >= from ? 1.2 : 1 })
        let estimate = Self.model(simulated, detecting: false).estimate()
        let figures = try #require(estimate.figures)
        #expect(Self.changes(estimate).isEmpty)
        #expect(!figures.columns.contains { if case .change = $0 { true } else { false } })
    }
}
