import Analytics
import Foundation
import Ingest
import Testing

/// The change search's effect on calibration (issue 25 item 4): each setting simulated with its uplift and
/// without, and fitted with the search and without it (`detectsTrendChanges`), so that one run gives both sides.
///
/// `AWARENESS_CALIBRATION=1 swift test -c release -Xswiftc -enable-testing --filter TrendChangeCalibration`;
/// simulations per setting with `AWARENESS_TREND_SIMULATIONS` (default 200), first seed with
/// `AWARENESS_CALIBRATION_SEED`, `AWARENESS_CALIBRATION_ONLY=1,14` for some settings (1-based: the thirteen
/// stable settings of ``CalibrationTests``, then four misfits: a level shift and a slope change on the AR ρ 0.5 and the independent Poisson settings). Prints
/// coverage, null findings and the share of null fits where a change was found, with and without the search.
@Suite("Trend change calibration")
struct TrendChangeCalibrationTests {
    typealias Misfit = SimulatedHeadline.Misfit

    static let settings: [(NoisyCalls.Setting, Misfit)] =
        CalibrationTests.settings.map { ($0, Misfit.none) }
        + [
            (CalibrationTests.settings[6], .levelShift), (CalibrationTests.settings[6], .slopeChange),
            (CalibrationTests.settings[0], .levelShift), (CalibrationTests.settings[0], .slopeChange),
        ]

    struct Outcome {
        var simulations = 0
        var covered = [0, 0]
        var nullFindings = [0, 0]
        var changesOnNull = 0
        var changesOnEffect = 0
        var widths: [[Double]] = [[], []]
    }

    static func run(_ setting: NoisyCalls.Setting, misfit: Misfit, count: Int, firstSeed: UInt64) -> Outcome {
        var outcome = Outcome()
        let historyDays = Int((setting.historyYears * 365).rounded())
        for index in 0..<count {
            let seed = firstSeed + UInt64(index)
            let shock = SimulatedHeadline.shock(misfit, historyDays: historyDays, seed: seed)
            let treated = NoisyCalls(setting: setting, seed: seed, shock: shock)
            let null = NoisyCalls(setting: setting, seed: seed, stream: "null", uplift: 0, shock: shock)
            var fitted: [(CounterfactualEstimate, CounterfactualEstimate)] = []
            for detecting in [true, false] {
                let effect = CounterfactualModel(
                    series: treated.series, campaign: treated.campaign, holidays: NoisyCalls.holidays,
                    detectsTrendChanges: detecting
                ).estimate()
                let nothing = CounterfactualModel(
                    series: null.series, campaign: null.campaign, holidays: NoisyCalls.holidays,
                    detectsTrendChanges: detecting
                ).estimate()
                fitted.append((effect, nothing))
            }
            guard fitted.allSatisfy({ $0.0.isFitted && $0.1.isFitted }) else { continue }
            outcome.simulations += 1
            for (slot, (effect, nothing)) in fitted.enumerated() {
                guard let figures = effect.figures, let nullFigures = nothing.figures else { continue }
                if figures.upliftInterval.contains(setting.uplift) { outcome.covered[slot] += 1 }
                if !nullFigures.upliftInterval.contains(0) { outcome.nullFindings[slot] += 1 }
                outcome.widths[slot].append(figures.upliftInterval.upper - figures.upliftInterval.lower)
            }
            func hasChange(_ estimate: CounterfactualEstimate) -> Bool {
                estimate.notes.contains { if case .trendChanged = $0 { return true } else { return false } }
            }
            if hasChange(fitted[0].1) { outcome.changesOnNull += 1 }
            if hasChange(fitted[0].0) { outcome.changesOnEffect += 1 }
        }
        return outcome
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["AWARENESS_CALIBRATION"] == "1"))
    func printsCoverageAndNullFindingsWithAndWithoutTheSearch() {
        let environment = ProcessInfo.processInfo.environment
        let count = max(20, environment["AWARENESS_TREND_SIMULATIONS"].flatMap { Int($0) } ?? 200)
        let seed = environment["AWARENESS_CALIBRATION_SEED"].flatMap { UInt64($0) } ?? 1
        let only = environment["AWARENESS_CALIBRATION_ONLY"].map {
            Set($0.split(separator: ",").compactMap { Int($0) })
        }
        func percent(_ value: Int, _ total: Int) -> String {
            String(format: "%.1f%%", 100 * Double(value) / Double(max(1, total)))
        }
        func width(_ values: [Double]) -> String { String(format: "%.3f", CalibrationOutcome.median(values)) }
        print(
            "trend change calibration: \(count) simulations per setting from seed \(seed)\n"
                + "| setting | misfit | coverage | null significant | median width | change found (null) "
                + "| change found (effect) | without: coverage | without: null | without: width |\n"
                + "|---|---|---|---|---|---|---|---|---|---|")
        for (index, (setting, misfit)) in Self.settings.enumerated() {
            if let only, !only.contains(index + 1) { continue }
            let clock = ContinuousClock()
            var outcome = Outcome()
            let elapsed = clock.measure {
                outcome = Self.run(setting, misfit: misfit, count: count, firstSeed: seed)
            }
            let n = outcome.simulations
            print(
                "| \(setting.name) | \(misfit.rawValue) | \(percent(outcome.covered[0], n)) "
                    + "| \(percent(outcome.nullFindings[0], n)) | \(width(outcome.widths[0])) "
                    + "| \(percent(outcome.changesOnNull, n)) | \(percent(outcome.changesOnEffect, n)) "
                    + "| \(percent(outcome.covered[1], n)) | \(percent(outcome.nullFindings[1], n)) "
                    + "| \(width(outcome.widths[1])) | (\(elapsed))")
            #expect(n == count, "\(setting)")
        }
    }
}

/// The cost of the change search (issue 25 item 11: at most 5 ms per 730-day fit in release). A benchmark, not an
/// assertion: `AWARENESS_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter TrendChangeSpeed`.
@Suite("Trend change speed")
struct TrendChangeSpeedTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AWARENESS_BENCH"] == "1"))
    func printsTheMedianFitTimeWithAndWithoutTheSearch() {
        let simulated = SimulatedCampaign(seed: 42, effect: 1.2)
        let clock = ContinuousClock()
        for detecting in [false, true] {
            let model = CounterfactualModel(
                series: simulated.series, campaign: simulated.campaign, holidays: simulated.holidays,
                detectsTrendChanges: detecting)
            var durations: [Duration] = []
            for _ in 0..<51 { durations.append(clock.measure { _ = model.estimate() }) }
            durations.sort()
            print(
                "estimate() on \(simulated.series.count) days, search \(detecting ? "on" : "off"): median "
                    + "\(durations[25]), min \(durations[0]), max \(durations[50])")
        }
    }
}
