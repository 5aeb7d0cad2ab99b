import Analytics
import Foundation
import Ingest
import Testing

/// The calibration table of issue 25 (item 8): one row per kind of data the model has to face
/// (``FearedCalls/Setting``), each estimated by the whole pipeline, its headline included.
///
/// `AWARENESS_CALIBRATION=1 swift test -c release -Xswiftc -enable-testing --filter CalibrationTable` prints the
/// README's table. `AWARENESS_CALIBRATION_SIMULATIONS` sets the simulations per row (default 400; the
/// many-campaigns row draws one night of 100 campaigns per 20 of them), `AWARENESS_CALIBRATION_SEED` the first
/// seed (default 1), `AWARENESS_CALIBRATION_ONLY=spikes,level-shift` the rows, and
/// `AWARENESS_CALIBRATION_EXPORT=<folder>` writes the series and awareness's results for `Benchmarks/causalimpact`
/// (`AWARENESS_CALIBRATION_EXPORT_LIMIT` pairs of series per row, default 100).
///
/// Targets: where the structure is built in or declared, coverage 93–97% and null findings at most 6%; where it
/// is not, coverage at least 90% and headlines that miss the truth with no caution at most 5%.
@Suite("Calibration table")
struct CalibrationTableTests {
    typealias Setting = FearedCalls.Setting

    /// Runs `simulations` simulations of `setting` from `firstSeed` (nights of 100 campaigns for the
    /// many-campaigns row: one per 20 simulations, at least one), exporting the first `exportLimit` pairs.
    static func run(
        _ setting: Setting, simulations: Int, firstSeed: UInt64, export: inout FearedCallsExport?, exportLimit: Int
    ) throws -> FearedOutcome {
        var outcome = FearedOutcome()
        let draws = setting == .manyCampaigns ? max(1, simulations / 20) : simulations
        var exported = 0
        for index in 0..<draws {
            let seed = firstSeed + UInt64(index)
            let effect = FearedCalls(setting, index: index, seed: seed, effect: true)
            let null = FearedCalls(setting, index: index, seed: seed, effect: false)
            let effectExclusions = CampaignExclusions(campaigns: effect.calendar.campaigns)
            let nullExclusions = CampaignExclusions(campaigns: null.calendar.campaigns)
            for (treated, untreated) in zip(effect.targets, null.targets) {
                let withEffect = FearedVerdict(effect, target: treated, exclusions: effectExclusions)
                let without = FearedVerdict(null, target: untreated, exclusions: nullExclusions)
                outcome.record(effect: withEffect, null: without, truth: treated.truth)
                if export != nil, exported < exportLimit {
                    try export?.add(
                        effect, target: treated, verdict: withEffect, simulation: index, effect: true,
                        exclusions: effectExclusions)
                    try export?.add(
                        null, target: untreated, verdict: without, simulation: index, effect: false,
                        exclusions: nullExclusions)
                    exported += 1
                }
            }
        }
        return outcome
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["AWARENESS_CALIBRATION"] == "1"))
    func everyRowMeetsItsTargetsWithTheHeadlineCautionedWhereTheModelMisses() throws {
        let environment = ProcessInfo.processInfo.environment
        let simulations = max(20, environment["AWARENESS_CALIBRATION_SIMULATIONS"].flatMap { Int($0) } ?? 400)
        let seed = environment["AWARENESS_CALIBRATION_SEED"].flatMap { UInt64($0) } ?? 1
        let only = environment["AWARENESS_CALIBRATION_ONLY"].flatMap {
            $0.isEmpty ? nil : Set($0.split(separator: ",").map(String.init))
        }
        let exportLimit = environment["AWARENESS_CALIBRATION_EXPORT_LIMIT"].flatMap { Int($0) } ?? 100
        var export = try environment["AWARENESS_CALIBRATION_EXPORT"].map {
            try FearedCallsExport(folder: URL(filePath: $0))
        }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", 100 * value) }
        print(
            "calibration table: \(simulations) simulations per row from seed \(seed)\n"
                + "| setting | campaigns | coverage | null significant | placebo significant | median width | bias "
                + "| silent miss (effect / null) | caution on null (codes) | ms per campaign | targets "
                + "| before (audit): coverage / null / silent miss |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|")
        for setting in Setting.allCases {
            if let only, !only.contains(setting.rawValue) { continue }
            let outcome = try Self.run(
                setting, simulations: simulations, firstSeed: seed, export: &export, exportLimit: exportLimit)
            let met = Self.meetsTargets(setting, outcome)
            print(
                "| \(setting.title) | \(outcome.campaigns) | \(percent(outcome.coverage)) "
                    + "| \(percent(outcome.nullRate)) | \(percent(outcome.placeboRate)) "
                    + "| \(String(format: "%.3f", CalibrationOutcome.median(outcome.widths))) "
                    + "| \(String(format: "%+.1f pts", 100 * outcome.bias)) "
                    + "| \(percent(outcome.rate(outcome.silentMisses))) / "
                    + "\(percent(outcome.rate(outcome.silentNullMisses))) "
                    + "| \(percent(outcome.rate(outcome.nullCautions))) (\(outcome.nullCautionSummary)) "
                    + "| \(String(format: "%.1f", 1000 * CalibrationOutcome.median(outcome.seconds))) "
                    + "| \(met ? "met" : "missed") | \(setting.audit) |")
            #expect(outcome.notFitted == 0, "\(setting.rawValue): \(outcome.notFitted) not fitted")
            #expect(met, "\(setting.rawValue): \(outcome)")
        }
        try export?.finish()
    }

    /// Whether `outcome` meets the targets of `setting`'s kind (issue 25, item 8).
    static func meetsTargets(_ setting: Setting, _ outcome: FearedOutcome) -> Bool {
        if setting.isKnownToTheModel {
            return (0.93...0.97).contains(outcome.coverage) && outcome.nullRate <= 0.06
        }
        return outcome.coverage >= 0.90 && outcome.silentMissRate <= 0.05
    }
}

/// What the simulator of the calibration table draws, checked on single draws (always run).
@Suite("The data we fear")
struct FearedCallsTests {
    @Test(arguments: FearedCalls.Setting.allCases)
    func theSameSeedDrawsTheSameNight(setting: FearedCalls.Setting) {
        let one = FearedCalls(setting, index: 3, seed: 11, effect: true)
        let again = FearedCalls(setting, index: 3, seed: 11, effect: true)
        #expect(one.series.map(\.values) == again.series.map(\.values))
        #expect(one.calendar == again.calendar)
        #expect(one.targets.count == setting.campaignsPerSimulation)
    }

    @Test(arguments: [FearedCalls.Setting.levelShift, .twoCampaigns, .schoolCalendar])
    func theNullDrawInjectsNoUpliftAndTheEffectDrawInjectsFifteenPercent(setting: FearedCalls.Setting) {
        let effect = FearedCalls(setting, index: 0, seed: 5, effect: true)
        let null = FearedCalls(setting, index: 0, seed: 5, effect: false)
        #expect(effect.targets.map(\.truth) == [0.15])
        #expect(null.targets.map(\.truth) == [0])
        #expect(effect.targets.first?.campaign.window == null.targets.first?.campaign.window)
    }

    @Test func theFirstCampaignsTailFadesOverExactlyTheSecondsPlaceboWindow() throws {
        let night = FearedCalls(.twoCampaigns, index: 0, seed: 1, effect: true)
        let target = try #require(night.targets.first)
        let first = try #require(night.calendar.campaign(id: "first"))
        let start = 730
        #expect(first.window.end.adding(days: 15) == target.campaign.window.start)
        #expect(FearedCalls.firstCampaignFactor(offset: start - 15, secondStart: start) == 1.15)
        #expect(
            abs(FearedCalls.firstCampaignFactor(offset: start - 14, secondStart: start) - (1 + 0.15 * 13 / 14)) < 1e-12)
        #expect(FearedCalls.firstCampaignFactor(offset: start - 2, secondStart: start) > 1)
        #expect(FearedCalls.firstCampaignFactor(offset: start - 1, secondStart: start) == 1)
        #expect(FearedCalls.firstCampaignFactor(offset: start, secondStart: start) == 1)
        #expect(FearedCalls.firstCampaignFactor(offset: start - 29, secondStart: start) == 1)
        // The pipeline leaves out the first campaign and its 14 days of carry-over: up to the day before.
        let excluded = night.excludedDays(
            for: target, exclusions: CampaignExclusions(campaigns: night.calendar.campaigns))
        #expect(
            excluded.contains {
                $0.start == first.window.start && $0.end >= target.campaign.window.start.adding(days: -1)
            })
    }

    @Test func spikesComeAboutOnceInNinetyDaysAtTwoToFourTimesTheLevel() {
        var starts = 0
        var highest = 0.0
        for seed in 1...20 {
            let factors = FearedCalls.spikeFactors(seed: UInt64(seed), days: 3650)
            highest = max(highest, factors.max() ?? 0)
            starts += zip(factors.dropFirst(), factors).filter { $0 > $1 * 1.9 && $0 >= 2 }.count
            #expect(factors.allSatisfy { $0 >= 1 })
        }
        // 20 × 3,650 days at 1/90: about 811 spikes (sd about 28).
        #expect((700...920).contains(starts), "\(starts) spikes")
        #expect(highest > 3 && highest < 8)
    }

    @Test func theManyCampaignsNightHasAHundredCampaignsOnTenHelplines() {
        let night = FearedCalls(.manyCampaigns, index: 0, seed: 2, effect: true)
        #expect(night.targets.count == 100)
        #expect(Set(night.targets.map(\.series)).count == 10)
        #expect(night.calendar.effectiveSchoolHolidays == SchoolHolidayZones.none)
    }

    @Test func theExportWritesAManifestRowAndADayPerLineForEachSeries() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "feared-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var export: FearedCallsExport? = try FearedCallsExport(folder: folder)
        let outcome = try CalibrationTableTests.run(
            .levelShift, simulations: 1, firstSeed: 3, export: &export, exportLimit: 1)
        try export?.finish()
        #expect(outcome.campaigns + outcome.notFitted == 1)
        let manifest = try String(contentsOf: folder.appending(path: "manifest.csv"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.joined(separator: ",") == FearedCallsExport.header)
        #expect(rows.count == 3)
        let header = FearedCallsExport.header.split(separator: ",")
        for row in rows.dropFirst() {
            #expect(row.count == header.count)
            let file = try #require(row.count > 4 ? String(row[4]) : nil)
            let lines = try String(contentsOf: folder.appending(path: file), encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "date,calls")
            // Two years of history and the 14 days of the campaign, one line each.
            #expect(lines.count == 1 + 730 + 14)
            #expect(lines.last?.hasPrefix(String(row[6])) == true)
        }
        #expect(rows.dropFirst().map { String($0[7]) } == ["0.15", "0"])
    }
}
