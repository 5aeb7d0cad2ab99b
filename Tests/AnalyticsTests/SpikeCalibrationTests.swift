import Analytics
import Foundation
import Ingest
import Testing

/// Calibration under news spikes (issue 25, item 7): `SpikyCalls` at four spikes a year on two settings of
/// `CalibrationTests`, each campaign drawn with the uplift and again with none, and the same campaign without its
/// spikes for the width. The headline is the pipeline's (`SimulatedHeadline.headline`).
///
/// `AWARENESS_CALIBRATION=1 swift test -c release --filter SpikeCalibration`; simulations per setting with
/// `AWARENESS_SPIKE_SIMULATIONS` (default 300, at least 50), first seed with `AWARENESS_CALIBRATION_SEED`.
/// Targets (issue 25, item 8, for structure the model is not told about): coverage at least 90% and a headline
/// that misses the truth with no caution at most 5% of the time, on campaigns with the effect and on null ones.
@Suite("Spike calibration")
struct SpikeCalibrationTests {
    /// The settings spikes are added to: independent Poisson days, and correlated negative-binomial ones.
    static let settings = [CalibrationTests.settings[0], CalibrationTests.settings[6]]

    struct Outcome {
        var simulations = 0
        var notFitted = 0
        var covered = 0
        var nullFindings = 0
        var silentMisses = 0
        var silentNullMisses = 0
        var spikeCautions = 0
        var spikeCautionsNull = 0
        var windowsWithSpike = 0
        var widths: [Double] = []
        var widthRatios: [Double] = []
        var calmWidths: [Double] = []

        func rate(_ count: Int) -> Double { Double(count) / Double(max(1, simulations)) }
    }

    static func run(_ setting: NoisyCalls.Setting, count: Int, firstSeed: UInt64) -> Outcome {
        var outcome = Outcome()
        for index in 0..<count {
            let seed = firstSeed + UInt64(index)
            let treated = SpikyCalls(setting: setting, seed: seed, rate: SpikyCalls.defaultRate)
            let null = SpikyCalls(setting: setting, seed: seed, stream: "null", uplift: 0, rate: SpikyCalls.defaultRate)
            let calm = treated.calm
            guard let effect = SimulatedHeadline.headline(calm, series: treated.series),
                let nothing = SimulatedHeadline.headline(null.calm, series: null.series),
                let reference = SimulatedHeadline.headline(calm)
            else {
                outcome.notFitted += 1
                continue
            }
            outcome.simulations += 1
            let interval = effect.figures.upliftInterval
            if interval.contains(setting.uplift) { outcome.covered += 1 }
            if !nothing.figures.upliftInterval.contains(0) { outcome.nullFindings += 1 }
            if effect.missesSilently(setting.uplift) { outcome.silentMisses += 1 }
            if nothing.missesSilently(0) { outcome.silentNullMisses += 1 }
            if effect.choice.cautions.contains(where: { $0.code == .spikeInWindow }) { outcome.spikeCautions += 1 }
            if nothing.choice.cautions.contains(where: { $0.code == .spikeInWindow }) {
                outcome.spikeCautionsNull += 1
            }
            let window = treated.campaign
            if treated.onsets.contains(where: { window.contains($0) }) { outcome.windowsWithSpike += 1 }
            let width = interval.upper - interval.lower
            let calmInterval = reference.figures.upliftInterval
            let calmWidth = calmInterval.upper - calmInterval.lower
            outcome.widths.append(width)
            outcome.calmWidths.append(calmWidth)
            if calmWidth > 0 { outcome.widthRatios.append(width / calmWidth) }
        }
        return outcome
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["AWARENESS_CALIBRATION"] == "1"))
    func spikesKeepCoverageAbove90PercentAndAreSaidWhenTheyCarryTheWindow() {
        let environment = ProcessInfo.processInfo.environment
        let count = max(50, environment["AWARENESS_SPIKE_SIMULATIONS"].flatMap { Int($0) } ?? 300)
        let seed = environment["AWARENESS_CALIBRATION_SEED"].flatMap { UInt64($0) } ?? 1
        func percent(_ value: Double) -> String { String(format: "%.1f%%", 100 * value) }
        func number(_ value: Double) -> String { String(format: "%.3f", value) }
        print(
            "spike calibration: \(count) simulations per setting from seed \(seed), 4 spikes a year\n"
                + "| setting | coverage | null significant | silent miss (effect) | silent miss (null) "
                + "| spike_in_window (effect) | spike_in_window (null) | windows with a spike | median width "
                + "| width without spikes | median width ratio |\n|---|---|---|---|---|---|---|---|---|---|---|")
        for setting in Self.settings {
            let outcome = Self.run(setting, count: count, firstSeed: seed)
            print(
                "| \(setting.name) | \(percent(outcome.rate(outcome.covered))) "
                    + "| \(percent(outcome.rate(outcome.nullFindings))) "
                    + "| \(percent(outcome.rate(outcome.silentMisses))) "
                    + "| \(percent(outcome.rate(outcome.silentNullMisses))) "
                    + "| \(percent(outcome.rate(outcome.spikeCautions))) "
                    + "| \(percent(outcome.rate(outcome.spikeCautionsNull))) "
                    + "| \(percent(outcome.rate(outcome.windowsWithSpike))) "
                    + "| \(number(CalibrationOutcome.median(outcome.widths))) "
                    + "| \(number(CalibrationOutcome.median(outcome.calmWidths))) "
                    + "| \(number(CalibrationOutcome.median(outcome.widthRatios))) |")
            #expect(outcome.notFitted == 0, "\(setting)")
            #expect(outcome.rate(outcome.covered) >= 0.90, "\(setting): coverage \(outcome.covered)")
            #expect(outcome.rate(outcome.silentMisses) <= 0.05, "\(setting): silent \(outcome.silentMisses)")
            #expect(outcome.rate(outcome.silentNullMisses) <= 0.05, "\(setting): silent \(outcome.silentNullMisses)")
        }
    }
}
