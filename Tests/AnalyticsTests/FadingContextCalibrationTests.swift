import Analytics
import Foundation
import Ingest
import Testing

/// Calibration of a campaign that starts the day after a lockdown whose effect fades over the two weeks after its
/// declared end (issue 25): calls rise by 30% over a 55-day lockdown, return linearly over the 14 days after it,
/// and the 14-day campaign runs over those days. The model is given the lockdown as a step that stops on its last
/// day, or with `ends_over: 14` (linear) declared.
///
/// `AWARENESS_CALIBRATION=1 swift test -c release --filter FadingContextCalibration`; simulations with
/// `AWARENESS_CALIBRATION_SIMULATIONS` (default 2,000, here at least 100) from `AWARENESS_CALIBRATION_SEED`.
@Suite("Fading context calibration")
struct FadingContextCalibrationTests {
    static let setting = NoisyCalls.Setting(
        name: "AR ρ 0.3 sd 5%, NB size 100, 300/day, 2 y, 14 d, +15%, lockdown ×1.3 fading over 14 d",
        level: 300, historyYears: 2, campaignDays: 14, uplift: 0.15, autoregression: 0.3, latentDeviation: 0.05,
        size: 100)
    static let lockdownDays = 55
    static let returnDays = 14

    /// The lockdown's multiplier on day `offset` of the simulation: 1.3 on its 55 days, which end the day before
    /// the campaign, then 1 + 0.3·(1 − k/14) on the k-th day after.
    static func shock(_ offset: Int) -> Double {
        let campaignStart = Int((setting.historyYears * 365).rounded())
        let end = campaignStart - 1
        if offset > end - lockdownDays, offset <= end { return 1.3 }
        let after = offset - end
        guard after > 0, after <= returnDays else { return 1 }
        return 1 + 0.3 * (1 - Double(after) / Double(returnDays))
    }

    struct Outcome {
        var simulations = 0
        var covered = 0
        var nullFindings = 0
        var widths: [Double] = []
        var notFitted = 0
    }

    static func run(declaringReturn: Bool, count: Int, firstSeed: UInt64) -> Outcome {
        var outcome = Outcome()
        let campaignStart = NoisyCalls.start.adding(days: Int((setting.historyYears * 365).rounded()))
        let lockdown = dayRange(from: campaignStart.adding(days: -lockdownDays), days: lockdownDays)
        let step = ContextStep(
            id: "lockdown", days: lockdown, gradualReturn: declaringReturn ? ContextReturn(days: returnDays) : nil)
        for index in 0..<count {
            let seed = firstSeed + UInt64(index)
            let treated = NoisyCalls(setting: setting, seed: seed, shock: shock)
            let null = NoisyCalls(setting: setting, seed: seed, stream: "null", uplift: 0, shock: shock)
            let model = CounterfactualModel(
                series: treated.series, campaign: treated.campaign, holidays: NoisyCalls.holidays,
                contextEvents: [step])
            let nullModel = CounterfactualModel(
                series: null.series, campaign: null.campaign, holidays: NoisyCalls.holidays, contextEvents: [step])
            guard let figures = model.estimate().figures, let nullFigures = nullModel.estimate().figures else {
                outcome.notFitted += 1
                continue
            }
            outcome.simulations += 1
            if figures.upliftInterval.contains(setting.uplift) { outcome.covered += 1 }
            if !nullFigures.upliftInterval.contains(0) { outcome.nullFindings += 1 }
            outcome.widths.append(figures.upliftInterval.upper - figures.upliftInterval.lower)
        }
        return outcome
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["AWARENESS_CALIBRATION"] == "1"))
    func declaringTheReturnRestoresCoverageAfterAFadingLockdown() {
        let environment = ProcessInfo.processInfo.environment
        let count = max(100, environment["AWARENESS_CALIBRATION_SIMULATIONS"].flatMap { Int($0) } ?? 2000)
        let seed = environment["AWARENESS_CALIBRATION_SEED"].flatMap { UInt64($0) } ?? 1
        func percent(_ part: Int, _ whole: Int) -> String {
            String(format: "%.1f%%", 100 * Double(part) / Double(max(1, whole)))
        }
        print(
            "fading context: \(count) simulations from seed \(seed), \(Self.setting.name)\n"
                + "| lockdown declared | coverage | null significant | median width |\n|---|---|---|---|")
        for declaring in [false, true] {
            let outcome = Self.run(declaringReturn: declaring, count: count, firstSeed: seed)
            print(
                "| \(declaring ? "ends_over: 14 (linear)" : "step, no ends_over") "
                    + "| \(percent(outcome.covered, outcome.simulations)) "
                    + "| \(percent(outcome.nullFindings, outcome.simulations)) "
                    + "| \(String(format: "%.3f", CalibrationOutcome.median(outcome.widths))) |")
            #expect(outcome.notFitted == 0)
            if declaring {
                let coverage = Double(outcome.covered) / Double(max(1, outcome.simulations))
                #expect((0.92...0.98).contains(coverage), "coverage \(coverage)")
                #expect(Double(outcome.nullFindings) / Double(max(1, outcome.simulations)) <= 0.07)
            }
        }
    }
}
