import Foundation
import Ingest
import Testing

@testable import Analytics

/// News spikes (issue 25, item 7): found robustly among a fit's days, left out of the fit and of the noise
/// estimate, allowed for in the skewed interval of a window's total, and said when they carry a window.
@Suite("News spikes")
struct NewsSpikesTests {
    /// 200 Poisson days around 100 with a spike on day 100 (×3, ×2, ×1.5, ×1.25), a level 60% higher on days
    /// 150–169 and a day at 40 on day 50.
    static func days() -> (days: [Int], observed: [Double], expected: [Double]) {
        var generator = SplitMix64(seed: 5)
        var observed = (0..<200).map { _ in generator.poisson(100) }
        for (offset, value) in [300.0, 200, 150, 125, 100].enumerated() { observed[100 + offset] = value }
        for day in 150..<170 { observed[day] = 160 }
        observed[50] = 40
        return (Array(0..<200), observed, [Double](repeating: 100, count: 200))
    }

    @Test func aSpikeIsFoundWithItsDecayingTailButAChangeOfLevelIsNot() {
        let (days, observed, expected) = Self.days()
        let spikes = NewsSpikes.find(days: days, observed: observed, expected: expected, noise: .poisson)
        #expect(spikes.spikes.map(\.days) == [[100, 101, 102, 103]])
        #expect(abs((spikes.spikes.first?.excess ?? 0) - 3.75) < 1e-12)
        #expect(spikes.lowDays == [50])
        #expect(spikes.flaggedDays == [50, 100, 101, 102, 103])
        #expect(abs(spikes.onsetRate - 1.0 / 200) < 1e-15)
        // The spike and the shifted days do not move the robust scale of Poisson residuals far from 1.
        #expect(abs(spikes.scale - 1) < 0.25)
    }

    /// A level 30% higher over the last six weeks of 400 Poisson days around 100, which the model does not know:
    /// the noise breaks the shifted days into runs above the onset threshold, some of them short, but none rises
    /// from the usual level and returns to it.
    @Test func aShiftedLevelBrokenIntoShortRunsIsNoSpike() {
        var generator = SplitMix64(seed: 8)
        let observed = (0..<400).map { $0 < 358 ? generator.poisson(100) : generator.poisson(130) }
        let spikes = NewsSpikes.find(
            days: Array(0..<400), observed: observed, expected: [Double](repeating: 100, count: 400), noise: .poisson)
        #expect(spikes.spikes.isEmpty)
    }

    @Test func aDayBetweenSpikesWithoutDataEndsTheTail() {
        var (days, observed, expected) = Self.days()
        days.remove(at: 102)
        observed.remove(at: 102)
        expected.remove(at: 102)
        let spikes = NewsSpikes.find(days: days, observed: observed, expected: expected, noise: .poisson)
        #expect(spikes.spikes.map(\.days) == [[100, 101]])
    }

    @Test func aWindowHoldingASpikeHoldsOneOrTwoWithPoissonProbabilities() {
        let spikes = NewsSpikes(
            centre: 0, scale: 1, spikes: [.init(days: [1], excess: 2), .init(days: [50, 51], excess: 4)], lowDays: [],
            daysLookedAt: 200)
        let mixture = spikes.windowExcess(days: 20, holdingOne: true)
        let mean = 2.0 / 200 * 20
        let probabilities = mixture.map { $0.probability }
        let excesses = mixture.map { $0.excess }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
        // One spike given at least one: λW·e^(−λW)/(1 − e^(−λW)), shared by the two sizes seen.
        let one = mean * exp(-mean) / (1 - exp(-mean))
        #expect(excesses == [2, 4, 4, 6, 6, 8])
        #expect(abs(probabilities[0] + probabilities[1] - one) < 1e-15)
        #expect(abs(probabilities[0] - probabilities[1]) < 1e-15)
        #expect(spikes.windowExcess(days: 20, holdingOne: false).map { $0.excess } == [0])
        #expect(NewsSpikes.none.windowExcess(days: 20, holdingOne: true).map { $0.excess } == [0])
    }

    /// In a window holding a spike, the skewed test keeps r exactly when O lies between the 2.5% and 97.5% points
    /// of the mixture Σ p_k·Φ((O − r(E + m·e_k))/(√V·t/z)); in one without, or with no spike found, it is the
    /// symmetric test.
    @Test func theSkewedIntervalIsTheMixturesQuantilesAndWidensOnlyBelow() {
        let (observed, expected, t) = (1_400.0, 1_000.0, 2.1)
        let levels = (0..<10).map { (day: $0, level: expected / 10) }
        let noise = NoiseStructure(linear: 1.5, quadratic: 0, correlationScale: 0, decay: 0, autocorrelation: [])
        func interval(_ spikes: NewsSpikes, holdsSpike: Bool = true) -> (lower: Double, upper: Double) {
            CounterfactualModel.ratioInterval(
                observed: observed, expected: expected, levels: levels, relativeParameterVariance: 0.001,
                noise: noise, fittedLevels: 1...1_000, critical: t, spikes: spikes, holdsSpike: holdsSpike,
                confidenceLevel: 0.95)
        }
        let plain = interval(.none)
        let noSpike = interval(
            NewsSpikes(centre: 0, scale: 1, spikes: [], lowDays: [3], daysLookedAt: 300))
        #expect(noSpike.lower == plain.lower && noSpike.upper == plain.upper)
        let spikes = NewsSpikes(
            centre: 0, scale: 1, spikes: [.init(days: [7, 8], excess: 3)], lowDays: [], daysLookedAt: 100)
        let skewed = interval(spikes)
        let withoutSpike = interval(spikes, holdsSpike: false)
        #expect(withoutSpike.lower == plain.lower && withoutSpike.upper == plain.upper)
        #expect(skewed.lower < plain.lower - 0.05)
        #expect(skewed.upper <= plain.upper)
        let z = SpecialFunctions.criticalValue(confidenceLevel: 0.95)
        func position(_ r: Double) -> Double {
            let deviation = (1.5 * r * expected + r * r * expected * expected * 0.001).squareRoot() * t / z
            return spikes.windowExcess(days: 10, holdingOne: true).reduce(0) { total, part in
                total + part.probability
                    * SpecialFunctions.normalCDF((observed - r * (expected + 100 * part.excess)) / deviation)
            }
        }
        #expect(abs(position(skewed.lower) - 0.975) < 1e-9)
        #expect(abs(position(skewed.upper) - 0.025) < 1e-9)
    }

    /// Two years of Poisson calls around 40 a day with eight spikes (×3, halving each day) in the history: the
    /// model leaves their days out and says so, and its interval stays that of the calls without them.
    @Test func spikesInTheHistoryAreLeftOutSaidAndDoNotWidenTheInterval() throws {
        let start = try #require(CivilDate(year: 2018, month: 1, day: 1))
        let campaign = dayRange(from: start.adding(days: 730), days: 14)
        let calm = simulatedCalls(seed: 3, from: start, days: 744, campaign: campaign, effect: 1)
        var spiky = calm
        let onsets = [40, 130, 215, 300, 390, 470, 560, 650]
        for onset in onsets {
            for (offset, factor) in [2.0, 1, 0.5].enumerated() {
                let day = start.adding(days: onset + offset)
                spiky[day] = (spiky[day] ?? 0) + factor * 40
            }
        }
        let clean = try #require(CounterfactualModel(series: calm, campaign: campaign).estimate().figures)
        let estimate = CounterfactualModel(series: spiky, campaign: campaign).estimate()
        let figures = try #require(estimate.figures)
        #expect(figures.newsSpikes.spikes.count == onsets.count)
        let note = estimate.notes.first { if case .outlierDaysLeftOut = $0 { true } else { false } }
        #expect(note == .outlierDaysLeftOut(days: figures.newsSpikes.flaggedDays.count, spikes: onsets.count))
        let firstSpike = start.adding(days: onsets[0])
        #expect(figures.daily.first { $0.date == firstSpike }?.usedInFit == false)
        #expect(
            figures.fittedDays + figures.newsSpikes.flaggedDays.count
                == clean.fittedDays + clean.newsSpikes.flaggedDays.count)
        // The noise is that of the calm days, and the scale of the spikes' threshold is measured under it (about 1
        // for Poisson days), so no day of this calm window stands out and its interval is the symmetric one.
        #expect(abs(figures.noise.linear - clean.noise.linear) < 0.1)
        #expect(abs(figures.newsSpikes.scale - 1) < 0.15)
        let terms = figures.windowTerms
        #expect(
            figures.newsSpikes.standingOut(observed: terms.observed, levels: terms.levels, noise: figures.noise)
                .isEmpty)
        let width = figures.upliftInterval.upper - figures.upliftInterval.lower
        let cleanWidth = clean.upliftInterval.upper - clean.upliftInterval.lower
        #expect(width < 1.25 * cleanWidth)
        #expect(figures.upliftInterval.upper <= clean.upliftInterval.upper + 0.01)
        // The p-value and the interval still agree.
        #expect((figures.pValue < 0.05) == !figures.upliftInterval.contains(0))
    }

    /// A null window with one day at three times its level: its rise sits on that day, and the headline says so;
    /// a window lifted by 30% on every day has no such day.
    @Test func aWindowLiftedByOneDayIsCautionedAndAWholeRiseIsNot() throws {
        let start = try #require(CivilDate(year: 2018, month: 1, day: 1))
        let campaign = dayRange(from: start.adding(days: 730), days: 14)
        var lifted = simulatedCalls(seed: 4, from: start, days: 744, campaign: campaign, effect: 1)
        let spikeDay = campaign.start.adding(days: 5)
        lifted[spikeDay] = (lifted[spikeDay] ?? 0) + 90
        let figures = try #require(CounterfactualModel(series: lifted, campaign: campaign).estimate().figures)
        let check = try #require(WindowSpikeCheck(figures))
        #expect(check.days == [spikeDay])
        #expect(check.share > 0.5)

        let risen = simulatedCalls(seed: 4, from: start, days: 744, campaign: campaign, effect: 1.3)
        let whole = try #require(CounterfactualModel(series: risen, campaign: campaign).estimate().figures)
        #expect(whole.uplift > 0.2)
        #expect(WindowSpikeCheck(whole) == nil)
    }

    @Test func theHeadlineOfAWindowLiftedByASpikeCarriesTheSpikeCaution() throws {
        let simulated = NoisyCalls(setting: CalibrationTests.settings[0], seed: 21, uplift: 0)
        var series = simulated.series
        let spikeDay = simulated.campaign.start.adding(days: 3)
        for (offset, factor) in [2.0, 1].enumerated() {
            let day = spikeDay.adding(days: offset)
            series[day] = (series[day] ?? 0) + factor * (simulated.means[day] ?? 0)
        }
        let headline = try #require(SimulatedHeadline.headline(simulated, series: series))
        let caution = try #require(headline.choice.cautions.first { $0.code == .spikeInWindow })
        #expect(caution == .spikeInWindow(days: [spikeDay, spikeDay.adding(days: 1)], share: caution.share))
        let calm = try #require(SimulatedHeadline.headline(simulated))
        #expect(!calm.choice.cautions.contains { $0.code == .spikeInWindow })
    }
}

extension HeadlineCaution {
    /// The share of a `spikeInWindow` caution, 0 for the others.
    fileprivate var share: Double {
        if case .spikeInWindow(_, let share) = self { return share }
        return 0
    }
}
