import Analytics
import Foundation
import Ingest
import SampleData

/// Simulated daily helpline calls that behave like real ones, with a known campaign effect.
///
/// Mean on day t: `level` × a weekday pattern × a trend of 5 % a year × a yearly cycle of ±10 % × 0.7 on French
/// public holidays × (1 + uplift) in the campaign × ε_t × (a shared shock, when `shock` is set). ε_t = exp(x_t −
/// s²/2) with x an AR(1) of coefficient `autoregression` and marginal sd `latentDeviation` (Zeger's latent
/// process); the count is then Poisson, or negative binomial of size `size`, or has variance `varianceToMean` ×
/// mean (quasi-Poisson). A share `missingShare` of the days is dropped at random (never in the campaign).
struct NoisyCalls {
    /// One simulated setting.
    struct Setting: CustomStringConvertible, Sendable {
        var name: String
        var level: Double
        var historyYears: Double
        var campaignDays: Int
        var uplift: Double
        var autoregression: Double = 0
        var latentDeviation: Double = 0
        var size: Double? = nil
        var varianceToMean: Double? = nil
        var missingShare: Double = 0

        var description: String { name }
    }

    static let start = CivilDate(year: 2017, month: 1, day: 2) ?? CivilDate(daysSinceEpoch: 0)
    static let weekly = [1.0, 0.95, 0.9, 0.92, 1.05, 0.7, 0.6]
    static let holidays = Set((2017...2021).flatMap { PublicHolidays.france(year: $0) })

    let campaign: DayRange
    let series: [CivilDate: Double]
    /// The mean of each day without the campaign and without the latent deviation: what a perfect model expects.
    let means: [CivilDate: Double]
    /// The shared shock's multiplier by day (1 outside it), for a control series to share.
    let shockFactor: [CivilDate: Double]

    /// The mean multiplier of a ramp shock like the first lockdown's: from 1 it rises linearly to `peak` over
    /// `rampDays`, then stays.
    static func ramp(day: Int, start: Int, rampDays: Int, peak: Double) -> Double {
        guard day >= start else { return 1 }
        return 1 + (peak - 1) * min(1, Double(day - start + 1) / Double(rampDays))
    }

    init(
        setting: Setting, seed: UInt64, stream: String = "target", uplift: Double? = nil,
        shock: ((Int) -> Double)? = nil
    ) {
        var generator = SeededGenerator(seed: seed, stream: stream)
        let historyDays = Int((setting.historyYears * 365).rounded())
        let campaignStart = Self.start.adding(days: historyDays)
        campaign = dayRange(from: campaignStart, days: setting.campaignDays)
        let effect = 1 + (uplift ?? setting.uplift)
        let rho = setting.autoregression
        let deviation = setting.latentDeviation
        var latent = deviation * generator.nextStandardNormal()
        var series: [CivilDate: Double] = [:]
        var shocks: [CivilDate: Double] = [:]
        var means: [CivilDate: Double] = [:]
        for offset in 0..<(historyDays + 2 * setting.campaignDays) {
            let day = Self.start.adding(days: offset)
            if offset > 0 {
                latent = rho * latent + (1 - rho * rho).squareRoot() * deviation * generator.nextStandardNormal()
            }
            var mean = setting.level * Self.weekly[day.isoWeekday - 1] * (1 + 0.05 * Double(offset) / 365.25)
            mean *= 1 + 0.1 * sin(2 * Double.pi * Double(day.daysSinceEpoch) / 365.25)
            if Self.holidays.contains(day) { mean *= 0.7 }
            let shockValue = shock?(offset) ?? 1
            means[day] = mean * shockValue
            if campaign.contains(day) { mean *= effect }
            shocks[day] = shockValue
            mean *= shockValue * exp(latent - deviation * deviation / 2)
            let count: Int
            if let size = setting.size {
                count = NegativeBinomial(mean: mean, size: size).sample(using: &generator)
            } else if let ratio = setting.varianceToMean {
                count = NegativeBinomial(mean: mean, varianceToMean: ratio).sample(using: &generator)
            } else {
                count = PoissonDistribution(mean: mean).sample(using: &generator)
            }
            let dropped = setting.missingShare > 0 && generator.nextUnit() < setting.missingShare
            if !dropped || campaign.contains(day) { series[day] = Double(count) }
        }
        self.series = series
        self.shockFactor = shocks
        self.means = means
    }
}

/// What a batch of simulations found for one setting: how often each interval covered the injected uplift, how
/// often a null campaign and the placebo were called significant, and the median interval width, for the
/// intervals under the estimated noise and under independent φμ days (the method before serial correlation was
/// modelled).
struct CalibrationOutcome: Sendable {
    var simulations = 0
    var notFitted = 0
    var covered = 0
    var coveredIndependent = 0
    var nullFindings = 0
    var nullFindingsIndependent = 0
    var placeboFindings = 0
    var placeboFindingsIndependent = 0
    var widths: [Double] = []
    var widthsIndependent: [Double] = []

    func rate(_ count: Int) -> Double { Double(count) / Double(max(1, simulations)) }
    var coverage: Double { rate(covered) }
    var falsePositiveRate: Double { rate(nullFindings) }
    var placeboRate: Double { rate(placeboFindings) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Runs `count` simulations of `setting` from `firstSeed`: each draws the series with the setting's uplift
    /// (coverage, width, placebo) and again with none (null findings).
    static func run(_ setting: NoisyCalls.Setting, count: Int, firstSeed: UInt64) -> CalibrationOutcome {
        var outcome = CalibrationOutcome()
        let z = SpecialFunctions.criticalValue(confidenceLevel: 0.95)
        func independentInterval(_ figures: CounterfactualEstimate.Figures) -> ConfidenceInterval {
            let spread = exp(z * figures.independentStandardError)
            return ConfidenceInterval(
                lower: figures.observed / (figures.expected * spread) - 1,
                upper: figures.observed * spread / figures.expected - 1, level: 0.95)
        }
        for index in 0..<count {
            let seed = firstSeed + UInt64(index)
            let treated = NoisyCalls(setting: setting, seed: seed)
            let null = NoisyCalls(setting: setting, seed: seed, stream: "null", uplift: 0)
            let model = CounterfactualModel(
                series: treated.series, campaign: treated.campaign, holidays: NoisyCalls.holidays)
            let nullModel = CounterfactualModel(
                series: null.series, campaign: null.campaign, holidays: NoisyCalls.holidays)
            guard let figures = model.estimate().figures, let placebo = model.placebo().figures,
                let nullFigures = nullModel.estimate().figures
            else {
                outcome.notFitted += 1
                continue
            }
            outcome.simulations += 1
            let truth = setting.uplift
            if figures.upliftInterval.contains(truth) { outcome.covered += 1 }
            let independent = independentInterval(figures)
            if independent.contains(truth) { outcome.coveredIndependent += 1 }
            if !nullFigures.upliftInterval.contains(0) { outcome.nullFindings += 1 }
            if !independentInterval(nullFigures).contains(0) { outcome.nullFindingsIndependent += 1 }
            if !placebo.upliftInterval.contains(0) { outcome.placeboFindings += 1 }
            if !independentInterval(placebo).contains(0) { outcome.placeboFindingsIndependent += 1 }
            outcome.widths.append(figures.upliftInterval.upper - figures.upliftInterval.lower)
            outcome.widthsIndependent.append(independent.upper - independent.lower)
        }
        return outcome
    }
}

/// The headline of a simulated series under a misfit the model cannot see (issue 25): the misfits the
/// calibration table's level-shift and slope-change rows draw (``FearedCalls``), and what the pipeline makes of
/// one series. The rates of a row are tallied by ``FearedOutcome``, the one tally of the calibration.
enum SimulatedHeadline {
    /// What the model does not know about: nothing, an undeclared level shift of ±10–25% six weeks before the
    /// campaign (size and sign drawn per simulation), or a change of the trend's slope by ±15% a year eight
    /// months before it.
    enum Misfit: String, Sendable {
        case none
        case levelShift = "level shift ±10–25% 6 weeks before"
        case slopeChange = "slope change ±15%/year 8 months before"
    }

    /// The shock of `misfit` on the day `offset` days after the simulation's start, for a history of
    /// `historyDays`; its size and sign drawn from `seed`.
    static func shock(_ misfit: Misfit, historyDays: Int, seed: UInt64) -> (Int) -> Double {
        var generator = SeededGenerator(seed: seed, stream: "misfit")
        let sign: Double = generator.nextUnit() < 0.5 ? -1 : 1
        let size = 0.10 + 0.15 * generator.nextUnit()
        switch misfit {
        case .none:
            return { _ in 1 }
        case .levelShift:
            let from = historyDays - 42
            return { $0 >= from ? 1 + sign * size : 1 }
        case .slopeChange:
            let from = historyDays - 243
            return { $0 >= from ? 1 + sign * 0.15 * Double($0 - from) / 365.25 : 1 }
        }
    }

    /// What the pipeline makes of a simulated series (``CampaignEstimates``, the French holidays, no other
    /// campaign): its headline choice, the model's figures and the uplift interval of the row the headline quotes.
    /// `series` replaces the simulation's counts when given (the same campaign with news spikes, `SpikyCalls`).
    struct Headline {
        let choice: HeadlineChoice
        let figures: CounterfactualEstimate.Figures
        let quoted: ConfidenceInterval?

        /// Whether the headline quotes an interval that misses `truth`, with no caution.
        func missesSilently(_ truth: Double) -> Bool {
            guard choice.cautions.isEmpty, let quoted else { return false }
            return !quoted.contains(truth)
        }
    }

    static func headline(_ simulated: NoisyCalls, series: [CivilDate: Double]? = nil) -> Headline? {
        let name = SeriesName(metric: .calls, key: "119")
        let campaign = Campaign(id: "simulated", window: simulated.campaign)
        // The simulated calls follow no school calendar, so the model is given none (as `school_holidays: none`).
        let calendar = CampaignCalendar(
            timeZoneIdentifier: "Europe/Paris", campaigns: [campaign], schoolHolidays: SchoolHolidayZones.none)
        let estimates = CampaignEstimates.estimate(
            campaign: campaign, calendar: calendar,
            series: [DailySeries(name: name, values: series ?? simulated.series)],
            seriesNames: [name])
        guard let figures = estimates.series.first?.model?.figures, let choice = estimates.headline else {
            return nil
        }
        let row = estimates.rows.first { $0.headline }
        let quoted = row.flatMap { row in
            row.upliftLow.flatMap { low in
                row.upliftHigh.map { ConfidenceInterval(lower: low, upper: $0, level: 0.95) }
            }
        }
        return Headline(choice: choice, figures: figures, quoted: quoted)
    }
}
